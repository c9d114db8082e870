/** Fault suite, scenario 3: 500 screens, the server killed and restarted, everyone back on the latest revision. */
import { describe, expect, it } from 'vitest';
import { runStorm } from '../faults/storm';

describe('fault suite: reconnect storm', () => {
  it('[F3] 500 screens are back on the latest revision within 30 s of a restart (SIGKILL, then SIGTERM)', async () => {
    const report = await runStorm({ clients: 500, restarts: 2, deadlineMs: 30_000, log: (l) => console.log(`[storm] ${l}`) });
    console.log(
      `[storm] ${report.clients} screens: connected in ${report.connectMs} ms; restart: server back after ${report.downMs.join('/')} ms, ` +
        `all screens on the latest revision after ${report.recoverMs.join('/')} ms (deadline 30000 ms)`,
    );
    expect(report.failures).toEqual([]);
    expect(report.recoverMs).toHaveLength(2);
  }, 90_000);
});
