/**
 * Scenario 1, power cut: drive full runs of the default programme over HTTP and SIGKILL the
 * server at random moments — several inside the film, several during the awards — restarting it
 * each time on the same DATA_DIR and port. After every restart:
 *  - every acknowledged command is in the journal, at its revision, in the order it was sent;
 *    the one command in flight at the kill may be there or not; a refused one never is;
 *  - the served state equals an independent replay of the journal with the shared core;
 *  - the running timer is within a second of the truth as the test's own clock saw it.
 */
import { commandSchema } from '@shared/commands';
import { elapsed } from '@shared/derive';
import { defaultProgramme } from '@shared/default-programme';
import { initialShowState, type ShowState } from '@shared/live';
import { applyCommand } from '@shared/reducer';
import type { Instant } from '@shared/time';
import { spawnServer, tempDataDir } from './child-server';
import { getState, isCodedRefusal, rng, type Sent, sleep } from './api';
import { AWARDS, type Driver, FILM, action, here, killDuringBoot, killPlan, send, travelTo } from './power-cut-driver';
import { normalised, plain, readJournal, replayJournal } from './journal';

export interface PowerCutOptions {
  kills: number;
  seed: number;
  log?: (line: string) => void;
}

export interface PowerCutReport {
  seed: number;
  killsSurvived: number;
  killsInFilm: number;
  killsInAwards: number;
  acknowledged: number;
  refused: number;
  inFlightLanded: number;
  inFlightDropped: number;
  commandsLost: number;
  /** Extra kills that hit the server while it was booting (replaying, snapshotting). */
  bootKills: number;
  runs: number;
  worstTimerErrorMs: number;
  failures: string[];
}

const programme = defaultProgramme();

/** The truth: the commands that took effect, applied at the midpoint of when the test saw them go. */
function truthState(effective: { sent: Sent; until: number }[]): ShowState {
  let state = initialShowState(programme);
  for (const { sent, until } of effective) {
    const out = applyCommand(state, commandSchema.parse(sent.body), Math.round((sent.sentAt + until) / 2) as Instant);
    if (out.ok) state = out.state;
  }
  return state;
}

