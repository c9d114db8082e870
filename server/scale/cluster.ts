/**
 * WORKERS=N: one port, N Socket.IO processes (Node's cluster). The primary only accepts
 * connections and hands each to a worker (@socket.io/sticky, least connections, so a long-poll
 * session stays on its worker), and passes inter-node messages between workers
 * (@socket.io/cluster-adapter). Worker 1 is the writer (the one SQLite journal), the others are
 * relays; with REDIS_URL set they join Redis instead, and with RELAY=1 all of them are relays.
 * A worker that dies is forked again in the same role.
 */
import type { Worker } from 'node:cluster';
import { createServer } from 'node:http';
import { type AddressInfo, Socket } from 'node:net';
import type { Logger } from '../log';
import { WORKER_ENV, WORKER_INDEX_ENV } from './role';

export interface PrimaryOptions {
  workers: number;
  port: number;
  host: string;
  /** The entry the workers run: this very file's bundle (dist/server/index.mjs) or server/index.ts under tsx. */
  exec: string;
  /** All workers relays (RELAY=1 with WORKERS): the writer is on another machine. */
  allRelays: boolean;
  log: Logger;
}

export async function runPrimary(opts: PrimaryOptions): Promise<{ port: number; close(): Promise<void> }> {
  const cluster = (await import('node:cluster')).default;
  const [{ setupMaster }, { setupPrimary }] = await Promise.all([import('@socket.io/sticky'), import('@socket.io/cluster-adapter')]);
  const httpServer = createServer();
  setupMaster(httpServer, { loadBalancingMethod: 'least-connection' });
  setupPrimary();
  // Buffers must cross IPC as Buffers (sticky hands each connection's first bytes to its worker).
  cluster.setupPrimary({ exec: opts.exec, serialization: 'advanced' });

  let stopping = false;
  const roles = new Map<number, { index: number; role: 'writer' | 'relay' }>();
  const fork = (index: number) => {
    const role = index === 1 && !opts.allRelays ? 'writer' : 'relay';
    const worker: Worker = cluster.fork({ [WORKER_ENV]: role, [WORKER_INDEX_ENV]: String(index) });
    stopReadingBeforeHandover(worker);
    roles.set(worker.id, { index, role });
  };
  cluster.on('exit', (worker, code, signal) => {
    const was = roles.get(worker.id);
    roles.delete(worker.id);
    if (stopping || !was) return;
    opts.log.error(`worker ${was.index} (${was.role}) exited (${signal ?? code}); starting it again`);
    // A short pause so a worker that dies at start does not spin the CPU.
    setTimeout(() => !stopping && fork(was.index), 500).unref();
  });
  for (let i = 1; i <= opts.workers; i++) fork(i);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, opts.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  opts.log.info(`${opts.workers} workers on port ${port}: ${opts.allRelays ? 'all relays' : 'worker 1 writes, the others relay'}`);

  return {
    port,
    async close() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once('exit', () => resolve());
              const pid = w.process.pid;
              if (pid) process.kill(pid, 'SIGTERM');
            }),
        ),
      );
      httpServer.close();
    },
  };
}

/**
 * @socket.io/sticky reads a connection's first bytes in the primary, then sends the socket to a
 * worker. Node's `send` only mutes the primary's copy of the handle (`onread = nop`): it keeps
 * reading until the IPC write completes and the handle is closed. A WebSocket client answers the
 * worker's engine.io "open" with its Socket.IO CONNECT at once; when those bytes reached the
 * primary's still-reading copy first, they were read there and thrown away, and the screen waited
 * forever for a CONNECT reply (X6, about one run in two with 200 screens). Stop the primary's reads
 * before the handle leaves: from then on only the worker reads the connection.
 */
function stopReadingBeforeHandover(worker: Worker): void {
  const send = worker.send.bind(worker) as (...args: unknown[]) => boolean;
  (worker as { send: (...args: unknown[]) => boolean }).send = (message: unknown, handle?: unknown, ...rest: unknown[]) => {
    if (handle instanceof Socket) (handle as unknown as { _handle?: { readStop?: () => number } | null })._handle?.readStop?.();
    return send(message, handle, ...rest);
  };
}

/** Engine.io session ids that name their worker (first character), so logs and tests can tell where a screen landed. */
export function workerSessionIds(index: number): () => string {
  const tag = index.toString(36).slice(-1);
  return () => {
    // sticky routes polling requests by a 20-character [\w-] sid: keep that shape.
    const bytes = new Uint8Array(15);
    crypto.getRandomValues(bytes);
    return (tag + Buffer.from(bytes).toString('base64url')).slice(0, 20);
  };
}
