// Mutation testing of the pure core (shared/), run with `npm run mutation`; see docs/testing.md.
// Stryker 9.6 is the last line that runs on Node 20 (10.x asks for Node >= 22).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['shared/**/*.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  // The checker compiles shared/ alone (tsconfig.mutation.json): the whole project made it the bottleneck.
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  // A static mutant (a table or schema built when a module loads) needs every unit test in a
  // fresh environment: ~1,000 of them would take hours here. They are reported as ignored and
  // left out of the score; docs/testing.md says which code that is.
  ignoreStatic: true,
  // Two cores shared with other work: never more than two test runners.
  concurrency: 2,
  timeoutMS: 10_000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['dist', 'data', 'reports', 'test-results', 'playwright-report', 'bench/results', '.stryker-tmp'],
};
