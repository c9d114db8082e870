/** Fault suite, scenario 5: refused roles, PIN guessing stopped with 429, no PIN anywhere but the banner. */
import { describe, expect, it } from 'vitest';
import { runAuthAbuse } from '../faults/auth-abuse';

describe('fault suite: auth', () => {
  it('[F5] viewers and AV are refused every control command; guessing gets 429; no PIN leaks', async () => {
    const report = await runAuthAbuse({ guesses: 40, log: (l) => console.log(`[auth] ${l}`) });
    console.log(
      `[auth] ${report.refusals} refused control commands, ${report.guesses} PIN guesses (429 from guess ${report.firstRefusedGuess}), ` +
        `${report.payloadsChecked} payloads and ${report.logLinesChecked} log lines checked for PINs`,
    );
    expect(report.failures).toEqual([]);
    expect(report.firstRefusedGuess).toBeGreaterThan(0);
    expect(report.firstRefusedGuess).toBeLessThanOrEqual(21);
  }, 60_000);
});
