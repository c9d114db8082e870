/**
 * Scenario 7, disk trouble. Two ways the disk can refuse a write:
 *  - read-only: the real SQLite store switched to `query_only` (in-process, through the store's
 *    own fault switch), commands over HTTP and Socket.IO;
 *  - full: the child-process server's DATA_DIR on a small tmpfs that the test fills to the last
 *    byte (skipped, and said so, where tmpfs cannot be mounted).
 * Each time: commands are refused with 503 `storage_unavailable` and none is acknowledged without
 * being in the journal; state keeps being served (HTTP and new screens); service resumes when the
 * disk writes again; after a SIGKILL the journal still holds every acknowledged command.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandInput } from '@shared/commands';
import { isApiError } from '@shared/protocol';
import { startServer } from '../../server/app';
import { getState, isCodedRefusal, postCommand, type Sent } from './api';
import { AV_PIN, MC_PIN, spawnServer, tempDataDir } from './child-server';
import { normalised, plain, readJournal, replayJournal } from './journal';
import { command, connected, openScreen } from './sockets';

export interface DiskReport {
  readOnlyRefused: number;
  fullRefused: number;
  fullAccepted: number;
  resumed: number;
  fullSkipped?: string;
  failures: string[];
}

const edit = (n: number, kb: number): CommandInput => ({
  type: 'upsertItem',
  item: { id: `edit-${n % 3}`, kind: 'other', title: `Sửa ${n}`, durationSec: 60, script: Array.from({ length: kb }, (_, i) => `${n}-${i} `.padEnd(1000, 'x')) },
});

/** Every acknowledged command is in the journal at its revision; nothing else is. */
function checkJournal(dataDir: string, history: Sent[], baseRows: number, fail: (w: string) => void): void {
  const { integrity, rows } = readJournal(dataDir);
  if (integrity !== 'ok') fail(`integrity_check: ${integrity}`);
  const acked = history.filter((s) => s.status === 200);
  for (const s of acked) {
    const row = rows.find((x) => x.revision === s.revision);
    if (!row || JSON.stringify(row.command) !== JSON.stringify(normalised(s.body))) fail(`acknowledged revision ${s.revision} (${(s.body as { type: string }).type}) is not in the journal`);
  }
  if (rows.length !== baseRows + acked.length) fail(`the journal holds ${rows.length} entries; ${baseRows} + ${acked.length} were acknowledged`);
}

export async function runReadOnly(report: DiskReport, log: (l: string) => void): Promise<void> {
  const fail = (why: string) => {
    report.failures.push(why);
    log(`FAIL ${why}`);
  };
  const data = tempDataDir('readonly');
  const server = await startServer({ dataDir: data.dir, mcPin: MC_PIN, avPin: AV_PIN });
  const mc = openScreen(server.url, { pin: MC_PIN, label: 'MC' });
  const watcher = openScreen(server.url, { label: 'stage' });
  const history: Sent[] = [];
  try {
    await Promise.all([connected(mc), connected(watcher)]);
    history.push(await postCommand(server.url, MC_PIN, { type: 'start' }));
    const before = await getState(server.url);
    const messagesBefore = watcher.messages;
    server.app.store.setWritable(false);
    for (let i = 0; i < 20; i++) {
      const body: CommandInput = i % 3 === 0 ? { type: 'next', from: { itemId: before.live.currentItemId as string, segmentIndex: before.live.segmentIndex } } : i % 3 === 1 ? { type: 'message', text: `Tin ${i}` } : edit(i, 20);
      const s = await postCommand(server.url, MC_PIN, body);
      history.push(s);
      if (s.status !== 503 || s.code !== 'storage_unavailable') fail(`read-only disk: HTTP ${body.type} → ${s.status} ${s.code ?? ''}`);
      else report.readOnlyRefused++;
      const ack = await command(mc, { type: 'blackout', on: i % 2 === 0 });
      if (!isApiError(ack) || ack.error.code !== 'storage_unavailable') fail(`read-only disk: socket blackout → ${JSON.stringify(ack).slice(0, 100)}`);
      else report.readOnlyRefused++;
    }
    // Still served: HTTP state, and a screen connecting now gets its snapshot.
    const during = await getState(server.url);
    if (during.revision !== before.revision || JSON.stringify(during.live) !== JSON.stringify(before.live)) fail('the state changed while nothing could be written');
    const late = openScreen(server.url, { label: 'late screen' });
    await connected(late).catch((e: Error) => fail(`a screen cannot connect while the disk is read-only: ${e.message}`));
    late.socket.close();
    if (watcher.messages !== messagesBefore) fail(`screens were sent ${watcher.messages - messagesBefore} state messages for commands that were not saved`);
    checkJournal(data.dir, history, 0, fail);
    // Writable again: service resumes where it was.
    server.app.store.setWritable(true);
    for (let i = 0; i < 5; i++) {
      const s = await postCommand(server.url, MC_PIN, { type: 'message', text: `Lại được ${i}` });
      history.push(s);
      if (s.status !== 200) fail(`after the disk recovered: ${s.status} ${s.code ?? ''}`);
      else report.resumed++;
    }
    const after = await getState(server.url);
    if (after.revision !== before.revision + 5) fail(`revision ${before.revision} → ${after.revision} after 5 commands`);
    checkJournal(data.dir, history, 0, fail);
  } finally {
    mc.socket.close();
    watcher.socket.close();
    await server.close();
    data.remove();
  }
}

