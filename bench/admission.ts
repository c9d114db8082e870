// Admission under a flood at full size (issue 17), in `npm run bench` (`--admission-only` for this part):
// 1. 21,000 raw viewer connections from ONE address (127.0.0.1) against the default budgets, while
//    another address (127.0.0.2) opens an MC console, a screen and sends HTTP GOs: how long they wait,
//    how many the flood got, the server's peak memory;
// 2. as many screens as the open-file limit allows from many addresses (500 each, the default budget):
//    the server's memory per screen, and at 20,000 screens by extrapolation where the limit is lower.
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { nextMessage } from './ipc';
import { buildSync } from 'esbuild';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { percentiles, type Percentiles } from './stats';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const MC_PIN = '424242';
const OTHER = '127.0.0.2';

export interface AdmissionBench {
  flood: { attempts: number; admitted: number; refused: number; failed: number; seconds: number; peakRssMb: number; idleRssMb: number };
  during: { mcConnectMs: number; screenConnectMs: number; httpGoMs: Percentiles & { samples: number; failed: number } };
  memory: { screens: number; addresses: number; idleRssMb: number; peakRssMb: number; kbPerScreen: number; at20kMb: number; openFiles: number };
}

const built = new Set<string>();
function spawnBundle(file: string, env: Record<string, string> = {}, execArgv: string[] = []): ChildProcess {
  const outfile = here(`../dist/bench/${file.replace(/\.ts$/, '.mjs')}`);
  // Built once: a worker must never load a bundle that another build is rewriting.
  if (!built.has(file)) buildSync({ entryPoints: [here(file)], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
  built.add(file);
  return fork(outfile, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...env }, execArgv });
}

const message = <T>(child: ChildProcess, type: string, timeoutMs: number) => nextMessage<T>(child, type, timeoutMs);

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const openFiles = () => Number(/Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? 1024);

/** Peak RSS of `pid`, sampled every 100 ms until stopped. */
function peakRss(pid: number): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  return { stop: () => (clearInterval(timer), Math.max(peak, rssMb(pid))) };
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  // The server runs with the V8 flags `npm start` gives it (package.json), so its memory is the production one.
  const child = spawnBundle('server-child.ts', env, (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean));
  const { port } = await message<{ port: number }>(child, 'ready', 60_000);
  return { child, url: `http://127.0.0.1:${port}` };
}

