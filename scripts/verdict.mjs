// How `npm test` counts. A count may only say more than a runner's report, never less: every
// runner's exit status is read, and a runner that failed without a failed test in its report
// still counts one failure. The harness self-test (tests/harness/) drives these same functions.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const reporter = fileURLToPath(new URL('./vitest-verdict.mjs', import.meta.url));
// The project's own binary when there is one: npx's lookup costs seconds on a loaded machine.
const bin = (cwd, name) => (existsSync(join(cwd, 'node_modules/.bin', name)) ? [join(cwd, 'node_modules/.bin', name), []] : ['npx', [name]]);
// Playwright colours its messages even into the JSON report.
const firstLine = (text) => String(text).replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0];

export const emptyTally = () => ({ passed: 0, failed: 0, skipped: 0, problems: [] });
export const verdictLine = (t) => `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
export const exitCode = (t) => (t.failed > 0 || t.passed === 0 ? 1 : 0);

export function add(total, part) {
  total.passed += part.passed;
  total.failed += part.failed;
  total.skipped += part.skipped;
  total.problems.push(...part.problems);
  return total;
}

/** The runner's own word: a non-zero exit (or none at all) that the counts do not show is a failure. */
function heedExit(tally, name, r) {
  if (r.error) tally.problems.push(`${name}: could not start (${r.error.message})`);
  const failedRun = r.error || r.status !== 0;
  if (failedRun && tally.failed === 0) {
    tally.failed++;
    tally.problems.push(`${name}: exited with ${r.status ?? r.signal ?? 'no status'} and no failed test in its report`);
  }
  return tally;
}

/** One vitest run (`args`: --project …, --config …, file filters) counted by the verdict reporter. */
export function runVitest({ name, args, cwd, out, env = process.env, stdio = 'inherit' }) {
  const file = join(out, `${name}.verdict.json`);
  rmSync(file, { force: true });
  const [cmd, pre] = bin(cwd, 'vitest');
  const r = spawnSync(cmd, [...pre, 'run', ...args, '--reporter=default', `--reporter=${reporter}`], {
    cwd,
    stdio,
    env: { ...env, VERDICT_FILE: file },
  });
  const tally = existsSync(file) ? { ...emptyTally(), ...JSON.parse(readFileSync(file, 'utf8')) } : emptyTally();
  if (!existsSync(file)) {
    tally.failed++;
    tally.problems.push(`${name}: vitest wrote no verdict`);
  }
  return heedExit(tally, name, r);
}

/** Count Playwright's JSON report: top-level errors fail; only a test meant to be skipped is skipped. */
export function playwrightTally(report) {
  const tally = emptyTally();
  for (const e of report.errors ?? []) {
    tally.failed++;
    tally.problems.push(`playwright: ${firstLine(e.message ?? e)}`);
  }
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const interrupted = (test.results ?? []).some((r) => r.status === 'interrupted');
        if (interrupted) {
          tally.failed++;
          tally.problems.push(`${spec.title}: interrupted`);
        } else if (test.status === 'expected' || test.status === 'flaky') tally.passed++;
        else if (test.status === 'skipped' && test.expectedStatus === 'skipped') tally.skipped++;
        else {
          tally.failed++;
          if (test.status === 'skipped') tally.problems.push(`${spec.title}: did not run to the end (not meant to be skipped)`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return tally;
}

/** One Playwright run (`args`: --config …, spec filters), counted from its JSON report and exit. */
export function runPlaywright({ name, args = [], cwd, out, env = process.env, stdio = 'inherit' }) {
  const file = join(out, `${name}.json`);
  rmSync(file, { force: true });
  const [cmd, pre] = bin(cwd, 'playwright');
  const r = spawnSync(cmd, [...pre, 'test', ...args, '--reporter=list,json'], {
    cwd,
    stdio,
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
  });
  let tally;
  try {
    tally = playwrightTally(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    tally = emptyTally();
    tally.failed++;
    tally.problems.push(`${name}: no readable JSON report (${error.message.split('\n')[0]})`);
  }
  return heedExit(tally, name, r);
}
