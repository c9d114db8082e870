import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@shared/protocol';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/app';
import { AV_PIN, boot, type Client, FILM, getJson, MC_PIN, mc, post, until } from './helpers';

let server: Awaited<ReturnType<typeof boot>>;
beforeEach(async () => {
  server = await boot();
});
afterEach(async () => {
  await server.stop();
});

const journalLength = async () => (await getJson(server.url, '/api/v1/report')).json.audit.length as number;

describe('reading', () => {
  it('[S8] GET /healthz, /api/v1/state and /api/v1/runs answer per contract', async () => {
    expect(await getJson(server.url, '/healthz')).toEqual({ status: 200, json: { ok: true } });
    const { status, json } = await getJson(server.url, '/api/v1/state');
    expect(status).toBe(200);
    expect(json).toMatchObject({ revision: 0, programme: { items: expect.any(Array) }, live: { runId: 'run-1', phase: 'ready', currentItemId: null, segmentIndex: null, blackout: false, av: null, message: null } });
    expect(Math.abs(json.serverTime - Date.now())).toBeLessThan(5000);
    expect(json.live).not.toHaveProperty('record');
    const item = json.programme.items[4];
    expect(item).toMatchObject({ id: 'thao-luan', title: expect.any(String), kind: 'discussion', durationSec: expect.any(Number) });
    expect(item.segments[0]).toMatchObject({ id: expect.any(String), title: expect.any(String), durationSec: expect.any(Number) });
    expect((await getJson(server.url, '/api/v1/runs')).json.runs).toEqual([expect.objectContaining({ runId: 'run-1', current: true, commands: 0 })]);
  });

  it('[S16] GET /api/v1/info gives the LAN URLs other devices use, on the port the server listens on', async () => {
    // The oracle is what this test reads from the OS itself (every non-internal IPv4 address), so
    // the check bites on a machine with no LAN interface too: then the list must be empty.
    const expected = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .filter((a) => a.family === 'IPv4' && !a.internal)
      .map((a) => `http://${a.address}:${server.port}`);
    const { status, json } = await getJson(server.url, '/api/v1/info');
    expect(status).toBe(200);
    // What the set-up page reads, the backup laptop's node status (B9) and the connections (A4); nothing else.
    expect(Object.keys(json).sort()).toEqual(['connections', 'lanUrls', 'node', 'port', 'protocol']);
    expect(json.port).toBe(server.port);
    expect(json.protocol).toBe(PROTOCOL_VERSION);
    expect([...json.lanUrls].sort()).toEqual([...expected].sort());
    for (const u of json.lanUrls) expect(u).toMatch(new RegExp(`^http://\\d+\\.\\d+\\.\\d+\\.\\d+:${server.port}$`));
    expect(json.lanUrls.some((u: string) => u.startsWith('http://127.'))).toBe(false);
    expect(JSON.stringify(json)).not.toContain(server.pins.mc);
    expect(JSON.stringify(json)).not.toContain(server.pins.av);
  });

  it('[S8] unknown API paths are 404 not_found in the error shape; screens answer without the client built', async () => {
    expect(await getJson(server.url, '/api/v1/nope')).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
    expect(await getJson(server.url, '/api/v1/report?runId=run-42')).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
    const page = await fetch(`${server.url}/mc`);
    expect(page.status).toBe(503);
    expect(await page.text()).toMatch(/not built/);
  });
});

