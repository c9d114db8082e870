/**
 * A real redis-server (Debian's, installed by `npm test` from TEST_PACKAGES) on a free loopback
 * port in a temp dir, no persistence: killed by its PID (SIGKILL, as a crash would) and started
 * again on the same port, empty, as Redis comes back after a crash without a disk.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER = '/usr/bin/redis-server';
export const haveRedis = existsSync(REDIS_SERVER);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** PING until PONG (bounded). */
async function answers(port: number, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (let i = 0; i < 500 && Date.now() < end; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      const done = (v: boolean) => { s.destroy(); resolve(v); };
      s.setTimeout(500, () => done(false));
      s.once('error', () => done(false));
      s.connect(port, '127.0.0.1', () => s.write('PING\r\n'));
      s.once('data', (d) => done(d.toString().startsWith('+PONG')));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on 127.0.0.1:${port} did not answer PING`);
}

export interface RedisServer {
  port: number;
  url: string;
  pid(): number | undefined;
  /** SIGKILL by PID and wait for the exit. */
  kill(): Promise<void>;
  /** Start again on the same port (empty: no persistence). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'baton-redis-'));
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    await answers(port, 10_000);
  };
  const kill = async () => {
    const c = child;
    if (!c?.pid || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    process.kill(c.pid, 'SIGKILL');
    await exited;
  };
  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid: () => child?.pid,
    kill,
    restart: launch,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
