import { defineConfig } from '@playwright/test';

/** Browser tests: Debian's Chromium (never a downloaded one), the real server, one worker (2 cores). */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  outputDir: 'test-results/playwright',
  reporter: 'list',
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    viewport: { width: 1920, height: 1080 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
