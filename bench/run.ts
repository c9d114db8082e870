// `npm run bench [-- --quick] [-- --n=100,500,1000] [-- --gos=20] [-- --no-write] [-- --admission-only] [-- --only=doors|edit|scale-out] [-- --no-doors]`
// Starts the production server in a child process on 127.0.0.1 with a temporary DATA_DIR,
// connects N socket.io clients spread over several worker processes, and measures: GO fan-out
// latency (send → each client holds the new state), the connect storm, the server at rest
// (RSS, CPU, messages sent while nothing changes), clock-offset agreement under artificial skew,
// and the cost of the durable write. Loops are bounded; everything runs on loopback.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { nextMessage } from './ipc';
import { buildSync } from 'esbuild';
import { connectMc, hr, MC_PIN } from './mc';
import { admissionMarkdown, runAdmissionBench } from './admission';
import { measureDurableWrite } from './durable-write';
import { describeReplication, measureReplication } from './replication';
import { measureWriteFloor } from './write-floor';
import { percentiles, type Percentiles } from './stats';
import { runScaleOut } from './scale-out';
import { runDoorsBench, smokeDoors } from './doors';
import { describeEditGo, editGoMarkdown, type EditGoResult, runEditGo } from './edit-go';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = args.includes('--quick');
const write = !args.includes('--no-write');
const sizes = (flag('n') ?? (quick ? '100' : '100,500,1000')).split(',').map(Number);
const gos = Number(flag('gos') ?? (quick ? 5 : 20));
const WORKERS = Number(flag('workers') ?? 4);
const REST_MS = quick ? 1000 : 5000;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RunResult {
  n: number;
  fanout: Percentiles & { samples: number; incomplete: number };
  ack: Percentiles;
  /** The server's synchronous broadcast loop (one io.emit to every socket) per GO. */
  broadcast: Percentiles;
  connectStormMs: number;
  rest: { rssMb: number; cpuPercent: number; messages: number; heartbeats: number; seconds: number };
  clockErrorMs: Percentiles & { samples: number };
}

/**
 * The server and the client workers run as esbuild bundles under plain node, the way `npm start`
 * runs the production server: no TypeScript loader in their memory or on their CPU.
 */
