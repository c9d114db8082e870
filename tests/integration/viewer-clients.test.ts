/**
 * The read-only clients docs/api.md shows, run as they are from docs/examples/ against a real
 * server (O7): no auth, no protocol field, the snapshot on connect and one line per change.
 * The docs include these very files, so the snippets cannot drift from what is tested.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { boot, MC_PIN, post, until } from './helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Debian's interpreter: python3-socketio installs into its dist-packages, not into a pyenv or venv python.
const PYTHON = '/usr/bin/python3';
const hasPythonClient = existsSync(PYTHON) && existsSync('/usr/lib/python3/dist-packages/socketio/client.py');

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function runViewer(command: string, args: string[]) {
  const server = await boot();
  cleanup.push(() => server.stop());
  const child: ChildProcess = spawn(command, [...args, server.url], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  cleanup.push(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid as number, 'SIGTERM');
  });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (out += d));
  // Complete lines only: a pipe may hand over half a line.
  const lines = () => out.split('\n').slice(0, -1).filter((l) => /^\d+ /.test(l));
  await until(() => lines().length >= 1, 20_000, `the snapshot line from ${args[0]}:\n${out}`);
  expect(lines()[0]).toBe('0 ready - -> Đón tiếp đại biểu');
  await post(server.url, { type: 'start' }, MC_PIN);
  await post(server.url, { type: 'next' }, MC_PIN);
  await until(() => lines().length >= 3, 10_000, `two change lines:\n${out}`);
  expect(lines()).toEqual([
    '0 ready - -> Đón tiếp đại biểu',
    '1 running Đón tiếp đại biểu -> Tuyên bố lý do, giới thiệu đại biểu',
    expect.stringMatching(/^2 running Tuyên bố lý do, giới thiệu đại biểu -> /),
  ]);
}

describe('read-only clients from the docs', () => {
  it('[O7] docs/api.md includes the example files verbatim, each at most ten lines', () => {
    const api = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    for (const name of ['viewer.py', 'viewer.mjs']) {
      const text = readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url), 'utf8');
      expect(api).toContain(text.trimEnd());
      expect(text.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
    }
  });

  it('[O7] the Node client (docs/examples/viewer.mjs) watches a real server without auth', async () => {
    await runViewer(process.execPath, ['docs/examples/viewer.mjs']);
  });

  it.skipIf(!hasPythonClient)('[O7] the Python client (docs/examples/viewer.py, Debian python3-socketio) watches a real server without auth', async () => {
    await runViewer(PYTHON, ['docs/examples/viewer.py']);
  });
});
