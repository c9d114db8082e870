/**
 * A flood of 10,000 hostile OSC packets over real UDP on loopback (O5). Sent in paced batches so
 * what the kernel drops is a real, counted drop and not the test outrunning its own buffer.
 */
import { afterEach, expect, it } from 'vitest';
import { getJson, MC_PIN, post, until } from './helpers';
import { bootWithOsc, encode, udpSender } from './osc-helpers';

const TOTAL = 10_000;
const BATCH = 250;
let stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops = [];
});

// Four kinds, none of which may change the show: not OSC, an unknown address, wrong arguments, and
// a valid command the show refuses (resume while running) — that one goes all the way to the writer.
const packets = [
  Buffer.from('\x00\x01garbage that is not OSC'),
  encode({ address: '/baton/selfdestruct', args: [1] }),
  encode({ address: '/baton/addtime', args: ['ten'] }),
  encode({ address: '/baton/resume' }),
];

it('[O5] 10,000 packets: every one that arrives is counted, refusals are logged in bounded lines, the server serves, the show is unchanged', async () => {
  const s = await bootWithOsc({ role: 'mc' });
  stops.push(() => s.stop());
  await post(s.url, { type: 'start' }, MC_PIN);
  const before = (await getJson(s.url, '/api/v1/state')).json;
  const sender = await udpSender(s.osc.port as number);
  stops.push(() => sender.close());
  const received = () => s.osc.counters().in!.received;

  const started = Date.now();
  let sent = 0;
  let healthDuringFlood = 0;
  while (sent < TOTAL) {
    const batch = Math.min(BATCH, TOTAL - sent);
    for (let i = 0; i < batch; i++) await sender.send(packets[(sent + i) % packets.length] as Buffer);
    sent += batch;
    // Pace: let the server drain this batch (or give up after 2 s: then the kernel dropped some).
    await until(() => received() >= sent, 2000, 'the batch').catch(() => undefined);
    if (sent === TOTAL / 2) healthDuringFlood = (await fetch(`${s.url}/healthz`)).status;
  }
  // Settle: nothing more is in flight once the count stops moving.
  let last = -1;
  for (let i = 0; i < 50 && received() !== last; i++) {
    last = received();
    await new Promise((r) => setTimeout(r, 20));
  }
  const elapsedMs = Date.now() - started;
  const c = s.osc.counters().in!;
  const kernelDropped = TOTAL - c.received;
  console.log(`[O5] flood: sent ${TOTAL}, received ${c.received}, kernel-dropped ${kernelDropped} in ${elapsedMs} ms; ` +
    `malformed ${c.malformed}, unknown ${c.unknownAddress}, invalid ${c.invalid}, refused ${c.refused}, accepted ${c.accepted}, dropped (queue) ${c.dropped}`);

  expect(healthDuringFlood).toBe(200);
  expect(c.received).toBeLessThanOrEqual(TOTAL);
  expect(c.received).toBeGreaterThan(TOTAL * 0.9); // paced: loopback should lose little or nothing
  expect(c.accepted).toBe(0);
  // Every datagram that arrived is accounted for exactly once.
  expect(c.malformed + c.unknownAddress + c.invalid + c.refused + c.dropped + c.released).toBe(c.received);
  const after = (await getJson(s.url, '/api/v1/state')).json;
  expect(after.revision).toBe(before.revision);
  expect(after.live).toEqual(before.live);
  expect((await getJson(s.url, '/api/v1/status')).json.osc.in.received).toBe(c.received);

  await s.osc.close(); // flushes the pending "N more refusals" line
  stops = stops.filter((f) => f !== sender.close);
  const warnings = s.log.lines.filter((l) => l.startsWith('warn OSC'));
  const summaries = warnings.filter((l) => /more refusals within/.test(l));
  const oneByOne = warnings.length - summaries.length;
  const suppressed = summaries.reduce((n, l) => n + Number(/(\d+) more refusals/.exec(l)?.[1] ?? 0), 0);
  const windows = Math.ceil(elapsedMs / 10_000) + 1;
  expect(oneByOne).toBeLessThanOrEqual(5 * windows);
  expect(oneByOne + suppressed).toBe(c.received - c.released);
});
