/** Programme patches and honourees on demand against a real server (rules D2–D5). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, honoureesHash, honoureesRefOf, leanProgramme, programmeVersion } from '@shared/patch';
import type { Programme } from '@shared/programme';
import { PROTOCOL_VERSION, type StateMessage, WHOLE_PROGRAMME_PROTOCOL } from '@shared/protocol';
import { applySnapshot, applyStateMessage, useShow } from '../../client/store';
import { boot, type Client, connect, getJson, mc, MC_PIN, until } from './helpers';

let server: Awaited<ReturnType<typeof boot>>;
const clients: Client[] = [];
const track = async (c: Promise<Client>) => {
  const client = await c;
  clients.push(client);
  return client;
};

beforeEach(async () => {
  server = await boot();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await server.stop();
});

const serverProgramme = async (): Promise<Programme> => (await getJson(server.url, '/api/v1/state')).json.programme as Programme;
const awardsOf = (p: Programme) => p.items.find((i) => i.kind === 'awards' && i.segments.some((s) => s.honourees.length > 0))!;

describe('patches over Socket.IO', () => {
  it('[D2] a screen that lost a programme change finds the next patch on another base, asks for a snapshot, and ends with the server\'s programme', async () => {
    useShow.setState({ programme: null, programmeVersion: null, live: null, record: null, revision: -1 });
    const director = await track(mc(server.url, 'director'));
    const screen = await track(connect(server.url, { protocol: PROTOCOL_VERSION }));
    applySnapshot(screen.snapshot);
    let resyncs = 0;
    let lose = true;
    let applied = 0;
    let asking = false;
    screen.socket.on('show:state', (m: StateMessage) => {
      if (lose && m.patch) {
        // The live part arrives, the programme change is lost (as if this screen missed it).
        lose = false;
        const { patch: _lost, ...rest } = m;
        applyStateMessage(rest);
        return;
      }
      if (applyStateMessage(m)) return void applied++;
      if (asking) return; // as client/socket.ts: one resync at a time
      asking = true;
      resyncs++;
      screen.socket.emit('show:resync', (snap) => {
        asking = false;
        applySnapshot(snap);
      });
    });
    const p = director.snapshot.programme;
    await director.send({ type: 'upsertItem', item: { ...p.items[1]!, title: 'Tuyên bố lý do (sửa 1)' } });
    await director.send({ type: 'moveItem', itemId: p.items[3]!.id, toIndex: 5 });
    await director.send({ type: 'upsertItem', item: { ...p.items[2]!, title: 'Phim (sửa 2)' } });
    await director.send({ type: 'removeItem', itemId: p.items[6]!.id });
    await until(() => useShow.getState().revision === 4, 5000, 'the screen at revision 4');
    expect(resyncs).toBe(1);
    const truth = await serverProgramme();
    await until(() => useShow.getState().programmeVersion === programmeVersion(truth), 5000, 'the resync snapshot');
    expect(canonicalJson(useShow.getState().programme)).toBe(canonicalJson(leanProgramme(truth)));
    // After the resync the remaining patches applied on the fresh base.
    await director.send({ type: 'upsertItem', item: { ...truth.items[0]!, title: 'Đón tiếp (sửa 3)' } });
    const after = await serverProgramme();
    await until(() => useShow.getState().revision === 5, 5000, 'the screen at revision 5');
    expect(canonicalJson(useShow.getState().programme)).toBe(canonicalJson(leanProgramme(after)));
    expect(useShow.getState().programmeVersion).toBe(programmeVersion(after));
    expect(resyncs).toBe(1);
  });

  it('[D3] a protocol-less client and a protocol-1 client get whole programmes (honourees inline), the current protocol a small patch', async () => {
    const director = await track(mc(server.url, 'director'));
    const none = await track(connect(server.url, {}));
    const v1 = await track(connect(server.url, { protocol: WHOLE_PROGRAMME_PROTOCOL }));
    const v2 = await track(connect(server.url, { protocol: PROTOCOL_VERSION }));
    const full = await serverProgramme();
    const awards = awardsOf(full);
    const withList = awards.segments.find((s) => s.honourees.length > 0)!;
    // Snapshots: whole for the old forms, lean with a version for the current one.
    for (const c of [none, v1]) {
      expect(c.snapshot.programmeVersion).toBeUndefined();
      expect(awardsOf(c.snapshot.programme).segments.find((s) => s.id === withList.id)!.honourees).toEqual(withList.honourees);
    }
    expect(v2.snapshot.programmeVersion).toBe(programmeVersion(full));
    const leanSeg = v2.snapshot.programme.items.find((i) => i.id === awards.id)!.segments.find((s) => s.id === withList.id)!;
    expect(leanSeg.honourees).toEqual([]);
    expect(honoureesRefOf(leanSeg)).toEqual({ hash: honoureesHash(withList.honourees), count: withList.honourees.length });

    expect(await director.send({ type: 'upsertItem', item: { ...awards, title: `${awards.title} (sửa)` } })).toMatchObject({ revision: 1 });
    await until(() => [none, v1, v2].every((c) => c.states.length === 1), 5000, 'the edit on every client');
    const edited = await serverProgramme();
    for (const c of [none, v1]) {
      expect(c.states[0]!.patch).toBeUndefined();
      expect(c.states[0]!.programme).toEqual(edited);
    }
    const m = v2.states[0]!;
    expect(m.programme).toBeUndefined();
    expect(m.patch).toMatchObject({ op: 'upsert', item: { id: awards.id, title: `${awards.title} (sửa)` }, base: programmeVersion(full), version: programmeVersion(edited) });
    expect(JSON.stringify(m).length).toBeLessThan(JSON.stringify(v1.states[0]).length / 2);
  });
});

describe('GET /api/v1/honourees/<hash>', () => {
  it('[D5] answers the list by hash with an ETag and immutable caching, 304 on If-None-Match, 404 for a hash the programme does not hold', async () => {
    const full = await serverProgramme();
    const list = awardsOf(full).segments.find((s) => s.honourees.length > 0)!.honourees;
    const hash = honoureesHash(list);
    const res = await fetch(`${server.url}/api/v1/honourees/${hash}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${hash}"`);
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
    expect(await res.json()).toEqual({ hash, honourees: list });
    const again = await fetch(`${server.url}/api/v1/honourees/${hash}`, { headers: { 'if-none-match': `"${hash}"` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await fetch(`${server.url}/api/v1/honourees/${hash}`, { headers: { 'if-none-match': '"0000000000000000"' } });
    expect(other.status).toBe(200);
    for (const bad of ['0000000000000000', 'not-a-hash', `${hash}0`]) {
      const r = await fetch(`${server.url}/api/v1/honourees/${bad}`);
      expect(r.status).toBe(404);
      expect((await r.json()).error.code).toBe('not_found');
    }
    // An edit that changes the list: the new hash answers, the old one is gone.
    const awards = awardsOf(full);
    const segments = awards.segments.map((s) => (s.honourees === list || canonicalJson(s.honourees) === canonicalJson(list) ? { ...s, honourees: [...s.honourees, { name: 'Nguyễn Thị Hoa' }] } : s));
    const post = await fetch(`${server.url}/api/v1/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${MC_PIN}` },
      body: JSON.stringify({ type: 'upsertItem', item: { ...awards, segments } }),
    });
    expect(post.status).toBe(200);
    const newList = [...list, { name: 'Nguyễn Thị Hoa' }];
    expect((await fetch(`${server.url}/api/v1/honourees/${honoureesHash(newList)}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/honourees/${hash}`)).status).toBe(404);
  });
});
