/**
 * The storage the show service knows: an append-only command journal (which doubles as the audit
 * log) and occasional full snapshots. Two implementations pass one contract suite: SQLite for the
 * event, memory for quick tests.
 */
import type { Role } from '@shared/commands';
import type { ShowState } from '@shared/live';
import type { JournalEntry } from '@shared/reducer';
import type { EpochStart, RunListing } from '@shared/protocol';

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

/**
 * This machine's place in a primary/backup pair, kept in the same database as the journal so a
 * promotion (a new epoch) is as durable as the commands it fences.
 */
export interface NodeRecord {
  role: 'primary' | 'backup';
  epoch: number;
  /** Where each epoch began (entries after `fromRevision` were written in it), oldest first. */
  epochs: EpochStart[];
  /** The primary this node follows (backup), or followed before its promotion. */
  primaryUrl: string | null;
  /** Other machines of the pair seen so far (attached backups, former primaries): probed for a higher epoch. */
  peers: string[];
}

export interface ShowStore {
  /** The latest snapshot (null for an empty store) and every journal entry after it, in order. */
  loadLatest(): { snapshot: ShowState | null; after: JournalRecord[] };
  /**
   * Append one entry, and the snapshot of the state it produced when `snapshot` is true, in one
   * durable transaction. Throws StorageError and writes nothing when it cannot.
   */
  append(record: JournalRecord, state: ShowState, snapshot: boolean): void;
  /** Several appends in one durable transaction (a backup catching up): all or nothing. */
  appendMany(items: readonly { record: JournalRecord; state: ShowState; snapshot: boolean }[]): void;
  /** Write a snapshot on its own (a fresh store, or after a long replay at boot). */
  saveSnapshot(state: ShowState): void;
  /** The latest snapshot whose revision is at or before `revision`. */
  snapshotAtOrBefore(revision: number): ShowState | null;
  entries(query?: JournalQuery): JournalRecord[];
  /** Every run that has journal entries, oldest first. */
  runs(): RunSummary[];
  /**
   * Take every journal entry after `revision` out of the journal (kept aside in a discard table
   * for the record) and drop later snapshots, in one transaction; returns how many entries moved.
   * Only an old primary rejoining as a backup does this: those entries were never acknowledged.
   */
  discardAfter(revision: number): number;
  readNode(): NodeRecord | null;
  writeNode(node: NodeRecord): void;
  /** Fault simulation: while false every write fails as a full or read-only disk would. */
  setWritable(writable: boolean): void;
  close(): void;
}
