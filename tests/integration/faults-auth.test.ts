/** Fault suite, scenario 5: refused roles, PIN guessing stopped with 429, no PIN anywhere but the banner. */
import { describe, expect, it } from 'vitest';
import { runAuthAbuse } from '../faults/auth-abuse';

describe('fault suite: auth', () => {
  it('[F5] [C12] viewers and AV are refused every control command (the contract role table); guessing gets 429; no PIN leaks', async () => {
    const report = await runAuthAbuse({ guesses: 40, log: (l) => console.log(`[auth] ${l}`) });
    console.log(
      `[auth] ${report.refusals} refused control commands, ${report.guesses} PIN guesses (429 from guess ${report.firstRefusedGuess}), ` +
        `${report.payloadsChecked} payloads and ${report.logLinesChecked} log lines checked for PINs`,
    );
    expect(report.failures).toEqual([]);
    // 22 commands (19, and issue 13's three readiness commands) refused to a viewer socket and to HTTP
    // without a PIN, 19 to AV on both transports.
    expect(report.refusals).toBe(22 * 2 + 19 * 2);
    expect(report.firstRefusedGuess).toBeGreaterThan(0);
    expect(report.firstRefusedGuess).toBeLessThanOrEqual(21);
  }, 60_000);
});
