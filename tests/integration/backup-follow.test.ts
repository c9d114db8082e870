/**
 * Backup laptop (issue 10), in one process: two real servers on 127.0.0.1, real Socket.IO between
 * them, real SQLite in temp DATA_DIRs. Rules B1–B5, B9 in the README's "Backup laptop" section.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { type NodeStatus, PROTOCOL_VERSION } from '@shared/protocol';
import { AV_PIN, boot, getJson, MC_PIN, mc, post, tempDir, until } from './helpers';

type Booted = Awaited<ReturnType<typeof boot>>;
const running: Booted[] = [];
const start = async (options: Parameters<typeof boot>[0] = {}) => {
  const s = await boot(options);
  running.push(s);
  return s;
};
afterEach(async () => {
  for (const s of running.splice(0).reverse()) await s.stop();
});

const state = async (url: string) => (await getJson(url, '/api/v1/state')).json as { revision: number; live: unknown; programme: unknown };
const sameState = async (a: string, b: string) => {
  const [x, y] = await Promise.all([state(a), state(b)]);
  return x.revision === y.revision && JSON.stringify([x.live, x.programme]) === JSON.stringify([y.live, y.programme]);
};
/** Poll until both serve the same state, or fail after `ms`; returns how long it took. */
async function converge(a: string, b: string, ms = 1000): Promise<number> {
  const t0 = Date.now();
  for (let i = 0; i < 200; i++) {
    if (await sameState(a, b)) return Date.now() - t0;
    if (Date.now() - t0 > ms) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`the backup did not serve the primary's state within ${ms} ms`);
}
const info = async (url: string) => (await getJson(url, '/api/v1/info')).json.node as NodeStatus;
const inSync = (primary: Booted) => until(() => primary.app.pair.status().backupUrls.length > 0 && !primary.app.pair.status().backupLost, 5000, 'the backup to attach');

describe('backup laptop: following', () => {
  it('[B1] a backup started with FOLLOW copies the journal from revision 1 and serves the primary\'s state within a second of every command', async () => {
    const primary = await start();
    for (const c of [{ type: 'start' }, { type: 'message', text: 'trước khi có backup' }, { type: 'pause' }]) expect((await post(primary.url, c, MC_PIN)).status).toBe(200);
    const backup = await start({ follow: primary.url });
    await converge(primary.url, backup.url, 3000);
    await inSync(primary);
    for (const c of [{ type: 'resume' }, { type: 'addTime', seconds: 60 }, { type: 'next' }, { type: 'blackout', on: true }]) {
      const r = await post(primary.url, c, MC_PIN);
      expect(r.status).toBe(200);
      await converge(primary.url, backup.url, 1000);
    }
    expect(backup.app.store.entries().map((e) => [e.revision, e.command.type])).toEqual(primary.app.store.entries().map((e) => [e.revision, e.command.type]));
    expect(await info(backup.url)).toMatchObject({ role: 'backup', epoch: 1, primaryUrl: primary.url, primaryReachable: true, behind: 0 });
    expect(await info(primary.url)).toMatchObject({ role: 'primary', epoch: 1, primaryUrl: null, backupUrls: [backup.url], backupLost: false });
  });

  it('[B2] a backup whose DATA_DIR stopped halfway copies only the rest, and a restarted backup carries on', async () => {
    const primary = await start();
    const dir = tempDir();
    try {
      let backup = await boot({ follow: primary.url, dataDir: dir.path });
      await post(primary.url, { type: 'start' }, MC_PIN);
      for (let i = 0; i < 30; i++) await post(primary.url, { type: 'message', text: `một ${i}` }, MC_PIN);
      await converge(primary.url, backup.url);
      await backup.close();
      for (let i = 0; i < 40; i++) await post(primary.url, { type: 'message', text: `hai ${i}` }, MC_PIN);
      backup = await boot({ follow: primary.url, dataDir: dir.path });
      await converge(primary.url, backup.url, 3000);
      expect(backup.app.store.entries().length).toBe(71);
      expect(new Set(backup.app.store.entries().map((e) => e.revision)).size).toBe(71);
      await backup.close();
    } finally {
      dir.remove();
    }
  });

  it('[B3] a backup refuses every command with 409 not_possible naming the primary\'s URL; screens read it without a PIN', async () => {
    const primary = await start();
    const backup = await start({ follow: primary.url });
    await inSync(primary);
    const http = await post(backup.url, { type: 'start' }, MC_PIN);
    expect(http.status).toBe(409);
    expect(http.json.error.code).toBe('not_possible');
    expect(http.json.error.message).toContain(primary.url);
    const console = await mc(backup.url);
    const ack = await console.send({ type: 'start' });
    expect(ack).toMatchObject({ error: { code: 'not_possible' } });
    expect(JSON.stringify(ack)).toContain(primary.url);
    console.close();
    expect(backup.app.service.current.revision).toBe(0);
    // A screen without a PIN: role, snapshot, then the node's status, in that order.
    const order: string[] = [];
    const screen = io(backup.url, { auth: { protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
    let status: NodeStatus | undefined;
    screen.onAny((name: string, payload: unknown) => {
      order.push(name);
      if (name === 'node:status') status = payload as NodeStatus;
    });
    await until(() => status !== undefined, 3000, 'node:status');
    screen.close();
    expect(order.slice(0, 3)).toEqual(['session:role', 'show:snapshot', 'node:status']);
    expect(status).toMatchObject({ role: 'backup', primaryUrl: primary.url });
  });

  it('[B4] with a backup attached, a command is acknowledged only once the backup holds it durably', async () => {
    const primary = await start();
    const backup = await start({ follow: primary.url });
    await inSync(primary);
    const console = await mc(primary.url);
    for (let i = 0; i < 20; i++) {
      const ack = await console.send(i === 0 ? { type: 'start' } : { type: 'message', text: `#${i}` });
      if (!('revision' in ack)) throw new Error(JSON.stringify(ack));
      // The backup's own store, read the instant the ack arrives.
      expect(backup.app.store.entries({ afterRevision: ack.revision - 1 }).map((e) => e.revision)).toEqual([ack.revision]);
    }
    console.close();
  });

  it('[B9] /api/v1/info, /state and /promote answer cross-origin (with preflight); info carries the node; node:status follows the snapshot', async () => {
    const primary = await start();
    for (const path of ['/api/v1/info', '/api/v1/state']) {
      const res = await fetch(`${primary.url}${path}`, { headers: { origin: 'http://10.0.0.9:4310' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
    const pre = await fetch(`${primary.url}/api/v1/promote`, { method: 'OPTIONS', headers: { origin: 'http://10.0.0.9:4310', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    const body = (await getJson(primary.url, '/api/v1/info')).json;
    expect(body).toMatchObject({ port: primary.port, node: { role: 'primary', epoch: 1, self: primary.url, primaryUrl: null, backupUrls: [], backupLost: false, behind: null, revision: 0 } });
    expect(JSON.stringify(body)).not.toContain(MC_PIN);
    const polling = await fetch(`${primary.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'http://10.0.0.9:4310' } });
    expect(polling.headers.get('access-control-allow-origin')).toBe('http://10.0.0.9:4310');
    expect((await post(primary.url, { type: 'start' }, AV_PIN)).status).toBe(403);
  });
});
