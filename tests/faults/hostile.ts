/**
 * Scenario 4, hostile input: thousands of generated payloads over HTTP and Socket.IO, from
 * anonymous, viewer, AV and MC clients, against a child-process server. Every answer must be a
 * coded error of the contract or an acceptance, and an acceptance only for a payload the test's
 * own model of the contract (./contract.ts, not the production schema) does not call refused; a
 * payload it calls valid is never refused as invalid. A socket is back on line before each
 * payload, and only payloads above Socket.IO's 1 MB message limit may close one. Afterwards the
 * server is alive, the journal holds exactly the accepted commands, and the served state is the
 * journal's replay.
 */
import { Buffer } from 'node:buffer';
import { type CommandAck, ERROR_CODES, isApiError } from '@shared/protocol';
import { getState, isCodedRefusal, postCommand, rng, type Sent, sleep } from './api';
import { AV_PIN, MC_PIN, spawnServer, tempDataDir } from './child-server';
import { type ContractRole, judge, journalMismatch, knownGood } from './contract';
import { EXAMPLES } from './examples';
import { hostileHandshakes, rawTcpAbuse } from './hostile-transport';
import { bigBodies, commandLike, deep, malformedBody, MB, notUtf8, sampleOf } from './hostile-payloads';
import { plain, readJournal, replayJournal } from './journal';
import { type Screen, connected, openScreen, reconnected } from './sockets';

export interface HostileOptions {
  http: number;
  socket: number;
  seed: number;
  log?: (line: string) => void;
}

export interface HostileReport {
  seed: number;
  payloads: number;
  http: number;
  socket: number;
  accepted: number;
  rejected: number;
  socketsClosed: number;
  /** Times a socket had to come back before its next payload. */
  reconnects: number;
  byCode: Record<string, number>;
  failures: string[];
}

type Who = 'anonymous' | 'viewer' | 'av' | 'mc';
const roleOf = (who: Who): ContractRole => (who === 'mc' ? 'mc' : who === 'av' ? 'av' : 'viewer');
const pinOf = (who: Who) => (who === 'mc' ? MC_PIN : who === 'av' ? AV_PIN : undefined);
/** The contract's word on a value the server received (already parsed), from this client, this size. */
const oracle = (value: unknown, bytes: number, who: Who) => judge(value, bytes, roleOf(who));
/** Socket.IO's own message limit: a payload over it may close the socket instead of being answered. */
const TRANSPORT_LIMIT = MB;
/** Reconnects the run may need: after raw packets that break framing, and the oversized message. */
const MAX_RECONNECTS = 20;

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
};

