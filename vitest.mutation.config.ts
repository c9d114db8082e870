import { defineConfig } from 'vitest/config';
import base from './vite.config';

// `npm run mutation` (Stryker) runs the unit project alone: the integration project starts real
// servers and the browser tests run under Playwright, neither belongs in a mutant's verdict.
// tz.test.ts is left out too: it runs the core in child processes under other TZ values, where
// Stryker cannot switch a mutant on, so it can never kill one and costs seconds per run.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: undefined,
    name: 'unit',
    include: ['tests/unit/**/*.test.ts'],
    exclude: ['tests/unit/tz.test.ts'],
    environment: 'node',
    // The core is pure and a mutant is switched on at run time, so the test files of one run may
    // share their modules: three times faster here than re-importing zod and date-fns per file.
    isolate: false,
  },
});
