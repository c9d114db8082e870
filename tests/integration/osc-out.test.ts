/**
 * OSC out over real UDP on loopback (O6): /baton/now, /baton/next, /baton/remaining once per
 * change and once a second while running, on its own timer — the screens still get nothing but
 * one show:state per change (S2).
 */
import { afterEach, expect, it } from 'vitest';
import { connect, MC_PIN, post, sleep, until } from './helpers';
import { bootWithOsc, udpReceiver } from './osc-helpers';

let stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops = [];
});

it('[O6] OSC out sends now/next/remaining per change and each second while running, never to the screens', async () => {
  const receiver = await udpReceiver();
  stops.push(() => receiver.close());
  const s = await bootWithOsc({ port: null, out: { host: '127.0.0.1', port: receiver.port } });
  stops.push(() => s.stop());
  const screen = await connect(s.url, {});
  stops.push(() => screen.close());
  const rounds = () => receiver.messages.filter((m) => m.address === '/baton/remaining');
  const args = (address: string) => receiver.messages.filter((m) => m.address === address).at(-1)?.args.map((a) => a.value);

  // One round at start-up, with the show ready: nothing on, the first item next, no countdown.
  await until(() => rounds().length === 1, 3000, 'the first round');
  expect(args('/baton/now')).toEqual(['', '', '']);
  expect(args('/baton/next')).toEqual(['Đón tiếp đại biểu', '', 'don-tiep']);
  expect(args('/baton/remaining')).toEqual([0, '', '', 'ready']);

  await post(s.url, { type: 'start' }, MC_PIN);
  await until(() => rounds().length === 2, 3000, 'the round for the start');
  expect(args('/baton/now')).toEqual(['Đón tiếp đại biểu', '', 'don-tiep']);
  expect(args('/baton/next')?.[0]).toBe('Tuyên bố lý do, giới thiệu đại biểu');
  // 30:00 planned, a few ms run: the countdown shows 30:00 (it rounds up while time is left).
  expect(args('/baton/remaining')).toEqual([1800, '30:00', 'normal', 'running']);

  // While running: one more round a second. On a loaded machine timers run late, never early, so
  // wait for three ticks (bounded) and check their spacing rather than counting in a fixed window.
  const startedAt = rounds()[1]!.at;
  await until(() => rounds().length >= 5, 15_000, 'three ticks');
  const ticks = rounds().slice(2);
  const spanMs = ticks.at(-1)!.at - startedAt;
  expect(ticks.length).toBeLessThanOrEqual(Math.floor(spanMs / 950) + 1);
  for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.at - ticks[i - 1]!.at).toBeGreaterThanOrEqual(900);
  const seconds = ticks.map((m) => m.args[0]?.value as number);
  expect(seconds.every((v, i) => i === 0 || v <= seconds[i - 1]!)).toBe(true);
  expect(seconds.at(-1)).toBeLessThan(1800);

  // Paused: one round for the change, then silence (the countdown is frozen).
  await post(s.url, { type: 'pause' }, MC_PIN);
  const countAtPause = await (async () => {
    await until(() => args('/baton/remaining')?.[3] === 'paused', 3000, 'the paused round');
    return rounds().length;
  })();
  await sleep(1500);
  expect(rounds().length).toBe(countAtPause);

  // The screen saw exactly one show:state per change (start, pause) and nothing else.
  expect(screen.events).toEqual(['show:state', 'show:state']);
  expect((await fetch(`${s.url}/api/v1/status`).then((r) => r.json())).osc.out).toMatchObject({ target: `127.0.0.1:${receiver.port}`, sendErrors: 0 });
});
