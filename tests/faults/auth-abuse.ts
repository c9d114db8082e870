/**
 * Scenario 5, auth: a viewer (socket with no PIN, HTTP with none) and the AV booth try every
 * command they may not send and are refused with a code; wrong PINs are counted per address and
 * stopped with 429 — even when the right PIN comes next — while requests with no PIN are not
 * counted; and no PIN (nor a wrong guess) shows up in any payload, page, log line or the database.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isApiError } from '@shared/protocol';
import { getState, isCodedRefusal, postCommand } from './api';
import { AV_PIN, MC_PIN, spawnServer, tempDataDir } from './child-server';
import { MAY_SEND } from './contract';
import { EVERY_COMMAND_TYPE, EXAMPLES } from './examples';
import { readJournal } from './journal';
import { command, connected, openScreen } from './sockets';

export interface AuthReport {
  refusals: number;
  guesses: number;
  firstRefusedGuess: number;
  payloadsChecked: number;
  logLinesChecked: number;
  failures: string[];
}

export async function runAuthAbuse(opts: { guesses: number; log?: (l: string) => void }): Promise<AuthReport> {
  const report: AuthReport = { refusals: 0, guesses: 0, firstRefusedGuess: -1, payloadsChecked: 0, logLinesChecked: 0, failures: [] };
  const fail = (why: string) => {
    if (!report.failures.includes(why)) report.failures.push(why);
    opts.log?.(`FAIL ${why}`);
  };
  const data = tempDataDir('auth');
  const server = await spawnServer({ dataDir: data.dir }).catch((error: unknown) => {
    data.remove();
    throw error;
  });
  const payloads: string[] = [];
  const keep = async (res: Response) => {
    const text = await res.text();
    payloads.push(text);
    return text;
  };
  const viewer = openScreen(server.url, { keep: true, label: 'lobby screen' });
  const booth = openScreen(server.url, { pin: AV_PIN, keep: true, label: 'AV booth' });
  const mc = openScreen(server.url, { pin: MC_PIN, keep: true, label: 'MC console' });
  const guessed: string[] = [];
  try {
    await Promise.all([connected(viewer), connected(booth), connected(mc)]);
    // Some real activity first, so the log, the journal and the report have content.
    for (const body of [{ type: 'start' }, { type: 'message', text: 'Còn 2 phút' }, { type: 'standby', itemId: 'phim-bao-cao' }]) {
      const ack = await command(mc, body);
      payloads.push(JSON.stringify(ack));
      if (isApiError(ack)) fail(`MC ${body.type} refused: ${ack.error.code}`);
    }
    const before = await getState(server.url);

    // Every command, from every role that may not send it, over both transports.
    for (const type of EVERY_COMMAND_TYPE) {
      const body = EXAMPLES[type];
      const ack = await command(viewer, body);
      payloads.push(JSON.stringify(ack));
      if (!isApiError(ack)) fail(`a viewer socket sent "${type}" and it was accepted`);
      else if (!['unauthorized', 'forbidden'].includes(ack.error.code)) fail(`viewer "${type}" refused with ${ack.error.code}`);
      else report.refusals++;
      const anon = await postCommand(server.url, undefined, body);
      payloads.push(anon.text ?? '');
      if (anon.status !== 401 || anon.code !== 'unauthorized') fail(`HTTP "${type}" with no PIN → ${anon.status} ${anon.code ?? ''}`);
      else report.refusals++;
      // [C12] from the contract's literal table: the AV PIN sends ready, rolled and lowerThird only.
      if (!(MAY_SEND.av as readonly string[]).includes(type)) {
        const sock = await command(booth, body);
        payloads.push(JSON.stringify(sock));
        if (!isApiError(sock) || sock.error.code !== 'forbidden') fail(`AV socket "${type}" → ${JSON.stringify(sock).slice(0, 120)}`);
        else report.refusals++;
        const http = await postCommand(server.url, AV_PIN, body);
        payloads.push(http.text ?? '');
        if (http.status !== 403 || http.code !== 'forbidden') fail(`HTTP "${type}" with the AV PIN → ${http.status} ${http.code ?? ''}`);
        else report.refusals++;
      }
    }
    const after = await getState(server.url);
    if (after.revision !== before.revision) fail(`refused commands moved the revision ${before.revision} → ${after.revision}`);
    if (readJournal(data.dir).rows.length !== before.revision) fail('refused commands reached the journal');

    // Requests with no PIN are not counted: the MC still gets in after many of them.
    for (let i = 0; i < 30; i++) await postCommand(server.url, undefined, { type: 'clearMessage' });
    const stillOpen = await postCommand(server.url, MC_PIN, { type: 'clearMessage' });
    if (stillOpen.status !== 200) fail(`after 30 requests with no PIN the MC PIN is refused: ${stillOpen.status} ${stillOpen.code ?? ''}`);

    // Guessing, over HTTP. Once refused, every later guess stays refused — including the right
    // PIN, sent three guesses after the first 429.
    for (let i = 0; i < opts.guesses; i++) {
      const rightOne = report.firstRefusedGuess > 0 && i + 1 === report.firstRefusedGuess + 3;
      const guess = rightOne ? MC_PIN : String(100000 + ((i * 7919) % 900000));
      if (guess !== MC_PIN && guess !== AV_PIN) guessed.push(guess);
      const s = await postCommand(server.url, guess, { type: 'next' });
      payloads.push(s.text ?? '');
      report.guesses++;
      if (s.status === 200) fail(`guess ${i + 1} was accepted (${rightOne ? 'the right PIN, after the lockout' : 'a wrong PIN'})`);
      if (!isCodedRefusal(s)) fail(`guess ${i + 1}: uncoded answer ${s.status}`);
      if (s.status === 429 && report.firstRefusedGuess < 0) report.firstRefusedGuess = i + 1;
      if (report.firstRefusedGuess > 0 && s.status !== 429) fail(`guess ${i + 1} → ${s.status} ${s.code ?? ''} after the lockout, expected 429 too_many_attempts`);
    }
    if (report.firstRefusedGuess < 0 || report.firstRefusedGuess > 21) fail(`guessing was not stopped by 429 within 20 wrong PINs (first 429 at guess ${report.firstRefusedGuess})`);
    // The socket handshake is guarded by the same counter.
    const sneaky = openScreen(server.url, { pin: '000000', reconnect: false });
    const refused = await connected(sneaky, 5000).then(
      () => 'connected',
      (e: Error & { data?: { code?: string } }) => e.data?.code ?? e.message,
    );
    sneaky.socket.close();
    if (refused !== 'too_many_attempts') fail(`a socket guessing after the lockout got: ${refused}`);

    // Read everything a stranger can read.
    for (const path of ['/healthz', '/api/v1/state', '/api/v1/report', '/api/v1/report?runId=run-1', '/api/v1/runs', '/api/v1/info', '/', '/mc', '/edit', '/av', '/speaker', '/stage', '/broadcast', '/agenda', '/report', '/nope', '/api/v1/nope']) {
      await keep(await fetch(`${server.url}${path}`));
    }
    const index = payloads.find((p) => p.includes('<script')) ?? '';
    for (const src of index.match(/\/assets\/[^"']+\.(?:js|css)/g) ?? []) await keep(await fetch(`${server.url}${src}`));
  } catch (error) {
    data.remove();
    throw error;
  } finally {
    for (const s of [viewer, booth, mc]) s.socket.close();
    await server.stop();
  }
  // Leak check: every payload, every log line outside the banner, the database files.
  for (const s of [viewer, booth, mc]) payloads.push(...s.received);
  report.payloadsChecked = payloads.length;
  const secrets = [MC_PIN, AV_PIN];
  for (const p of payloads) for (const pin of secrets) if (p.includes(pin)) fail(`a PIN appears in a payload: ${p.slice(0, 200)}`);
  const lines = server.lines;
  const bannerStart = lines.findIndex((l) => /Baton is running on port/.test(l.text));
  const bannerEnd = lines.findIndex((l, i) => i > bannerStart && /Stop with Ctrl\+C/.test(l.text));
  if (bannerStart < 0 || bannerEnd < 0) fail('no start-up banner found in the output');
  if (!lines.slice(bannerStart, bannerEnd + 1).some((l) => l.text.includes(MC_PIN))) fail('the banner does not show the MC PIN');
  lines.forEach((l, i) => {
    if (i >= bannerStart && i <= bannerEnd) return;
    report.logLinesChecked++;
    for (const pin of [...secrets, ...guessed]) if (l.text.includes(pin)) fail(`log line ${i} carries a PIN or a guess: ${l.text}`);
  });
  if (report.logLinesChecked < 5) fail(`only ${report.logLinesChecked} log lines: the leak check has nothing to read`);
  for (const file of readdirSync(data.dir).filter((f) => f.startsWith('baton.sqlite'))) {
    const bytes = readFileSync(join(data.dir, file));
    for (const pin of secrets) if (bytes.includes(pin)) fail(`the PIN is stored in ${file}`);
  }
  data.remove();
  return report;
}
