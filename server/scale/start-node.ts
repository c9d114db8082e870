/**
 * Compose the process the role asks for, from the same parts (startServer, startRelay, the
 * writer link, an adapter). Everything beyond one process is imported on demand, so the default
 * start loads neither the Redis client nor the cluster modules.
 */
import { type App, type StartOptions, startServer } from '../app';
import type { Logger } from '../log';
import type { NodeRole } from './role';

export interface NodeOptions extends StartOptions {
  log: Logger;
  redisUrl?: string;
  /** The file the cluster's workers run (this process's own entry). */
  exec: string;
}

export interface StartedNode {
  port: number;
  /** The port belongs to this process (print the banner); false in a cluster worker. */
  ownsPort: boolean;
  /** The writer's app (single process, or the writer node): what OSC and other adapters attach to. */
  app?: App;
  close(): Promise<void>;
}

export async function startNode(role: NodeRole, opts: NodeOptions): Promise<StartedNode> {
  const { log } = opts;
  switch (role.kind) {
    case 'single': {
      const server = await startServer(opts);
      return { port: server.port, ownsPort: true, app: server.app, close: server.close };
    }
    case 'primary': {
      const { runPrimary } = await import('./cluster');
      const primary = await runPrimary({ workers: role.workers, port: opts.port ?? 0, host: opts.host ?? '0.0.0.0', exec: opts.exec, allRelays: process.env.RELAY?.trim() === '1', log });
      return { port: primary.port, ownsPort: true, close: primary.close };
    }
    case 'writer':
    case 'relay': {
      const worker = role.worker;
      const { adapter, onLinkDown, closeLink } = await joinOthers(role.via, opts.redisUrl, log);
      // A cluster worker gets its connections from the primary; it still binds a private loopback port of its own.
      const listenAt = worker !== null ? { port: 0, host: '127.0.0.1' } : {};
      let io;
      let close: () => Promise<void>;
      let port: number;
      let app: App | undefined;
      if (role.kind === 'writer') {
        const { linkStartedWriter } = await import('./nodes');
        const server = await startServer({ ...opts, ...listenAt, adapter });
        const link = linkStartedWriter(server, log);
        io = server.app.io;
        app = server.app;
        port = server.port;
        close = async () => {
          link.close();
          await server.close();
          await closeLink();
        };
      } else {
        const { startRelay } = await import('./relay-app');
        // On one machine a silent writer is a busy one (or a dead one the primary forks again, which
        // relays see as a new epoch): only a much longer silence there means this relay is cut off.
        const relay = await startRelay({ ...opts, ...listenAt, adapter, ...(role.via === 'cluster' ? { staleAfterMs: 15_000 } : {}) });
        onLinkDown((why) => relay.service.linkDown(why));
        io = relay.io;
        port = relay.port;
        close = async () => {
          await relay.close();
          await closeLink();
        };
      }
      if (worker !== null) {
        const [{ setupWorker }, { workerSessionIds }] = await Promise.all([import('@socket.io/sticky'), import('./cluster')]);
        (io.engine as unknown as { generateId: () => string }).generateId = workerSessionIds(worker);
        setupWorker(io as never);
        // The primary is gone (killed): this worker has no port to serve any more.
        process.on('disconnect', () => void close().finally(() => process.exit(0)));
        log.info(`worker ${worker}: ${role.kind}`);
      }
      return { port, ownsPort: worker === null, ...(app ? { app } : {}), close };
    }
    default:
      return role satisfies never;
  }
}

async function joinOthers(via: 'redis' | 'cluster', redisUrl: string | undefined, log: Logger) {
  if (via === 'redis') {
    const { connectRedis } = await import('./redis');
    const redis = await connectRedis(redisUrl as string, log);
    return {
      adapter: redis.adapter,
      onLinkDown: (f: (why: string) => void) => redis.onLink((up, why) => !up && f(`Redis: ${why}`)),
      closeLink: () => redis.close(),
    };
  }
  const { createAdapter } = await import('@socket.io/cluster-adapter');
  return { adapter: createAdapter(), onLinkDown: (_f: (why: string) => void) => {}, closeLink: async () => {} };
}
