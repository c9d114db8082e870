/**
 * [B13] The journal a backup receives is untrusted input: a fake "primary" (a bare Socket.IO
 * server on 127.0.0.1) sends malformed, forged and out-of-order entries, then a true one.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultProgramme } from '@shared/default-programme';
import { initialShowState } from '@shared/live';
import { applyCommand } from '@shared/reducer';
import type { Instant } from '@shared/time';
import { boot, until } from './helpers';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('backup laptop: a hostile primary', () => {
  it('[B13] entries that are malformed, do not replay, or skip a revision are refused and nothing is written; a true one is kept', async () => {
    const http = createServer();
    const io = new Server(http);
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise<void>((r) => io.close(() => r())));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    let peer: Socket | undefined;
    io.on('connection', (socket) => {
      socket.on('journal:follow', (_req: unknown, ack: (r: unknown) => void) => {
        peer = socket;
        ack({ epoch: 1, epochs: [{ epoch: 1, fromRevision: 0 }], revision: 1 });
      });
    });
    const backup = await boot({ follow: url });
    cleanup.push(() => backup.stop());
    await until(() => peer !== undefined && backup.app.pair.status().primaryReachable, 5000, 'the backup to follow the fake primary');
    /** Drop the backup; it must come back and follow again on its own. */
    const refollow = async (what: string) => {
      peer?.disconnect(true);
      peer = undefined;
      await until(() => peer !== undefined && backup.app.pair.status().primaryReachable, 5000, what);
    };
    const send = (batch: unknown) => new Promise<unknown>((r) => (peer as Socket).emit('journal:entries', batch, r));

    const now = 1_705_540_000_000 as Instant;
    const started = applyCommand(initialShowState(defaultProgramme()), { type: 'start' }, now);
    if (!started.ok) throw new Error('start does not apply');
    const actor = { role: 'mc', label: 'MC', address: '127.0.0.1' };
    const good = { ...started.entry, actor };

    expect(await send({ entries: [{ revision: 'one' }], revision: 1 })).toMatchObject({ error: { code: 'invalid_command' } });
    expect(await send({ entries: [{ ...good, command: { type: 'launchMissiles' } }], revision: 1 })).toMatchObject({ error: { code: 'invalid_command' } });
    expect(await send({ entries: [{ ...good, actor: { ...actor, role: 'root' } }], revision: 1 })).toMatchObject({ error: {} });
    expect(backup.app.pair.status().primaryReachable).toBe(true);
    // Well-formed but forged: a GO before the start does not replay on revision 0.
    const forged = await send({ entries: [{ ...good, command: { type: 'next' } }], revision: 1 });
    expect(forged).toMatchObject({ error: { code: 'not_possible' } });
    expect(backup.app.pair.status()).toMatchObject({ primaryReachable: false, problem: expect.stringContaining('does not replay') });
    expect(backup.app.store.entries()).toEqual([]);
    expect(backup.app.service.current.revision).toBe(0);
    // The backup follows again on a fresh connection; a gap is refused, the true entry is kept.
    await refollow('the backup to follow again');
    expect(await send({ entries: [{ ...good, revision: 2 }], revision: 2 })).toMatchObject({ error: { code: 'not_possible' } });
    await refollow('the backup to follow a third time');
    expect(await send({ entries: [{ ...good, to: { itemId: 'elsewhere', segmentIndex: null } }], revision: 1 })).toMatchObject({ error: { code: 'not_possible' } });
    expect(backup.app.store.entries()).toEqual([]);
    await refollow('the backup to follow a fourth time');
    expect(await send({ entries: [good], revision: 1 })).toEqual({ revision: 1 });
    expect(await send({ entries: [good], revision: 1 })).toEqual({ revision: 1 });
    expect(backup.app.store.entries().map((e) => e.revision)).toEqual([1]);
    expect(backup.app.service.current.live.phase).toBe('running');
  });
});