export async function runHostile(opts: HostileOptions): Promise<HostileReport> {
  const log = opts.log ?? (() => {});
  const r = rng(opts.seed);
  const report: HostileReport = { seed: opts.seed, payloads: 0, http: 0, socket: 0, accepted: 0, rejected: 0, socketsClosed: 0, reconnects: 0, byCode: {}, failures: [] };
  const fail = (why: string) => {
    if (report.failures.length < 50 && !report.failures.includes(why)) report.failures.push(why);
    if (report.failures.length <= 10) log(`FAIL ${why}`);
  };
  const count = (code: string) => (report.byCode[code] = (report.byCode[code] ?? 0) + 1);
  // Known-good values the model cannot judge field by field (an item's full shape, a programme).
  knownGood((EXAMPLES.upsertItem as { item: unknown }).item);
  knownGood((EXAMPLES.replaceProgramme as { programme: unknown }).programme);
  /** Every acceptance: revision → the command as it was sent. */
  const accepted = new Map<number, unknown>();
  /** Bring a socket back before its next payload, so nothing is sent into a closed one. */
  const backOnLine = async (screen: Screen, who: Who): Promise<boolean> => {
    if (screen.socket.connected) return true;
    if (++report.reconnects > MAX_RECONNECTS) {
      fail(`more than ${MAX_RECONNECTS} reconnects: sockets keep closing`);
      return false;
    }
    try {
      await reconnected(screen);
      return true;
    } catch (error) {
      fail(`socket ${who} could not reconnect: ${(error as Error).message}`);
      return false;
    }
  };
  const data = tempDataDir('hostile');
  const server = await spawnServer({ dataDir: data.dir }).catch((error: unknown) => {
    data.remove();
    throw error;
  });
  const screens: Record<'viewer' | 'av' | 'mc', Screen> = {
    viewer: openScreen(server.url, { label: 'hostile viewer' }),
    av: openScreen(server.url, { pin: AV_PIN, label: 'hostile AV' }),
    mc: openScreen(server.url, { pin: MC_PIN, label: 'hostile MC' }),
  };
  try {
    await Promise.all(Object.values(screens).map((s) => connected(s)));
    // Give the show a position so position-dependent commands can be valid.
    const started = await postCommand(server.url, MC_PIN, { type: 'start' });
    if (started.revision) accepted.set(started.revision, { type: 'start' });

    const judgeHttp = (s: Sent, value: { ok: true; value: unknown } | { ok: false }, bytes: number, who: Who, what: string) => {
      report.payloads++;
      report.http++;
      if (s.lost) return fail(`HTTP ${what} from ${who}: no answer (connection dropped)`);
      if (s.status === 200) {
        report.accepted++;
        const verdict = value.ok ? oracle(value.value, bytes, who) : 'refused';
        if (verdict === 'refused') return fail(`HTTP ${what} from ${who} was accepted but is not a valid command it may send: ${String(s.text).slice(0, 160)}`);
        accepted.set(s.revision as number, (value as { value: unknown }).value);
        return;
      }
      report.rejected++;
      count(s.code ?? `http ${s.status}`);
      if (!isCodedRefusal(s)) return fail(`HTTP ${what} from ${who}: ${s.status} ${String(s.text).slice(0, 160)} is not a coded error of the contract`);
      if (who !== 'anonymous' && value.ok && oracle(value.value, bytes, who) === 'valid' && (s.code === 'invalid_command' || s.code === 'invalid_json' || s.code === 'too_large')) {
        fail(`HTTP ${what} from ${who}: a valid command was refused as ${s.code}: ${JSON.stringify(value.value).slice(0, 160)}`);
      }
    };

    // ---- HTTP: generated command-shaped values, malformed text, non-UTF-8, big and deep bodies.
    const whoHttp: Who[] = ['anonymous', 'av', 'mc', 'mc'];
    const shaped = sampleOf(commandLike, Math.round(opts.http * 0.7), opts.seed);
    const broken = sampleOf(malformedBody, Math.round(opts.http * 0.25), opts.seed + 1);
    const bytesOnly = sampleOf(notUtf8, Math.max(0, opts.http - shaped.length - broken.length - bigBodies().length), opts.seed + 2);
    type Job = { body: string | Uint8Array; who: Who; what: string };
    const jobs: Job[] = [
      ...shaped.map((v) => ({ body: JSON.stringify(v) ?? 'undefined', who: r.pick(whoHttp), what: 'generated command' })),
      ...broken.map((b) => ({ body: b, who: r.pick(whoHttp), what: 'malformed JSON' })),
      ...bytesOnly.map((b) => ({ body: b, who: r.pick(whoHttp), what: 'non-UTF-8 body' })),
      ...bigBodies().map((b) => ({ body: b.body, who: 'mc' as Who, what: b.name })),
    ];
    for (let i = jobs.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [jobs[i], jobs[j]] = [jobs[j] as Job, jobs[i] as Job];
    }
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++] as Job;
        const text = typeof job.body === 'string' ? job.body : Buffer.from(job.body).toString('utf8');
        const bytes = typeof job.body === 'string' ? Buffer.byteLength(job.body) : job.body.length;
        const s = await postCommand(server.url, pinOf(job.who), job.body, true, 30_000);
        judgeHttp(s, parseJson(text), bytes, job.who, job.what);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    log(`HTTP: ${report.http} payloads sent`);

    // ---- Socket.IO: the same kinds of values from viewer, AV and MC sockets, plus binary and raw packets.
    const values = sampleOf(commandLike, opts.socket, opts.seed + 3);
    const socketJobs = values.map((v, i) => ({
      value: i % 97 === 0 ? { type: 'message', text: Buffer.from('binary') } : i % 89 === 0 ? deep(2000) : v,
      binary: i % 97 === 0,
      who: r.pick(['viewer', 'av', 'mc', 'mc'] as const),
    }));
    let sNext = 0;
    const sWorker = async () => {
      while (sNext < socketJobs.length) {
        const job = socketJobs[sNext++] as (typeof socketJobs)[number];
        const screen = screens[job.who];
        if (!(await backOnLine(screen, job.who))) break;
        let seen: unknown;
        let bytes = Infinity;
        try {
          const text = JSON.stringify(job.value);
          seen = text === undefined ? undefined : JSON.parse(text);
          bytes = text === undefined ? 0 : Buffer.byteLength(text);
        } catch {
          seen = undefined;
        }
        const hasBinary = job.binary;
        let ack: CommandAck | 'closed' | 'timeout';
        try {
          ack = await screen.socket.timeout(10_000).emitWithAck('show:command', job.value);
        } catch {
          ack = screen.socket.connected ? 'timeout' : 'closed';
        }
        if (ack === 'closed') {
          // Not answered, so not counted as a payload; only Socket.IO's own size limit may do this.
          report.socketsClosed++;
          if (bytes <= TRANSPORT_LIMIT) fail(`socket ${job.who}: closed instead of answering a ${bytes}-byte payload: ${JSON.stringify(seen)?.slice(0, 120)}`);
          continue;
        }
        report.payloads++;
        report.socket++;
        if (ack === 'timeout') {
          fail(`socket ${job.who}: no acknowledgement for ${JSON.stringify(seen)?.slice(0, 120)}`);
          continue;
        }
        if (isApiError(ack)) {
          report.rejected++;
          count(ack.error.code);
          if (!(ERROR_CODES as readonly string[]).includes(ack.error.code)) fail(`socket ${job.who}: unknown code ${ack.error.code}`);
          if (!hasBinary && oracle(seen, bytes, job.who) === 'valid' && ['invalid_command', 'invalid_json', 'too_large'].includes(ack.error.code)) {
            fail(`socket ${job.who}: a valid command was refused as ${ack.error.code}: ${JSON.stringify(seen).slice(0, 160)}`);
          }
        } else {
          report.accepted++;
          if (hasBinary || oracle(seen, bytes, job.who) === 'refused') fail(`socket ${job.who}: accepted a payload that is not a valid command it may send: ${JSON.stringify(seen)?.slice(0, 160)}`);
          else accepted.set(ack.revision, seen);
        }
      }
    };
    await Promise.all([sWorker(), sWorker(), sWorker()]);

    // Raw packets the client library would never send: broken framing, an oversized message.
    for (const raw of ['2[', '2["show:command",{"type":', '21["show:command",' + '['.repeat(5000) + ']'.repeat(5000) + ']', '2["show:command"]', '2{}', '9', '2[' + '"x",'.repeat(1000) + '"x"]']) {
      const screen = screens.mc;
      if (!(await backOnLine(screen, 'mc'))) break;
      (screen.socket.io as unknown as { engine: { write(s: string): void } }).engine.write(raw);
      report.payloads++;
      report.socket++;
      await sleep(20);
    }
    await backOnLine(screens.mc, 'mc');
    const tooBig = await screens.mc.socket.timeout(5000).emitWithAck('show:command', { type: 'message', text: 'x'.repeat(1_500_000) }).then(
      (a: CommandAck) => (isApiError(a) ? a.error.code : 'accepted'),
      () => 'closed',
    );
    report.payloads++;
    report.socket++;
    if (tooBig === 'accepted') fail('a 1.5 MB socket message was accepted');
    if (tooBig === 'closed') report.socketsClosed++;
    else count(tooBig);
    log(`Socket.IO: ${report.socket} payloads sent, ${report.socketsClosed} sockets closed by Socket.IO's own limits, ${report.reconnects} reconnects`);

    // ---- Transport-level garbage: broken HTTP, bodies cut short, connections dropped mid-request.
    const garbage = await rawTcpAbuse(server.port, r);
    report.payloads += garbage;
    report.http += garbage;
    if (!server.alive()) fail('the server died from transport-level garbage');

    // ---- Hostile handshakes: odd protocol versions, PINs and labels. Each one connects with a
    // role or is refused with a coded reason; none hangs. (Wrong PINs here lock this address out
    // of the PIN roles for a minute, so this comes last.)
    const handshakes = await hostileHandshakes(server.url, r);
    report.payloads += handshakes.sent;
    report.socket += handshakes.sent;
    for (const f of handshakes.failures) fail(f);
    log(`handshakes: ${handshakes.sent} sent, ${handshakes.connected} connected, ${handshakes.refused} refused with a code`);

    // ---- Afterwards: alive, serving, journal = accepted commands, state = replay.
    await sleep(200);
    if (!server.alive()) fail('the server process died');
    const state = await getState(server.url);
    // The read side copes with whatever the accepted commands left behind (odd Unicode, big items).
    for (const path of ['/api/v1/report', '/api/v1/runs', '/api/v1/report?runId=run-1', `/api/v1/report?runId=${encodeURIComponent('\u0000\uFFFF')}`, `/api/v1/report?runId=${'r'.repeat(5000)}`]) {
      const res = await fetch(`${server.url}${path}`);
      const text = await res.text();
      if (res.status !== 200 && !(res.status === 404 && text.includes('"code"'))) fail(`GET ${path.slice(0, 60)} → ${res.status} ${text.slice(0, 120)}`);
    }
    const after = openScreen(server.url, { label: 'after' });
    await connected(after).catch((e: Error) => fail(`a new screen cannot connect afterwards: ${e.message}`));
    after.socket.close();
    const { integrity, rows } = readJournal(data.dir);
    if (integrity !== 'ok') fail(`integrity_check: ${integrity}`);
    if (rows.length !== accepted.size) fail(`the journal holds ${rows.length} entries, ${accepted.size} commands were accepted`);
    for (const row of rows) {
      const sent = accepted.get(row.revision);
      const wrong = sent === undefined ? 'nothing was accepted at this revision' : journalMismatch(row.command, sent);
      if (wrong) fail(`journal revision ${row.revision} holds ${JSON.stringify(row.command).slice(0, 120)}: ${wrong}`);
    }
    try {
      const replayed = replayJournal(rows);
      if (replayed.revision !== state.revision || JSON.stringify(plain(replayed.live)) !== JSON.stringify(plain(state.live)) || JSON.stringify(plain(replayed.programme)) !== JSON.stringify(plain(state.programme))) {
        fail(`served state (revision ${state.revision}) differs from the journal replay (revision ${replayed.revision})`);
      }
    } catch (error) {
      fail(String(error));
    }
  } finally {
    for (const s of Object.values(screens)) s.socket.close();
    const errors = server.lines.filter((l) => /uncaught|unhandled|RangeError|TypeError/i.test(l.text));
    for (const e of errors.slice(0, 3)) fail(`server printed: ${e.text.slice(0, 200)}`);
    await server.kill();
    data.remove();
  }
  return report;
}
