/**
 * `npm run soak`: the long version of the fault suite — every scenario with bigger counts — and a
 * summary with the figures docs/reliability.md quotes. Exit code 1 if anything failed.
 * Options: FAULTS_SEED=<n> replays a run; SOAK_SCALE=<x> multiplies the counts (default 1).
 */
import { seedFromEnv } from './api';
import { runAuthAbuse } from './auth-abuse';
import { type DiskReport, runDiskFull, runReadOnly } from './disk';
import { runHostile } from './hostile';
import { runPowerCut } from './power-cut';
import { runStorm } from './storm';
import { runTornWrite } from './torn-write';
import { runTwoMcs } from './two-mcs';

const scale = Number(process.env.SOAK_SCALE ?? 1) || 1;
const n = (x: number) => Math.max(1, Math.round(x * scale));
const seed = seedFromEnv();
const summary: string[] = [];
let failed = 0;
const started = Date.now();

async function scenario(name: string, run: () => Promise<{ failures: string[]; line: string }>): Promise<void> {
  const t = Date.now();
  console.log(`\n— ${name} —`);
  try {
    const { failures, line } = await run();
    const secs = ((Date.now() - t) / 1000).toFixed(0);
    summary.push(`${failures.length ? 'FAIL' : 'ok  '} ${name} (${secs} s): ${line}`);
    if (failures.length) {
      failed++;
      for (const f of failures.slice(0, 10)) console.log(`  ${f}`);
    }
  } catch (error) {
    failed++;
    summary.push(`FAIL ${name}: ${String(error).slice(0, 300)}`);
  }
  console.log(summary.at(-1));
}

const log = (tag: string) => (l: string) => console.log(`[${tag}] ${l}`);

await scenario('1 power cut', async () => {
  const r = await runPowerCut({ kills: n(100), seed, log: log('power-cut') });
  return { failures: r.failures, line: `kills survived ${r.killsSurvived} (film ${r.killsInFilm}, awards ${r.killsInAwards}) + ${r.bootKills} during boot, over ${r.runs} runs; acknowledged ${r.acknowledged}; in flight landed ${r.inFlightLanded} / dropped ${r.inFlightDropped}; commands lost ${r.commandsLost}; worst timer error ${r.worstTimerErrorMs} ms` };
});
await scenario('2 torn write', async () => {
  const r = await runTornWrite({ rounds: n(30), seed, log: log('torn-write') });
  return { failures: r.failures, line: `kills survived ${r.kills}; acknowledged ${r.acknowledged}; in flight ${r.inFlight} (landed ${r.inFlightLanded}); commands lost ${r.commandsLost}` };
});
await scenario('3 reconnect storm', async () => {
  const r = await runStorm({ clients: 500, restarts: n(5), deadlineMs: 30_000, log: log('storm') });
  return { failures: r.failures, line: `${r.clients} screens; connected in ${r.connectMs} ms; ${r.restarts} restarts, all back on the latest revision after ${r.recoverMs.join(' / ')} ms (server back after ${r.downMs.join(' / ')} ms)` };
});
await scenario('4 hostile input', async () => {
  const r = await runHostile({ http: n(30_000), socket: n(20_000), seed, log: log('hostile') });
  return { failures: r.failures, line: `${r.payloads} payloads (${r.http} HTTP, ${r.socket} Socket.IO); rejected with a code ${r.rejected}; valid and accepted ${r.accepted}; sockets closed by Socket.IO limits ${r.socketsClosed}` };
});
await scenario('5 auth', async () => {
  const r = await runAuthAbuse({ guesses: 200, log: log('auth') });
  return { failures: r.failures, line: `${r.refusals} control commands refused; ${r.guesses} PIN guesses, 429 from guess ${r.firstRefusedGuess}; ${r.payloadsChecked} payloads and ${r.logLinesChecked} log lines free of PINs` };
});
await scenario('6 two MCs', async () => {
  const r = await runTwoMcs({ rounds: n(500), seed, log: log('two-mcs') });
  return { failures: r.failures, line: `${r.rounds} double GOs, advanced exactly once ${r.advancedOnce} times, ${r.resets} resets` };
});
await scenario('7 disk trouble', async () => {
  const r: DiskReport = { readOnlyRefused: 0, fullRefused: 0, fullAccepted: 0, resumed: 0, failures: [] };
  await runReadOnly(r, log('disk'));
  await runDiskFull(r, log('disk'));
  return { failures: r.failures, line: `read-only: ${r.readOnlyRefused} refused; full disk: ${r.fullSkipped ? `skipped (${r.fullSkipped})` : `${r.fullRefused} refused, ${r.fullAccepted} written`}; ${r.resumed} accepted after recovery` };
});

console.log(`\nSoak summary (seed ${seed}, scale ${scale}, ${((Date.now() - started) / 60_000).toFixed(1)} min):`);
for (const line of summary) console.log(`  ${line}`);
process.exit(failed ? 1 : 0);
