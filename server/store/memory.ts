/** An in-memory ShowStore: same contract as SQLite, values copied in and out like a real store. */
import type { ShowState } from '@shared/live';
import { type JournalQuery, type JournalRecord, type NodeRecord, type RunSummary, type ShowStore, StorageError } from './store';

export function createMemoryStore(): ShowStore {
  const journal: JournalRecord[] = [];
  const snapshots: ShowState[] = [];
  const discarded: JournalRecord[] = [];
  let node: NodeRecord | null = null;
  let writable = true;
  const copy = <T>(x: T): T => structuredClone(x);
  const mustWrite = () => {
    if (!writable) throw new StorageError('the store is read-only');
  };
  const putSnapshot = (state: ShowState) => {
    const at = snapshots.findIndex((s) => s.revision >= state.revision);
    if (at >= 0 && snapshots[at]?.revision === state.revision) snapshots[at] = copy(state);
    else if (at >= 0) snapshots.splice(at, 0, copy(state));
    else snapshots.push(copy(state));
  };

  const store: ShowStore = {
    loadLatest() {
      const snapshot = snapshots.at(-1) ?? null;
      const after = snapshot ? journal.filter((e) => e.revision > snapshot.revision) : copy(journal);
      return { snapshot: snapshot && copy(snapshot), after: copy(after) };
    },
    append(record, state, snapshot) {
      mustWrite();
      const last = journal.at(-1);
      if (last && record.revision <= last.revision) throw new StorageError(`revision ${record.revision} is already in the journal`);
      journal.push(copy(record));
      if (snapshot) putSnapshot(state);
    },
    appendMany(items) {
      mustWrite();
      // Checked up front so a bad batch writes nothing, as SQLite's transaction does.
      let previous = journal.at(-1)?.revision ?? 0;
      for (const it of items) {
        if (it.record.revision <= previous) throw new StorageError(`revision ${it.record.revision} is already in the journal`);
        previous = it.record.revision;
      }
      for (const it of items) store.append(it.record, it.state, it.snapshot);
    },
    saveSnapshot(state) {
      mustWrite();
      putSnapshot(state);
    },
    snapshotAtOrBefore(revision) {
      const found = snapshots.filter((s) => s.revision <= revision).at(-1);
      return found ? copy(found) : null;
    },
    entries(query: JournalQuery = {}) {
      return copy(
        journal.filter(
          (e) =>
            (query.afterRevision === undefined || e.revision > query.afterRevision) &&
            (query.toRevision === undefined || e.revision <= query.toRevision) &&
            (query.runId === undefined || e.runId === query.runId),
        ),
      );
    },
    runs() {
      const byRun = new Map<string, RunSummary>();
      for (const e of journal) {
        const r = byRun.get(e.runId);
        if (r) Object.assign(r, { lastRevision: e.revision, lastAt: e.at, commands: r.commands + 1 });
        else byRun.set(e.runId, { runId: e.runId, firstRevision: e.revision, lastRevision: e.revision, firstAt: e.at, lastAt: e.at, commands: 1 });
      }
      return [...byRun.values()].sort((a, b) => a.firstRevision - b.firstRevision);
    },
    discardAfter(revision) {
      mustWrite();
      const at = journal.findIndex((e) => e.revision > revision);
      const moved = at < 0 ? [] : journal.splice(at);
      discarded.push(...moved);
      for (let i = snapshots.length - 1; i >= 0; i--) if ((snapshots[i]?.revision ?? 0) > revision) snapshots.splice(i, 1);
      return moved.length;
    },
    readNode: () => (node ? copy(node) : null),
    writeNode(record) {
      mustWrite();
      node = copy(record);
    },
    setWritable(on) {
      writable = on;
    },
    close() {},
  };
  return store;
}
