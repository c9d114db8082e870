/**
 * The one decision of what this process is, taken once from the environment at the composition
 * root. Nothing below it asks again: each role is composed from the same parts.
 *
 *   (nothing)              single   one process, one laptop (the default; loads no Redis, no cluster)
 *   REDIS_URL              writer   decides and journals; relays follow it over Redis
 *   REDIS_URL + RELAY=1    relay    serves screens and reads from the writer's state over Redis
 *   WORKERS=N (N ≥ 2)      primary  one port, N worker processes (the first a writer, the others relays)
 *   BATON_NODE=…           a worker forked by the primary (internal: set only by server/scale/cluster.ts)
 */
export type Via = 'redis' | 'cluster';
export type NodeRole =
  | { kind: 'single' }
  | { kind: 'primary'; workers: number }
  | { kind: 'writer'; via: Via; worker: number | null }
  | { kind: 'relay'; via: Via; worker: number | null };

export const WORKER_ENV = 'BATON_NODE';
export const WORKER_INDEX_ENV = 'BATON_WORKER';

export function chooseRole(env: Record<string, string | undefined>): NodeRole | { error: string } {
  const get = (name: string) => env[name]?.trim() || undefined;
  const redis = get('REDIS_URL');
  const relay = get('RELAY');
  if (relay !== undefined && relay !== '0' && relay !== '1') return { error: `RELAY must be 1 or 0 (got "${relay}")` };
  if (relay === '1' && !redis) return { error: 'RELAY=1 needs REDIS_URL (redis://host:6379) to reach the writer' };
  if (redis && !/^rediss?:\/\//.test(redis)) return { error: `REDIS_URL must start with redis:// or rediss:// (got "${redis.slice(0, 40)}")` };
  const via: Via = redis ? 'redis' : 'cluster';

  const forked = get(WORKER_ENV);
  if (forked === 'writer' || forked === 'relay') return { kind: forked, via, worker: Number(get(WORKER_INDEX_ENV) ?? 0) };

  const workersText = get('WORKERS') ?? '1';
  const workers = Number(workersText);
  if (!Number.isInteger(workers) || workers < 1 || workers > 32) return { error: `WORKERS must be a whole number from 1 to 32 (got "${workersText}")` };
  if (workers > 1) return { kind: 'primary', workers };
  if (relay === '1') return { kind: 'relay', via: 'redis', worker: null };
  if (redis) return { kind: 'writer', via: 'redis', worker: null };
  return { kind: 'single' };
}