function mountTmpfs(sizeKb: number): { dir: string; unmount(): void } | string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `tmpfs cannot be mounted here (${String((error as Error).message).split('\n')[0]})`;
  }
  return {
    dir,
    unmount() {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Fill the file system to the last byte; returns the filler's path. */
function fill(dir: string): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: full.
  } finally {
    closeSync(fd);
  }
  return file;
}

export async function runDiskFull(report: DiskReport, log: (l: string) => void): Promise<void> {
  const fail = (why: string) => {
    report.failures.push(why);
    log(`FAIL ${why}`);
  };
  const mount = mountTmpfs(8 * 1024);
  if (typeof mount === 'string') {
    report.fullSkipped = mount;
    log(`disk full: skipped — ${mount}`);
    return;
  }
  const history: Sent[] = [];
  let server = await spawnServer({ dataDir: mount.dir }).catch((error: unknown) => {
    mount.unmount();
    throw error;
  });
  try {
    history.push(await postCommand(server.url, MC_PIN, { type: 'start' }));
    for (let i = 0; i < 5; i++) history.push(await postCommand(server.url, MC_PIN, edit(i, 50)));
    const filler = fill(mount.dir);
    const before = await getState(server.url);
    for (let i = 0; i < 30; i++) {
      const s = await postCommand(server.url, MC_PIN, i % 2 ? edit(100 + i, 100) : { type: 'message', text: `Đầy đĩa ${i}` });
      history.push(s);
      if (s.status === 200) report.fullAccepted++;
      else if (s.status === 503 && s.code === 'storage_unavailable') report.fullRefused++;
      else fail(`disk full: ${s.status} ${s.code ?? ''} (${isCodedRefusal(s) ? 'coded' : 'not coded'})`);
      const state = await getState(server.url).catch(() => null);
      if (!state) fail('the state is not served while the disk is full');
    }
    if (report.fullRefused === 0) fail('a full disk refused nothing: the test did not fill it');
    const during = await getState(server.url);
    if (during.revision !== before.revision + report.fullAccepted) fail(`revision moved by ${during.revision - before.revision}, ${report.fullAccepted} were acknowledged`);
    checkJournal(mount.dir, history, 0, fail);
    // The laptop is restarted while the disk is still full: the show must come back and be served.
    await server.kill();
    try {
      server = await spawnServer({ dataDir: mount.dir, port: server.port });
      const rebooted = await getState(server.url);
      if (rebooted.revision !== during.revision) fail(`booted on a full disk at revision ${rebooted.revision}, was ${during.revision}`);
      const s = await postCommand(server.url, MC_PIN, edit(300, 100));
      history.push(s);
      if (s.status !== 503 && s.status !== 200) fail(`booted on a full disk, a command got ${s.status} ${s.code ?? ''}`);
    } catch (error) {
      fail(`the server does not start on a full disk: ${String((error as Error).message).split('\n').slice(0, 4).join(' | ')}`);
      unlinkSync(filler);
      server = await spawnServer({ dataDir: mount.dir, port: server.port });
    }
    try {
      unlinkSync(filler);
    } catch {
      // already freed above
    }
    for (let i = 0; i < 5; i++) {
      const s = await postCommand(server.url, MC_PIN, i % 2 ? edit(200 + i, 100) : { type: 'message', text: `Hết đầy ${i}` });
      history.push(s);
      if (s.status !== 200) fail(`after space was freed: ${s.status} ${s.code ?? ''}`);
      else report.resumed++;
    }
    // And the power goes: everything acknowledged survives, the state is the journal's.
    await server.kill();
    checkJournal(mount.dir, history, 0, fail);
    server = await spawnServer({ dataDir: mount.dir, port: server.port });
    const state = await getState(server.url);
    const replayed = replayJournal(readJournal(mount.dir).rows);
    if (state.revision !== replayed.revision || JSON.stringify(plain(state.live)) !== JSON.stringify(plain(replayed.live))) fail('after the restart the state is not the journal replay');
  } finally {
    await server.kill();
    mount.unmount();
  }
}
