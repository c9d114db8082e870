/**
 * Scenario 2, torn write: several controllers fire commands as fast as they can — small ones and
 * ~200 KB programme edits that span many database pages — and the server is SIGKILLed mid-burst.
 * The database file, opened read-only straight after the kill, must pass `PRAGMA integrity_check`
 * and hold every acknowledged command; the server must then boot on it and serve the replayed state.
 */
import type { CommandInput } from '@shared/commands';
import { getState, isCodedRefusal, postCommand, rng, type Sent, sleep } from './api';
import { MC_PIN, spawnServer, tempDataDir } from './child-server';
import { normalised, plain, readJournal, replayJournal } from './journal';

export interface TornWriteOptions {
  rounds: number;
  senders?: number;
  seed: number;
  log?: (line: string) => void;
}

export interface TornWriteReport {
  seed: number;
  kills: number;
  acknowledged: number;
  inFlight: number;
  inFlightLanded: number;
  commandsLost: number;
  failures: string[];
}

/** A programme edit of about `kb` kilobytes: many database pages in one transaction. */
function bigEdit(tag: string, kb: number): CommandInput {
  const line = `${tag} — Trân trọng kính mời đồng chí lên trao thưởng. `.repeat(20).slice(0, 1000);
  return {
    type: 'upsertItem',
    item: { id: 'burst-edit', kind: 'other', title: `Burst ${tag}`, durationSec: 60, script: Array.from({ length: Math.min(200, kb) }, () => line) },
  };
}

export async function runTornWrite(opts: TornWriteOptions): Promise<TornWriteReport> {
  const log = opts.log ?? (() => {});
  const r = rng(opts.seed);
  const senders = opts.senders ?? 6;
  const data = tempDataDir('torn');
  const report: TornWriteReport = { seed: opts.seed, kills: 0, acknowledged: 0, inFlight: 0, inFlightLanded: 0, commandsLost: 0, failures: [] };
  const fail = (why: string) => {
    if (!report.failures.includes(why)) report.failures.push(why);
    log(`FAIL ${why}`);
  };
  const history: Sent[] = [];
  let n = 0;
  const landed = new Set<number>();
  let server = await spawnServer({ dataDir: data.dir }).catch((error: unknown) => {
    data.remove();
    throw error;
  });
  try {
    for (let round = 0; round < opts.rounds; round++) {
      let cut = false;
      const burst = async (who: number) => {
        while (!cut) {
          const tag = `s${who}-n${++n}`;
          const command: CommandInput = who === 0 || r.chance(0.15) ? bigEdit(tag, r.int(50, 200)) : { type: 'message', text: `Tin nhắn ${tag}` };
          history.push(await postCommand(server.url, MC_PIN, command));
        }
      };
      const running = Array.from({ length: senders }, (_, i) => burst(i));
      await sleep(r.int(50, 600));
      cut = true;
      await server.kill();
      await Promise.all(running);
      report.kills++;

      // Straight after the power cut, before anything repairs it: open read-only and check.
      let journal;
      try {
        journal = readJournal(data.dir);
      } catch (error) {
        fail(`the database does not open after the kill: ${String(error)}`);
        break;
      }
      if (journal.integrity !== 'ok') fail(`integrity_check after kill ${report.kills}: ${journal.integrity}`);
      const byRevision = new Map(journal.rows.map((row) => [row.revision, row]));
      const acked = history.filter((s) => s.status === 200);
      for (const s of acked) {
        const row = byRevision.get(s.revision as number);
        if (!row || JSON.stringify(row.command) !== JSON.stringify(normalised(s.body))) {
          report.commandsLost++;
          fail(`acknowledged revision ${s.revision} is missing or different in the journal after kill ${report.kills}`);
        }
      }
      const ackedRevisions = new Set(acked.map((s) => s.revision));
      const lost = history.filter((s) => s.lost);
      const lostBodies = new Set(lost.map((s) => JSON.stringify(normalised(s.body))));
      for (const row of journal.rows) {
        if (ackedRevisions.has(row.revision)) continue;
        landed.add(row.revision);
        if (!lostBodies.has(JSON.stringify(row.command))) fail(`journal revision ${row.revision} was never sent or was refused`);
      }
      for (const s of history) if (s.status !== undefined && s.status !== 200 && !isCodedRefusal(s)) fail(`uncoded answer ${s.status}`);

      server = await spawnServer({ dataDir: data.dir, port: server.port });
      const state = await getState(server.url);
      const replayed = replayJournal(journal.rows);
      if (state.revision !== replayed.revision || JSON.stringify(plain(state.live)) !== JSON.stringify(plain(replayed.live))) {
        fail(`after kill ${report.kills} the server serves revision ${state.revision}, the journal replays to ${replayed.revision}`);
      }
      if (JSON.stringify(plain(state.programme)) !== JSON.stringify(plain(replayed.programme))) fail(`programme after kill ${report.kills} differs from the replay`);
      log(`kill ${report.kills}: journal at revision ${replayed.revision}, ${acked.length} acknowledged so far, integrity ${journal.integrity}`);
    }
  } finally {
    await server.kill();
    data.remove();
  }
  report.acknowledged = history.filter((s) => s.status === 200).length;
  report.inFlight = history.filter((s) => s.lost).length;
  report.inFlightLanded = landed.size;
  return report;
}
