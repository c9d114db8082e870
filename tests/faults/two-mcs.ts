/**
 * Scenario 6, two MCs: two consoles press GO at the same instant for the same position — over
 * Socket.IO with `from` (an AV action racing alongside sometimes), then over HTTP with the same
 * `expectedRevision` — again and again, with a `reset` whenever the show finishes. Each time the
 * show must advance exactly once: one GO accepted, the other refused as `stale`, one journal entry.
 */
import type { CommandAck } from '@shared/protocol';
import { isApiError } from '@shared/protocol';
import { positionsOf } from '@shared/reducer';
import { defaultProgramme } from '@shared/default-programme';
import { samePosition, type LiveState } from '@shared/live';
import { getState, postCommand, rng } from './api';
import { AV_PIN, MC_PIN, spawnServer, tempDataDir } from './child-server';
import { readJournal } from './journal';
import { command, connected, openScreen } from './sockets';

export interface TwoMcsReport {
  seed: number;
  rounds: number;
  advancedOnce: number;
  resets: number;
  failures: string[];
}

const positions = positionsOf(defaultProgramme());
const indexOf = (live: LiveState) =>
  live.phase === 'finished' ? positions.length : positions.findIndex((p) => samePosition(p, { itemId: live.currentItemId as string, segmentIndex: live.segmentIndex }));

export async function runTwoMcs(opts: { rounds: number; seed: number; log?: (l: string) => void }): Promise<TwoMcsReport> {
  const r = rng(opts.seed);
  const report: TwoMcsReport = { seed: opts.seed, rounds: 0, advancedOnce: 0, resets: 0, failures: [] };
  const fail = (why: string) => {
    if (!report.failures.includes(why)) report.failures.push(why);
    opts.log?.(`FAIL ${why}`);
  };
  const data = tempDataDir('two-mcs');
  const server = await spawnServer({ dataDir: data.dir }).catch((error: unknown) => {
    data.remove();
    throw error;
  });
  const a = openScreen(server.url, { pin: MC_PIN, label: 'MC console A' });
  const b = openScreen(server.url, { pin: MC_PIN, label: 'MC console B' });
  const booth = openScreen(server.url, { pin: AV_PIN, label: 'AV booth' });
  try {
    await Promise.all([connected(a), connected(b), connected(booth)]);
    for (const mode of ['from', 'expectedRevision'] as const) {
      for (let i = 0; i < opts.rounds; i++) {
        let before = await getState(server.url);
        if (before.live.phase === 'finished' || before.live.phase === 'ready') {
          await command(a, { type: before.live.phase === 'finished' ? 'reset' : 'start' });
          if (before.live.phase === 'finished') {
            report.resets++;
            await command(a, { type: 'start' });
          }
          before = await getState(server.url);
        }
        const journalBefore = readJournal(data.dir).rows.length;
        const from = { itemId: before.live.currentItemId as string, segmentIndex: before.live.segmentIndex };
        let answers: { ok: boolean; code?: string | undefined }[];
        let extra = 0;
        if (mode === 'from') {
          // Same tick, two consoles; sometimes the booth changes something in between.
          const sideAction = r.chance(0.5);
          const sends: Promise<CommandAck>[] = [command(a, { type: 'next', from }), command(b, { type: 'next', from })];
          if (sideAction) sends.splice(1, 0, command(booth, { type: 'lowerThird', mode: r.pick(['show', 'hide', 'auto'] as const) }));
          const acks = await Promise.all(sends);
          if (sideAction) {
            const side = acks.splice(1, 1)[0];
            if (side && !isApiError(side)) extra = 1;
          }
          answers = acks.map((x) => (isApiError(x) ? { ok: false, code: x.error.code } : { ok: true }));
        } else {
          const body = { type: 'next', expectedRevision: before.revision };
          const sent = await Promise.all([postCommand(server.url, MC_PIN, body), postCommand(server.url, MC_PIN, body)]);
          answers = sent.map((s) => ({ ok: s.status === 200, code: s.code }));
        }
        report.rounds++;
        const after = await getState(server.url);
        const accepted = answers.filter((x) => x.ok).length;
        const stale = answers.filter((x) => x.code === 'stale').length;
        const moved = indexOf(after.live) - indexOf(before.live);
        const journalAfter = readJournal(data.dir).rows.length;
        if (accepted !== 1 || stale !== 1) fail(`${mode} round ${i}: ${accepted} GO accepted, ${stale} refused as stale (${JSON.stringify(answers)})`);
        else if (moved !== 1) fail(`${mode} round ${i}: the show moved ${moved} positions`);
        else if (after.revision !== before.revision + 1 + extra || journalAfter !== journalBefore + 1 + extra) {
          fail(`${mode} round ${i}: revision ${before.revision} → ${after.revision}, journal +${journalAfter - journalBefore} (side action ${extra})`);
        } else report.advancedOnce++;
      }
    }
  } finally {
    for (const s of [a, b, booth]) s.socket.close();
    await server.kill();
    data.remove();
  }
  return report;
}
