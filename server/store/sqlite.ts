/**
 * The event's store: better-sqlite3 in WAL mode with `synchronous = FULL`, so a commit is on disk
 * (not only in the OS cache) before the command is broadcast or acknowledged: a power cut loses
 * nothing that was acknowledged. The journal is append-only and doubles as the audit log;
 * snapshots are never deleted, so the state at the end of any earlier run can be rebuilt.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Command, Role } from '@shared/commands';
import type { Position, ShowState } from '@shared/live';
import type { Instant } from '@shared/time';
import { type JournalQuery, type JournalRecord, type NodeRecord, type RunSummary, type ShowStore, StorageError } from './store';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS journal (
  revision       INTEGER PRIMARY KEY,
  at             INTEGER NOT NULL,
  run_id         TEXT    NOT NULL,
  type           TEXT    NOT NULL,
  command        TEXT    NOT NULL,
  actor_role     TEXT    NOT NULL,
  actor_label    TEXT    NOT NULL,
  client_address TEXT    NOT NULL,
  from_position  TEXT,
  to_position    TEXT
);
CREATE INDEX IF NOT EXISTS journal_by_run ON journal (run_id, revision);
CREATE TABLE IF NOT EXISTS snapshots (
  revision INTEGER PRIMARY KEY,
  run_id   TEXT    NOT NULL,
  state    TEXT    NOT NULL
);
`;

// Backup laptop (issue 10). Separate so a database that never had a backup is not written at open
// (a full disk still boots); created on the first write that needs them.
const PAIR_SCHEMA = `
CREATE TABLE IF NOT EXISTS node (id INTEGER PRIMARY KEY CHECK (id = 1), record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS discarded (
  discarded_at INTEGER NOT NULL,
  revision     INTEGER NOT NULL,
  entry        TEXT    NOT NULL
);
`;

interface JournalRow {
  revision: number;
  at: number;
  run_id: string;
  command: string;
  actor_role: string;
  actor_label: string;
  client_address: string;
  from_position: string | null;
  to_position: string | null;
}

const toRecord = (r: JournalRow): JournalRecord => ({
  revision: r.revision,
  at: r.at as Instant,
  runId: r.run_id,
  command: JSON.parse(r.command) as Command,
  from: r.from_position === null ? null : (JSON.parse(r.from_position) as Position),
  to: r.to_position === null ? null : (JSON.parse(r.to_position) as Position),
  actor: { role: r.actor_role as Role, label: r.actor_label, address: r.client_address },
});

/** Wrap a driver failure (disk full, read-only, I/O error) as the service's StorageError. */
function guarded<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(`${what} failed: ${(error as Error).message}`, { cause: error });
  }
}

export interface SqliteStore extends ShowStore {
  /** The durability settings in force on this connection (checked by the tests). */
  settings(): { journalMode: string; synchronous: number };
}

