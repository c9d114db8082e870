// Doors open (issue 18): `npm run bench -- --only=doors [--phones=300,600] [--quick] [--no-write]`.
// The production server (its own process) serves the built client; a user-space proxy
// (bench/link-proxy.ts) shapes the hall's Wi-Fi to 20 Mbit/s shared by every phone; the phones
// (bench/phone-worker.ts, two processes) all scan the QR code at once: each fetches what /agenda
// loads (bench/agenda-files.ts, from dist/) through the link, then opens its socket through it and
// waits for the first snapshot. Meanwhile the MC, wired to the server directly (the MC laptop sits
// on the cable next to the server, not on the delegates' Wi-Fi), sends a GO every 500 ms.
// Measured: when the last phone holds its first snapshot, and the MC's GO ack at rest (before the
// rush) against during it. Loops are bounded, everything listens on 127.0.0.1, children are
// stopped by their own handles.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { agendaFiles } from './agenda-files';
import { nextMessage } from './ipc';
import { connectMc, hr, MC_PIN } from './mc';
import { percentiles, type Percentiles } from './stats';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const PHONE_WORKERS = 2;
const GO_EVERY_MS = 500;

export interface DoorsRow {
  phones: number;
  linkMbit: number;
  /** First byte asked → the last phone holds its first snapshot. */
  lastSnapshotS: number;
  /** Per phone: scan → first snapshot. */
  phoneS: Percentiles;
  failed: number;
  /** Requests sent again after the server closed an idle kept-alive connection under them. */
  retries: number;
  bytesPerPhoneKB: number;
  linkMB: { down: number; up: number };
  linkBusyS: number;
  ackRest: Percentiles & { samples: number };
  ackRush: Percentiles & { samples: number };
  /** After the rush, every phone connected (each GO now goes to them all, over the link). */
  ackSettled: Percentiles & { samples: number };
  loadBefore: number[];
  loadAfter: number[];
  /** The server's event-loop delay (ms) at rest and during the rush, and its CPU during the rush. */
  serverLoop: { restP99: number; restMax: number; rushP99: number; rushMax: number; rushCpuPercent: number };
}

