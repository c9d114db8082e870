import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, WHOLE_PROGRAMME_PROTOCOL } from '@shared/protocol';
import { AV_PIN, av, boot, type Client, connect, FILM, getJson, MC_PIN, mc, post, sleep, until } from './helpers';

let server: Awaited<ReturnType<typeof boot>>;
const clients: Client[] = [];
const track = async (c: Promise<Client>) => {
  const client = await c;
  clients.push(client);
  return client;
};

beforeEach(async () => {
  server = await boot();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await server.stop();
});

describe('fan-out', () => {
  it('[S1] a GO from one client reaches all three clients once, the sender before its ack, with the same revision as its ack and HTTP', async () => {
    const a = await track(mc(server.url, 'MC 1'));
    const b = await track(connect(server.url));
    const c = await track(av(server.url));
    expect([a.role, b.role, c.role]).toEqual(['mc', 'viewer', 'av']);
    expect(b.snapshot.revision).toBe(0);
    expect(b.snapshot.programme.items.length).toBeGreaterThan(5);

    // What the sender already holds when its acknowledgement arrives: the state must come first.
    const heldAtAck: number[][] = [];
    const send = (command: object) => a.send(command).then((r) => (heldAtAck.push(a.states.map((s) => s.revision)), r));
    const started = await send({ type: 'start' });
    expect(started).toMatchObject({ revision: 1 });
    const ack = await send({ type: 'next', from: { itemId: 'don-tiep', segmentIndex: null } });
    expect(ack).toMatchObject({ revision: 2, live: { currentItemId: 'tuyen-bo-ly-do' } });
    expect(heldAtAck).toEqual([[1], [1, 2]]);
    await until(() => [a, b, c].every((x) => x.states.length === 2), 3000, 'two states on every client');
    await sleep(200); // nothing more may arrive
    for (const x of [a, b, c]) {
      expect(x.states.map((s) => s.revision)).toEqual([1, 2]);
      expect(x.states[1]).toMatchObject({ live: { currentItemId: 'tuyen-bo-ly-do' }, now: { itemId: 'tuyen-bo-ly-do' }, next: { itemId: FILM } });
      expect(x.states[1]?.programme).toBeUndefined();
      expect(x.states[1]?.recordTail).toMatchObject({ runId: 'run-1', from: 0 });
      expect(x.states[1]?.recordTail?.visits).toHaveLength(2);
    }
    const http = await post(server.url, { type: 'next' }, MC_PIN);
    expect(http).toMatchObject({ status: 200, json: { revision: 3, live: { currentItemId: FILM } } });
    await until(() => [a, b, c].every((x) => x.states.length === 3), 3000, 'the HTTP GO on every client');
    expect(new Set([a, b, c].map((x) => x.states[2]?.revision))).toEqual(new Set([3]));
    expect((await getJson(server.url, '/api/v1/state')).json).toMatchObject({ revision: 3, live: { currentItemId: FILM } });
  });

  it('[S1][D2] a programme edit carries the change (a patch; the whole programme for protocol 1); a live change does not', async () => {
    const a = await track(mc(server.url));
    const old = await track(connect(server.url, { protocol: WHOLE_PROGRAMME_PROTOCOL }));
    const item = { ...a.snapshot.programme.items[0]!, title: 'Đón tiếp đại biểu (sửa)' };
    expect(await a.send({ type: 'upsertItem', item })).toMatchObject({ revision: 1 });
    expect(await a.send({ type: 'blackout', on: true })).toMatchObject({ revision: 2 });
    await until(() => a.states.length === 2 && old.states.length === 2);
    expect(a.states[0]?.patch).toMatchObject({ op: 'upsert', index: 0, item: { title: 'Đón tiếp đại biểu (sửa)' }, base: a.snapshot.programmeVersion });
    expect(a.states[0]?.programme).toBeUndefined();
    expect(old.states[0]?.programme?.items[0]?.title).toBe('Đón tiếp đại biểu (sửa)');
    expect(old.states[0]?.patch).toBeUndefined();
    for (const x of [a, old]) {
      expect(x.states[1]?.programme).toBeUndefined();
      expect(x.states[1]?.patch).toBeUndefined();
      expect(x.states[1]?.recordTail).toBeUndefined();
    }
  });

  it('[S2] idle clients receive nothing but the transport ping while nothing changes, watched for longer than that ping', async () => {
    // The one packet the rule allows is Socket.IO's own ping every 25 s, so the watch runs past it:
    // any heartbeat of our own with a period up to 26 s would show up as another packet.
    expect((server.app.io.engine as unknown as { opts: { pingInterval: number } }).opts.pingInterval).toBe(25_000);
    const idle = await Promise.all([track(connect(server.url)), track(connect(server.url)), track(mc(server.url))]);
    const packets: string[][] = idle.map(() => []);
    idle.forEach((c, i) => c.socket.io.engine.on('packet', (p: { type: string }) => packets[i]!.push(p.type)));
    await sleep(26_500);
    await until(() => packets.every((p) => p.length > 0), 5000, 'the transport ping'); // a busy machine may run its timer late
    expect(idle.map((c) => c.events)).toEqual([[], [], []]);
    expect(idle.map((c) => c.socket.connected)).toEqual([true, true, true]);
    // Each client sees the 25 s ping exactly once: no more (a heartbeat), no less (the watch was long enough).
    expect(packets).toEqual([['ping'], ['ping'], ['ping']]);
  }, 40_000);

  it('[S3] show:resync answers a fresh full snapshot', async () => {
    const a = await track(mc(server.url));
    await a.send({ type: 'start' });
    const snap = await new Promise<any>((resolve) => a.socket.emit('show:resync', resolve));
    expect(snap).toMatchObject({ revision: 1, live: { phase: 'running' }, now: { itemId: 'don-tiep' } });
    expect(snap.record.visits).toHaveLength(1);
    expect(snap.programme.items.length).toBeGreaterThan(5);
  });
});

