// Backup laptop (issue 10): replication lag and the GO ack's cost with a backup attached.
// A primary (the production bundle in its own process) with N screens over worker processes and
// an MC socket; GOs first alone, then with a backup process following it (FOLLOW). Lag: the
// `serverTime` of a revision's `show:state` on the backup (stamped right after its durable write)
// minus the primary's for the same revision (stamped right after its own): one machine, one clock,
// and the primary's fan-out to N screens does not blur it. Run alone: `node --import tsx bench/replication.ts [--n=1000] [--gos=40]`.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nextMessage } from './ipc';
import { buildSync } from 'esbuild';
import { io, type Socket } from 'socket.io-client';
import { type ClientToServerEvents, PROTOCOL_VERSION, type ServerToClientEvents, type StateMessage } from '../shared/protocol';
import { type BenchMc, connectMc } from './mc';
import { type Percentiles, percentiles } from './stats';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ReplicationResult {
  n: number;
  gos: number;
  ackAlone: Percentiles;
  ackWithBackup: Percentiles;
  lag: Percentiles & { samples: number };
}

function spawnBundle(file: string, env: Record<string, string> = {}): ChildProcess {
  const outfile = here(`../dist/bench/${file.replace(/^\.\//, '').replace(/\.ts$/, '.mjs')}`);
  buildSync({ entryPoints: [here(file)], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
  return fork(outfile, [], { execArgv: [], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

const next = <T>(child: ChildProcess, type: string, timeoutMs = 120_000) => nextMessage<T>(child, type, timeoutMs);

function socket(url: string, pin?: string): Promise<{ s: Client; seen: Map<number, number> }> {
  const s: Client = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION, label: 'bench replication', ...(pin ? { pin } : {}) } });
  const seen = new Map<number, number>();
  s.on('show:state', (m: StateMessage) => seen.set(m.revision, m.serverTime));
  return new Promise((resolve) => s.once('show:snapshot', () => resolve({ s, seen })));
}

async function stop(child: ChildProcess): Promise<void> {
  child.send({ cmd: 'stop' });
  await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** `gos` timed GOs (a finished show is reset and started, untimed). */
async function goes(mc: BenchMc, gos: number): Promise<number[]> {
  const acks: number[] = [];
  for (let i = 0; i < gos * 3 && acks.length < gos; i++) {
    await sleep(40);
    const go = await mc.go();
    if (go) acks.push(go.ackMs);
  }
  return acks;
}

export async function measureReplication(opts: { n: number; gos: number; workers?: number }): Promise<ReplicationResult> {
  const primary = spawnBundle('./server-child.ts');
  const { port } = await next<{ port: number }>(primary, 'ready');
  const url = `http://127.0.0.1:${port}`;
  const workerCount = opts.workers ?? 4;
  const workers = Array.from({ length: workerCount }, () => spawnBundle('./client-worker.ts'));
  let backup: ChildProcess | undefined;
  try {
    await Promise.all(workers.map((w) => next(w, 'up')));
    await Promise.all(workers.map((w, i) => {
      w.send({ cmd: 'connect', url, count: Math.floor(opts.n / workerCount) + (i < opts.n % workerCount ? 1 : 0) });
      return next(w, 'connected');
    }));
    const mc = await connectMc(url);
    const primaryView = await socket(url);
    await goes(mc, 5); // warm-up
    const ackAlone = await goes(mc, opts.gos);

    backup = spawnBundle('./server-child.ts', { BENCH_FOLLOW: url });
    const backupPort = (await next<{ port: number }>(backup, 'ready')).port;
    for (let i = 0; i < 600; i++) {
      const node = ((await (await fetch(`${url}/api/v1/info`)).json()) as { node: { backupUrls: string[]; backupLost: boolean } }).node;
      if (node.backupUrls.length > 0 && !node.backupLost) break;
      await sleep(50);
    }
    const backupView = await socket(`http://127.0.0.1:${backupPort}`);
    await goes(mc, 5);
    const ackWithBackup = await goes(mc, opts.gos);
    await sleep(300);
    const lags = [...backupView.seen].filter(([rev]) => primaryView.seen.has(rev)).map(([rev, at]) => at - (primaryView.seen.get(rev) as number));
    mc.close();
    for (const c of [primaryView.s, backupView.s]) c.disconnect();
    return { n: opts.n, gos: opts.gos, ackAlone: percentiles(ackAlone), ackWithBackup: percentiles(ackWithBackup), lag: { ...percentiles(lags), samples: lags.length } };
  } finally {
    for (const w of workers) w.kill();
    await Promise.all([stop(primary), backup ? stop(backup) : Promise.resolve()]);
  }
}

const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
export function describeReplication(r: ReplicationResult): string[] {
  return [
    `  replication lag (backup's publish after its durable write minus the primary's, same revision; 1 ms resolution): p50 ${fmt(r.lag.p50)} ms, p99 ${fmt(r.lag.p99)} ms, max ${fmt(r.lag.max)} ms over ${r.lag.samples} changes (target p99 ≤ 20 ms)`,
    `  GO ack at N = ${r.n}: alone p50 ${fmt(r.ackAlone.p50)} / p99 ${fmt(r.ackAlone.p99)} ms; with a backup attached p50 ${fmt(r.ackWithBackup.p50)} / p99 ${fmt(r.ackWithBackup.p99)} ms (${fmt(r.ackWithBackup.p50 / Math.max(r.ackAlone.p50, 0.001))}× at p50; target ≤ 2×)`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flag = (name: string) => process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const r = await measureReplication({ n: Number(flag('n') ?? 1000), gos: Number(flag('gos') ?? 40) });
  console.log(describeReplication(r).join('\n'));
  process.exit(0);
}
