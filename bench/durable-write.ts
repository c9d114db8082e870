// How much of a GO is the durable write: time one journal-sized append in its own transaction,
// with synchronous = FULL (what Baton uses) and OFF (for comparison), in WAL mode on this disk.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentiles, type Percentiles } from './stats';

export function measureDurableWrite(count: number): { full: Percentiles; off: Percentiles } {
  const run = (sync: 'FULL' | 'OFF') => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-fsync-'));
    const db = new Database(join(dir, 'bench.db'));
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${sync}`);
    db.exec('CREATE TABLE journal (revision INTEGER PRIMARY KEY, at INTEGER, command TEXT)');
    const insert = db.prepare('INSERT INTO journal (revision, at, command) VALUES (?, ?, ?)');
    const append = db.transaction((rev: number) => insert.run(rev, Date.now(), JSON.stringify({ type: 'next', from: { itemId: 'phim-bao-cao', segmentIndex: null } })));
    const times: number[] = [];
    for (let i = 1; i <= count; i++) {
      const t = performance.now();
      append(i);
      times.push(performance.now() - t);
    }
    db.close();
    rmSync(dir, { recursive: true, force: true });
    return percentiles(times);
  };
  return { full: run('FULL'), off: run('OFF') };
}
