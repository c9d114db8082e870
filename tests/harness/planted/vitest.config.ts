import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Planted faults for the verdict's self-test (tests/harness/verdict.test.ts). The real run never
// includes these: its globs are tests/unit/**/*.test.ts and tests/integration/**/*.test.ts.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['vitest/*.planted.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
