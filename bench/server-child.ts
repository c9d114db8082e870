// The production server in its own process, for the benchmark: real app, real SQLite
// (synchronous = FULL) in a temporary DATA_DIR, loopback only. Reports its port over IPC and
// answers stats requests: RSS, CPU time, and packets sent (application messages vs heartbeats).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '../server/app';

const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
const perAddress = Number(process.env.BENCH_VIEWERS_PER_ADDRESS);
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  mcPin: process.env.BENCH_MC_PIN ?? '424242',
  avPin: '313131',
  log: silentLog(),
  // The fan-out runs put every screen on 127.0.0.1: only the admission bench keeps the default budget.
  admission: { viewersPerAddress: Number.isInteger(perAddress) && perAddress > 0 ? perAddress : 1_000_000 },
  ...(process.env.BENCH_FOLLOW ? { follow: process.env.BENCH_FOLLOW } : {}),
  // The doors-open bench serves the built client, as `npm start` does.
  ...(process.env.BENCH_CLIENT_DIR ? { clientDir: process.env.BENCH_CLIENT_DIR } : {}),
});
const counts = { messages: 0, heartbeats: 0 };
/** Duration of each synchronous broadcast (io.emit to every socket), to split the server's share of a GO from the clients'. */
const broadcastMs: number[] = [];
// Timed at the adapter: every broadcast (io.emit or io.local.emit) is one adapter.broadcast to every socket.
const adapter = server.app.io.of('/').adapter as unknown as { broadcast: (...args: unknown[]) => void };
const broadcast = adapter.broadcast.bind(adapter);
adapter.broadcast = (...args: unknown[]) => {
  const t = performance.now();
  broadcast(...args);
  broadcastMs.push(performance.now() - t);
};

server.app.io.engine.on('connection', (socket: { on(e: 'packetCreate', f: (p: { type: string }) => void): void }) => {
  socket.on('packetCreate', (packet) => {
    if (packet.type === 'message') counts.messages++;
    else if (packet.type === 'ping') counts.heartbeats++;
  });
});

/** How long the server's event loop was held up (the doors-open bench reads it per phase). */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'loop') {
    process.send?.({ type: 'loop', p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6, cpu: process.cpuUsage(), at: performance.now() });
    loopDelay.reset();
  } else if (msg.cmd === 'stats') {
    const cpu = process.cpuUsage();
    process.send?.({ type: 'stats', broadcastMs: broadcastMs.splice(0), rss: process.memoryUsage().rss, cpuUserUs: cpu.user, cpuSystemUs: cpu.system, at: performance.now(), ...counts });
  } else if (msg.cmd === 'stop') {
    void server.close().then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
process.send?.({ type: 'ready', port: server.port });

function silentLog() {
  const noop = () => {};
  return { info: noop, warn: noop, error: noop, debug: noop, child: () => silentLog() };
}
