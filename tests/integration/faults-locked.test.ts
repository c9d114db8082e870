import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/app';
import { boot, MC_PIN } from './helpers';

// [S17] Another program holding a write lock on the live database file (a backup tool, a SQLite
// browser) costs a refused command (503), never a lost or half-written one, and the show carries on
// as soon as the lock is released.
describe('a database locked by another program', () => {
  let server: Awaited<ReturnType<typeof boot>>;
  beforeAll(async () => {
    server = await boot();
  });
  afterAll(() => server.stop());

  const post = (body: object) =>
    fetch(`${server.url}/api/v1/commands`, { method: 'POST', headers: { authorization: `Bearer ${MC_PIN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('[S17] commands are refused with 503 after the 250 ms wait while the lock is held, state is still served, and the next command after it works', async () => {
    expect((await post({ type: 'start' })).status).toBe(200);
    const other = new Database(join(server.dataDir, DATABASE_FILE));
    other.pragma('busy_timeout = 0');
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const t = performance.now();
      const refused = await post({ type: 'next' });
      const waited = performance.now() - t;
      console.log(`[locked] a command waited ${Math.round(waited)} ms before its 503`);
      expect(refused.status).toBe(503);
      // The store waits 250 ms for the lock to go (a backup tool's short write would pass), then
      // gives up: never less (a give-up at once refuses needlessly), and not whole seconds (the MC is waiting).
      expect(waited).toBeGreaterThanOrEqual(240);
      expect(waited).toBeLessThan(2000);
      expect((await refused.json()).error.code).toBe('storage_unavailable');
      const state = await (await fetch(`${server.url}/api/v1/state`)).json();
      expect(state.revision).toBe(1);
      expect(state.live.currentItemId).toBe('don-tiep');
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    const accepted = await post({ type: 'next' });
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).revision).toBe(2);
  });
});