describe('handshake and roles', () => {
  it('[S4][D3] a client announcing a protocol the server does not serve is refused with the reason; one announcing none speaks protocol 1', async () => {
    const old = await connect(server.url, { protocol: WHOLE_PROGRAMME_PROTOCOL - 1, pin: MC_PIN }).catch((e: Error & { data?: any }) => e);
    expect(old).toBeInstanceOf(Error);
    expect((old as Error & { data: any }).data).toMatchObject({ code: 'protocol_mismatch' });
    expect((old as Error).message).toMatch(/protocol 0.*protocol 1 to 2.*reload/);
    const previous = await track(connect(server.url, { protocol: PROTOCOL_VERSION - 1, pin: MC_PIN }));
    expect(previous.role).toBe('mc');
    const newer = await connect(server.url, { protocol: PROTOCOL_VERSION + 1 }).catch((e: Error & { data?: any }) => e);
    expect((newer as Error & { data: any }).data).toMatchObject({ code: 'protocol_mismatch' });
    // A plain Socket.IO client (no auth at all) is a viewer with the snapshot, as the contract says.
    const none = await track(connect(server.url, {}));
    expect(none.role).toBe('viewer');
    expect(none.snapshot.revision).toBe(0);
    const noProtocolMc = await track(connect(server.url, { pin: MC_PIN }));
    expect(noProtocolMc.role).toBe('mc');
  });

  it('[S5] a viewer gets the snapshot but every command is refused; a wrong PIN is refused at connect', async () => {
    const viewer = await track(connect(server.url));
    expect(viewer.role).toBe('viewer');
    expect(await viewer.send({ type: 'start' })).toMatchObject({ error: { code: 'unauthorized' } });
    const wrong = await connect(server.url, { protocol: PROTOCOL_VERSION, pin: '000000' }).catch((e: Error & { data?: any }) => e);
    expect((wrong as Error & { data: any }).data).toMatchObject({ code: 'unauthorized' });
    expect((await getJson(server.url, '/api/v1/state')).json.revision).toBe(0);
  });

  it('[S5] the AV PIN may send ready and rolled, not GO', async () => {
    const m = await track(mc(server.url));
    const a = await track(av(server.url));
    expect(await a.send({ type: 'start' })).toMatchObject({ error: { code: 'forbidden' } });
    await m.send({ type: 'start' });
    await m.send({ type: 'standby', itemId: FILM });
    expect(await a.send({ type: 'ready', itemId: FILM })).toMatchObject({ revision: 3, live: { av: { status: 'ready' } } });
  });

  it('[S6] no payload the server sends carries a PIN', async () => {
    const a = await track(mc(server.url));
    await a.send({ type: 'start' });
    const payloads = JSON.stringify([a.snapshot, a.states, (await getJson(server.url, '/api/v1/state')).json, (await getJson(server.url, '/api/v1/report')).json]);
    expect(payloads).not.toContain(MC_PIN);
    expect(payloads).not.toContain(AV_PIN);
  });
});

