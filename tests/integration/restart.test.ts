import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { elapsed } from '@shared/derive';
import { AV_PIN, FILM, getJson, MC_PIN, post, sleep, tempDir } from './helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
const dirs: { remove(): void }[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) process.kill(child.pid as number, 'SIGKILL');
  dirs.splice(0).forEach((d) => d.remove());
});

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** `node --import tsx server/index.ts` on 127.0.0.1:0; resolves with the port from the banner. */
function launch(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, MC_PIN, AV_PIN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 20 s:\n${out}`)), 20_000);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
    const look = () => {
      const m = /running on port (\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout?.off('data', look);
      resolve({ child, url: `http://127.0.0.1:${m[1]}`, output: () => out });
    };
    child.stdout?.on('data', look);
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

describe('restart', () => {
  it('[S10] killed with SIGKILL during the film, restarted on the same DATA_DIR, the show is exactly where it was', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = await launch(dir.path);
    const ok = async (body: unknown, pin = MC_PIN) => expect((await post(first.url, body, pin)).status).toBe(200);
    await ok({ type: 'start' });
    await ok({ type: 'next' });
    await sleep(1100); // past the double-press guard for a plain GO
    await ok({ type: 'next' });
    await ok({ type: 'standby', itemId: FILM });
    await ok({ type: 'ready', itemId: FILM }, AV_PIN);
    await ok({ type: 'rolled', itemId: FILM }, AV_PIN);
    await ok({ type: 'addTime', seconds: 30 });
    await ok({ type: 'message', text: 'Còn 1 phút — chuẩn bị phần tiếp theo' });
    const before = (await getJson(first.url, '/api/v1/state')).json;
    const auditBefore = (await getJson(first.url, '/api/v1/report')).json.audit;
    expect(before).toMatchObject({ revision: 8, live: { phase: 'running', currentItemId: FILM, segmentIndex: null, av: { status: 'rolled' } } });

    process.kill(first.child.pid as number, 'SIGKILL');
    expect(await exited(first.child)).toMatchObject({ signal: 'SIGKILL' });
    await sleep(1200); // the wall clock moves on while the server is down

    const second = await launch(dir.path);
    const after = (await getJson(second.url, '/api/v1/state')).json;
    expect(after.revision).toBe(8);
    expect(after.live).toEqual(before.live);
    expect(after.live).toMatchObject({ currentItemId: FILM, segmentIndex: null, addedMs: 30_000, message: { text: 'Còn 1 phút — chuẩn bị phần tiếp theo' } });
    // The timer resumed by the wall clock: elapsed grew by exactly the time between the two reads.
    const e1 = elapsed(before.live, before.serverTime) as number;
    const e2 = elapsed(after.live, after.serverTime) as number;
    expect(Math.abs(e2 - e1 - (after.serverTime - before.serverTime))).toBeLessThan(1000);
    expect(e2 - e1).toBeGreaterThanOrEqual(1200);
    expect((await getJson(second.url, '/api/v1/report')).json.audit).toEqual(auditBefore);
    // And it carries on from there.
    expect(await post(second.url, { type: 'next', from: { itemId: FILM, segmentIndex: null } }, MC_PIN)).toMatchObject({ status: 200, json: { revision: 9 } });

    // Graceful stop on SIGTERM.
    process.kill(second.child.pid as number, 'SIGTERM');
    expect(await exited(second.child)).toMatchObject({ code: 0 });
  });

  it('[S6] PORT=0 prints the real port; the PINs appear in the banner only, never in another log line', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const run = await launch(dir.path);
    await post(run.url, { type: 'start' }, '000000'); // a wrong PIN is logged: by address, not by value
    await post(run.url, { type: 'start' }, MC_PIN);
    await sleep(100);
    const lines = run.output().split('\n');
    expect(lines.filter((l) => l.includes(MC_PIN))).toEqual([expect.stringMatching(/MC PIN/)]);
    expect(lines.filter((l) => l.includes(AV_PIN))).toEqual([expect.stringMatching(/AV PIN/)]);
    expect(lines.some((l) => /wrong PIN/.test(l) && !l.includes('000000'))).toBe(true);
    expect(lines.filter((l) => l.includes('000000'))).toEqual([]);
    for (const screen of ['/mc', '/edit', '/av', '/speaker', '/stage', '/broadcast', '/agenda', '/report']) {
      expect(lines.some((l) => l.trim() === `${run.url}${screen}`)).toBe(true);
    }
    expect(existsSync(`${dir.path}/baton.sqlite`)).toBe(true);
    process.kill(run.child.pid as number, 'SIGINT');
    expect(await exited(run.child)).toMatchObject({ code: 0 });
  });
});
