/**
 * Rebuilding state from storage: the latest snapshot plus the journal after it (boot), or the
 * state at the end of an earlier run (its report). Replay runs the same pure reducer with each
 * entry's own timestamp, so it lands exactly where the live server was.
 */
import { applyCommand } from '@shared/reducer';
import type { ShowState } from '@shared/live';
import type { Instant } from '@shared/time';
import type { JournalRecord, ShowStore } from './store';

export function replay(base: ShowState, entries: readonly JournalRecord[]): ShowState {
  let state = base;
  for (const entry of entries) {
    if (entry.revision <= state.revision) continue;
    const result = applyCommand(state, entry.command, entry.at);
    if (!result.ok || result.state.revision !== entry.revision) {
      const why = result.ok ? `it gave revision ${result.state.revision}` : `${result.error.code}: ${result.error.message}`;
      throw new Error(`journal entry ${entry.revision} (${entry.command.type}) does not replay on revision ${state.revision}: ${why}`);
    }
    state = result.state;
  }
  return state;
}

/**
 * The state to serve at boot. An empty store is seeded with `seed()` as the snapshot at revision
 * 0; a long replay is followed by a fresh snapshot so the next boot is quick.
 */
export function loadShowState(store: ShowStore, seed: () => ShowState, snapshotAfter = 100): { state: ShowState; replayed: number } {
  const { snapshot, after } = store.loadLatest();
  if (!snapshot) {
    if (after.length > 0) throw new Error('the journal has entries but no snapshot to replay them on');
    const state = seed();
    store.saveSnapshot(state);
    return { state, replayed: 0 };
  }
  const state = replay(snapshot, after);
  if (after.length >= snapshotAfter) store.saveSnapshot(state);
  return { state, replayed: after.length };
}

/**
 * The state at the end of an earlier run (just before the `reset` that ended it) and when that
 * reset came (null if the run did not end with one), or null for an unknown run.
 */
export function stateAtEndOfRun(store: ShowStore, runId: string): { state: ShowState; endedAt: Instant | null } | null {
  const mine = store.entries({ runId });
  const last = mine.at(-1);
  if (!last) return null;
  const target = last.command.type === 'reset' ? last.revision - 1 : last.revision;
  const base = store.snapshotAtOrBefore(target);
  if (!base) return null;
  const state = replay(base, store.entries({ afterRevision: base.revision, toRevision: target }));
  return { state, endedAt: last.command.type === 'reset' ? last.at : null };
}
