/** Fault suite, scale-out: Redis, a relay and the writer each killed mid-show (F8–F10), real processes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalRevisions, mcOn, type ShowCluster, startShowCluster } from '../faults/scale-out';
import { until } from './helpers';
import { haveRedis } from './redis-server';

const latest = async (url: string) => (await fetch(`${url}/api/v1/state`).then((r) => r.json())).revision as number;

describe.skipIf(!haveRedis)('fault suite: scale-out', () => {
  let show: ShowCluster;
  const acked: number[] = [];

  beforeAll(async () => {
    show = await startShowCluster(10);
  }, 240_000);
  afterAll(async () => {
    await show?.stop();
  });

  const allScreensOn = (revision: number, what: string) =>
    until(() => show.screens.every((s) => s.connected && s.revision === revision), 30_000, what);

  it('[F9] a relay SIGKILLed: GOs through the other relay are not held up; its screens come back on the latest revision when it restarts', async () => {
    const { go, mc } = await mcOn(show.relays[0]!.url, acked);
    await go();
    await show.relays[1]!.kill();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { ack, ms } = await go();
      expect(ack.revision, JSON.stringify(ack)).toBeTypeOf('number');
      times.push(ms);
    }
    // No wait on the dead node (an acknowledged serverSideEmit would wait for its answer until a timeout).
    expect(Math.max(...times)).toBeLessThan(2_000);
    await show.respawn(1);
    await allScreensOn(acked.at(-1)!, 'screens of both relays on the latest revision');
    mc.close();
  }, 180_000);

  it('[F10] the writer SIGKILLed and restarted while relays run: relays close their screens, then resync to the journal\'s state', async () => {
    const { go, mc } = await mcOn(show.writer.url, acked);
    await go();
    await go();
    mc.close();
    await show.writer.kill();
    await until(() => show.screens.every((s) => !s.connected), 15_000, 'relay screens closed while the writer is down');
    expect((await fetch(`${show.relays[0]!.url}/api/v1/state`)).status).toBe(503);
    await show.respawn('writer');
    const revision = await latest(show.writer.url);
    expect(revision).toBe(acked.at(-1));
    await allScreensOn(revision, 'relay screens back on the restarted writer\'s revision');
    for (const s of show.screens) expect(s.wentBack).toBe(false);
  }, 180_000);

  it('[F8] Redis SIGKILLed and restarted mid-show: the writer carries on, nothing acknowledged is lost, every screen resyncs', async () => {
    const { go, mc } = await mcOn(show.writer.url, acked);
    await go();
    await show.redis.kill();
    await until(() => show.screens.every((s) => !s.connected), 15_000, 'relay screens closed while Redis is down');
    for (let i = 0; i < 3; i++) await go();
    expect(show.writer.alive(), show.writer.lines.slice(-20).map((l) => l.text).join('\n')).toBe(true);
    await show.redis.restart();
    await allScreensOn(acked.at(-1)!, 'relay screens on the latest revision after Redis is back');
    const journal = await journalRevisions(show.writer.url);
    expect(acked.filter((r) => !journal.has(r))).toEqual([]);
    for (const s of show.screens) expect(s.wentBack).toBe(false);
    mc.close();
  }, 180_000);
});