export function openSqliteStore(file: string): SqliteStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Short: better-sqlite3 waits synchronously, so a database locked by another program (a backup
  // tool, a SQLite browser) would stall every screen for as long as this; a refused write is a 503.
  db.pragma('busy_timeout = 250');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`${file} was written by a newer Baton (schema ${version}); this one knows ${SCHEMA_VERSION}`);
  }
  // An existing database is opened without writing a byte, so a full disk still boots and serves
  // the show read-only (commands get 503 until space returns).
  db.exec(SCHEMA);
  if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);

  const insertEntry = db.prepare(
    `INSERT INTO journal (revision, at, run_id, type, command, actor_role, actor_label, client_address, from_position, to_position)
     VALUES (@revision, @at, @run_id, @type, @command, @actor_role, @actor_label, @client_address, @from_position, @to_position)`,
  );
  const upsertSnapshot = db.prepare('INSERT OR REPLACE INTO snapshots (revision, run_id, state) VALUES (?, ?, ?)');
  const latestSnapshot = db.prepare<[], { state: string }>('SELECT state FROM snapshots ORDER BY revision DESC LIMIT 1');
  const snapshotBefore = db.prepare<[number], { state: string }>(
    'SELECT state FROM snapshots WHERE revision <= ? ORDER BY revision DESC LIMIT 1',
  );
  const selectRuns = db.prepare<[], RunSummary>(
    `SELECT run_id AS runId, MIN(revision) AS firstRevision, MAX(revision) AS lastRevision,
            MIN(at) AS firstAt, MAX(at) AS lastAt, COUNT(*) AS commands
       FROM journal GROUP BY run_id ORDER BY MIN(revision)`,
  );

  const saveSnapshot = (state: ShowState) => upsertSnapshot.run(state.revision, state.live.runId, JSON.stringify(state));
  const appendTx = db.transaction((record: JournalRecord, state: ShowState, snapshot: boolean) => {
    insertEntry.run({
      revision: record.revision,
      at: record.at,
      run_id: record.runId,
      type: record.command.type,
      command: JSON.stringify(record.command),
      actor_role: record.actor.role,
      actor_label: record.actor.label,
      client_address: record.actor.address,
      from_position: record.from === null ? null : JSON.stringify(record.from),
      to_position: record.to === null ? null : JSON.stringify(record.to),
    });
    if (snapshot) saveSnapshot(state);
  });

  const hasTable = (name: string) => db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get('table', name) !== undefined;
  const pairTables = () => {
    if (!hasTable('node') || !hasTable('discarded')) db.exec(PAIR_SCHEMA);
  };
  const discardTx = db.transaction((revision: number) => {
    pairTables();
    const moved = db
      .prepare(`INSERT INTO discarded (discarded_at, revision, entry) SELECT ?, revision, json_object('at', at, 'runId', run_id, 'command', json(command), 'role', actor_role, 'label', actor_label) FROM journal WHERE revision > ?`)
      .run(Date.now(), revision).changes;
    db.prepare('DELETE FROM journal WHERE revision > ?').run(revision);
    db.prepare('DELETE FROM snapshots WHERE revision > ?').run(revision);
    return moved;
  });

  const appendManyTx = db.transaction((items: readonly { record: JournalRecord; state: ShowState; snapshot: boolean }[]) => {
    for (const it of items) appendTx(it.record, it.state, it.snapshot);
  });

  function entries(query: JournalQuery = {}): JournalRecord[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const when = (clause: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      params.push(value);
    };
    when('revision > ?', query.afterRevision);
    when('revision <= ?', query.toRevision);
    when('run_id = ?', query.runId);
    const sql = `SELECT * FROM journal ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY revision`;
    return db.prepare<(string | number)[], JournalRow>(sql).all(...params).map(toRecord);
  }

  return {
    loadLatest() {
      const row = latestSnapshot.get();
      const snapshot = row ? (JSON.parse(row.state) as ShowState) : null;
      return { snapshot, after: entries({ afterRevision: snapshot?.revision ?? -1 }) };
    },
    append(record, state, snapshot) {
      guarded('writing the journal', () => appendTx(record, state, snapshot));
    },
    appendMany(items) {
      guarded('writing the journal', () => appendManyTx(items));
    },
    saveSnapshot(state) {
      guarded('writing a snapshot', () => saveSnapshot(state));
    },
    snapshotAtOrBefore(revision) {
      const row = snapshotBefore.get(revision);
      return row ? (JSON.parse(row.state) as ShowState) : null;
    },
    entries,
    runs: () => selectRuns.all(),
    discardAfter(revision) {
      return guarded('discarding journal entries', () => discardTx(revision));
    },
    readNode() {
      if (!hasTable('node')) return null;
      const row = db.prepare<[], { record: string }>('SELECT record FROM node WHERE id = 1').get();
      return row ? (JSON.parse(row.record) as NodeRecord) : null;
    },
    writeNode(record) {
      guarded('writing the node record', () => {
        pairTables();
        db.prepare('INSERT OR REPLACE INTO node (id, record) VALUES (1, ?)').run(JSON.stringify(record));
      });
    },
    setWritable(on) {
      // query_only makes every write fail with SQLITE_READONLY, exactly as a read-only disk would.
      db.pragma(`query_only = ${on ? 'OFF' : 'ON'}`);
    },
    settings: () => ({
      journalMode: db.pragma('journal_mode', { simple: true }) as string,
      synchronous: db.pragma('synchronous', { simple: true }) as number,
    }),
    close() {
      if (db.open) db.close();
    },
  };
}
