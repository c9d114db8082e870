// `npm test`: install what is missing, then run every test — the verdict's own self-test, unit and
// integration under vitest, browser tests under Playwright (one file at a time: 2 cores), the
// benchmark harness smoke check — and end with one line: `N passed, N failed, N skipped`.
// What counts as failed or skipped: scripts/verdict.mjs (and README, "What the last line counts").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureClientBuild, ensureDebianPackages, ensureDependencies, root } from './setup.mjs';
import { add, emptyTally, exitCode, runPlaywright, runVitest, verdictLine } from './verdict.mjs';

ensureDependencies();
// Every Debian tool a test drives (Chromium, …): installed up front when we are root.
const toolsReady = ensureDebianPackages();
const tally = emptyTally();
const out = mkdtempSync(join(tmpdir(), 'baton-test-'));

const vitest = (project) => add(tally, runVitest({ name: project, args: ['--project', project], cwd: root, out }));

function playwright() {
  const specs = existsSync(join(root, 'tests/e2e')) ? readdirSync(join(root, 'tests/e2e')).filter((f) => f.endsWith('.spec.ts')) : [];
  if (specs.length === 0) return;
  if (!toolsReady) {
    tally.failed++;
    tally.problems.push('e2e: Chromium is not installed, so the browser tests could not run');
    return;
  }
  ensureClientBuild();
  add(tally, runPlaywright({ name: 'e2e', cwd: root, out }));
}

function benchSmoke() {
  if (!existsSync(join(root, 'bench/run.ts'))) return;
  console.log('\n— bench smoke (npm run bench -- --quick): harness check, no timing assertions —');
  const r = spawnSync('node', ['--import', 'tsx', 'bench/run.ts', '--quick', '--no-write'], { cwd: root, stdio: 'inherit' });
  if (r.status === 0) tally.passed++;
  else {
    tally.failed++;
    tally.problems.push(`bench smoke: exited with ${r.status ?? r.signal}`);
  }
}

vitest('harness');
vitest('unit');
vitest('integration');
playwright();
benchSmoke();
if (tally.problems.length) console.log(`\nFailures beyond failed tests (each counted in the line below):\n${tally.problems.map((p) => `  - ${p}`).join('\n')}`);
console.log(`\n${verdictLine(tally)}`);
process.exit(exitCode(tally));
