import { defineConfig } from '@playwright/test';

// Planted faults for the verdict's self-test; `PLANT` chooses which. No browser is launched:
// the planted tests use no page. The real run's testDir is tests/e2e.
export default defineConfig({
  testDir: 'e2e',
  testMatch: /\.planted\.ts$/,
  workers: 1,
  timeout: 20_000,
  globalTimeout: process.env.PLANT === 'interrupt' ? 15_000 : 0,
  globalSetup: './global-setup.ts',
  outputDir: '../../../test-results/planted',
});
