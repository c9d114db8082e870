/**
 * The server as the operator runs it: a child process (`node --import tsx server/index.ts`) on
 * 127.0.0.1, a temp DATA_DIR, PINs from the environment. It can be killed with SIGKILL (a power
 * cut, as far as the process can tell) and started again on the same DATA_DIR and port.
 * Every line the child prints is kept, so a test can check that no PIN leaks into the log.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Overridable only so the suite can be pointed at another entry while the server is written. */
const ENTRY = process.env.BATON_FAULTS_ENTRY ?? 'server/index.ts';

export const MC_PIN = '739154';
export const AV_PIN = '482617';

export interface ChildServer {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  /** Every line printed so far (stdout and stderr), in order, tagged with its stream. */
  lines: { stream: 'out' | 'err'; text: string }[];
  /** Number of lines printed before the server answered /healthz (the start-up banner is among them). */
  bootLines: number;
  alive(): boolean;
  /** SIGKILL and wait for the exit: no cleanup code runs in the child. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SpawnOptions {
  dataDir: string;
  /** 0 (default) lets the OS pick; pass the previous port to restart "at the same address". */
  port?: number;
  mcPin?: string;
  avPin?: string;
  env?: Record<string, string>;
  /** Wrap the command, e.g. ['prlimit', '--fsize=…', '--'] (the node binary follows). */
  wrap?: string[];
  readyTimeoutMs?: number;
  /** Called as soon as the process exists (a test may kill it during boot). */
  onSpawn?: (pid: number) => void;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) if (child.pid) try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ }
});

export function tempDataDir(tag = 'faults'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `baton-${tag}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function spawnServer(opts: SpawnOptions): Promise<ChildServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port ?? 0),
    HOST: '127.0.0.1',
    DATA_DIR: opts.dataDir,
    MC_PIN: opts.mcPin ?? MC_PIN,
    AV_PIN: opts.avPin ?? AV_PIN,
    NODE_ENV: 'production',
    ...opts.env,
  };
  const command = [...(opts.wrap ?? []), process.execPath, '--import', 'tsx', ENTRY];
  const child = spawn(command[0] as string, command.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  if (child.pid) opts.onSpawn?.(child.pid);
  const lines: ChildServer['lines'] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      done({ code, signal });
    }),
  );
  let onLine: (() => void) | undefined;
  for (const [stream, source] of [['out', child.stdout], ['err', child.stderr]] as const) {
    let rest = '';
    source.setEncoding('utf8');
    source.on('data', (chunk: string) => {
      rest += chunk;
      const parts = rest.split('\n');
      rest = parts.pop() ?? '';
      for (const text of parts) lines.push({ stream, text });
      onLine?.();
    });
  }
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  // The port: the one we asked for, or the first 127.0.0.1 URL of the banner.
  let port = opts.port ?? 0;
  while (!port) {
    const found = lines.map((l) => /http:\/\/127\.0\.0\.1:(\d+)/.exec(l.text)).find(Boolean);
    if (found) port = Number(found[1]);
    else if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL'); // never leave a slow starter running behind a failed test
      throw new Error(`server did not print its port (exit ${child.exitCode ?? child.signalCode}):\n${lines.map((l) => l.text).join('\n')}`);
    } else await new Promise<void>((r) => { onLine = r; setTimeout(r, 50); });
  }
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited during start-up (${child.exitCode ?? child.signalCode}):\n${lines.map((l) => l.text).join('\n')}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy within the deadline:\n${lines.map((l) => l.text).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const pid = child.pid as number;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const server: ChildServer = {
    url,
    port,
    pid,
    dataDir: opts.dataDir,
    lines,
    bootLines: lines.length,
    alive,
    exited,
    async kill() {
      if (alive()) process.kill(pid, 'SIGKILL');
      await exited;
    },
    async stop(graceMs = 5000) {
      if (!alive()) return;
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => alive() && process.kill(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  return server;
}