function spawn(file: string, env: Record<string, string> = {}): ChildProcess {
  const outfile = here(`../dist/bench/${file.replace(/^\.\//, '').replace(/\.ts$/, '.mjs')}`);
  buildSync({ entryPoints: [here(file)], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
  return fork(outfile, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.send({ cmd: 'stop' });
  await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** One rush of `phones` through a `linkMbit` link; the MC's GO acks at rest, then during it. */
export async function runDoors(phones: number, opts: { linkMbit?: number; restGos?: number; clientDir?: string } = {}): Promise<DoorsRow> {
  const linkMbit = opts.linkMbit ?? 20;
  const clientDir = opts.clientDir ?? here('../dist/client');
  const files = agendaFiles(clientDir);
  const server = spawn('./server-child.ts', { BENCH_MC_PIN: MC_PIN, BENCH_CLIENT_DIR: clientDir });
  const children: ChildProcess[] = [server];
  try {
    const { port } = await nextMessage<{ port: number }>(server, 'ready');
    const proxy = spawn('./link-proxy.ts', { BENCH_TARGET_PORT: String(port), BENCH_LINK_MBIT: String(linkMbit) });
    children.push(proxy);
    const { port: linkPort } = await nextMessage<{ port: number }>(proxy, 'ready');
    const workers = Array.from({ length: PHONE_WORKERS }, () => spawn('./phone-worker.ts'));
    children.push(...workers);
    // The phones and the Wi-Fi are other devices on the day; here they share the server's two
    // cores, so they run at a lower priority (nice 10) and the server and the MC keep theirs.
    for (const c of [proxy, ...workers]) if (c.pid) os.setPriority(c.pid, 10);
    await Promise.all(workers.map((w) => nextMessage(w, 'up')));

    // The MC, on the cable: a GO every 500 ms for as long as `goes` says.
    const mc = await connectMc(`http://127.0.0.1:${port}`);
    await mc.send({ type: 'reset' });
    await mc.send({ type: 'start' });
    const go = async (acks: number[]) => {
      const timed = await mc.go();
      if (timed) acks.push(timed.ackMs);
    };
    const rest: number[] = [];
    for (let i = 0; i < (opts.restGos ?? 20); i++) {
      await go(rest);
      await sleep(GO_EVERY_MS);
    }

    // The rush: every phone scans at once; the MC keeps going until the last phone is in.
    const loop = async () => {
      server.send({ cmd: 'loop' });
      return nextMessage<{ p99: number; max: number; cpu: { user: number; system: number }; at: number }>(server, 'loop');
    };
    const loopAtRest = await loop();
    const loadBefore = os.loadavg();
    const rush: number[] = [];
    let rushing = true;
    const mcLoop = (async () => {
      for (let i = 0; rushing && i < 2000; i++) {
        await go(rush);
        await sleep(GO_EVERY_MS);
      }
    })();
    const per = workers.map((_, i) => Math.floor(phones / PHONE_WORKERS) + (i < phones % PHONE_WORKERS ? 1 : 0));
    const t0 = hr();
    const rushed = (
      await Promise.all(
        workers.map((w, i) => {
          w.send({ cmd: 'rush', url: `http://127.0.0.1:${linkPort}`, files, count: per[i] });
          return nextMessage<{ retries: number; results: { startedAt: number; snapshotAt: number; bytes: number; failed?: string }[] }>(w, 'rushed', 600_000);
        }),
      )
    );
    const results = rushed.flatMap((r) => r.results);
    const retries = rushed.reduce((s, r) => s + r.retries, 0);
    rushing = false;
    await mcLoop;
    const loopInRush = await loop();
    const loadAfter = os.loadavg();
    // And once every phone is in: the same GOs, now each one also reaching every phone.
    const settled: number[] = [];
    for (let i = 0; i < (opts.restGos ?? 20); i++) {
      await go(settled);
      await sleep(GO_EVERY_MS);
    }
    mc.close();
    proxy.send({ cmd: 'stats' });
    const link = await nextMessage<{ down: number; up: number }>(proxy, 'stats');
    const ok = results.filter((r) => !r.failed);
    for (const f of results.filter((r) => r.failed).slice(0, 3)) console.error(`  phone failed: ${f.failed}`);
    const last = Math.max(...ok.map((r) => r.snapshotAt));
    const bytes = ok.reduce((s, r) => s + r.bytes, 0);
    return {
      phones,
      linkMbit,
      lastSnapshotS: (last - t0) / 1000,
      phoneS: percentiles(ok.map((r) => (r.snapshotAt - r.startedAt) / 1000)),
      failed: results.length - ok.length,
      retries,
      bytesPerPhoneKB: ok.length ? bytes / ok.length / 1024 : 0,
      linkMB: { down: link.down / 2 ** 20, up: link.up / 2 ** 20 },
      linkBusyS: ((link.down + link.up) * 8) / (linkMbit * 1e6),
      ackRest: { ...percentiles(rest), samples: rest.length },
      ackRush: { ...percentiles(rush), samples: rush.length },
      ackSettled: { ...percentiles(settled), samples: settled.length },
      loadBefore,
      loadAfter,
      serverLoop: {
        restP99: loopAtRest.p99,
        restMax: loopAtRest.max,
        rushP99: loopInRush.p99,
        rushMax: loopInRush.max,
        rushCpuPercent: ((loopInRush.cpu.user + loopInRush.cpu.system - loopAtRest.cpu.user - loopAtRest.cpu.system) / 1000 / (loopInRush.at - loopAtRest.at)) * 100,
      },
    };
  } finally {
    for (const c of children.reverse()) await stop(c);
  }
}

export function describeDoors(r: DoorsRow): string {
  return (
    `  doors open, ${r.phones} phones through ${r.linkMbit} Mbit/s: last phone has its first snapshot after ${fmt(r.lastSnapshotS)} s ` +
    `(per phone p50 ${fmt(r.phoneS.p50)} s, p99 ${fmt(r.phoneS.p99)} s; ${r.failed} failed, ${r.retries} requests retried); ${fmt(r.bytesPerPhoneKB)} KB of HTTP body per phone, ` +
    `${fmt(r.linkMB.down)} MB down + ${fmt(r.linkMB.up)} MB up on the link (${fmt(r.linkBusyS)} s of link time); ` +
    `MC GO ack p50 / p99 at rest ${fmt(r.ackRest.p50)} / ${fmt(r.ackRest.p99)} ms (${r.ackRest.samples}), during the rush ${fmt(r.ackRush.p50)} / ${fmt(r.ackRush.p99)} ms (${r.ackRush.samples}), after it with every phone in ${fmt(r.ackSettled.p50)} / ${fmt(r.ackSettled.p99)} ms; server event-loop delay p99 / max at rest ${fmt(r.serverLoop.restP99)} / ${fmt(r.serverLoop.restMax)} ms, in the rush ${fmt(r.serverLoop.rushP99)} / ${fmt(r.serverLoop.rushMax)} ms, server CPU in the rush ${fmt(r.serverLoop.rushCpuPercent)} %; ` +
    `load average ${r.loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${r.loadAfter.map((l) => l.toFixed(2)).join(' ')}`
  );
}

async function ensureBuilt(): Promise<void> {
  const { ensureClientBuild } = (await import('../scripts/setup.mjs' as string)) as { ensureClientBuild: () => void };
  ensureClientBuild();
}

/** The smoke in `npm test` (`--quick`): a handful of phones, so the harness stays tested. */
export async function smokeDoors(): Promise<boolean> {
  await ensureBuilt();
  console.log('bench: doors open, 5 phones (smoke) …');
  const row = await runDoors(5, { restGos: 3 });
  console.log(describeDoors(row));
  return row.failed === 0 && row.ackRush.samples > 0;
}

/** `--only=doors` (and the full bench): the 300- and 600-phone rows, written to bench/results/doors.{md,json}; false when the harness check fails. */
export async function runDoorsBench(args: string[]): Promise<boolean> {
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const quick = args.includes('--quick');
  const sizes = (flag('phones') ?? (quick ? '5' : '300,600')).split(',').map(Number);
  await ensureBuilt();
  const rows: DoorsRow[] = [];
  for (const n of sizes) {
    console.log(`bench: doors open, ${n} phones …`);
    const row = await runDoors(n, { restGos: quick ? 3 : 20 });
    rows.push(row);
    console.log(describeDoors(row));
  }
  if (!args.includes('--no-write')) {
    const at = new Date().toISOString();
    const machine = `${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version}`;
    mkdirSync(here('./results'), { recursive: true });
    writeFileSync(here('./results/doors.json'), JSON.stringify({ at, machine, rows }, null, 2));
    const table = [
      `| phones | link | last phone ready (s) | per phone p50 / p99 (s) | failed (retried requests) | KB per phone | link down / up (MB) | GO ack p50 / p99 at rest (ms) | GO ack p50 / p99 in the rush (ms) | GO ack p50 / p99 after, all phones in (ms) | server loop delay p99 / max, rest → rush (ms) | server CPU in the rush | load avg before → after |`,
      `|---|---|---|---|---|---|---|---|---|---|---|---|---|`,
      ...rows.map(
        (r) =>
          `| ${r.phones} | ${r.linkMbit} Mbit/s | ${fmt(r.lastSnapshotS)} | ${fmt(r.phoneS.p50)} / ${fmt(r.phoneS.p99)} | ${r.failed} (${r.retries}) | ${fmt(r.bytesPerPhoneKB)} | ${fmt(r.linkMB.down)} / ${fmt(r.linkMB.up)} | ${fmt(r.ackRest.p50)} / ${fmt(r.ackRest.p99)} | ${fmt(r.ackRush.p50)} / ${fmt(r.ackRush.p99)} | ${fmt(r.ackSettled.p50)} / ${fmt(r.ackSettled.p99)} | ${fmt(r.serverLoop.restP99)} / ${fmt(r.serverLoop.restMax)} → ${fmt(r.serverLoop.rushP99)} / ${fmt(r.serverLoop.rushMax)} | ${fmt(r.serverLoop.rushCpuPercent)} % | ${r.loadBefore[0]!.toFixed(2)} → ${r.loadAfter[0]!.toFixed(2)} |`,
      ),
    ];
    writeFileSync(
      here('./results/doors.md'),
      [
        `# Doors open (issue 18)`,
        '',
        `${at} — ${machine}. Every phone scans at once and loads /agenda (what bench/agenda-files.ts lists from dist/: the page, its scripts, styles and fonts) with \`Accept-Encoding: br, gzip\`, at most 6 connections per phone, then opens its socket (WebSocket) and waits for the first snapshot — all through a 20 Mbit/s link shared by everyone (bench/link-proxy.ts, both directions in one token bucket). The phone processes and the proxy run at nice 10 (on the day they are other devices; here they share the server's two cores). The MC is on the cable (straight to the server) and sends a GO every ${GO_EVERY_MS} ms: 20 GOs at rest before the rush, GOs until the last phone is in, then 20 more with every phone connected. Load average: the machine's 1-minute figure (2 cores, shared with other work).`,
        '',
        ...table,
        '',
      ].join('\n'),
    );
    console.log('bench: wrote bench/results/doors.md and doors.json');
  }
  const bad = rows.filter((r) => r.failed > 0 || r.ackRush.samples === 0);
  if (bad.length) console.error('bench: doors harness check failed (a phone failed, or no GO during the rush)');
  return bad.length === 0;
}
