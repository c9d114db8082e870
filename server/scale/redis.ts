/**
 * REDIS_URL: the Socket.IO Redis Streams adapter on Debian's redis-server (or Valkey). Loaded
 * with a dynamic import, so a one-laptop start never loads the Redis client.
 *
 * After an outage node-redis reconnects on its own (and re-subscribes); the adapter's stream
 * reader resumes from its last offset. Messages published while Redis was away are gone, which
 * is why relays resync from a snapshot when the link comes back instead of trusting the stream.
 */
import type { Logger } from '../log';
import type { SocketDeps } from '../socket';

export interface RedisLink {
  adapter: NonNullable<SocketDeps['adapter']>;
  /** Called on every loss of the connection, and on every recovery. */
  onLink(listener: (up: boolean, why: string) => void): void;
  close(): Promise<void>;
}

export async function connectRedis(url: string, log: Logger): Promise<RedisLink> {
  const [{ createClient }, { createAdapter }] = await Promise.all([import('redis'), import('@socket.io/redis-streams-adapter')]);
  const client = createClient({
    url,
    socket: {
      connectTimeout: 2_000,
      // Keep trying for the whole show: 100 ms, 200 ms … then every 2 s.
      reconnectStrategy: (retries: number) => Math.min(100 * (retries + 1), 2_000),
    },
  });
  const listeners = new Set<(up: boolean, why: string) => void>();
  let up = false;
  let closing = false;
  const tell = (next: boolean, why: string) => {
    if (next === up || closing) return;
    up = next;
    if (next) log.info(`redis: connected (${redact(url)})`);
    else log.warn(`redis: connection lost (${why}); retrying`);
    for (const listener of listeners) listener(next, why);
  };
  // node-redis throws an unhandled 'error' unless someone listens: every failure is reported here instead.
  client.on('error', (error: Error) => tell(false, error.message || error.name));
  client.on('end', () => tell(false, 'closed'));
  client.on('ready', () => tell(true, 'ready'));
  // The adapter publishes inter-node messages without awaiting them (redis-streams-adapter 0.3.1,
  // doPublish). A PUBLISH in flight when Redis dies rejects, and an unhandled rejection would end
  // this process: the writer must outlive Redis. The message is lost either way; relays resync.
  const publish = client.publish.bind(client);
  (client as unknown as { publish: typeof publish }).publish = ((...args: Parameters<typeof publish>) => {
    const sent = publish(...args);
    sent.catch(() => {});
    return sent;
  }) as typeof publish;
  await client.connect();
  return {
    adapter: createAdapter(client, { maxLen: 10_000 }),
    onLink: (listener) => void listeners.add(listener),
    async close() {
      closing = true;
      listeners.clear();
      await client.close().catch(() => client.destroy());
    },
  };
}

/** A URL without its password, for the log. */
export const redact = (url: string): string => url.replace(/\/\/([^@/]*)@/, '//***@');
