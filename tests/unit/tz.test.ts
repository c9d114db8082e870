import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// [T8] Every displayed time is in the event's zone whatever the machine's own: the real time,
// derive, report and export tests run again here, each in a child vitest under another TZ (one
// west of UTC, one east of Hanoi across the date line, and Hanoi itself; the parent run is UTC), and every one of
// their tests must pass there. A defect that only shows away from UTC (where this machine runs)
// turns this red.
const FILES = ['tests/unit/time.test.ts', 'tests/unit/derive.test.ts', 'tests/unit/report-clock.test.ts', 'tests/unit/export-report.test.ts'];
const ZONES = ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh'];
const run = promisify(execFile);

interface Report {
  numTotalTests: number;
  numPassedTests: number;
  testResults: { name: string; assertionResults: { status: string }[] }[];
}

async function runUnder(TZ: string, dir: string): Promise<Report & { offset: number }> {
  const out = join(dir, `${TZ.replace('/', '-')}.json`);
  const vitest = join('node_modules', 'vitest', 'vitest.mjs');
  await run(process.execPath, [vitest, 'run', '--project', 'unit', '--reporter=json', `--outputFile=${out}`, ...FILES], {
    env: { ...process.env, TZ },
  }).catch((error: Error & { stdout?: string }) => {
    // A failing child still writes its report; only a child that wrote none is an error here.
    if (!readFileSafe(out)) throw error;
  });
  const { stdout } = await run(process.execPath, ['-e', 'console.log(new Date(2024, 0, 18).getTimezoneOffset())'], { env: { ...process.env, TZ } });
  return { ...(JSON.parse(readFileSync(out, 'utf8')) as Report), offset: Number(stdout) };
}

const readFileSafe = (p: string) => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
};

describe('time zones', () => {
  it('[T8] the time, derive, report and export tests all pass under TZ=America/Los_Angeles, Pacific/Kiritimati and Asia/Ho_Chi_Minh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-tz-'));
    try {
      // Two at a time: the machine has two cores.
      const reports = [...(await Promise.all(ZONES.slice(0, 2).map((z) => runUnder(z, dir)))), ...(await Promise.all(ZONES.slice(2).map((z) => runUnder(z, dir))))];
      // The children really ran in those zones (minutes west of UTC on the day of the conference).
      expect(reports.map((r) => r.offset)).toEqual([480, -840, -420]);
      for (const [i, r] of reports.entries()) {
        expect(r.testResults.map((f) => f.name.slice(f.name.indexOf('tests/unit/'))).sort(), ZONES[i]).toEqual([...FILES].sort());
        expect(r.numTotalTests, ZONES[i]).toBeGreaterThanOrEqual(20);
        expect(r.numPassedTests, `${ZONES[i]}: every test passes`).toBe(r.numTotalTests);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000); // three child vitest runs on a busy 2-core machine
});
