/**
 * The nodes of a show spread over processes and machines, each one call for the composition
 * root (server/index.ts) and the tests: a writer joined to its relays, and a relay, over Redis.
 */
import { type StartOptions, startServer, type StartedServer } from '../app';
import { silentLogger } from '../log';
import { connectRedis } from './redis';
import { adapterBus } from './bus';
import { type RelayOptions, type StartedRelay, startRelay } from './relay-app';
import { linkWriter } from './writer-link';
import { instant } from '@shared/time';

/** Attach the writer link to a started writer (Redis or cluster adapter already in its io). */
export function linkStartedWriter(server: StartedServer, log = silentLogger, beatMs?: number) {
  const { app } = server;
  return linkWriter({
    bus: adapterBus(app.io),
    service: app.service,
    store: app.store,
    clock: () => instant(Date.now()),
    log,
    ...(beatMs !== undefined ? { beatMs } : {}),
  });
}

export async function startRedisWriter(opts: StartOptions & { redisUrl: string; beatMs?: number }): Promise<StartedServer> {
  const log = opts.log ?? silentLogger;
  const redis = await connectRedis(opts.redisUrl, log);
  const server = await startServer({ ...opts, adapter: redis.adapter }).catch(async (error: unknown) => {
    await redis.close();
    throw error;
  });
  const link = linkStartedWriter(server, log, opts.beatMs);
  const close = async () => {
    link.close();
    await server.close();
    await redis.close();
  };
  return { ...server, close };
}

export async function startRedisRelay(opts: Omit<RelayOptions, 'adapter'> & { redisUrl: string }): Promise<StartedRelay> {
  const log = opts.log ?? silentLogger;
  const redis = await connectRedis(opts.redisUrl, log);
  const relay = await startRelay({ ...opts, adapter: redis.adapter }).catch(async (error: unknown) => {
    await redis.close();
    throw error;
  });
  // Coming back needs nothing here: the relay keeps asking the writer until a snapshot arrives.
  redis.onLink((up, why) => {
    if (!up) relay.service.linkDown(`Redis: ${why}`);
  });
  const close = async () => {
    await relay.close();
    await redis.close();
  };
  return { ...relay, close };
}
