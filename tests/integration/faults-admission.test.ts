import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { MC_PIN, spawnServer, tempDataDir, type ChildServer } from '../faults/child-server';
import { viewerFlood, type FloodResult } from '../faults/viewer-flood';
import { connect, type Client } from './helpers';

// [A1]–[A4] One device cannot lock the hall out. The server runs under a low open-file limit (as a
// small laptop or a service manager's default would give it) and 127.0.0.1 floods it with raw
// engine.io viewers past every budget; 127.0.0.2 is "another device on the hall's network".
const FD_LIMIT = 512;
const OTHER = '127.0.0.2';

/** An HTTP request from another loopback address (the Stream Deck's GO). */
function httpFrom(url: string, path: string, body?: unknown): Promise<{ status: number; json: any; ms: number }> {
  const started = Date.now();
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: data ? 'POST' : 'GET',
      localAddress: OTHER,
      headers: data ? { 'content-type': 'application/json', authorization: `Bearer ${MC_PIN}` } : {},
      timeout: 5_000,
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null, ms: Date.now() - started }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.end(data);
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

describe.each([
  // Per address: one device reaches its own budget long before the server's.
  // Started with a soft open-file limit below the hard one: the server runs with the hard one.
  { name: 'per address', viewersPerAddress: 100, flood: 300, soft: FD_LIMIT / 2 },
  // Global: a budget higher than the file limit, so only the global viewer budget stops the flood.
  { name: 'global', viewersPerAddress: 100_000, flood: FD_LIMIT + 200, soft: FD_LIMIT },
])('a viewer flood from one address ($name budget)', ({ viewersPerAddress, flood: count, soft }) => {
  const data = tempDataDir('admission');
  let server: ChildServer;
  let flood: FloodResult | undefined;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await spawnServer({
      dataDir: data.dir,
      wrap: ['prlimit', `--nofile=${soft}:${FD_LIMIT}`, '--'],
      env: { VIEWERS_PER_ADDRESS: String(viewersPerAddress) },
    });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    flood?.close();
    await server?.stop();
    data.remove();
  });

  it('[A1][A2][A3][A4] refuses the flood early with a reason; another device\'s screen (if room), MC console and HTTP GO get in within a second; nothing acknowledged is lost; all recovers', async () => {
    // [A2] The budgets in force, and the open-file limit raised to the hard one, are in the banner.
    const banner = server.lines.slice(0, server.bootLines).map((l) => l.text).join('\n');
    expect(banner).toContain(`Screens: up to ${viewersPerAddress} per device address`);
    expect(banner).toContain(`(open-file limit ${FD_LIMIT})`);
    const before = rssMb(server.pid);
    flood = await viewerFlood(server.url, { from: '127.0.0.1', count, concurrency: 32, deadlineMs: 60_000 });
    const refused = flood.refusedSocket + flood.refusedEngine;
    console.log(`[admission:${viewersPerAddress}] flood of ${count}: ${flood.admitted} admitted, ${flood.refusedSocket} refused at Socket.IO (${[...flood.codes]}), ${flood.refusedEngine} at the engine (${[...flood.statuses]} ${[...flood.engineReasons]}), ${flood.failed} failed; RSS ${before.toFixed(0)} → ${rssMb(server.pid).toFixed(0)} MB`);
    // The budget held: never more viewers than it allows, and the rest were told why or turned away at the door.
    const budget = Math.min(viewersPerAddress, FD_LIMIT);
    expect(flood.admitted).toBeLessThanOrEqual(budget);
    expect(flood.admitted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThanOrEqual(count - budget - flood.failed);
    expect(refused).toBeGreaterThan(0);
    expect([...flood.codes].every((c) => c === 'too_many_connections')).toBe(true);
    expect([...flood.statuses].every((s) => s === 400 || s === 403)).toBe(true);
    expect([...flood.engineReasons].every((r) => r === 'too_many_connections')).toBe(true);
    // The server is alive and its memory bounded by the budgets, not by the flood.
    expect(server.alive()).toBe(true);
    expect(rssMb(server.pid)).toBeLessThan(before + 150);

    // [A4] Visible to the operator: the flooding address on top, the refusals counted.
    const info = await httpFrom(server.url, '/api/v1/info');
    expect(info.json.connections.top[0]).toMatchObject({ address: '127.0.0.1', viewers: flood.admitted });
    expect(info.json.connections.refused.engine + info.json.connections.refused.viewers).toBe(refused);
    const status = await httpFrom(server.url, '/api/v1/status');
    expect(status.json.connections.viewers).toBe(flood.admitted);
    expect(server.lines.filter((l) => /refused a connection from 127\.0\.0\.1/.test(l.text))).toHaveLength(1);

    // While the flood holds its sockets: another device's MC console and the HTTP API get in at once.
    const console_ = await timed(() => connect(server.url, { protocol: PROTOCOL_VERSION, pin: MC_PIN, label: 'MC from another device' }, { localAddress: OTHER }));
    clients.push(console_.value);
    expect(console_.value.role).toBe('mc');
    expect(console_.ms).toBeLessThan(1000);
    const acked: number[] = [];
    const start = await console_.value.send({ type: 'start' });
    if ('revision' in start) acked.push(start.revision);
    const health = await httpFrom(server.url, '/healthz');
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
    const go = await httpFrom(server.url, '/api/v1/commands', { type: 'next' });
    expect(go.status).toBe(200);
    expect(go.ms).toBeLessThan(1000);
    acked.push(go.json.revision);

    // A screen from another device: admitted while the server has room; past the global budget it is told why.
    const screen = await timed(() => connect(server.url, { protocol: PROTOCOL_VERSION }, { localAddress: OTHER }).then(
      (c) => (clients.push(c), 'admitted'),
      (e: Error & { data?: { code?: string } }) => e.data?.code ?? e.message,
    ));
    expect(screen.ms).toBeLessThan(1000);
    expect(screen.value).toBe(viewersPerAddress < FD_LIMIT ? 'admitted' : 'too_many_connections');

    // Nothing acknowledged is lost: every acked revision is in the journal, in order.
    const state = await httpFrom(server.url, '/api/v1/state');
    expect(state.json.revision).toBe(Math.max(...acked));
    expect(acked).toEqual([...acked].sort((a, b) => a - b));

    // After the flood: the flooding address gets a screen again.
    flood.close();
    flood = undefined;
    let again: Client | undefined;
    const deadline = Date.now() + 10_000;
    while (!again && Date.now() < deadline) {
      again = await connect(server.url).catch(() => undefined);
      if (!again) await new Promise((r) => setTimeout(r, 200));
    }
    expect(again?.role).toBe('viewer');
    if (again) clients.push(again);
  });
});
