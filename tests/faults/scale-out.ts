/**
 * Fault suite for the moving parts of issue 11, with real processes as operators start them:
 * redis-server, a writer (`REDIS_URL=…`) and two relays (`REDIS_URL=… RELAY=1`), screens on the
 * relays. Every process is stopped by its PID.
 */
import { type RedisServer, startRedis } from '../integration/redis-server';
import { type Screen, screen, send } from '../integration/scale-helpers';
import { until } from '../integration/helpers';
import { type ChildServer, MC_PIN, spawnServer, tempDataDir } from './child-server';

export interface ShowCluster {
  redis: RedisServer;
  writer: ChildServer;
  relays: ChildServer[];
  writerData: ReturnType<typeof tempDataDir>;
  relayData: ReturnType<typeof tempDataDir>[];
  screens: Screen[];
  /** Start (or start again, on the same port and data) one node. */
  respawn(which: 'writer' | 0 | 1): Promise<void>;
  stop(): Promise<void>;
}

const inSync = (node: ChildServer, after = 0) => node.lines.slice(after).some((l) => l.text.includes('relay: in sync'));

export async function startShowCluster(screensPerRelay: number): Promise<ShowCluster> {
  const redis = await startRedis();
  const env = { REDIS_URL: redis.url };
  const writerData = tempDataDir('writer');
  const relayData = [tempDataDir('relay'), tempDataDir('relay')];
  const writer = await spawnServer({ dataDir: writerData.dir, env, readyTimeoutMs: 90_000 });
  const relays = await Promise.all(relayData.map((d) => spawnServer({ dataDir: d.dir, env: { ...env, RELAY: '1' }, readyTimeoutMs: 90_000 })));
  for (const r of relays) await until(() => inSync(r), 30_000, 'relay in sync');
  const screens: Screen[] = [];
  for (const r of relays) screens.push(...(await Promise.all(Array.from({ length: screensPerRelay }, () => screen(r.url)))));
  const cluster: ShowCluster = {
    redis, writer, relays, writerData, relayData, screens,
    async respawn(which) {
      if (which === 'writer') {
        cluster.writer = await spawnServer({ dataDir: writerData.dir, port: cluster.writer.port, env, readyTimeoutMs: 90_000 });
      } else {
        const old = cluster.relays[which]!;
        const next = await spawnServer({ dataDir: relayData[which]!.dir, port: old.port, env: { ...env, RELAY: '1' }, readyTimeoutMs: 90_000 });
        cluster.relays[which] = next;
        await until(() => inSync(next), 30_000, 'restarted relay in sync');
      }
    },
    async stop() {
      for (const s of screens) s.close();
      await Promise.all([cluster.writer, ...cluster.relays].map((n) => n.stop()));
      await redis.stop();
      for (const d of [writerData, ...relayData]) d.remove();
    },
  };
  return cluster;
}

/** MC on a node: GO from wherever the show is, remembering every acknowledged revision. */
export async function mcOn(url: string, acked: number[]) {
  const mc = await screen(url, { pin: MC_PIN });
  const go = async () => {
    const snap = await new Promise<any>((r) => mc.socket.emit('show:resync', r));
    const live = snap.live;
    const command = live.phase === 'ready' ? { type: 'start' } : live.phase === 'finished' ? { type: 'reset' } : { type: 'next', from: { itemId: live.currentItemId, segmentIndex: live.segmentIndex } };
    const t = Date.now();
    const ack = await send(mc, command);
    if (typeof ack.revision === 'number') acked.push(ack.revision);
    return { ack, ms: Date.now() - t };
  };
  return { mc, go };
}

export async function journalRevisions(url: string): Promise<Set<number>> {
  const runs = (await fetch(`${url}/api/v1/runs`).then((r) => r.json())).runs as { runId: string }[];
  const all = new Set<number>();
  for (const run of runs) {
    const report = await fetch(`${url}/api/v1/report?runId=${encodeURIComponent(run.runId)}`).then((r) => r.json());
    for (const e of report.audit as { revision: number }[]) all.add(e.revision);
  }
  return all;
}
