// Planted: a server running in the test process answers, then a promise of its handler rejects
// with nobody to catch it — as an integration test's server would.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';

it('gets an answer from a server whose handler then rejects', async () => {
  const server = createServer((_req, res) => {
    res.end('ok');
    void Promise.reject(new Error('planted: unhandled rejection in the server'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const text = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => server.close(r));
  expect(text).toBe('ok');
});
