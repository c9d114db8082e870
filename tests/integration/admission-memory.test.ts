import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, until } from './helpers';

// [A5] A screen's connection keeps nothing of its upgrade request once the handshake has read it:
// the browser's headers (a kilobyte or more) would otherwise stay in memory for every screen.
describe('memory per screen', () => {
  let server: Awaited<ReturnType<typeof boot>>;
  beforeAll(async () => {
    server = await boot();
  });
  afterAll(() => server.stop());

  it('[A5] no engine connection holds its upgrade request or its headers', async () => {
    const bulky = { 'user-agent': 'x'.repeat(4000), 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8'.repeat(20) };
    let request: { rawHeaders: string[]; headers: Record<string, unknown> } | undefined;
    // Runs before attachSockets' listener lets go of the request: keep a handle to look at after.
    server.app.io.engine.prependOnceListener('connection', (raw: { request: unknown }) => {
      request = raw.request as typeof request;
    });
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers: bulky });
    let admitted = false;
    ws.on('message', (d) => {
      const text = d.toString();
      if (text.startsWith('0')) ws.send('40{"protocol":1}');
      if (text.startsWith('40')) admitted = true;
    });
    await until(() => admitted, 5000, 'the screen admitted');
    const clients = Object.values((server.app.io.engine as unknown as { clients: Record<string, { request: unknown }> }).clients);
    expect(clients).toHaveLength(1);
    expect(clients[0]?.request).toBeNull();
    // The request object itself may still be referenced by the WebSocket's response: it holds no headers.
    expect(request?.rawHeaders).toEqual([]);
    expect(JSON.stringify(request?.headers ?? {})).not.toContain('xxxx');
    ws.terminate();
  });
});
