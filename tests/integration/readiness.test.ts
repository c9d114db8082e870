/**
 * The readiness board and the device roster on a real server (port 0, real Socket.IO clients):
 * ticks reach every screen and survive a restart; the roster lists screens with what they
 * measured, marks a closed one stale, forgets it later, and is for MC sockets only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isApiError, PROTOCOL_VERSION, type RosterReply } from '@shared/protocol';
import { boot, connect, type Client, mc, MC_PIN, post, sleep, tempDir, until } from './helpers';

const open: Client[] = [];
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  for (const stop of stops.splice(0)) await stop();
});
const keep = (c: Client) => (open.push(c), c);
const roster = (c: Client) => new Promise<RosterReply | { error: { code: string } }>((resolve) => c.socket.emit('roster:get', resolve));

describe('readiness board over the wire', () => {
  it('[RB2] a tick from one console reaches the other screens with the board, and is in the snapshot of a restarted server', async () => {
    const dir = tempDir();
    const first = await boot({ dataDir: dir.path });
    stops.push(() => first.close()); // closing twice is harmless
    const a = keep(await mc(first.url, 'MC 1'));
    const b = keep(await mc(first.url, 'MC 2'));
    const viewer = keep(await connect(first.url));
    expect(a.snapshot.readiness?.checks).toHaveLength(7);
    const ack = await a.send({ type: 'readyTick', checkId: 'phim', by: 'Nguyễn Văn Mẫu' });
    expect(isApiError(ack)).toBe(false);
    for (const c of [b, viewer]) {
      await until(() => c.states.length === 1, 3000, 'the tick');
      expect(c.states[0]!.readiness?.checks.find((x) => x.id === 'phim')).toMatchObject({ done: true, by: 'Nguyễn Văn Mẫu' });
      expect(c.states[0]!.programme).toBeUndefined();
    }
    // Over HTTP as well (the Stream Deck's way), then a GO: the GO's message does not carry the board.
    expect((await post(first.url, { type: 'readyTick', checkId: 'dien', by: 'Điện lực' }, MC_PIN)).status).toBe(200);
    expect((await post(first.url, { type: 'start' }, MC_PIN)).status).toBe(200);
    await until(() => b.states.length === 3, 3000, 'http tick and start');
    expect(b.states[2]!.readiness).toBeUndefined();
    open.splice(0).forEach((c) => c.close());
    await first.close();

    const second = await boot({ dataDir: dir.path });
    stops.push(async () => {
      await second.close();
      dir.remove();
    });
    const again = keep(await mc(second.url));
    const board = again.snapshot.readiness!;
    expect(board.checks.filter((c) => c.done).map((c) => [c.id, c.by])).toEqual([['phim', 'Nguyễn Văn Mẫu'], ['dien', 'Điện lực']]);
  });

  it('[RB1] the AV PIN and viewers may not tick (403 / 401); a bad tick is a coded 400', async () => {
    const server = await boot();
    stops.push(server.stop);
    expect((await post(server.url, { type: 'readyTick', checkId: 'phim', by: 'A' })).status).toBe(401);
    expect((await post(server.url, { type: 'readyTick', checkId: 'phim', by: 'A' }, '246801')).status).toBe(403);
    const bad = await post(server.url, { type: 'readyTick', checkId: 'phim', by: '' }, MC_PIN);
    expect([bad.status, bad.json.error.code]).toEqual([400, 'invalid_command']);
    const unknown = await post(server.url, { type: 'readyTick', checkId: 'nope', by: 'A' }, MC_PIN);
    expect([unknown.status, unknown.json.error.code]).toEqual([409, 'unknown_item']);
  });
});

describe('device roster', () => {
  it('[RB5] [RB6] a new screen appears with its role, label, page and reported clock offset; closed, it is stale; later it is gone', async () => {
    const server = await boot({ rosterForgetMs: 1500 });
    stops.push(server.stop);
    const console1 = keep(await mc(server.url, 'MC console'));
    const first = (await roster(console1)) as RosterReply;
    expect(first.screens.map((s) => [s.role, s.label, s.connected])).toEqual([['mc', 'MC console', true]]);

    const speaker = keep(await connect(server.url, { protocol: PROTOCOL_VERSION, label: 'speaker' }));
    speaker.socket.emit('client:report', { offsetMs: -1234.4, rttMs: 7, page: '/speaker' });
    let row: RosterReply['screens'][number] | undefined;
    for (let i = 0; i < 100 && !row?.page; i++) {
      row = ((await roster(console1)) as RosterReply).screens.find((s) => s.label === 'speaker');
      if (!row?.page) await sleep(20);
    }
    expect(row).toMatchObject({ role: 'viewer', label: 'speaker', page: '/speaker', connected: true, offsetMs: -1234, rttMs: 7 });

    // Nonsense from a screen is not believed.
    (speaker.socket.emit as (event: string, body: unknown) => void)('client:report', { offsetMs: 'x', rttMs: -5, page: '<script>' });
    await sleep(100);
    const after = ((await roster(console1)) as RosterReply).screens.find((s) => s.label === 'speaker');
    expect(after).toMatchObject({ offsetMs: -1234, rttMs: 7, page: 'script' });

    const closedAt = Date.now();
    speaker.close();
    let stale: RosterReply['screens'][number] | undefined;
    for (let i = 0; i < 100; i++) {
      stale = ((await roster(console1)) as RosterReply).screens.find((s) => s.label === 'speaker');
      if (stale && !stale.connected) break;
      await sleep(20);
    }
    expect(stale?.connected).toBe(false);
    expect(Math.abs(stale!.lastSeen - closedAt)).toBeLessThan(2000);
    await sleep(1700);
    const later = (await roster(console1)) as RosterReply;
    expect(later.screens.map((s) => s.label)).toEqual(['MC console']);
    expect(later.connected).toBe(1);
  });

  it('[RB6] only an MC socket gets the roster; the AV booth and viewers are told forbidden', async () => {
    const server = await boot();
    stops.push(server.stop);
    const viewer = keep(await connect(server.url));
    const booth = keep(await connect(server.url, { protocol: PROTOCOL_VERSION, pin: '246801', label: 'AV' }));
    for (const c of [viewer, booth]) {
      const r = await roster(c);
      expect(isApiError(r) && r.error.code).toBe('forbidden');
    }
  });
});
