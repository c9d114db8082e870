import { fileURLToPath } from 'node:url';
import legacy from '@vitejs/plugin-legacy';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './scripts/precompress.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const serverPort = Number(process.env.PORT ?? 4310);

export default defineConfig({
  root: here('./client'),
  publicDir: false,
  plugins: [
    react(),
    // Old devices in the hall (a smart TV's Chrome 69, an iOS 12 iPad, the LED PC's old Firefox):
    // a second, SystemJS + core-js build loaded by <script nomodule> and by the inline check
    // plugin-legacy adds for browsers that run modules but lack modern syntax. Modern browsers
    // never download it. Its targets: README "Old devices" (rule L2).
    legacy({ targets: ['chrome >= 64', 'safari >= 12', 'ios >= 12', 'firefox >= 78', 'edge >= 79'] }),
    // Last: brotli and gzip copies of every text file the build wrote, the legacy chunks too (W1).
    precompress(),
  ],
  resolve: { alias: { '@shared': here('./shared') } },
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    // build.target is set by plugin-legacy for the modern chunks (browsers with import.meta.resolve).
    sourcemap: false,
    // .vite/manifest.json: the doors-open bench reads which files /agenda loads (bench/agenda-files.ts).
    manifest: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      '/socket.io': { target: `http://127.0.0.1:${serverPort}`, ws: true },
      '/api': `http://127.0.0.1:${serverPort}`,
      '/healthz': `http://127.0.0.1:${serverPort}`,
    },
  },
  test: {
    root: here('.'),
    // Playwright specs (tests/e2e) run under Playwright, never under vitest.
    projects: [
      // The verdict's self-test: runs planted faults (tests/harness/planted/) through the counting
      // code of `npm test`. Its planted files match no include glob here.
      { extends: true, test: { name: 'harness', include: ['tests/harness/*.test.ts'], environment: 'node', maxConcurrency: 2 } },
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
