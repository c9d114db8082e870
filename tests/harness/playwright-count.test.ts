/**
 * How the verdict reads Playwright's JSON report, on reports written out here: the statuses a
 * planted run cannot always produce on demand (an `interrupted` result from Ctrl+C) included.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript module without type declarations
import { playwrightTally } from '../../scripts/verdict.mjs';

type Count = { passed: number; failed: number; skipped: number; problems: string[] };
const tally = playwrightTally as (report: unknown) => Count;

const test = (status: string, expectedStatus: string, results: string[]) => ({ status, expectedStatus, results: results.map((s) => ({ status: s })) });
const report = (tests: ReturnType<typeof test>[], errors: { message: string }[] = []) => ({
  errors,
  suites: [{ title: 'a.spec.ts', specs: [], suites: [{ title: 'group', specs: tests.map((t, i) => ({ title: `t${i}`, tests: [t] })) }] }],
});

describe('counting a Playwright report', () => {
  it('[H1] an interrupted result is a failure, whatever the outcome says', () => {
    expect(tally(report([test('skipped', 'passed', ['interrupted'])]))).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
    expect(tally(report([test('expected', 'passed', ['passed']), test('skipped', 'passed', ['interrupted'])]))).toMatchObject({ passed: 1, failed: 1 });
  });

  it('[H1] a test that did not run though not meant to be skipped is a failure', () => {
    expect(tally(report([test('skipped', 'passed', [])]))).toMatchObject({ failed: 1, skipped: 0 });
  });

  it('[H1] every top-level error is a failure, even with no test at all', () => {
    const r = tally(report([], [{ message: '\u001b[31mError: global setup threw\u001b[39m\n  at x' }, { message: 'No tests found' }]));
    expect(r).toMatchObject({ passed: 0, failed: 2 });
    expect(r.problems[0]).toBe('playwright: Error: global setup threw');
  });

  it('[H2] only a test meant to be skipped is skipped; flaky counts as passed; unexpected as failed', () => {
    const r = tally(report([test('skipped', 'skipped', ['skipped']), test('flaky', 'passed', ['failed', 'passed']), test('unexpected', 'passed', ['failed']), test('unexpected', 'passed', ['timedOut'])]));
    expect(r).toMatchObject({ passed: 1, failed: 2, skipped: 1 });
  });
});
