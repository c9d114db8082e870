/**
 * The storage the show service knows: an append-only command journal (which doubles as the audit
 * log) and occasional full snapshots. Two implementations pass one contract suite: SQLite for the
 * event, memory for quick tests.
 */
import type { Role } from '@shared/commands';
import type { ShowState } from '@shared/live';
import type { JournalEntry } from '@shared/reducer';
import type { RunListing } from '@shared/protocol';

/** Who sent a command: role, a human label, and the client's network address. */
export interface Actor {
  role: Role;
  label: string;
  address: string;
}

/** One accepted command as the journal keeps it. */
export interface JournalRecord extends JournalEntry {
  actor: Actor;
}

/** One run as the journal knows it (the API adds whether it is the current one). */
export type RunSummary = Omit<RunListing, 'current'>;

export interface JournalQuery {
  /** Only entries with revision > afterRevision. */
  afterRevision?: number;
  /** Only entries with revision <= toRevision. */
  toRevision?: number;
  runId?: string;
}

/** Raised by a store that cannot write; the service answers 503 `storage_unavailable`. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

export interface ShowStore {
  /** The latest snapshot (null for an empty store) and every journal entry after it, in order. */
  loadLatest(): { snapshot: ShowState | null; after: JournalRecord[] };
  /**
   * Append one entry, and the snapshot of the state it produced when `snapshot` is true, in one
   * durable transaction. Throws StorageError and writes nothing when it cannot.
   */
  append(record: JournalRecord, state: ShowState, snapshot: boolean): void;
  /** Write a snapshot on its own (a fresh store, or after a long replay at boot). */
  saveSnapshot(state: ShowState): void;
  /** The latest snapshot whose revision is at or before `revision`. */
  snapshotAtOrBefore(revision: number): ShowState | null;
  entries(query?: JournalQuery): JournalRecord[];
  /** Every run that has journal entries, oldest first. */
  runs(): RunSummary[];
  /** Fault simulation: while false every write fails as a full or read-only disk would. */
  setWritable(writable: boolean): void;
  close(): void;
}
