import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, MC_PIN, post, sleep } from './helpers';

// [S6] The lockout after 10 wrong PINs lasts a minute, then the address may try again. The real
// clock runs; only the window is shortened, by the same option production leaves at its default.
const WINDOW_MS = 3000;

describe('PIN lockout expiry', () => {
  let short: Awaited<ReturnType<typeof boot>>;
  let production: Awaited<ReturnType<typeof boot>>;
  beforeAll(async () => {
    short = await boot({ pinWindowMs: WINDOW_MS });
    production = await boot();
  });
  afterAll(async () => {
    await short?.stop();
    await production?.stop();
  });

  const blackout = (url: string, pin: string) => post(url, { type: 'blackout', on: true }, pin).then((r) => r.status);

  it('[S6] a lockout ends when its window has passed, not before; the production window outlasts the shortened one', async () => {
    const firstWrong = Date.now();
    for (let i = 0; i < 10; i++) {
      expect(await blackout(short.url, `99999${i}`)).toBe(401);
      expect(await blackout(production.url, `99999${i}`)).toBe(401);
    }
    const lastWrong = Date.now();
    expect(lastWrong - firstWrong).toBeLessThan(WINDOW_MS - 1000); // else the checks below overlap
    expect(await blackout(short.url, MC_PIN)).toBe(429);
    expect(await blackout(production.url, MC_PIN)).toBe(429);

    // Well inside the window: still locked, even for the right PIN.
    await sleep(Math.max(0, firstWrong + WINDOW_MS - 700 - Date.now()));
    expect(await blackout(short.url, MC_PIN)).toBe(429);

    // Past the window of every wrong PIN: the right PIN works again; production's minute is not over.
    await sleep(Math.max(0, lastWrong + WINDOW_MS + 300 - Date.now()));
    expect(await blackout(short.url, MC_PIN)).toBe(200);
    expect(await blackout(production.url, MC_PIN)).toBe(429);
  });
});
