/**
 * The verdict's own test: each fault `npm test` must not hide is planted in a throwaway suite
 * (tests/harness/planted/, outside every real include glob), run through the same counting code
 * `npm test` uses, and must end in a failing last line and a non-zero exit. The controls show the
 * verdict is not simply always red, and that a test its machine cannot run is skipped, not passed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const LINE = /^(\d+) passed, (\d+) failed, (\d+) skipped$/;

interface Outcome {
  passed: number;
  failed: number;
  skipped: number;
  status: number | null;
  output: string;
}

function runPlanted(runner: 'vitest' | 'playwright', filter: string, plant = ''): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['tests/harness/run-planted.mjs', runner, filter], { cwd: root, env: { ...process.env, PLANT: plant } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      const last = output.trimEnd().split('\n').at(-1) ?? '';
      const m = LINE.exec(last);
      if (!m) return reject(new Error(`the last line is not the verdict: ${JSON.stringify(last)}\n${output.slice(-2000)}`));
      resolve({ passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3]), status, output });
    });
  });
}

/** A planted fault must turn the verdict red: failed > 0 on the last line, exit status non-zero. */
async function expectRed(runner: 'vitest' | 'playwright', filter: string, plant?: string, atLeast = 1) {
  const r = await runPlanted(runner, filter, plant);
  expect(r.failed, r.output.slice(-1500)).toBeGreaterThanOrEqual(atLeast);
  expect(r.status, r.output.slice(-1500)).not.toBe(0);
  return r;
}

// Each case spawns a runner (10–30 s on a quiet 2-core machine, over a minute on a loaded one); two at a time.
describe.concurrent('the verdict of npm test', { timeout: 300_000 }, () => {
  it('[H2] control: passing and skipped-by-environment tests give a green verdict, the skip counted as skipped', async () => {
    const r = await runPlanted('vitest', 'control');
    expect([r.passed, r.failed, r.skipped, r.status], r.output.slice(-1500)).toEqual([1, 0, 1, 0]);
  });

  it('[H1] a test file whose helper cannot load fails the verdict', async () => {
    await expectRed('vitest', 'cannot-load');
  });

  it('[H1] a beforeAll that throws fails the verdict: its tests count as failed, not skipped', async () => {
    const r = await expectRed('vitest', 'before-all-throws', undefined, 2);
    expect(r.skipped).toBe(0);
  });

  it('[H1] an afterAll that throws after every test passed fails the verdict', async () => {
    await expectRed('vitest', 'after-all-throws');
  });

  it('[H1] an error escaping a test (thrown from a timer) fails the verdict', async () => {
    await expectRed('vitest', 'escapes-test');
  });

  it('[H1] an unhandled rejection in a server running in the test process fails the verdict', async () => {
    await expectRed('vitest', 'server-rejection');
  });

  it('[H2] browser-suite control: one passed, the deliberately skipped ones skipped, green', async () => {
    const r = await runPlanted('playwright', 'control');
    expect([r.passed, r.failed, r.skipped, r.status], r.output.slice(-1500)).toEqual([1, 0, 2, 0]);
  });

  it('[H1] a Playwright global setup that throws fails the verdict', async () => {
    await expectRed('playwright', 'control', 'global-setup');
  });

  it('[H1] a Playwright fixtures module that cannot be imported fails the verdict', async () => {
    await expectRed('playwright', 'broken-import');
  });

  it('[H1] a Playwright test cut off by the run being stopped counts as failed, not skipped', async () => {
    const r = await expectRed('playwright', 'control', 'interrupt');
    expect(r.output).toMatch(/is still running when the run is stopped: did not run to the end/);
  });
});
