/**
 * The one store. The socket module writes into it from outside React; screens read through
 * narrow selectors (`useShallow` for objects) and never write except through the actions below.
 */
import { create } from 'zustand';
import type { Role } from '@shared/commands';
import type { Slot } from '@shared/derive';
import type { LiveState } from '@shared/live';
import type { Programme } from '@shared/programme';
import { applyPatch } from '@shared/patch';
import type { NodeStatus, RecordTail, Snapshot, StateMessage } from '@shared/protocol';
import type { RunRecord } from '@shared/record';
import type { Readiness } from '@shared/readiness';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

export interface ShowStore {
  programme: Programme | null;
  /** [D1] The version (content hash) of `programme`, the base the next patch must name; null when unknown. */
  programmeVersion: string | null;
  live: LiveState | null;
  record: RunRecord | null;
  /** The readiness board (RB2); null until a server that sends it says so. */
  readiness: Readiness | null;
  revision: number;
  now: Slot | null;
  next: Slot | null;
  connection: { status: ConnectionStatus; since: number };
  /** Add to `Date.now()` to get server time; rtt null until measured (offset then from the snapshot). */
  clock: { offset: number; rtt: number | null };
  role: Role | null;
  authError: 'wrong_pin' | 'too_many_attempts' | 'protocol' | null;
  /**
   * The server this page follows (its origin), what it says it is (null until it says: a
   * one-laptop server never does), and every server address the page knows (for failover).
   */
  server: { url: string; node: NodeStatus | null; known: string[] };
}

export const useShow = create<ShowStore>()(() => ({
  programme: null,
  programmeVersion: null,
  live: null,
  record: null,
  readiness: null,
  revision: -1,
  now: null,
  next: null,
  connection: { status: 'connecting', since: Date.now() },
  clock: { offset: 0, rtt: null },
  role: null,
  authError: null,
  server: { url: '', node: null, known: [] },
}));

const set = useShow.setState;
const get = useShow.getState;

/**
 * Takes a full snapshot. Returns false (and changes nothing) for one older than what we hold on
 * this connection: a late answer to a resync that newer state messages have overtaken.
 */
export function applySnapshot(s: Snapshot): boolean {
  if (s.revision < get().revision) return false;
  set({ programme: s.programme, programmeVersion: s.programmeVersion ?? null, live: s.live, record: s.record, revision: s.revision, now: s.now, next: s.next, ...(s.readiness ? { readiness: s.readiness } : {}) });
  return true;
}

/**
 * [B21] A new connection — to another server after a failover, or to the same one after a
 * restart — resets the revision baseline: that server's first snapshot is the truth even when its
 * revision is lower than ours (a command the dead primary broadcast but never got acknowledged by
 * its backup is lost with it). Everything else stays, so countdowns run on until the snapshot.
 */
export function connectedTo(url: string): void {
  const { server } = get();
  set({ revision: -1, server: { ...server, url, node: server.url === url ? server.node : null } });
}

export const setNode = (node: NodeStatus | null): void => set({ server: { ...get().server, node } });
export const setKnownServers = (known: string[]): void => set({ server: { ...get().server, known } });

/**
 * Applies one change. Returns false on a revision gap, or [D2] a patch whose base is not the
 * programme we hold: the caller must ask for a snapshot (nothing is changed).
 */
export function applyStateMessage(m: StateMessage): boolean {
  const { revision, record, programme, programmeVersion } = get();
  if (m.revision <= revision) return true; // already have it (a duplicate after resync)
  if (m.revision !== revision + 1) return false;
  const nextRecord = m.recordTail ? mergeTail(record, m.recordTail) : record;
  if (nextRecord === undefined) return false;
  let programmeChange: Partial<ShowStore> = {};
  if (m.patch) {
    const patched = programme ? applyPatch(programme, programmeVersion, m.patch) : null;
    if (!patched?.ok) return false;
    programmeChange = { programme: patched.programme, programmeVersion: patched.version };
  } else if (m.programme) {
    programmeChange = { programme: m.programme, programmeVersion: m.programmeVersion ?? null };
  }
  set({
    revision: m.revision,
    live: m.live,
    now: m.now,
    next: m.next,
    record: nextRecord,
    ...programmeChange,
    ...(m.readiness ? { readiness: m.readiness } : {}),
  });
  return true;
}

/** Folds a record delta in; undefined when it does not fit what we hold (then resync). */
function mergeTail(record: RunRecord | null, tail: RecordTail): RunRecord | undefined {
  if (!record || record.runId !== tail.runId) {
    return tail.from === 0 ? { runId: tail.runId, visits: tail.visits } : undefined;
  }
  if (tail.from > record.visits.length) return undefined;
  return { runId: record.runId, visits: [...record.visits.slice(0, tail.from), ...tail.visits] };
}

export function setConnection(status: ConnectionStatus): void {
  const current = get().connection;
  if (current.status === status) return;
  // "reconnecting" and "offline" count from the moment the link was lost, not from the relabel.
  const keepSince = current.status !== 'online' && status !== 'online' && current.status !== 'connecting';
  set({ connection: { status, since: keepSince ? current.since : Date.now() } });
}

export const setClock = (offset: number, rtt: number | null): void => set({ clock: { offset, rtt } });
export const setRole = (role: Role | null): void => set({ role, authError: null });
export const setAuthError = (authError: ShowStore['authError']): void => set({ authError, role: null });
export const clearAuthError = (): void => set({ authError: null });
