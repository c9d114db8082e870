/**
 * Backup laptop (issue 10): promotion, fencing of an old primary, and a backup that cannot follow.
 * Two real servers in one process on 127.0.0.1, real SQLite. Rules B5–B8 in the README.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeStatus } from '@shared/protocol';
import type { Logger } from '../../server/log';
import { AV_PIN, boot, connect, getJson, MC_PIN, post, tempDir, until } from './helpers';

type Booted = Awaited<ReturnType<typeof boot>>;
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});
const start = async (options: Parameters<typeof boot>[0] = {}) => {
  const s = await boot(options);
  cleanup.push(() => s.stop());
  return s;
};
const dir = () => {
  const d = tempDir();
  cleanup.push(() => d.remove());
  return d.path;
};
const promote = (url: string, pin?: string) =>
  fetch(`${url}/api/v1/promote`, { method: 'POST', headers: pin ? { authorization: `Bearer ${pin}` } : {} }).then(async (r) => ({ status: r.status, json: await r.json() }));
const info = async (url: string) => (await getJson(url, '/api/v1/info')).json.node as NodeStatus;
const attached = (s: Booted) => until(() => s.app.pair.status().backupUrls.length > 0 && !s.app.pair.status().backupLost, 5000, 'the backup to attach');
const lines = (): Logger & { all: string[] } => {
  const all: string[] = [];
  return { all, info: (m) => all.push(m), warn: (m) => all.push(m), error: (m) => all.push(m) };
};

describe('backup laptop: promotion and fencing', () => {
  it('[B5] POST /api/v1/promote (MC PIN) makes the backup primary at the revision it holds, at a durable higher epoch', async () => {
    const primary = await start();
    const backupDir = dir();
    let backup = await boot({ follow: primary.url, dataDir: backupDir });
    cleanup.push(() => backup.close());
    await attached(primary);
    await post(primary.url, { type: 'start' }, MC_PIN);
    const screen = await connect(backup.url);
    const statuses: NodeStatus[] = [];
    screen.socket.on('node:status', (s) => statuses.push(s));
    expect((await promote(backup.url)).status).toBe(401);
    expect((await promote(backup.url, '000000')).status).toBe(401);
    expect((await promote(backup.url, AV_PIN)).status).toBe(403);
    expect(backup.app.pair.status().role).toBe('backup');
    const promoted = await promote(backup.url, MC_PIN);
    expect(promoted.status).toBe(200);
    expect(promoted.json.node).toMatchObject({ role: 'primary', epoch: 2, primaryUrl: null, revision: 1 });
    const second = await promote(backup.url, MC_PIN);
    expect(second.status).toBe(409);
    expect(second.json.error).toMatchObject({ code: 'not_possible', message: expect.stringContaining('already primary') });
    expect((await promote(primary.url, MC_PIN)).status).toBe(409);
    await until(() => statuses.some((s) => s.role === 'primary' && s.epoch === 2), 2000, 'node:status after the promotion');
    const go = await post(backup.url, { type: 'next' }, MC_PIN);
    expect(go.status).toBe(200);
    expect(go.json.revision).toBe(2);
    screen.close();
    // The epoch is in the database: a restart keeps this laptop primary.
    const port = backup.port;
    await backup.close();
    backup = await boot({ dataDir: backupDir, port });
    expect(await info(backup.url)).toMatchObject({ role: 'primary', epoch: 2 });
  });

  it('[B6] an old primary restarted after a promotion refuses commands, follows the new primary and discards the entries it wrote alone', async () => {
    const primaryDir = dir();
    const backupDir = dir();
    let primary = await boot({ dataDir: primaryDir });
    const primaryPort = primary.port;
    let backup = await boot({ follow: primary.url, dataDir: backupDir });
    const backupPort = backup.port;
    cleanup.push(() => primary.close(), () => backup.close());
    await attached(primary);
    await post(primary.url, { type: 'start' }, MC_PIN);
    for (let i = 0; i < 4; i++) expect((await post(primary.url, { type: 'message', text: `chung ${i}` }, MC_PIN)).status).toBe(200);
    // The backup goes away; the primary carries on alone (backup lost), then dies too.
    await backup.close();
    await until(() => primary.app.pair.status().backupLost, 3000, 'backup lost');
    for (let i = 0; i < 3; i++) expect((await post(primary.url, { type: 'message', text: `một mình ${i}` }, MC_PIN)).status).toBe(200);
    await primary.close();
    // The backup comes back, cannot reach the primary, and is promoted at revision 5.
    backup = await boot({ dataDir: backupDir, port: backupPort });
    expect(await info(backup.url)).toMatchObject({ role: 'backup', revision: 5 });
    expect((await promote(backup.url, MC_PIN)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await post(backup.url, { type: 'message', text: `mới ${i}` }, MC_PIN)).status).toBe(200);
    // The old primary restarts with its usual command: it asks its peer first, and follows.
    const log = lines();
    primary = await boot({ dataDir: primaryDir, port: primaryPort, log });
    const refused = await post(primary.url, { type: 'message', text: 'không được' }, MC_PIN);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain(backup.url);
    await until(() => primary.app.service.current.revision === 7 && primary.app.pair.status().primaryReachable, 5000, 'the old primary to follow');
    expect(primary.app.store.entries().map((e) => e.command)).toEqual(backup.app.store.entries().map((e) => e.command));
    expect(JSON.stringify(primary.app.store.entries())).not.toContain('một mình');
    expect(await info(primary.url)).toMatchObject({ role: 'backup', epoch: 2, primaryUrl: backup.url });
    expect(log.all.join('\n')).toMatch(/FENCED/);
    expect(log.all.join('\n')).toMatch(/3 journal entries after revision 5/);
    await post(backup.url, { type: 'pause' }, MC_PIN);
    await until(() => primary.app.service.current.revision === 8, 2000, 'the next command on the old primary');
  });

  it('[B7] a running old primary that sees a peer primary at a higher epoch stops taking commands and follows it', async () => {
    const primary = await start();
    const backup = await start({ follow: primary.url });
    await attached(primary);
    await post(primary.url, { type: 'start' }, MC_PIN);
    // A cut cable, as far as the primary can tell: the backup stops following and is promoted.
    expect((await promote(backup.url, MC_PIN)).status).toBe(200);
    await post(backup.url, { type: 'message', text: 'từ máy mới' }, MC_PIN);
    await until(() => primary.app.pair.status().role === 'backup', 6000, 'the old primary to step down');
    expect((await post(primary.url, { type: 'pause' }, MC_PIN)).status).toBe(409);
    await until(() => primary.app.service.current.revision === 2, 3000, 'the old primary to follow');
    expect(await info(primary.url)).toMatchObject({ role: 'backup', epoch: 2, primaryUrl: backup.url });
  });

  it('[B8] a backup that cannot reach its primary, or whose PIN the primary refuses, says so in its log and status', async () => {
    const gone = await boot();
    const goneUrl = gone.url;
    await gone.stop();
    const log = lines();
    const lonely = await start({ follow: goneUrl, log });
    await until(() => (lonely.app.pair.status().problem ?? '').includes(goneUrl), 3000, 'the problem in the status');
    expect(await info(lonely.url)).toMatchObject({ role: 'backup', primaryReachable: false, primaryUrl: goneUrl, problem: expect.stringContaining('cannot reach the primary') });
    expect(log.all.filter((l) => l.includes('cannot reach the primary')).length).toBe(1);
    const primary = await start();
    const wrong = await start({ follow: primary.url, mcPin: '999999' });
    await until(() => (wrong.app.pair.status().problem ?? '').includes('MC PIN'), 3000, 'the PIN problem');
    expect(primary.app.pair.status().backupUrls).toEqual([]);
    expect(JSON.stringify(await info(wrong.url))).not.toContain('999999');
  });
});
