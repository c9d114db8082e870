// Scale-out rows of `npm run bench` (issue 11): one process, WORKERS=2, and a writer + 2 relays
// on one real redis-server, all on this machine, at N = 1000 and 3000 (`--scale-n=`), beside the
// floor. Each node runs the production entry (server/index.ts bundled) as `npm start` would, with
// the environment an operator sets; clients are socket.io-client sockets in worker processes.
// `npm run bench -- --only=scale-out` runs just this part; `--no-scale-out` leaves it out.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nextMessage } from './ipc';
import { buildSync } from 'esbuild';
import { connectMc, hr, MC_PIN } from './mc';
import { startRedis } from '../tests/integration/redis-server';
import { percentiles, type Percentiles } from './stats';
import { measureWriteFloor } from './write-floor';

type Config = 'single' | 'workers2' | 'relays2';
const LABEL: Record<Config, string> = { single: 'one process', workers2: 'WORKERS=2', relays2: 'writer + 2 relays (Redis)' };
const CLIENT_WORKERS = 4;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row { config: Config; n: number; fanout: Percentiles & { samples: number }; ack: Percentiles; connectStormMs: number }

function bundle(entry: string, name: string): string {
  const outfile = here(`../dist/bench/${name}.mjs`);
  buildSync({ entryPoints: [here(entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
  return outfile;
}

/** One node as an operator starts it; resolves with its URL once it prints `ready` (banner port, or a relay in sync). */
function node(entry: string, env: Record<string, string>, ready: RegExp): Promise<{ url: string; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-scale-bench-'));
  const child = spawn(process.execPath, [entry], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, MC_PIN, AV_PIN: '313131',
    // Every bench client is 127.0.0.1: lift the per-address screen budget (A1) that a hall's devices meet.
    VIEWERS_PER_ADDRESS: '1000000', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not get ready:\n${out}`)), 120_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      // A node's warnings (a relay out of sync, Redis lost) belong in the bench's output.
      for (const line of text.split('\n')) if (/warning|error/.test(line)) console.log(`  [node] ${line}`);
      const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (port && ready.test(out)) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

const next = <T>(child: ChildProcess, type: string, timeoutMs = 120_000) => nextMessage<T>(child, type, timeoutMs);

async function stopByPid(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(child.pid, 'SIGTERM');
  await Promise.race([exited, sleep(8000)]);
  if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL');
}

async function measure(config: Config, n: number, gos: number, serverEntry: string, clientEntry: string): Promise<Row> {
  const nodes: ChildProcess[] = [];
  const redis = config === 'relays2' ? await startRedis() : undefined;
  const clients = Array.from({ length: CLIENT_WORKERS }, () => fork(clientEntry, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  try {
    let mcUrl: string;
    let screenUrls: string[];
    if (config === 'relays2') {
      const writer = await node(serverEntry, { REDIS_URL: redis!.url }, /follow epoch/);
      const relays = await Promise.all([0, 1].map(() => node(serverEntry, { REDIS_URL: redis!.url, RELAY: '1' }, /relay: in sync/)));
      nodes.push(writer.child, ...relays.map((r) => r.child));
      mcUrl = writer.url;
      screenUrls = relays.map((r) => r.url);
    } else {
      const ready = config === 'workers2' ? /relay: in sync/ : /Baton is running/;
      const server = await node(serverEntry, config === 'workers2' ? { WORKERS: '2' } : {}, ready);
      nodes.push(server.child);
      mcUrl = server.url;
      screenUrls = [server.url];
    }
    await Promise.all(clients.map((c) => next(c, 'up')));
    const per = clients.map((_, i) => Math.floor(n / CLIENT_WORKERS) + (i < n % CLIENT_WORKERS ? 1 : 0));
    const t0 = hr();
    const connected = await Promise.all(clients.map((c, i) => {
      c.send({ cmd: 'connect', url: screenUrls[i % screenUrls.length], count: per[i] });
      return next<{ firstSnapshotAt: number[] }>(c, 'connected');
    }));
    const connectStormMs = Math.max(...connected.flatMap((c) => c.firstSnapshotAt)) - t0;
    await sleep(500);

    const mc = await connectMc(mcUrl);
    const sentAt = new Map<number, number>();
    const acks: number[] = [];
    await mc.send({ type: 'reset' });
    await mc.send({ type: 'start' });
    for (let i = 0; i < gos; i++) {
      await sleep(150);
      const go = await mc.go();
      if (!go) continue;
      acks.push(go.ackMs);
      sentAt.set(go.revision, go.sentAt);
    }
    await sleep(1000);
    mc.close();
    const received = (await Promise.all(clients.map((c) => {
      c.send({ cmd: 'received' });
      return next<{ received: { revision: number; at: number; complete: boolean }[] }>(c, 'received');
    }))).flatMap((r) => r.received).filter((r) => sentAt.has(r.revision) && r.complete);
    const latencies = received.map((r) => r.at - sentAt.get(r.revision)!);
    return { config, n, fanout: { ...percentiles(latencies), samples: latencies.length }, ack: percentiles(acks), connectStormMs };
  } finally {
    for (const c of clients) c.kill();
    for (const child of nodes) await stopByPid(child);
    await redis?.stop();
  }
}

const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

export async function runScaleOut(args: string[]): Promise<Row[]> {
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const sizes = (flag('scale-n') ?? '1000,3000').split(',').map(Number);
  const configs = (flag('scale-configs') ?? 'single,workers2,relays2').split(',') as Config[];
  const gos = Number(flag('gos') ?? 20);
  const serverEntry = bundle('../server/index.ts', 'scale-server');
  const clientEntry = bundle('./client-worker.ts', 'scale-client');
  const rows: Row[] = [];
  for (const n of sizes) {
    for (const config of configs) {
      console.log(`bench scale-out: ${LABEL[config]}, N = ${n} …`);
      const r = await measure(config, n, gos, serverEntry, clientEntry);
      rows.push(r);
      console.log(`  fan-out p50 ${fmt(r.fanout.p50)} / p95 ${fmt(r.fanout.p95)} / p99 ${fmt(r.fanout.p99)} / max ${fmt(r.fanout.max)} ms over ${r.fanout.samples}; ack p50 ${fmt(r.ack.p50)} p99 ${fmt(r.ack.p99)} ms; connect storm ${fmt(r.connectStormMs)} ms`);
    }
  }
  const floors = [];
  for (const n of sizes) floors.push({ n, ...(await measureWriteFloor(n, 10)) });
  const table = [
    `| configuration | N | GO fan-out p50 / p95 / p99 / max (ms) | GO ack p50 / p99 (ms) | connect storm (ms) |`,
    `|---|---|---|---|---|`,
    ...rows.map((r) => `| ${LABEL[r.config]} | ${r.n} | ${fmt(r.fanout.p50)} / ${fmt(r.fanout.p95)} / ${fmt(r.fanout.p99)} / ${fmt(r.fanout.max)} | ${fmt(r.ack.p50)} / ${fmt(r.ack.p99)} | ${fmt(r.connectStormMs)} |`),
    ...floors.map((f) => `| floor: plain TCP writes, one thread | ${f.n} | ${fmt(f.p50)} / – / – / ${fmt(f.max)} | – | – |`),
  ];
  console.log(table.join('\n'));
  if (!args.includes('--no-write')) {
    mkdirSync(here('./results'), { recursive: true });
    const at = new Date().toISOString();
    writeFileSync(here('./results/scale-out.json'), JSON.stringify({ at, gos, rows, floors }, null, 2));
    writeFileSync(here('./results/scale-out.md'), [`# Scale-out (issue 11)`, '', `${at}; ${gos} GOs per row; clients in ${CLIENT_WORKERS} processes; all on 127.0.0.1 of this machine.`, '', ...table, ''].join('\n'));
    console.log('bench: wrote bench/results/scale-out.md and scale-out.json');
  }
  return rows;
}