async function stopAll(server: ChildProcess, workers: ChildProcess[]): Promise<void> {
  for (const w of workers) w.send({ cmd: 'stop' });
  await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
  server.send({ cmd: 'stop' });
  await Promise.race([new Promise((r) => server.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
  if (server.exitCode === null && server.pid) process.kill(server.pid, 'SIGKILL');
}

interface Flooded { admitted: number; refusedSocket: number; refusedEngine: number; failed: number; ms: number }

/** `count` viewers from each address in `from`, one worker process per address (each under its own fd limit). */
async function flood(url: string, from: string[], count: number, deadlineMs: number, concurrency = 64): Promise<{ workers: ChildProcess[]; results: Promise<Flooded[]> }> {
  const workers = from.map(() => spawnBundle('flood-worker.ts'));
  await Promise.all(workers.map((w) => message(w, 'ready', 60_000)));
  const results = Promise.all(workers.map((w, i) => {
    w.send({ cmd: 'flood', url, from: from[i], count, concurrency, deadlineMs });
    return message<Flooded>(w, 'flooded', deadlineMs + 60_000);
  }));
  return { workers, results };
}

function timedConnect(url: string, auth: Record<string, unknown>): Promise<{ ms: number; close(): void }> {
  const started = performance.now();
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 10_000, localAddress: OTHER } as Parameters<typeof io>[1]);
  return new Promise((resolve, reject) => {
    socket.once('show:snapshot', () => resolve({ ms: performance.now() - started, close: () => socket.close() }));
    socket.once('connect_error', (e) => reject(e));
  });
}

function command(url: string, type: 'start' | 'next'): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/commands`, { method: 'POST', localAddress: OTHER, timeout: 10_000, headers: { authorization: `Bearer ${MC_PIN}`, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(JSON.stringify({ type }));
  });
}

/** Part 1: the flood from one address with the default budget, and what another address sees during it. */
async function floodFromOneAddress(attempts: number, processes: number): Promise<Pick<AdmissionBench, 'flood' | 'during'>> {
  const { child, url } = await startServer({ BENCH_VIEWERS_PER_ADDRESS: '500' });
  const idleRssMb = rssMb(child.pid as number);
  const peak = peakRss(child.pid as number);
  const started = performance.now();
  const { workers, results } = await flood(url, Array(processes).fill('127.0.0.1'), Math.ceil(attempts / processes), 300_000);
  await new Promise((r) => setTimeout(r, 1000)); // the flood is under way
  const mc = await timedConnect(url, { protocol: PROTOCOL_VERSION, pin: MC_PIN, label: 'bench MC' });
  const screen = await timedConnect(url, { protocol: PROTOCOL_VERSION });
  const goMs: number[] = [];
  let goFailed = 0;
  await command(url, 'start');
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 1100)); // past the hardware double-press guard
    await command(url, 'next').then((ms) => goMs.push(ms), () => goFailed++);
  }
  const done = await results;
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = peak.stop();
  mc.close();
  screen.close();
  await stopAll(child, workers);
  const sum = (k: keyof Flooded) => done.reduce((a, r) => a + r[k], 0);
  return {
    flood: { attempts, admitted: sum('admitted'), refused: sum('refusedSocket') + sum('refusedEngine'), failed: sum('failed'), seconds, peakRssMb, idleRssMb },
    during: { mcConnectMs: mc.ms, screenConnectMs: screen.ms, httpGoMs: { ...percentiles(goMs), samples: goMs.length, failed: goFailed } },
  };
}

/** Part 2: as many screens as the open-file limit allows, 500 per address (the default budget). */
async function memoryPerScreen(wanted: number): Promise<AdmissionBench['memory']> {
  const limit = openFiles();
  const screens = Math.min(wanted, limit - 400);
  const addresses = Math.ceil(screens / 500);
  const { child, url } = await startServer({ BENCH_VIEWERS_PER_ADDRESS: '500' });
  const idleRssMb = rssMb(child.pid as number);
  const peak = peakRss(child.pid as number);
  const from = Array.from({ length: addresses }, (_, i) => `127.0.${1 + Math.floor(i / 200)}.${10 + (i % 200)}`);
  // Screens that come and stay, a few at a time per address (not a flood: every one should get in).
  const { workers, results } = await flood(url, from, 500, 600_000, 4);
  const done = await results;
  const admitted = done.reduce((a, r) => a + r.admitted, 0);
  const lost = done.reduce((a, r) => a + r.failed + r.refusedEngine + r.refusedSocket, 0);
  if (lost) console.log(`  memory run: ${lost} of ${done.length * 500} screens did not get in (${JSON.stringify(done.map((r) => [r.admitted, r.refusedEngine + r.refusedSocket, r.failed]))})`);
  await new Promise((r) => setTimeout(r, 2000));
  const peakRssMb = peak.stop();
  await stopAll(child, workers);
  const kbPerScreen = ((peakRssMb - idleRssMb) * 1024) / Math.max(1, admitted);
  return { screens: admitted, addresses, idleRssMb, peakRssMb, kbPerScreen, at20kMb: idleRssMb + (kbPerScreen * 20_000) / 1024, openFiles: limit };
}

export async function runAdmissionBench(quick: boolean): Promise<AdmissionBench> {
  const part1 = await floodFromOneAddress(quick ? 2_000 : 21_000, quick ? 1 : 4);
  const memory = await memoryPerScreen(Number(process.env.BENCH_SCREENS) || (quick ? 1_000 : 20_000));
  return { ...part1, memory };
}

export function admissionMarkdown(r: AdmissionBench): string {
  const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
  return [
    `## Admission under a flood (issue 17)`,
    ``,
    `| flood from one address | admitted | refused | failed | took (s) | server RSS idle → peak (MB) | MC console from another address (ms) | screen from another address (ms) | HTTP GO from another address p50 / max (ms) |`,
    `|---|---|---|---|---|---|---|---|---|`,
    `| ${r.flood.attempts} viewer connections | ${r.flood.admitted} | ${r.flood.refused} | ${r.flood.failed} | ${f(r.flood.seconds)} | ${f(r.flood.idleRssMb)} → ${f(r.flood.peakRssMb)} | ${f(r.during.mcConnectMs)} | ${f(r.during.screenConnectMs)} | ${f(r.during.httpGoMs.p50)} / ${f(r.during.httpGoMs.max)} (${r.during.httpGoMs.samples} GOs, ${r.during.httpGoMs.failed} failed) |`,
    ``,
    `Memory per screen: ${r.memory.screens} screens from ${r.memory.addresses} addresses (open-file limit ${r.memory.openFiles}): server RSS ${f(r.memory.idleRssMb)} → ${f(r.memory.peakRssMb)} MB peak, ${f(r.memory.kbPerScreen)} KB per screen; at 20,000 screens ≈ ${f(r.memory.at20kMb)} MB (target < 400).`,
    ``,
  ].join('\n');
}
