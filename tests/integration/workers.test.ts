/** WORKERS=2 npm start: one port, two processes, one writer (rule X6). The server runs as operators start it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildServer, MC_PIN, spawnServer, tempDataDir } from '../faults/child-server';
import { until } from './helpers';
import { type Screen, screen, send } from './scale-helpers';

const SCREENS = 200;
/** The worker a screen landed on: server/scale/cluster.ts starts every engine.io session id with it. */
const workerOf = (s: Screen) => s.socket.io.engine.id?.[0];

describe('WORKERS=2', () => {
  const data = tempDataDir('workers');
  let server: ChildServer;
  const screens: Screen[] = [];

  beforeAll(async () => {
    server = await spawnServer({ dataDir: data.dir, env: { WORKERS: '2' }, readyTimeoutMs: 90_000 });
    // /healthz answers as soon as one worker does; the relay worker says when it holds the show.
    await until(() => server.lines.some((l) => l.text.includes('relay: in sync')), 90_000, 'the relay worker in sync');
  }, 120_000);
  afterAll(async () => {
    for (const s of screens) s.close();
    await server?.stop();
    data.remove();
  });

  // Until the primary stopped reading a connection before handing it over (server/scale/cluster.ts), about one
  // run in two lost a screen's CONNECT here: 200 WebSocket screens opened at once are what exposes it.
  it('[X6] 200 sockets spread over both workers all hear each change exactly once, with the same revision', async () => {
    for (let i = 0; i < SCREENS; i += 20) screens.push(...(await Promise.all(Array.from({ length: 20 }, () => screen(server.url)))));
    const perWorker = new Map<string | undefined, number>();
    for (const s of screens) perWorker.set(workerOf(s), (perWorker.get(workerOf(s)) ?? 0) + 1);
    expect([...perWorker.keys()].sort()).toEqual(['1', '2']);
    for (const count of perWorker.values()) expect(count).toBeGreaterThanOrEqual(SCREENS / 4);

    const mc = await screen(server.url, { pin: MC_PIN });
    screens.push(mc);
    const revisions: number[] = [];
    let live = (await send(mc, { type: 'start' })).live;
    revisions.push((await send(mc, { type: 'message', text: 'Kính chào quý vị' })).revision);
    for (let i = 0; i < 3; i++) {
      const ack = await send(mc, { type: 'next', from: { itemId: live.currentItemId, segmentIndex: live.segmentIndex } });
      expect(ack.revision, JSON.stringify(ack)).toBeTypeOf('number');
      revisions.push(ack.revision);
      live = ack.live;
    }
    const last = revisions.at(-1)!;
    await until(() => screens.every((s) => s.revision === last), 15_000, `all ${screens.length} screens on revision ${last}`);
    for (const s of screens) {
      for (const r of revisions) expect(s.heard.filter((x) => x === r)).toHaveLength(1);
      expect(s.wentBack).toBe(false);
    }
  }, 120_000);
});
