/** Redis SIGKILLed mid-show and started again (empty) on the same port: rules X4 and X5. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MC_PIN, post, until } from './helpers';
import { haveRedis, type RedisServer, startRedis } from './redis-server';
import { current, relayOn, type Screen, screen, send, STALE_AFTER_MS, writerOn } from './scale-helpers';

describe.skipIf(!haveRedis)('relays through a Redis outage', () => {
  let redis: RedisServer;
  let writer: Awaited<ReturnType<typeof writerOn>>;
  const relays: Awaited<ReturnType<typeof relayOn>>[] = [];
  const screens: Screen[] = [];
  let mc: Screen;

  beforeAll(async () => {
    redis = await startRedis();
    writer = await writerOn(redis.url);
    relays.push(await relayOn(redis.url), await relayOn(redis.url));
    for (const node of relays) for (let i = 0; i < 5; i++) screens.push(await screen(node.url));
    mc = await screen(writer.url, { pin: MC_PIN });
  });
  afterAll(async () => {
    for (const s of [...screens, mc]) s?.close();
    for (const r of relays) await r.stop();
    await writer?.stop();
    await redis?.stop();
  });

  it('[X4][X5] while Redis is down relays close their screens and answer 503; the writer keeps deciding; after the restart every screen resyncs and the journal holds every ack', async () => {
    const acked: number[] = [];
    const ack = async (command: object) => {
      const a = await send(mc, command);
      expect(a.revision, JSON.stringify(a)).toBeTypeOf('number');
      acked.push(a.revision);
      return a;
    };
    let live = (await ack({ type: 'start' })).live;
    const go = async () => (live = (await ack({ type: 'next', from: { itemId: live.currentItemId, segmentIndex: live.segmentIndex } })).live);
    await go();
    await until(() => screens.every((s) => s.revision === acked.at(-1)), 5000, 'relay screens before the outage');

    await redis.kill();
    // Within the stale window, every relay notices: screens closed rather than shown stale.
    await until(() => screens.every((s) => !s.connected), STALE_AFTER_MS * 5, 'relay screens closed');
    for (const r of relays) {
      expect((await current(r.url)).status).toBe(503);
      expect((await post(r.url, { type: 'message', text: 'x' }, MC_PIN)).json.error.code).toBe('storage_unavailable');
    }
    // The writer alone is unaffected: its MC carries on.
    await go();
    await ack({ type: 'message', text: 'Redis đang khởi động lại' });
    await go();

    await redis.restart();
    const latest = acked.at(-1)!;
    await until(() => screens.every((s) => s.connected && s.revision === latest), 20_000, 'every relay screen on the latest revision');
    for (const s of screens) expect(s.wentBack).toBe(false);
    for (const r of relays) expect((await current(r.url)).json.revision).toBe(latest);

    // A GO on a relay after the outage reaches everyone once.
    const relayMc = await screen(relays[0]!.url, { pin: MC_PIN });
    screens.push(relayMc);
    const after = await send(relayMc, { type: 'next', from: { itemId: live.currentItemId, segmentIndex: live.segmentIndex } });
    expect(after.revision).toBe(latest + 1);
    acked.push(after.revision);
    await until(() => screens.every((s) => s.revision === after.revision) && mc.revision === after.revision, 5000, 'the GO after the outage');
    for (const s of screens) expect(s.heard.filter((r) => r === after.revision)).toHaveLength(1);

    const report = await fetch(`${writer.url}/api/v1/report`).then((r) => r.json());
    const journaled = new Set(report.audit.map((e: { revision: number }) => e.revision));
    expect(acked.filter((r) => !journaled.has(r))).toEqual([]);
  });
});
