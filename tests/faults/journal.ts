/**
 * The journal as the database holds it, read straight from the SQLite file (read-only, as a
 * backup tool or an auditor would), and an independent replay of it with the shared core.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Command, commandSchema } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import { initialShowState, type ShowState } from '@shared/live';
import { applyCommand } from '@shared/reducer';
import type { Instant } from '@shared/time';
import { DATABASE_FILE } from '../../server/app';

export interface Row {
  revision: number;
  at: number;
  runId: string;
  command: Command;
  role: string;
  label: string;
}

export const databaseFile = (dataDir: string) => join(dataDir, DATABASE_FILE);

/** Open read-only, check integrity, read every journal row. */
export function readJournal(dataDir: string): { integrity: string; rows: Row[] } {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const rows = db
      .prepare<[], { revision: number; at: number; run_id: string; command: string; actor_role: string; actor_label: string }>(
        'SELECT revision, at, run_id, command, actor_role, actor_label FROM journal ORDER BY revision',
      )
      .all()
      .map((r) => ({ revision: r.revision, at: r.at, runId: r.run_id, command: JSON.parse(r.command) as Command, role: r.actor_role, label: r.actor_label }));
    return { integrity, rows };
  } finally {
    db.close();
  }
}

/** Replay the whole journal from the seed with the pure reducer; throws on a gap or a refusal. */
export function replayJournal(rows: readonly Row[], seed: ShowState = initialShowState(defaultProgramme())): ShowState {
  let state = seed;
  for (const row of rows) {
    if (row.revision !== state.revision + 1) throw new Error(`journal gap: revision ${row.revision} follows ${state.revision}`);
    const out = applyCommand(state, commandSchema.parse(row.command), row.at as Instant);
    if (!out.ok) throw new Error(`journal entry ${row.revision} (${row.command.type}) does not replay: ${out.error.code} ${out.error.message}`);
    state = out.state;
  }
  return state;
}

/** JSON round trip: what travels and what is stored, without undefined fields. */
export const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The parsed (normalised) form of what a client sent, as the journal stores it. */
export const normalised = (body: unknown): Command => plain(commandSchema.parse(body));
