/**
 * Scenario 8, the backup laptop: two Baton processes on 127.0.0.1, the second started with
 * FOLLOW. Commands go to whichever is primary from several senders at once; at random moments the
 * primary is SIGKILLed, the backup promoted (POST /api/v1/promote), and the dead one restarted
 * with its usual command (it must find out, follow, and discard what it wrote alone). At every
 * promotion: every command any primary acknowledged is in the new primary's journal, none twice.
 */
import type { NodeStatus } from '@shared/protocol';
import { postCommand, type Rng, rng, type Sent, sleep } from './api';
import { type ChildServer, MC_PIN, spawnServer, tempDataDir } from './child-server';

export interface PairNodeHandle {
  name: string;
  dataDir: string;
  port: number;
  env: Record<string, string>;
  server: ChildServer;
}

/** Start-up under tsx takes seconds, and tens of seconds on a machine shared with other builds. */
const READY_MS = 120_000;

export const nodeInfo = async (url: string): Promise<NodeStatus | null> => {
  try {
    const res = await fetch(`${url}/api/v1/info`, { signal: AbortSignal.timeout(2000) });
    return ((await res.json()) as { node: NodeStatus }).node;
  } catch {
    return null;
  }
};

/** Wait (bounded) until `primary` reports a backup attached and in sync. */
export async function waitAttached(primary: ChildServer, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const node = await nodeInfo(primary.url);
    if (node && node.role === 'primary' && node.backupUrls.length > 0 && !node.backupLost) return;
    await sleep(50);
  }
  throw new Error(`no backup in sync on ${primary.url} within ${ms} ms`);
}

export async function startPair(): Promise<{ a: PairNodeHandle; b: PairNodeHandle; remove(): void }> {
  const da = tempDataDir('pair-a');
  const db = tempDataDir('pair-b');
  const sa = await spawnServer({ dataDir: da.dir, readyTimeoutMs: READY_MS });
  const envB = { FOLLOW: sa.url };
  const sb = await spawnServer({ dataDir: db.dir, env: envB, readyTimeoutMs: READY_MS }).catch(async (error: unknown) => {
    await sa.kill();
    throw error;
  });
  return {
    a: { name: 'A', dataDir: da.dir, port: sa.port, env: {}, server: sa },
    b: { name: 'B', dataDir: db.dir, port: sb.port, env: envB, server: sb },
    remove: () => {
      da.remove();
      db.remove();
    },
  };
}

export async function restart(n: PairNodeHandle): Promise<void> {
  n.server = await spawnServer({ dataDir: n.dataDir, port: n.port, env: n.env, readyTimeoutMs: READY_MS });
}

