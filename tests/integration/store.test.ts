import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { commandSchema, type CommandInput } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import { initialShowState, type ShowState } from '@shared/live';
import { applyCommand } from '@shared/reducer';
import { type Instant, instant } from '@shared/time';
import { createMemoryStore } from '../../server/store/memory';
import { loadShowState, stateAtEndOfRun } from '../../server/store/replay';
import { openSqliteStore } from '../../server/store/sqlite';
import { type ShowStore, StorageError } from '../../server/store/store';
import { tempDir } from './helpers';

const actor = { role: 'mc' as const, label: 'contract', address: '127.0.0.1' };
const seed = () => initialShowState(defaultProgramme());

/** Apply and append like the service does; returns the new state. */
function drive(store: ShowStore, state: ShowState, inputs: CommandInput[], at: { t: number }, snapshotEvery = 1000): ShowState {
  for (const input of inputs) {
    at.t += 1000;
    const r = applyCommand(state, commandSchema.parse(input), instant(at.t));
    if (!r.ok) throw new Error(`${input.type}: ${r.error.message}`);
    store.append({ ...r.entry, actor }, r.state, input.type === 'reset' || r.state.revision % snapshotEvery === 0);
    state = r.state;
  }
  return state;
}

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function contract(name: string, open: () => { store: ShowStore; reopen?: () => ShowStore }) {
  describe(`[S14] store contract: ${name}`, () => {
    it('[S14] an empty store boots the seed as a snapshot at revision 0', () => {
      const { store } = open();
      const { state, replayed } = loadShowState(store, seed);
      expect(state.revision).toBe(0);
      expect(replayed).toBe(0);
      expect(store.loadLatest().snapshot?.revision).toBe(0);
      expect(store.entries()).toEqual([]);
      store.close();
    });

    it('[S14] appended entries come back in order with their actor, and boot replays them exactly', () => {
      const { store } = open();
      const at = { t: 1_705_537_800_000 };
      const base = loadShowState(store, seed).state;
      const end = drive(store, base, [{ type: 'start' }, { type: 'next' }, { type: 'message', text: 'Còn 1 phút' }, { type: 'pause' }], at);
      const entries = store.entries();
      expect(entries.map((e) => e.revision)).toEqual([1, 2, 3, 4]);
      expect(entries[2]).toMatchObject({ command: { type: 'message', text: 'Còn 1 phút' }, actor, runId: 'run-1' });
      expect(loadShowState(store, seed).state).toEqual(end);
      store.close();
    });

    it('[S14] a duplicate revision is refused and changes nothing', () => {
      const { store } = open();
      const base = loadShowState(store, seed).state;
      const r = applyCommand(base, commandSchema.parse({ type: 'start' }), instant(1) as Instant);
      if (!r.ok) throw new Error('start refused');
      store.append({ ...r.entry, actor }, r.state, false);
      expect(() => store.append({ ...r.entry, actor }, r.state, false)).toThrow(StorageError);
      expect(store.entries()).toHaveLength(1);
      store.close();
    });

    it('[S14] while not writable every write throws StorageError and nothing is kept; writes resume after', () => {
      const { store } = open();
      const base = loadShowState(store, seed).state;
      const r = applyCommand(base, commandSchema.parse({ type: 'start' }), instant(5));
      if (!r.ok) throw new Error('start refused');
      store.setWritable(false);
      expect(() => store.append({ ...r.entry, actor }, r.state, true)).toThrow(StorageError);
      expect(() => store.saveSnapshot(r.state)).toThrow(StorageError);
      expect(store.entries()).toEqual([]);
      expect(store.loadLatest().snapshot?.revision).toBe(0);
      store.setWritable(true);
      store.append({ ...r.entry, actor }, r.state, false);
      expect(store.entries()).toHaveLength(1);
      store.close();
    });

    it('[S14] snapshots at resets let an earlier run be rebuilt; runs are listed oldest first', () => {
      const { store } = open();
      const at = { t: 1_705_537_800_000 };
      let state = loadShowState(store, seed).state;
      state = drive(store, state, [{ type: 'start' }, { type: 'next' }, { type: 'next' }], at);
      const endOfRun1 = state;
      state = drive(store, state, [{ type: 'reset' }, { type: 'start' }], at, 2);
      expect(store.runs().map((r) => [r.runId, r.firstRevision, r.lastRevision, r.commands])).toEqual([
        ['run-1', 1, 4, 4],
        ['run-2', 5, 5, 1],
      ]);
      expect(stateAtEndOfRun(store, 'run-1')).toEqual({ state: endOfRun1, endedAt: store.entries({ runId: 'run-1' }).at(-1)?.at });
      expect(stateAtEndOfRun(store, 'run-9')).toBeNull();
      expect(store.snapshotAtOrBefore(4)?.revision).toBe(4);
      expect(loadShowState(store, seed).state).toEqual(state);
      expect(store.loadLatest().after.map((e) => e.revision)).toEqual([5]);
      store.close();
    });
    it('[B6] discardAfter takes later entries and snapshots out in one step; the node record round-trips; appendMany is all or nothing', () => {
      const { store } = open();
      const at = { t: 1_705_537_800_000 };
      const base = loadShowState(store, seed).state;
      drive(store, base, [{ type: 'start' }, { type: 'next' }, { type: 'message', text: 'a' }, { type: 'pause' }], at, 2);
      expect(store.discardAfter(2)).toBe(2);
      expect(store.entries().map((e) => e.revision)).toEqual([1, 2]);
      expect(loadShowState(store, seed).state.revision).toBe(2);
      expect(store.readNode()).toBeNull();
      const node = { role: 'backup' as const, epoch: 3, epochs: [{ epoch: 1, fromRevision: 0 }, { epoch: 3, fromRevision: 2 }], primaryUrl: 'http://127.0.0.1:4310', peers: ['http://127.0.0.1:4311'] };
      store.writeNode(node);
      expect(store.readNode()).toEqual(node);
      const state = loadShowState(store, seed).state;
      const r = applyCommand(state, { type: 'pause' }, instant(at.t + 1000));
      if (!r.ok) throw new Error('pause');
      expect(() => store.appendMany([{ record: { ...r.entry, actor }, state: r.state, snapshot: false }, { record: { ...r.entry, actor }, state: r.state, snapshot: false }])).toThrow(StorageError);
      expect(store.entries().map((e) => e.revision)).toEqual([1, 2]);
      store.appendMany([{ record: { ...r.entry, actor }, state: r.state, snapshot: true }]);
      expect(store.entries().map((e) => e.revision)).toEqual([1, 2, 3]);
      store.close();
    });
  });
}

contract('memory', () => ({ store: createMemoryStore() }));
contract('sqlite', () => {
  const dir = tempDir();
  dirs.push(dir);
  return { store: openSqliteStore(`${dir.path}/baton.sqlite`) };
});

describe('[S9] sqlite durability settings', () => {
  it('[S9] the database runs in WAL mode with synchronous = FULL, and survives reopening', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = `${dir.path}/baton.sqlite`;
    const store = openSqliteStore(file);
    const at = { t: 1_705_537_800_000 };
    const state = drive(store, loadShowState(store, seed).state, [{ type: 'start' }, { type: 'addTime', seconds: 60 }], at);
    // A second connection sees the committed data (it is in the database, not a cache).
    const peek = new Database(file, { readonly: true });
    expect(peek.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((peek.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n).toBe(2);
    peek.close();
    store.close();
    const again = openSqliteStore(file);
    expect(loadShowState(again, seed).state).toEqual(state);
    again.close();
  });

  it('[S9] synchronous is FULL (2) on the store connection, journal in WAL mode', () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openSqliteStore(`${dir.path}/baton.sqlite`);
    expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: 2 });
    store.close();
  });
});
