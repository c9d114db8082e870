// A vitest reporter that writes the verdict's own count to `VERDICT_FILE`. Vitest's JSON report
// leaves out unhandled errors and afterAll failures, and shows the tests of a suite whose
// beforeAll threw as merely skipped; this walks the run as vitest holds it, so none of those hide.
import { writeFileSync } from 'node:fs';

/** True when the suite or module itself failed (a hook threw, the file did not load). */
const suiteFailed = (s) => s.errors().length > 0 || s.state() === 'failed';

function walk(node, ancestorFailed, tally) {
  const failedHere = ancestorFailed || suiteFailed(node);
  const before = tally.failed;
  for (const child of node.children) {
    if (child.type === 'suite') {
      walk(child, failedHere, tally);
      continue;
    }
    const { state } = child.result();
    if (state === 'passed') tally.passed++;
    else if (state === 'failed') tally.failed++;
    else if (failedHere) {
      // A test that never ran because its suite's set-up failed did not pass and was not skipped.
      tally.failed++;
      tally.problems.push(`${child.fullName}: did not run (its suite failed)`);
    } else tally.skipped++;
  }
  if (suiteFailed(node) && tally.failed === before) {
    // e.g. an afterAll that threw after every test passed, or a file that could not load.
    tally.failed++;
    const where = node.type === 'module' ? node.relativeModuleId : node.fullName;
    const why = node.errors()[0]?.message ?? `state ${node.state()}`;
    tally.problems.push(`${where}: ${why.split('\n')[0]}`);
  }
}

export default class VerdictReporter {
  onTestRunEnd(testModules, unhandledErrors, reason) {
    const tally = { passed: 0, failed: 0, skipped: 0, problems: [] };
    for (const m of testModules) walk(m, false, tally);
    for (const e of unhandledErrors) {
      tally.failed++;
      tally.problems.push(`unhandled error: ${String(e.message ?? e).split('\n')[0]}`);
    }
    if (reason === 'interrupted') {
      tally.failed++;
      tally.problems.push('the run was interrupted');
    }
    const file = process.env.VERDICT_FILE;
    if (file) writeFileSync(file, JSON.stringify(tally));
  }
}
