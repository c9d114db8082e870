import { connect as tcp, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, connect, getJson, MC_PIN, post } from './helpers';

// [S19] A client that dribbles its request headers (slowloris, from a guest's phone on the shared
// network) is cut off after the headers timeout; screens on WebSockets are not affected.
describe('slow clients', () => {
  let server: Awaited<ReturnType<typeof boot>>;
  beforeAll(async () => {
    server = await boot({ headersTimeoutMs: 1000 });
  });
  afterAll(() => server.stop());

  it('[S19] connections that never finish their headers are closed; the API and a WebSocket screen carry on', async () => {
    const screen = await connect(server.url);
    const slow: { socket: Socket; closedAt: number | null; timer: NodeJS.Timeout }[] = [];
    const startedAt = Date.now();
    for (let i = 0; i < 40; i++) {
      const socket = tcp({ host: '127.0.0.1', port: server.port });
      socket.on('error', () => {});
      const entry = { socket, closedAt: null as number | null, timer: setInterval(() => socket.writable && socket.write('X'), 200) };
      socket.on('close', () => {
        entry.closedAt = Date.now();
        clearInterval(entry.timer);
      });
      socket.write('GET /api/v1/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      slow.push(entry);
    }
    // While they dribble, the API answers and commands go through.
    expect((await getJson(server.url, '/healthz')).status).toBe(200);
    expect((await post(server.url, { type: 'start' }, MC_PIN)).status).toBe(200);

    const deadline = Date.now() + 10_000; // bounded wait
    while (slow.some((s) => s.closedAt === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    for (const s of slow) clearInterval(s.timer);
    const open = slow.filter((s) => s.closedAt === null).length;
    for (const s of slow) s.socket.destroy();
    console.log(`[slow] ${slow.length - open} of ${slow.length} dribbling connections closed, the last after ${Math.max(...slow.map((s) => (s.closedAt ?? Date.now()) - startedAt))} ms`);
    expect(open).toBe(0);

    // The WebSocket screen, idle for longer than the headers timeout, still follows the show.
    expect(screen.socket.connected).toBe(true);
    expect((await post(server.url, { type: 'next' }, MC_PIN)).status).toBe(200);
    await expect.poll(() => screen.states.at(-1)?.revision).toBe(2);
    screen.close();
  });
});

// The test above shortens the headers timeout to stay quick; this one checks what production gets:
// the composition root (server/index.ts) calls startServer without timeout options.
describe('production timeouts', () => {
  it('[S19] a server started with the defaults cuts headers at 10 s and whole requests at 60 s', async () => {
    const server = await boot();
    try {
      expect(server.app.httpServer.headersTimeout).toBe(10_000);
      expect(server.app.httpServer.requestTimeout).toBe(60_000);
    } finally {
      await server.stop();
    }
  });
});
