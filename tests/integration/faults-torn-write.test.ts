/** Fault suite, scenario 2 (bounded): SIGKILL mid-burst, 5 times; `npm run soak` does more. */
import { describe, expect, it } from 'vitest';
import { seedFromEnv } from '../faults/api';
import { runTornWrite } from '../faults/torn-write';

describe('fault suite: torn write', () => {
  it('[F2] SIGKILL during a burst: the database passes integrity_check and holds every acknowledged command', async () => {
    const seed = seedFromEnv();
    const report = await runTornWrite({ rounds: 5, seed, log: (l) => console.log(`[torn-write] ${l}`) });
    console.log(
      `[torn-write] seed ${seed}: kills survived ${report.kills}, acknowledged ${report.acknowledged}, ` +
        `in flight at the kill ${report.inFlight} (landed ${report.inFlightLanded}), commands lost ${report.commandsLost}`,
    );
    expect(report.failures).toEqual([]);
    expect(report.commandsLost).toBe(0);
    expect(report.kills).toBe(5);
    expect(report.inFlight).toBeGreaterThan(0);
  }, 90_000);
});
