// `npm test`: install what is missing, then run every test — unit and integration under vitest,
// browser tests under Playwright (one file at a time: 2 cores), the benchmark harness smoke check —
// and end with one line: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureClientBuild, ensureDebianPackages, ensureDependencies, root } from './setup.mjs';

ensureDependencies();
// Every Debian tool a test drives (Chromium, …): installed up front when we are root.
const toolsReady = ensureDebianPackages();
const tally = { passed: 0, failed: 0, skipped: 0 };
const out = mkdtempSync(join(tmpdir(), 'baton-test-'));

function vitest(project) {
  const file = join(out, `${project}.json`);
  spawnSync('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!existsSync(file)) return void tally.failed++;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  tally.passed += r.numPassedTests;
  tally.failed += r.numFailedTests + (r.numTotalTestSuites === 0 ? 0 : countFailedSuites(r));
  tally.skipped += r.numPendingTests + r.numTodoTests;
}
// A file that fails to load has no failed test but a failed suite: count it, so it cannot hide.
const countFailedSuites = (r) => r.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;

function playwright() {
  const specs = existsSync(join(root, 'tests/e2e')) ? readdirSync(join(root, 'tests/e2e')).filter((f) => f.endsWith('.spec.ts')) : [];
  if (specs.length === 0) return;
  if (!toolsReady) return void tally.failed++;
  ensureClientBuild();
  const file = join(out, 'e2e.json');
  spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
  });
  if (!existsSync(file)) return void tally.failed++;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  tally.passed += stats.expected + stats.flaky;
  tally.failed += stats.unexpected;
  tally.skipped += stats.skipped;
}

function benchSmoke() {
  if (!existsSync(join(root, 'bench/run.ts'))) return;
  console.log('\n— bench smoke (npm run bench -- --quick): harness check, no timing assertions —');
  const r = spawnSync('node', ['--import', 'tsx', 'bench/run.ts', '--quick', '--no-write'], { cwd: root, stdio: 'inherit' });
  if (r.status === 0) tally.passed++;
  else tally.failed++;
}

vitest('unit');
vitest('integration');
playwright();
benchSmoke();
console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed > 0 || tally.passed === 0 ? 1 : 0);
