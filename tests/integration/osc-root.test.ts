/** The composition root starts OSC only when asked (O2): `node server/index.ts` with and without OSC_PORT. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { AV_PIN, getJson, MC_PIN, tempDir, until } from './helpers';
import { udpSender } from './osc-helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) process.kill(child.pid as number, 'SIGKILL');
  dirs.splice(0).forEach((d) => d.remove());
});

function launch(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const dir = tempDir();
  dirs.push(dir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, MC_PIN, AV_PIN, OSC_PORT: '', OSC_OUT: '', OSC_ROLE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out, exited: new Promise((r) => child.once('exit', (code) => r(code))) };
}

const portOf = (re: RegExp, text: string) => Number(re.exec(text)?.[1]);

// Starting under tsx took 10–45 s on this shared 2-core machine (load 25–34): generous, bounded waits.
const BOOT_MS = 150_000;

it('[O2] without OSC_PORT nothing listens for OSC', async () => {
  const off = launch({});
  await until(() => /running on port \d+/.test(off.output()), BOOT_MS, 'the banner');
  const offUrl = `http://127.0.0.1:${portOf(/running on port (\d+)/, off.output())}`;
  expect((await getJson(offUrl, '/api/v1/status')).json.osc).toBeNull();
  expect(off.output()).not.toMatch(/OSC in/);
  process.kill(off.child.pid as number, 'SIGTERM');
  expect(await off.exited).toBe(0);
}, 180_000);

it('[O2] with OSC_PORT, a /baton/go over UDP starts the show', async () => {
  const on = launch({ OSC_PORT: '0', OSC_ROLE: 'mc' });
  await until(() => /running on port \d+/.test(on.output()), BOOT_MS, 'the banner');
  const url = `http://127.0.0.1:${portOf(/running on port (\d+)/, on.output())}`;
  const udp = portOf(/OSC in on udp 127\.0\.0\.1:(\d+) as MC/, on.output());
  expect(udp).toBeGreaterThan(0);
  const sender = await udpSender(udp);
  await sender.send({ address: '/baton/go' });
  await until(() => /revision 1: start by mc "OSC 127\.0\.0\.1"/.test(on.output()), 5000, 'the OSC start in the log');
  sender.close();
  const status = (await getJson(url, '/api/v1/status')).json;
  expect(status).toMatchObject({ phase: 'running', osc: { in: { accepted: 1, port: udp, role: 'mc' }, out: null } });
  process.kill(on.child.pid as number, 'SIGTERM');
  expect(await on.exited).toBe(0);
}, 180_000);

it('[O2] a wrong OSC setting stops the start with a reason', async () => {
  const bad = launch({ OSC_PORT: '0', OSC_ROLE: 'director' });
  expect(await bad.exited).toBe(2);
  expect(bad.output()).toMatch(/OSC_ROLE must be mc or av/);
}, 180_000);
