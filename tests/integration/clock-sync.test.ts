import { afterEach, describe, expect, it } from 'vitest';
import { ClockSync } from '@shared/clock-sync';
import type { TimeSyncReply } from '@shared/protocol';
import { instant } from '@shared/time';
import { boot, type Client, connect } from './helpers';

let server: Awaited<ReturnType<typeof boot>> | undefined;
let client: Client | undefined;
afterEach(async () => {
  client?.close();
  await server?.stop();
});

const exchange = (c: Client) => (t0: number) =>
  new Promise<TimeSyncReply>((resolve, reject) => {
    c.socket.timeout(2000).emit('time:sync', t0, (err: Error | null, reply: TimeSyncReply) => (err ? reject(err) : resolve(reply)));
  });

describe('clock sync', () => {
  it('[S11] time:sync echoes t0 and stamps receive and send on the server clock', async () => {
    const skew = 123_456;
    server = await boot({ clock: () => instant(Date.now() + skew) });
    client = await connect(server.url);
    const before = Date.now();
    const reply = await exchange(client)(42);
    expect(reply.t0).toBe(42);
    expect(reply.t2).toBeGreaterThanOrEqual(reply.t1);
    expect(reply.t1 - skew).toBeGreaterThanOrEqual(before - 1);
    expect(reply.t2 - skew).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('[S11] a client whose clock is minutes off estimates the server clock within 50 ms', async () => {
    const serverSkew = 90_000; // the server's own clock is off too: only the difference matters
    const clientSkew = -7 * 60_000;
    server = await boot({ clock: () => instant(Date.now() + serverSkew) });
    client = await connect(server.url);
    const localNow = () => Date.now() + clientSkew;
    const sync = new ClockSync(exchange(client), localNow, 8);
    const estimate = await sync.sync();
    expect(estimate).not.toBeNull();
    const truth = serverSkew - clientSkew;
    expect(Math.abs((estimate?.offset ?? 0) - truth)).toBeLessThan(50);
    expect(estimate?.rtt).toBeGreaterThanOrEqual(0);
    expect(Math.abs(sync.serverNow() - (Date.now() + serverSkew))).toBeLessThan(50);
  });
});
