/** Relays on a real redis-server: the writer decides, every node's screens follow (rules X1–X4). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPatch, canonicalJson, leanProgramme, programmeVersion } from '@shared/patch';
import { PROTOCOL_VERSION, WHOLE_PROGRAMME_PROTOCOL } from '@shared/protocol';
import { AV_PIN, connect, MC_PIN, post, until } from './helpers';
import { haveRedis, type RedisServer, startRedis } from './redis-server';
import { current, relayOn, type Screen, screen, send, STALE_AFTER_MS, writerOn } from './scale-helpers';

describe.skipIf(!haveRedis)('relays over Redis', () => {
  let redis: RedisServer;
  let writer: Awaited<ReturnType<typeof writerOn>>;
  const relays: Awaited<ReturnType<typeof relayOn>>[] = [];
  const screens: Screen[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    writer = await writerOn(redis.url);
    relays.push(await relayOn(redis.url), await relayOn(redis.url));
    for (const node of [writer, ...relays]) for (let i = 0; i < 4; i++) screens.push(await screen(node.url));
  });
  afterAll(async () => {
    for (const s of screens) s.close();
    for (const r of relays) await r.stop();
    await writer?.stop();
    await redis?.stop();
  });

  it('[X1] a GO on a relay reaches every screen on every node exactly once, with the same revision, before the sender\'s ack', async () => {
    const mc = await screen(relays[0]!.url, { pin: MC_PIN });
    screens.push(mc);
    const started = await send(mc, { type: 'start' });
    expect(started.revision).toBeGreaterThan(0);
    let heardBeforeAck = false;
    mc.socket.once('show:state', () => (heardBeforeAck = true));
    const go = await send(mc, { type: 'next', from: { itemId: started.live.currentItemId, segmentIndex: started.live.segmentIndex } });
    expect(go.revision).toBe(started.revision + 1);
    expect(heardBeforeAck).toBe(true);
    await until(() => screens.every((s) => s.revision === go.revision), 5000, 'every screen on the GO');
    for (const s of screens) {
      expect(s.heard.filter((r) => r === go.revision)).toHaveLength(1);
      expect(s.heard.filter((r) => r === started.revision)).toHaveLength(1);
    }
    // The same GO again is stale: decided once, by the writer.
    const again = await send(mc, { type: 'next', from: { itemId: started.live.currentItemId, segmentIndex: started.live.segmentIndex } });
    expect(again.error?.code).toBe('stale');
  });

  it('[X2] every node serves the writer\'s state and reports; HTTP commands on a relay take the writer\'s path and errors', async () => {
    const [w, a, b] = await Promise.all([current(writer.url), current(relays[0]!.url), current(relays[1]!.url)]);
    expect(a.status).toBe(200);
    expect(a.json.revision).toBe(w.json.revision);
    expect(b.json.live).toEqual(w.json.live);
    expect(b.json.programme).toEqual(w.json.programme);

    const ok = await post(relays[1]!.url, { type: 'message', text: 'Còn 2 phút' }, MC_PIN);
    expect(ok.status).toBe(200);
    expect(ok.json.revision).toBe(w.json.revision + 1);
    expect((await post(relays[1]!.url, { type: 'start' }, AV_PIN)).json.error.code).toBe('forbidden');
    expect((await post(relays[1]!.url, { type: 'start' }, '000000')).status).toBe(401);
    expect((await post(relays[0]!.url, { type: 'nope' }, MC_PIN)).json.error.code).toBe('invalid_command');

    const [wr, rr] = await Promise.all([fetch(`${writer.url}/api/v1/report`).then((r) => r.json()), fetch(`${relays[0]!.url}/api/v1/report`).then((r) => r.json())]);
    expect(rr.runId).toBe(wr.runId);
    expect(rr.audit.map((e: { revision: number }) => e.revision)).toEqual(wr.audit.map((e: { revision: number }) => e.revision));
    expect((await fetch(`${relays[0]!.url}/api/v1/runs`).then((r) => r.json())).runs).toEqual((await fetch(`${writer.url}/api/v1/runs`).then((r) => r.json())).runs);
  });

  it('[X1][D2][D3] an item edit reaches a relay\'s protocol-2 screens as a patch that lands on the writer\'s programme, and its protocol-less screens whole', async () => {
    const relay = relays[0]!;
    const v2 = await connect(relay.url, { protocol: PROTOCOL_VERSION });
    const none = await connect(relay.url, {});
    const v1 = await connect(relay.url, { protocol: WHOLE_PROGRAMME_PROTOCOL });
    try {
      const before = (await current(writer.url)).json;
      expect(v2.snapshot.programmeVersion).toBe(programmeVersion(before.programme));
      const item = before.programme.items.find((i: { kind: string }) => i.kind === 'awards');
      const ack = await post(relays[1]!.url, { type: 'upsertItem', item: { ...item, title: `${item.title} (sửa trên relay)` } }, MC_PIN);
      expect(ack.status).toBe(200);
      await until(() => [v2, none, v1].every((c) => c.states.some((m) => m.revision === ack.json.revision)), 5000, 'the edit on the relay\'s screens');
      const after = (await current(writer.url)).json;
      const m2 = v2.states.find((m) => m.revision === ack.json.revision)!;
      expect(m2.programme).toBeUndefined();
      const applied = applyPatch(v2.snapshot.programme, v2.snapshot.programmeVersion!, m2.patch!);
      expect(applied.ok).toBe(true);
      if (applied.ok) expect(canonicalJson(applied.programme)).toBe(canonicalJson(leanProgramme(after.programme)));
      for (const c of [none, v1]) {
        const m = c.states.find((x) => x.revision === ack.json.revision)!;
        expect(m.patch).toBeUndefined();
        expect(m.programme).toEqual(after.programme);
      }
      expect((await current(relay.url)).json.programme).toEqual(after.programme);
    } finally {
      for (const c of [v2, none, v1]) c.close();
    }
  });

  it('[X1] [RB2] a readiness tick sent to one relay reaches the screens of another with the board, and is in its snapshots', async () => {
    const before = await connect(relays[1]!.url);
    try {
      const ok = await post(relays[0]!.url, { type: 'readyTick', checkId: 'chu-chay', by: 'Phòng kỹ thuật' }, MC_PIN);
      expect(ok.status).toBe(200);
      await until(() => before.states.some((m) => m.readiness), 5000, 'the board on the other relay');
      expect(before.states.find((m) => m.readiness)!.readiness!.checks.find((c) => c.id === 'chu-chay')).toMatchObject({ done: true, by: 'Phòng kỹ thuật' });
      const after = await connect(relays[1]!.url);
      expect(after.snapshot.readiness?.checks.find((c) => c.id === 'chu-chay')?.done).toBe(true);
      after.close();
    } finally {
      before.close();
    }
  });

  it('[X3] a relay that joins late serves the current revision from its first screen', async () => {
    const late = await relayOn(redis.url);
    try {
      const s = await screen(late.url, { reconnect: false });
      screens.push(s);
      expect(s.revision).toBe((await current(writer.url)).json.revision);
    } finally {
      await late.stop();
    }
  });

  it('[X3] a gap in the writer\'s messages makes a relay load a fresh snapshot for its screens; a malformed node message is ignored', async () => {
    const target = relays[1]!;
    const s = await screen(target.url);
    screens.push(s);
    const before = (await current(writer.url)).json;
    const epoch = await new Promise<string>((resolve) => (relays[0]!.io as any).once('baton:beat', (b: { epoch: string }) => resolve(b.epoch)));
    const rogue = relays[0]!.io as unknown as { serverSideEmit(e: string, p: unknown): void };
    rogue.serverSideEmit('baton:state', { epoch, revision: 'nine', live: {} });
    rogue.serverSideEmit('baton:state', { epoch, revision: before.revision + 2, serverTime: Date.now(), live: before.live });
    await until(() => s.snapshots >= 2, 5000, 'a fresh snapshot after the gap');
    expect(s.revision).toBe(before.revision);
    expect(s.wentBack).toBe(false);
    expect((await current(target.url)).json.revision).toBe(before.revision);
  });
});