function spawn(file: string): ChildProcess {
  const outfile = here(`../dist/bench/${file.replace(/^\.\//, '').replace(/\.ts$/, '.mjs')}`);
  buildSync({ entryPoints: [here(file)], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
  return fork(outfile, [], { execArgv: file.includes('server') && process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

const next = <T>(child: ChildProcess, type: string, timeoutMs = 60_000) => nextMessage<T>(child, type, timeoutMs);

async function stats(server: ChildProcess) {
  server.send({ cmd: 'stats' });
  return next<{ rss: number; cpuUserUs: number; cpuSystemUs: number; at: number; messages: number; heartbeats: number; broadcastMs: number[] }>(server, 'stats');
}

async function runSize(n: number): Promise<RunResult> {
  const server = spawn('./server-child.ts');
  const { port } = await next<{ port: number }>(server, 'ready');
  const url = `http://127.0.0.1:${port}`;
  const workers = Array.from({ length: WORKERS }, () => spawn('./client-worker.ts'));
  try {
    await Promise.all(workers.map((w) => next(w, 'up')));
    // 1. connect storm
    const per = workers.map((_, i) => Math.floor(n / WORKERS) + (i < n % WORKERS ? 1 : 0));
    const t0 = hr();
    const connected = await Promise.all(
      workers.map((w, i) => {
        w.send({ cmd: 'connect', url, count: per[i] });
        return next<{ firstSnapshotAt: number[] }>(w, 'connected', 120_000);
      }),
    );
    const connectStormMs = Math.max(...connected.flatMap((c) => c.firstSnapshotAt)) - t0;

    // 2. at rest: nothing changes, nothing should be sent
    await sleep(300);
    const a = await stats(server);
    await sleep(REST_MS);
    const b = await stats(server);
    const rest = {
      rssMb: b.rss / 2 ** 20,
      cpuPercent: ((b.cpuUserUs + b.cpuSystemUs - a.cpuUserUs - a.cpuSystemUs) / 1000 / (b.at - a.at)) * 100,
      messages: b.messages - a.messages,
      heartbeats: b.heartbeats - a.heartbeats,
      seconds: (b.at - a.at) / 1000,
    };

    // 3. clock agreement: each worker's first clients pretend their clocks are minutes off
    const clockErrors = (
      await Promise.all(
        workers.map((w, i) => {
          const skewsMs = Array.from({ length: Math.min(25, per[i] ?? 0) }, (_, k) => ((k % 2 ? 1 : -1) * (60_000 + k * 7_919)) % 600_000);
          w.send({ cmd: 'clock', skewsMs });
          return next<{ errors: (number | null)[] }>(w, 'clock');
        }),
      )
    ).flatMap((c) => c.errors.filter((e): e is number => e !== null).map(Math.abs));

    // 4. GO fan-out, measured from the instant the MC's GO is sent
    const mc = await connectMc(url);
    const sentAt = new Map<number, number>();
    const acks: number[] = [];
    await mc.send({ type: 'reset' });
    await mc.send({ type: 'start' });
    for (let i = 0; i < gos; i++) {
      await sleep(quick ? 50 : 150);
      const go = await mc.go();
      if (!go) {
        await sleep(50);
        continue;
      }
      acks.push(go.ackMs);
      sentAt.set(go.revision, go.sentAt);
    }
    await sleep(500);
    mc.close();
    const broadcastMs = (await stats(server)).broadcastMs;
    const received = (
      await Promise.all(
        workers.map((w) => {
          w.send({ cmd: 'received' });
          return next<{ received: { revision: number; at: number; complete: boolean }[] }>(w, 'received');
        }),
      )
    ).flatMap((r) => r.received);
    const timed = received.filter((r) => sentAt.has(r.revision));
    const latencies = timed.map((r) => r.at - sentAt.get(r.revision)!);
    return {
      n,
      fanout: { ...percentiles(latencies), samples: latencies.length, incomplete: timed.filter((r) => !r.complete).length },
      ack: percentiles(acks),
      broadcast: percentiles(broadcastMs),
      connectStormMs,
      rest,
      clockErrorMs: { ...percentiles(clockErrors), samples: clockErrors.length },
    };
  } finally {
    for (const w of workers) w.kill();
    server.send({ cmd: 'stop' });
    await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5000)]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}

// Issue 18's rows (doors open: 300 and 600 phones through a 20 Mbit/s link): bench/doors.ts.
if (flag('only') === 'doors') process.exit((await runDoorsBench(args)) ? 0 : 1);
// Issue 11's rows (one process, WORKERS=2, writer + 2 relays at N = 1000 and 3000): bench/scale-out.ts.
if (flag('only') === 'scale-out') {
  await runScaleOut(args);
  process.exit(0);
}
// Issue 19's row: a one-field edit's bytes per screen and a GO right behind it (bench/edit-go.ts).
const editN = Number(flag('edit-n') ?? (quick ? 30 : 1000));
const editRounds = Number(flag('edit-rounds') ?? (quick ? 3 : 20));
const loadNow = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
async function editRow(): Promise<{ result: EditGoResult; md: string }> {
  const load = loadNow();
  console.log(`bench: edit + GO at N = ${editN} (load average ${load}) …`);
  const result = await runEditGo({ n: editN, rounds: editRounds, quick });
  console.log(describeEditGo(result).join('\n'));
  return { result, md: editGoMarkdown(result, new Date().toISOString(), load) };
}
if (flag('only') === 'edit') {
  const { result, md } = await editRow();
  if (write) {
    mkdirSync(here('./results'), { recursive: true });
    writeFileSync(here('./results/edit-go.json'), JSON.stringify({ at: new Date().toISOString(), load: loadNow(), result }, null, 2));
    writeFileSync(here('./results/edit-go.md'), `# Benchmark results: edit + GO\n\n${md}`);
    console.log('bench: wrote bench/results/edit-go.md and edit-go.json');
  }
  process.exit(result.goAlone.samples === 0 || result.goBehindEdit.samples === 0 || result.editBytes.awards === 0 ? 1 : 0);
}
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
if (args.includes('--admission-only')) {
  console.log(admissionMarkdown(await runAdmissionBench(quick)));
  process.exit(0);
}
const results: RunResult[] = [];
for (const n of sizes) {
  console.log(`bench: N = ${n} …`);
  const r = await runSize(n);
  results.push(r);
  console.log(`  GO fan-out (complete now+next at every screen): p50 ${fmt(r.fanout.p50)} ms, p95 ${fmt(r.fanout.p95)} ms, p99 ${fmt(r.fanout.p99)} ms, max ${fmt(r.fanout.max)} ms over ${r.fanout.samples} deliveries (${r.fanout.incomplete} without now+next)`);
  console.log(`  server broadcast loop per GO (io.emit to all ${n}): p50 ${fmt(r.broadcast.p50)} ms, p99 ${fmt(r.broadcast.p99)} ms; GO ack (write + broadcast): p50 ${fmt(r.ack.p50)} ms, p99 ${fmt(r.ack.p99)} ms`);
  console.log(`  connect storm: ${fmt(r.connectStormMs)} ms for ${n} clients to hold their first snapshot`);
  console.log(`  at rest: RSS ${fmt(r.rest.rssMb)} MB, CPU ${fmt(r.rest.cpuPercent)} %, ${r.rest.messages} messages in ${fmt(r.rest.seconds)} s (+${r.rest.heartbeats} transport heartbeats)`);
  console.log(`  clock offset error: p50 ${fmt(r.clockErrorMs.p50)} ms, p99 ${fmt(r.clockErrorMs.p99)} ms, max ${fmt(r.clockErrorMs.max)} ms over ${r.clockErrorMs.samples} skewed clients`);
}
const durable = measureDurableWrite(quick ? 50 : 300);
console.log(`  durable write (journal append, synchronous=FULL): p50 ${fmt(durable.full.p50)} ms, p99 ${fmt(durable.full.p99)} ms; with synchronous=OFF: p50 ${fmt(durable.off.p50)} ms`);

const floorN = Math.max(...sizes);
const floor = await measureWriteFloor(floorN, quick ? 5 : 20);
console.log(`  floor: plain TCP writes of 1.2 KB to ${floorN} loopback sockets read by 2 other processes: p50 ${fmt(floor.p50)} ms, max ${fmt(floor.max)} ms per round`);

const replication = await measureReplication({ n: Math.max(...sizes), gos: quick ? 10 : 40, workers: WORKERS });
console.log(describeReplication(replication).join('\n'));

console.log('bench: admission under a flood …');
const admission = await runAdmissionBench(quick);
console.log(admissionMarkdown(admission));

const edit = await editRow();

const machine = { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` };
const failures = results.filter((r) => r.fanout.samples === 0 || r.rest.messages !== 0);
if (edit.result.goBehindEdit.samples === 0 || edit.result.editBytes.awards === 0) failures.push(results[0]!);
if (write) {
  mkdirSync(here('./results'), { recursive: true });
  const at = new Date().toISOString();
  writeFileSync(here('./results/latest.json'), JSON.stringify({ at, machine, gos, workers: WORKERS, results, durable, floor: { n: floorN, ...floor }, replication, admission, editGo: edit.result }, null, 2));
  writeFileSync(here('./results/latest.md'), markdown(at) + admissionMarkdown(admission) + '\n' + edit.md);
  console.log('bench: wrote bench/results/latest.md and latest.json');
}
if (!quick && !args.includes('--no-scale-out')) await runScaleOut(args);
const doorsOk = quick ? await smokeDoors() : args.includes('--no-doors') || (await runDoorsBench(args));
if (!doorsOk) failures.push({ n: 0 } as RunResult);
if (failures.length) {
  console.error('bench: harness check failed (no fan-out samples, or messages sent at rest)');
  process.exit(1);
}

function markdown(at: string): string {
  const rows = results.map(
    (r) =>
      `| ${r.n} | ${fmt(r.fanout.p50)} / ${fmt(r.fanout.p95)} / ${fmt(r.fanout.p99)} / ${fmt(r.fanout.max)} | ${fmt(r.broadcast.p50)} / ${fmt(r.broadcast.p99)} | ${fmt(r.ack.p50)} / ${fmt(r.ack.p99)} | ${fmt(r.connectStormMs)} | ${fmt(r.rest.rssMb)} | ${fmt(r.rest.cpuPercent)} | ${r.rest.messages} | ${fmt(r.clockErrorMs.p50)} / ${fmt(r.clockErrorMs.p99)} / ${fmt(r.clockErrorMs.max)} |`,
  );
  return [
    `# Benchmark results`,
    ``,
    `${at} — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GiB, Node ${machine.node}, ${machine.platform}.`,
    `${gos} GOs per size, clients over ${WORKERS} worker processes, server in its own process, all on 127.0.0.1.`,
    ``,
    `| N screens | GO fan-out p50 / p95 / p99 / max (ms) | server broadcast loop p50 / p99 (ms) | GO ack p50 / p99 (ms) | connect storm (ms) | server RSS (MB) | CPU at rest (%) | messages at rest | clock error p50 / p99 / max (ms) |`,
    `|---|---|---|---|---|---|---|---|---|`,
    ...rows,
    ``,
    `Floor: plain TCP writes of 1.2 KB to ${floorN} loopback sockets read by 2 other processes, no Socket.IO: p50 ${fmt(floor.p50)} ms, max ${fmt(floor.max)} ms per round (the server's broadcast loop cannot beat it).`,
    ``,
    `Backup laptop (bench/replication.ts):`,
    ...describeReplication(replication).map((l) => `- ${l.trim()}`),
    ``,
    `Durable write (one journal append in its own transaction): synchronous=FULL p50 ${fmt(durable.full.p50)} ms, p99 ${fmt(durable.full.p99)} ms; synchronous=OFF p50 ${fmt(durable.off.p50)} ms, p99 ${fmt(durable.off.p99)} ms.`,
    ``,
  ].join('\n');
}