export async function runPowerCut(opts: PowerCutOptions): Promise<PowerCutReport> {
  const log = opts.log ?? (() => {});
  const r = rng(opts.seed);
  const data = tempDataDir('powercut');
  const report: PowerCutReport = {
    seed: opts.seed, killsSurvived: 0, killsInFilm: 0, killsInAwards: 0, acknowledged: 0, refused: 0,
    inFlightLanded: 0, inFlightDropped: 0, commandsLost: 0, bootKills: 0, runs: 0, worstTimerErrorMs: 0, failures: [],
  };
  const fail = (why: string) => {
    if (report.failures.includes(why)) return;
    report.failures.push(why);
    log(`FAIL ${why}`);
  };
  /** When each lost command was cut off (its answer can never come). */
  const killedAt = new Map<Sent, number>();
  let server = await spawnServer({ dataDir: data.dir }).catch((error: unknown) => {
    data.remove();
    throw error;
  });
  const d: Driver = { server, live: (await getState(server.url)).live, history: [], counter: 0 };
  try {
    const plan = killPlan(opts.kills, r);
    report.runs = plan.length;
    for (const zones of plan) {
      for (const zone of zones) {
        await travelTo(d, zone);
        // Keep pressing in this item; the power goes at a random moment, mid-request or between.
        const cutAfter = r.int(20, 400);
        const t0 = Date.now();
        let cut = false;
        const killing = sleep(cutAfter).then(async () => {
          cut = true;
          await server.kill();
        });
        while (!cut) {
          const { command, pin } = action(d, r);
          const s = await send(d, command, pin);
          if (s.lost) killedAt.set(s, Date.now());
          if (Date.now() - t0 > 5_000) break;
          if (r.chance(0.3)) await sleep(r.int(0, 15));
        }
        await killing;
        if (zone === FILM) report.killsInFilm++;
        if (zone === AWARDS) report.killsInAwards++;
        // Now and then the power flickers again while the server is still booting.
        if (r.chance(0.25)) {
          report.bootKills += await killDuringBoot(data.dir, server.port, r.int(50, 900));
        }
        server = await spawnServer({ dataDir: data.dir, port: server.port });
        d.server = server;
        await verify();
        report.killsSurvived++;
      }
      // Finish the run so the next one starts from `reset`.
      while (d.live.phase === 'running' || d.live.phase === 'paused') {
        const s = await send(d, { type: 'next', from: here(d.live) });
        if (s.status !== 200) throw new Error(`finishing the run: ${s.status} ${s.code ?? ''}`);
      }
    }
    // And a last look after a clean run-out.
    await verify();
  } finally {
    await server.kill();
    data.remove();
  }
  report.acknowledged = d.history.filter((s) => s.status === 200).length;
  report.refused = d.history.filter((s) => s.status !== undefined && s.status !== 200).length;
  return report;

  async function verify(): Promise<void> {
    const state = await getState(server.url);
    const { integrity, rows } = readJournal(data.dir);
    if (integrity !== 'ok') fail(`integrity_check: ${integrity}`);
    // Walk what was sent against what the journal holds.
    let i = 0;
    let lost = 0;
    // A revision acknowledged to someone belongs to that command, whatever an in-flight twin looked like.
    const ackedRevisions = new Set(d.history.filter((s) => s.status === 200).map((s) => s.revision));
    const effective: { sent: Sent; until: number }[] = [];
    for (const s of d.history) {
      const row = rows[i];
      if (s.status === 200) {
        if (!row || row.revision !== s.revision || JSON.stringify(row.command) !== JSON.stringify(normalised(s.body))) {
          lost++;
          fail(`acknowledged revision ${s.revision} (${JSON.stringify(s.body)}) is not in the journal at its place (found ${row ? `${row.revision} ${JSON.stringify(row.command)}` : 'nothing'})`);
          continue;
        }
        effective.push({ sent: s, until: s.answeredAt as number });
        i++;
      } else if (s.lost) {
        const landed = !!row && !ackedRevisions.has(row.revision) && JSON.stringify(row.command) === JSON.stringify(safeNormalised(s.body));
        if (landed) {
          effective.push({ sent: s, until: killedAt.get(s) ?? Date.now() });
          i++;
        }
        if (!(s as { counted?: boolean }).counted) {
          (s as { counted?: boolean }).counted = true;
          if (landed) report.inFlightLanded++;
          else report.inFlightDropped++;
        }
      } else if (!isCodedRefusal(s)) {
        fail(`a command got neither an ack nor a coded error: ${JSON.stringify(s.body)} → ${s.status} ${s.code ?? ''}`);
      }
    }
    if (i !== rows.length) fail(`the journal holds ${rows.length - i} entries nobody sent or that were refused (from revision ${rows[i]?.revision})`);
    report.commandsLost += lost;
    // Served state = independent replay of the journal.
    let replayed: ShowState;
    try {
      replayed = replayJournal(rows);
    } catch (error) {
      fail(String(error));
      return;
    }
    if (state.revision !== replayed.revision) fail(`served revision ${state.revision}, the journal replays to ${replayed.revision}`);
    if (JSON.stringify(plain(state.live)) !== JSON.stringify(plain(replayed.live))) {
      fail(`served live state differs from the replayed one:\n served ${JSON.stringify(state.live)}\n replay ${JSON.stringify(plain(replayed.live))}`);
    }
    if (JSON.stringify(plain(state.programme)) !== JSON.stringify(plain(replayed.programme))) fail('served programme differs from the replayed one');
    // The timer, against the test's own clock.
    const truth = truthState(effective);
    if (truth.live.currentItemId !== state.live.currentItemId || truth.live.segmentIndex !== state.live.segmentIndex || truth.live.phase !== state.live.phase) {
      fail(`position after restart: served ${state.live.phase} ${state.live.currentItemId}#${state.live.segmentIndex}, truth ${truth.live.phase} ${truth.live.currentItemId}#${truth.live.segmentIndex}`);
    }
    const at = state.serverTime as Instant;
    const served = elapsed(state.live, at);
    const expected = elapsed(truth.live, at);
    if ((served === null) !== (expected === null)) fail(`timer presence differs: served ${served}, truth ${expected}`);
    else if (served !== null && expected !== null) {
      const error = Math.abs(served - expected);
      report.worstTimerErrorMs = Math.max(report.worstTimerErrorMs, error);
      if (error > 1000) fail(`running timer ${served} ms, truth ${expected} ms (off by ${error} ms)`);
    }
    d.live = state.live;
  }
}

function safeNormalised(body: unknown): unknown {
  try {
    return normalised(body);
  } catch {
    return undefined;
  }
}

