// Phones at doors open, for the doors-open bench: each phone fetches what a browser fetches for a
// first load of /agenda (the list comes from the build: bench/agenda-files.ts) over the shaped link,
// with `Accept-Encoding: br, gzip` and at most 6 connections (a browser's HTTP/1.1 limit per
// host): the page first, then everything else. Then it opens the Socket.IO connection (WebSocket,
// through the same link) and waits for its first snapshot.
import { Agent, request } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../shared/protocol';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const hr = () => performance.timeOrigin + performance.now();
const sockets: Client[] = [];
const agents: Agent[] = [];
let retries = 0;

interface PhoneResult {
  startedAt: number;
  pageAt: number;
  assetsAt: number;
  snapshotAt: number;
  bytes: number;
  failed?: string;
}

/**
 * A GET; retried (up to 3 times, on a new connection) when a kept-alive connection fails under it —
 * closed by the server as idle, or answered 408 (a server's timeout on a reused connection) — as
 * Chromium retries an idempotent request sent on a reused socket.
 */
async function get(agent: Agent, url: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A retry goes on a new connection of its own, as a browser's does.
      return await getOnce(attempt === 1 ? agent : false, url);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const retryable = code === 'ECONNRESET' || /socket hang up/.test((e as Error).message) || (e as { reused408?: boolean }).reused408 === true;
      if (attempt >= 3 || !retryable) throw e;
      retries++;
    }
  }
}

function getOnce(agent: Agent | false, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { 'accept-encoding': 'br, gzip', 'user-agent': 'baton-bench-phone' } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => {
        if (res.statusCode === 200) return resolve(bytes);
        reject(Object.assign(new Error(`${url}: ${res.statusCode}`), { reused408: res.statusCode === 408 && req.reusedSocket }));
      });
      res.on('error', reject);
    });
    req.setTimeout(180_000, () => req.destroy(new Error(`${url}: timed out`)));
    req.on('error', reject);
    req.end();
  });
}

async function phone(base: string, files: string[]): Promise<PhoneResult> {
  const startedAt = hr();
  const agent = new Agent({ keepAlive: true, maxSockets: 6 });
  agents.push(agent);
  const r: PhoneResult = { startedAt, pageAt: 0, assetsAt: 0, snapshotAt: 0, bytes: 0 };
  try {
    const [page, ...rest] = files;
    r.bytes += await get(agent, base + page);
    r.pageAt = hr();
    const sizes = await Promise.all(rest.map((f) => get(agent, base + f)));
    r.bytes += sizes.reduce((a, b) => a + b, 0);
    r.assetsAt = hr();
    await new Promise<void>((resolve, reject) => {
      const s: Client = io(base, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 180_000, auth: { protocol: PROTOCOL_VERSION, label: 'agenda' } });
      sockets.push(s);
      s.once('show:snapshot', () => resolve());
      s.once('connect_error', (e) => reject(e));
    });
    r.snapshotAt = hr();
  } catch (e) {
    r.failed = (e as Error).message;
  }
  return r;
}

process.on('message', async (msg: { cmd: string; url?: string; files?: string[]; count?: number }) => {
  if (msg.cmd === 'rush') {
    const results = await Promise.all(Array.from({ length: msg.count! }, () => phone(msg.url!, msg.files!)));
    process.send?.({ type: 'rushed', results, retries });
  } else if (msg.cmd === 'stop') {
    for (const s of sockets) s.disconnect();
    for (const a of agents) a.destroy();
    process.exit(0);
  }
});
process.send?.({ type: 'up' });