describe('bad input over the socket', () => {
  it('[S8] oversized, malformed and ack-less commands are refused; the socket and the show carry on', async () => {
    const a = await track(mc(server.url));
    expect(await a.send({ type: 'message', text: 'x', pad: 'y'.repeat(70 * 1024) })).toMatchObject({ error: { code: 'too_large' } });
    expect(await a.send('start')).toMatchObject({ error: { code: 'invalid_command' } });
    expect(await a.send({ type: 'goto' })).toMatchObject({ error: { code: 'invalid_command' } });
    let nested: unknown = [];
    for (let i = 0; i < 2000; i++) nested = [nested]; // as deep as socket.io-client itself can send
    expect(await a.send({ type: nested })).toMatchObject({ error: { code: 'invalid_command' } });
    (a.socket as any).emit('show:command', { type: 'start' }); // no ack: ignored, not a crash
    (a.socket as any).emit('time:sync', 'soon', () => undefined);
    expect(await a.send({ type: 'start' })).toMatchObject({ revision: 1 });
    expect(a.socket.connected).toBe(true);
  });
});

describe('concurrency guards', () => {
  it('[S7] two controllers pressing GO from the same position advance the show once; the other is stale', async () => {
    const one = await track(mc(server.url, 'MC 1'));
    const two = await track(mc(server.url, 'MC 2'));
    await one.send({ type: 'start' });
    const from = { itemId: 'don-tiep', segmentIndex: null };
    const [r1, r2] = await Promise.all([one.send({ type: 'next', from }), two.send({ type: 'next', from })]);
    const results = [r1, r2];
    expect(results.filter((r) => 'revision' in r)).toHaveLength(1);
    expect(results.filter((r) => 'error' in r && r.error.code === 'stale')).toHaveLength(1);
    const state = (await getJson(server.url, '/api/v1/state')).json;
    expect(state).toMatchObject({ revision: 2, live: { currentItemId: 'tuyen-bo-ly-do' } });
  });

  it('[S7] the same with expectedRevision over HTTP: one 200, one 409 stale', async () => {
    await post(server.url, { type: 'start' }, MC_PIN);
    const [a, b] = await Promise.all([
      post(server.url, { type: 'next', expectedRevision: 1 }, MC_PIN),
      post(server.url, { type: 'next', expectedRevision: 1 }, MC_PIN),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)?.json.error.code).toBe('stale');
  });

  it('[S7] an AV ready (and an edit) between them never blocks a GO sent with from', async () => {
    const m = await track(mc(server.url));
    const a = await track(av(server.url));
    await m.send({ type: 'start' });
    await m.send({ type: 'standby', itemId: FILM });
    const from = { itemId: 'don-tiep', segmentIndex: null };
    expect(await a.send({ type: 'ready', itemId: FILM })).toMatchObject({ revision: 3 });
    expect(await m.send({ type: 'moveItem', itemId: 'ket-thuc', toIndex: 9 })).toMatchObject({ revision: 4 });
    expect(await m.send({ type: 'next', from })).toMatchObject({ revision: 5, live: { currentItemId: 'tuyen-bo-ly-do' } });
  });

  it('[S13] a hardware double press (plain next over HTTP twice within 1 s) advances once', async () => {
    await post(server.url, { type: 'start' }, MC_PIN);
    const first = await post(server.url, { type: 'next' }, MC_PIN);
    const second = await post(server.url, { type: 'next' }, MC_PIN);
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 409, json: { error: { code: 'stale' } } });
    await sleep(1050);
    expect((await post(server.url, { type: 'next' }, MC_PIN)).status).toBe(200);
    expect((await getJson(server.url, '/api/v1/state')).json).toMatchObject({ revision: 3, live: { currentItemId: FILM } });
  });
});
