// A user-space link shaper for the doors-open bench (this machine's kernel has no netem): a TCP
// proxy on 127.0.0.1 in front of the server whose every connection shares ONE token bucket of
// BENCH_LINK_MBIT (default 20) Mbit/s, both directions counted together — Wi-Fi airtime is shared
// by what goes up and what comes down. Bytes waiting for the link are sent round-robin over the
// connections that have some (a fair share per connection, as a Wi-Fi queue roughly gives), in
// slices of one Ethernet-sized packet; a connection with more than HIGH_WATER bytes queued has
// its source paused until it drains, so memory stays bounded.
// Reports { type: 'ready', port } over IPC; answers { cmd: 'stats' } with the bytes carried.
import { createConnection, createServer, type Socket } from 'node:net';

const RATE_BYTES_PER_MS = (Number(process.env.BENCH_LINK_MBIT ?? 20) * 1e6) / 8 / 1000;
const TARGET_PORT = Number(process.env.BENCH_TARGET_PORT);
const TICK_MS = 5;
const BURST = RATE_BYTES_PER_MS * 20; // at most 20 ms of link time saved up
const SLICE = 1500;
const HIGH_WATER = 64 * 1024;

interface Pipe {
  to: Socket;
  from: Socket;
  queue: Buffer[];
  queued: number;
}
const pipes = new Set<Pipe>();
let ring: Pipe[] = [];
let cursor = 0;
let tokens = 0;
let last = performance.now();
const carried = { down: 0, up: 0, connections: 0, peakQueued: 0 };

function pipe(from: Socket, to: Socket, dir: 'down' | 'up'): void {
  const p: Pipe = { to, from, queue: [], queued: 0 };
  pipes.add(p);
  from.on('data', (chunk: Buffer) => {
    p.queue.push(chunk);
    p.queued += chunk.length;
    carried[dir] += chunk.length;
    if (p.queued > HIGH_WATER) from.pause();
  });
  const done = () => {
    // What is still queued goes out first, then the other side is closed.
    const finish = () => (p.queued === 0 ? to.end() : setTimeout(finish, TICK_MS));
    finish();
  };
  from.on('end', done);
  from.on('close', () => setTimeout(() => pipes.delete(p), 60_000).unref());
}

setInterval(() => {
  const now = performance.now();
  tokens = Math.min(BURST, tokens + (now - last) * RATE_BYTES_PER_MS);
  last = now;
  ring = [...pipes].filter((p) => p.queued > 0);
  let queued = 0;
  for (const p of ring) queued += p.queued;
  carried.peakQueued = Math.max(carried.peakQueued, queued);
  // Round-robin, one packet per pipe per turn, until the bucket is empty or nothing waits.
  let idle = 0;
  while (tokens >= 1 && ring.length > 0 && idle < ring.length) {
    const p = ring[cursor++ % ring.length]!;
    if (p.queued === 0 || p.to.destroyed) {
      idle++;
      continue;
    }
    idle = 0;
    const head = p.queue[0]!;
    const n = Math.min(head.length, SLICE, Math.floor(tokens));
    if (n <= 0) break;
    p.to.write(head.subarray(0, n));
    if (n === head.length) p.queue.shift();
    else p.queue[0] = head.subarray(n);
    p.queued -= n;
    tokens -= n;
    if (p.queued <= HIGH_WATER / 2 && p.from.isPaused()) p.from.resume();
  }
}, TICK_MS);

const server = createServer((client) => {
  carried.connections++;
  const upstream = createConnection({ host: '127.0.0.1', port: TARGET_PORT });
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  pipe(upstream, client, 'down');
  pipe(client, upstream, 'up');
  const kill = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', kill);
  upstream.on('error', kill);
  client.on('close', () => upstream.end());
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.send?.({ type: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0 });
});

process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'stats') process.send?.({ type: 'stats', ...carried, mbit: RATE_BYTES_PER_MS * 8 / 1000 });
  else if (msg.cmd === 'stop') process.exit(0);
});
