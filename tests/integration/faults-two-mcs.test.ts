/** Fault suite, scenario 6: two MC consoles press GO at the same instant, 100 times per guard. */
import { describe, expect, it } from 'vitest';
import { seedFromEnv } from '../faults/api';
import { runTwoMcs } from '../faults/two-mcs';

describe('fault suite: two MCs', () => {
  it('[F6] simultaneous GO with the same from / expectedRevision advances exactly once, 100 times each', async () => {
    const seed = seedFromEnv();
    const report = await runTwoMcs({ rounds: 100, seed, log: (l) => console.log(`[two-mcs] ${l}`) });
    console.log(`[two-mcs] seed ${seed}: ${report.rounds} double GOs, advanced exactly once ${report.advancedOnce} times, ${report.resets} resets`);
    expect(report.failures).toEqual([]);
    expect(report.advancedOnce).toBe(200);
    expect(report.resets).toBeGreaterThanOrEqual(10);
  }, 90_000);
});
