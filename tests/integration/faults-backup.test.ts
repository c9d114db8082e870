/**
 * Fault suite, scenario 8 (backup laptop): the primary SIGKILLed at random moments under load
 * and the backup promoted each time; a frozen backup (SIGSTOP) and a killed one.
 */
import { describe, expect, it } from 'vitest';
import { postCommand, seedFromEnv, sleep } from '../faults/api';
import { MC_PIN } from '../faults/child-server';
import { nodeInfo, restart, runFailover, startPair, waitAttached } from '../faults/backup-pair';

describe('fault suite: backup laptop', () => {
  it('[B10] 500 commands, the primary SIGKILLed at 4 random moments and the backup promoted: every acknowledged command is on the new primary, none twice', async () => {
    const seed = seedFromEnv();
    const report = await runFailover({ commands: 500, kills: 4, seed, log: (l) => console.log(`[failover] ${l}`) });
    console.log(`[failover] seed ${seed}: sent ${report.sent}, acknowledged ${report.acknowledged}, kills ${report.kills}, lost ${report.lost}, twice ${report.twice}, in flight kept ${report.inFlightKept}, rejoins that discarded entries ${report.discardedOnRejoin}`);
    expect(report.failures).toEqual([]);
    expect(report.kills).toBe(4);
    expect(report.lost).toBe(0);
    expect(report.twice).toBe(0);
    expect(report.acknowledged).toBeGreaterThan(400);
  }, 600_000);

  it('[B11] a frozen backup (SIGSTOP) holds a command\'s ack for about a second, then the primary goes on alone saying "backup lost" until the backup is back', async () => {
    const pair = await startPair();
    const { a, b } = pair;
    try {
      await waitAttached(a.server);
      expect((await postCommand(a.server.url, MC_PIN, { type: 'start' })).status).toBe(200);
      process.kill(b.server.pid, 'SIGSTOP');
      const held = await postCommand(a.server.url, MC_PIN, { type: 'message', text: 'chờ backup' });
      const heldMs = (held.answeredAt ?? 0) - held.sentAt;
      expect(held.status).toBe(200);
      // The product rule is "more than 1 s"; the upper bound leaves room for a loaded machine.
      expect(heldMs).toBeGreaterThanOrEqual(700);
      expect(heldMs).toBeLessThan(4000);
      expect(await nodeInfo(a.server.url)).toMatchObject({ backupLost: true, backupUrls: [] });
      const alone = await postCommand(a.server.url, MC_PIN, { type: 'message', text: 'một mình' });
      expect(alone.status).toBe(200);
      expect((alone.answeredAt ?? 0) - alone.sentAt).toBeLessThan(700);
      process.kill(b.server.pid, 'SIGCONT');
      await waitAttached(a.server);
      expect((await nodeInfo(b.server.url))?.revision).toBe(3);
    } finally {
      try { process.kill(b.server.pid, 'SIGCONT'); } catch { /* gone */ }
      await Promise.all([a.server.kill(), b.server.kill()]);
      pair.remove();
    }
  }, 300_000);

  it('[B12] a backup SIGKILLed mid-burst never stalls the primary past the 1 s rule, and catches up when restarted', async () => {
    const pair = await startPair();
    const { a, b } = pair;
    try {
      await waitAttached(a.server);
      expect((await postCommand(a.server.url, MC_PIN, { type: 'start' })).status).toBe(200);
      let worst = 0;
      let ok = 0;
      for (let i = 0; i < 60; i++) {
        if (i === 20) await b.server.kill();
        const s = await postCommand(a.server.url, MC_PIN, { type: 'message', text: `loạt ${i}` });
        worst = Math.max(worst, (s.answeredAt ?? 0) - s.sentAt);
        if (s.status === 200) ok++;
      }
      expect(ok).toBe(60);
      expect(worst).toBeLessThan(4000);
      expect((await nodeInfo(a.server.url))?.backupLost).toBe(true);
      await restart(b);
      await waitAttached(a.server);
      await sleep(300);
      expect((await nodeInfo(b.server.url))?.revision).toBe(61);
      expect((await nodeInfo(a.server.url))?.backupLost).toBe(false);
    } finally {
      await Promise.all([a.server.kill(), b.server.kill()]);
      pair.remove();
    }
  }, 300_000);
});
