/**
 * Fault suite, scenario 1 (bounded): 20 SIGKILLs of a child-process server during a full run of
 * the default programme — 4 inside the film, 5 during the awards — each followed by a restart on
 * the same DATA_DIR. `npm run soak` runs the long version.
 */
import { describe, expect, it } from 'vitest';
import { seedFromEnv } from '../faults/api';
import { runPowerCut } from '../faults/power-cut';

describe('fault suite: power cut', () => {
  it('[F1] survives 20 SIGKILLs mid-run: nothing acknowledged is lost, state = journal replay, timer within 1 s', async () => {
    const seed = seedFromEnv();
    const report = await runPowerCut({ kills: 20, seed, log: (l) => console.log(`[power-cut] ${l}`) });
    console.log(
      `[power-cut] seed ${seed}: kills survived ${report.killsSurvived} (film ${report.killsInFilm}, awards ${report.killsInAwards}) + ${report.bootKills} during boot, ` +
        `acknowledged ${report.acknowledged}, refused ${report.refused}, in flight at the kill: landed ${report.inFlightLanded} / dropped ${report.inFlightDropped}, ` +
        `commands lost ${report.commandsLost}, worst timer error ${report.worstTimerErrorMs} ms`,
    );
    expect(report.failures).toEqual([]);
    expect(report.commandsLost).toBe(0);
    expect(report.killsSurvived).toBe(20);
    expect(report.killsInFilm).toBeGreaterThanOrEqual(3);
    expect(report.killsInAwards).toBeGreaterThanOrEqual(3);
    expect(report.acknowledged).toBeGreaterThan(40);
  }, 150_000);
});