describe('every status code of the contract, from a real request', () => {
  it('[S8] 200 with revision and live for a valid command', async () => {
    expect(await post(server.url, { type: 'start' }, MC_PIN)).toMatchObject({ status: 200, json: { revision: 1, live: { phase: 'running' } } });
  });

  it('[S9] an acknowledged command is already in the database file; every reset writes a snapshot', async () => {
    const peek = () => {
      const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
      const rows = db.prepare('SELECT revision, type, actor_role AS role FROM journal ORDER BY revision').all();
      const snapshots = (db.prepare('SELECT revision FROM snapshots ORDER BY revision').all() as { revision: number }[]).map((r) => r.revision);
      db.close();
      return { rows, snapshots };
    };
    await post(server.url, { type: 'start' }, MC_PIN);
    expect(peek().rows).toEqual([{ revision: 1, type: 'start', role: 'mc' }]);
    await post(server.url, { type: 'reset' }, MC_PIN);
    expect(peek()).toEqual({ rows: [{ revision: 1, type: 'start', role: 'mc' }, { revision: 2, type: 'reset', role: 'mc' }], snapshots: [0, 2] });
  });

  it('[S8] 400 invalid_json and invalid_command (unknown type, wrong field type, prototype keys); nothing changes', async () => {
    expect(await post(server.url, '{"type": "start"', MC_PIN)).toMatchObject({ status: 400, json: { error: { code: 'invalid_json' } } });
    const unknown = await post(server.url, { type: 'fly' }, MC_PIN);
    expect(unknown).toMatchObject({ status: 400, json: { error: { code: 'invalid_command' } } });
    expect(unknown.json.error.message).toMatch(/unknown command type "fly"/);
    const wrongType = await post(server.url, { type: 'addTime', seconds: 'lots' }, MC_PIN);
    expect(wrongType).toMatchObject({ status: 400, json: { error: { code: 'invalid_command' } } });
    expect(wrongType.json.error.message).toMatch(/seconds/);
    const deep = await post(server.url, `{"type":${'['.repeat(20_000)}${']'.repeat(20_000)}}`, MC_PIN);
    expect(deep).toMatchObject({ status: 400, json: { error: { code: 'invalid_command', message: 'unknown command type (a list)' } } });
    expect(await post(server.url, '[1,2]', MC_PIN)).toMatchObject({ status: 400, json: { error: { code: 'invalid_command' } } });
    const polluted = '{"type":"message","text":"hi","__proto__":{"admin":true}}';
    expect(await post(server.url, polluted, MC_PIN)).toMatchObject({ status: 400, json: { error: { code: 'invalid_command' } } });
    const nested = '{"type":"blackout","on":true,"from":{"itemId":"x","segmentIndex":null,"constructor":{"prototype":{}}}}';
    expect(await post(server.url, nested, MC_PIN)).toMatchObject({ status: 400, json: { error: { code: 'invalid_command' } } });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect((await getJson(server.url, '/api/v1/state')).json.revision).toBe(0);
    expect(await journalLength()).toBe(0);
  });

  it('[S5] 401 for no PIN and a wrong PIN; 403 when the role may not send it', async () => {
    expect(await post(server.url, { type: 'start' })).toMatchObject({ status: 401, json: { error: { code: 'unauthorized' } } });
    expect(await post(server.url, { type: 'start' }, '999999')).toMatchObject({ status: 401, json: { error: { code: 'unauthorized' } } });
    expect(await post(server.url, { type: 'start' }, AV_PIN)).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect((await getJson(server.url, '/api/v1/state')).json.revision).toBe(0);
  });

  it('[S8] 409 stale, unknown_item and not_possible for valid commands refused in this state', async () => {
    expect(await post(server.url, { type: 'pause' }, MC_PIN)).toMatchObject({ status: 409, json: { error: { code: 'not_possible' } } });
    await post(server.url, { type: 'start' }, MC_PIN);
    expect(await post(server.url, { type: 'goto', itemId: 'khong-co' }, MC_PIN)).toMatchObject({ status: 409, json: { error: { code: 'unknown_item' } } });
    expect(await post(server.url, { type: 'next', from: { itemId: FILM, segmentIndex: null } }, MC_PIN)).toMatchObject({ status: 409, json: { error: { code: 'stale' } } });
    expect(await post(server.url, { type: 'next', expectedRevision: 0 }, MC_PIN)).toMatchObject({ status: 409, json: { error: { code: 'stale' } } });
    expect((await getJson(server.url, '/api/v1/state')).json.revision).toBe(1);
  });

  it('[S8] 413 over 64 KB for a command, over 1 MB for programme edits; a 300 KB item edit is fine', async () => {
    const big = await post(server.url, { type: 'message', text: 'x', pad: 'y'.repeat(70 * 1024) }, MC_PIN);
    expect(big).toMatchObject({ status: 413, json: { error: { code: 'too_large' } } });
    const { json } = await getJson(server.url, '/api/v1/state');
    const item = { ...json.programme.items[0], script: Array.from({ length: 150 }, () => 'lời dẫn '.repeat(250)) };
    const edit = await post(server.url, { type: 'upsertItem', item }, MC_PIN);
    expect(JSON.stringify({ type: 'upsertItem', item }).length).toBeGreaterThan(256 * 1024);
    expect(edit).toMatchObject({ status: 200, json: { revision: 1 } });
    const huge = await post(server.url, { type: 'replaceProgramme', programme: { ...json.programme, pad: 'z'.repeat(1100 * 1024) } }, MC_PIN);
    expect(huge).toMatchObject({ status: 413, json: { error: { code: 'too_large' } } });
    expect((await getJson(server.url, '/api/v1/state')).json.revision).toBe(1);
    expect(await getJson(server.url, '/healthz')).toMatchObject({ status: 200 });
  });

  it('[S6] 429 after 10 wrong PINs from one address, even for the right PIN; requests without a PIN are never counted', async () => {
    for (let i = 0; i < 20; i++) expect((await post(server.url, { type: 'blackout', on: true })).status).toBe(401);
    expect((await post(server.url, { type: 'blackout', on: true }, MC_PIN)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await post(server.url, { type: 'blackout', on: true }, `00000${i}`)).status).toBe(401);
    const locked = await post(server.url, { type: 'blackout', on: false }, MC_PIN);
    expect(locked).toMatchObject({ status: 429, json: { error: { code: 'too_many_attempts' } } });
    expect((await getJson(server.url, '/api/v1/state')).json.live.blackout).toBe(true);
  });

  it('[S9] 503 storage_unavailable when the disk refuses the write: nothing acknowledged, broadcast or changed; then it recovers', async () => {
    const watcher: Client = await mc(server.url);
    await post(server.url, { type: 'start' }, MC_PIN);
    server.app.store.setWritable(false);
    const failed = await post(server.url, { type: 'next' }, MC_PIN);
    expect(failed).toMatchObject({ status: 503, json: { error: { code: 'storage_unavailable' } } });
    expect(await watcher.send({ type: 'message', text: 'Còn 1 phút' })).toMatchObject({ error: { code: 'storage_unavailable' } });
    const state = (await getJson(server.url, '/api/v1/state')).json;
    expect(state).toMatchObject({ revision: 1, live: { currentItemId: 'don-tiep', message: null } });
    server.app.store.setWritable(true);
    expect(await post(server.url, { type: 'next' }, MC_PIN)).toMatchObject({ status: 200, json: { revision: 2 } });
    await until(() => watcher.states.length >= 2, 3000, 'the recovered change');
    expect(watcher.states.map((s) => s.revision)).toEqual([1, 2]);
    expect(await journalLength()).toBe(2);
    watcher.close();
  });
});