export async function promote(url: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/promote`, { method: 'POST', headers: { authorization: `Bearer ${MC_PIN}` }, signal: AbortSignal.timeout(5000) });
  await res.text();
  return res.status;
}

interface AuditLine {
  revision: number;
  command: { type: string; text?: string };
}
export async function audit(url: string): Promise<AuditLine[]> {
  const res = await fetch(`${url}/api/v1/report`, { signal: AbortSignal.timeout(10_000) });
  return ((await res.json()) as { audit: AuditLine[] }).audit;
}

export interface FailoverReport {
  seed: number;
  sent: number;
  acknowledged: number;
  kills: number;
  /** Acknowledged commands missing from the promoted backup (must be 0). */
  lost: number;
  /** Commands found more than once in a journal (must be 0). */
  twice: number;
  /** Unacknowledged (in flight at a kill) that nevertheless made it to the new primary. */
  inFlightKept: number;
  discardedOnRejoin: number;
  failures: string[];
}

/** `commands` messages (each with its own text) over `senders` concurrent senders, `kills` SIGKILLs of the primary. */
export async function runFailover(opts: { commands: number; kills: number; seed: number; senders?: number; log?: (l: string) => void }): Promise<FailoverReport> {
  const log = opts.log ?? (() => {});
  const r: Rng = rng(opts.seed);
  const report: FailoverReport = { seed: opts.seed, sent: 0, acknowledged: 0, kills: 0, lost: 0, twice: 0, inFlightKept: 0, discardedOnRejoin: 0, failures: [] };
  const pair = await startPair();
  let primary = pair.a;
  let backup = pair.b;
  const acked = new Map<string, number>();
  const all: Sent[] = [];
  try {
    await waitAttached(primary.server);
    const first = await postCommand(primary.server.url, MC_PIN, { type: 'start' });
    if (first.status !== 200) throw new Error(`start refused: ${first.text}`);
    const killAt = Array.from({ length: opts.kills }, (_, i) => Math.round(((i + 1) * opts.commands) / (opts.kills + 1)) + r.int(-15, 15));
    let n = 0;
    let switching: Promise<void> | null = null;
    const sender = async () => {
      for (let guard = 0; guard < opts.commands * 4 && n < opts.commands; guard++) {
        if (switching) await switching;
        const text = `lệnh #${++n}`;
        const sent = await postCommand(primary.server.url, MC_PIN, { type: 'message', text }, false, 5000);
        all.push(sent);
        report.sent++;
        if (sent.status === 200 && sent.revision !== undefined) {
          acked.set(text, sent.revision);
          report.acknowledged++;
        }
        if (!switching && report.kills < opts.kills && n >= (killAt[report.kills] ?? Infinity)) switching = failover().finally(() => (switching = null));
      }
    };
    const failover = async () => {
      await sleep(r.int(0, 15));
      await primary.server.kill();
      report.kills++;
      const promoted = await promote(backup.server.url);
      if (promoted !== 200) report.failures.push(`promote → ${promoted}`);
      [primary, backup] = [backup, primary];
      await check(`after kill ${report.kills}`);
      const before = (await audit(primary.server.url)).length;
      await restart(backup);
      await waitAttached(primary.server);
      const node = await nodeInfo(backup.server.url);
      if (node?.role !== 'backup') report.failures.push(`the old primary ${backup.name} came back as ${node?.role}`);
      log(`kill ${report.kills}: ${primary.name} promoted at ${before} entries, ${backup.name} rejoined as backup`);
    };
    const check = async (when: string) => {
      const lines = await audit(primary.server.url);
      const texts = new Map<string, number>();
      for (const l of lines) if (l.command.text) texts.set(l.command.text, (texts.get(l.command.text) ?? 0) + 1);
      const lost = [...acked.keys()].filter((t) => !texts.has(t));
      const twice = [...texts].filter(([, c]) => c > 1).map(([t]) => t);
      report.lost = Math.max(report.lost, lost.length);
      report.twice = Math.max(report.twice, twice.length);
      if (lost.length) report.failures.push(`${when}: ${lost.length} acknowledged commands missing on ${primary.name} (${lost.slice(0, 3).join(', ')})`);
      if (twice.length) report.failures.push(`${when}: ${twice.length} commands twice (${twice.slice(0, 3).join(', ')})`);
      report.inFlightKept = [...texts.keys()].filter((t) => t !== undefined && !acked.has(t)).length;
    };
    await Promise.all(Array.from({ length: opts.senders ?? 3 }, sender));
    if (switching) await switching;
    await check('at the end');
    await sleep(500);
    const [pa, ba] = await Promise.all([audit(primary.server.url), audit(backup.server.url)]);
    if (JSON.stringify(pa) !== JSON.stringify(ba)) report.failures.push('at the end the backup\'s journal differs from the primary\'s');
    report.discardedOnRejoin = [pair.a, pair.b].flatMap((n) => n.server.lines).filter((l) => /journal entries after revision/.test(l.text)).length;
  } finally {
    await Promise.all([pair.a.server.kill(), pair.b.server.kill()]);
    pair.remove();
  }
  return report;
}
