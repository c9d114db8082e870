/** OSC in over real UDP on loopback: every address through the one writer, roles, guard, bad input. */
import { afterEach, describe, expect, it } from 'vitest';
import { type Instant, instant } from '@shared/time';
import { FILM, getJson, MC_PIN, post, until } from './helpers';
import { bootWithOsc, udpSender, type Sender } from './osc-helpers';

let stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops = [];
});

async function setup(role: 'mc' | 'av' = 'mc', clock?: () => Instant) {
  const b = await bootWithOsc({ role }, clock ? { clock } : {});
  stops.push(() => b.stop());
  const sender = await udpSender(b.osc.port as number);
  stops.push(() => sender.close());
  const counts = () => b.osc.counters().in!;
  /** Send and wait until the server has accounted for it (accepted, refused, … anything). */
  const handled = () => { const c = counts(); return c.accepted + c.refused + c.invalid + c.unknownAddress + c.malformed + c.released + c.dropped; };
  const send = async (packet: Parameters<Sender['send']>[0]) => {
    const before = handled();
    await sender.send(packet);
    await until(() => handled() > before, 3000, 'the OSC packet to be handled');
  };
  const live = async () => (await getJson(b.url, '/api/v1/state')).json;
  return { ...b, sender, send, counts, live };
}

describe('OSC in', () => {
  it('[O2] every address becomes its command through the writer, audited as OSC', async () => {
    const s = await setup('mc');
    await s.send({ address: '/baton/go' });
    expect((await s.live()).live).toMatchObject({ phase: 'running', currentItemId: 'don-tiep' });
    await s.send({ address: '/baton/pause', args: [1] });
    expect((await s.live()).live.phase).toBe('paused');
    await s.send({ address: '/baton/resume' });
    expect((await s.live()).live.phase).toBe('running');
    await s.send({ address: '/baton/addtime', args: [{ type: 'float', value: 60 }] });
    expect((await s.live()).live.addedMs).toBe(60_000);
    await s.send({ address: '/baton/addtime', args: [{ type: 'integer', value: -60 }] });
    expect((await s.live()).live.addedMs).toBe(0);
    await s.send({ address: '/baton/message', args: ['Còn 1 phút'] });
    expect((await s.live()).live.message.text).toBe('Còn 1 phút');
    await s.send({ address: '/baton/clearmessage' });
    expect((await s.live()).live.message).toBeNull();
    await s.send({ address: '/baton/standby' }); // no item id: the next item with an AV cue
    expect((await s.live()).live.av).toMatchObject({ itemId: FILM, status: 'standby' });
    await s.send({ address: '/baton/ready' });
    expect((await s.live()).live.av.status).toBe('ready');
    await post(s.url, { type: 'goto', itemId: FILM }, MC_PIN);
    await s.send({ address: '/baton/rolled' });
    expect((await s.live()).live.av.status).toBe('rolled');
    await s.send({ address: '/baton/back' });
    expect((await s.live()).live.currentItemId).not.toBe(FILM);
    expect(s.counts()).toMatchObject({ accepted: 11, refused: 0, invalid: 0, malformed: 0, unknownAddress: 0 });
    const audit = (await getJson(s.url, '/api/v1/report')).json.audit as { label: string; role: string; type: string }[];
    expect(audit.filter((a) => a.label === 'OSC 127.0.0.1').map((a) => a.type)).toEqual([
      'start', 'pause', 'resume', 'addTime', 'addTime', 'message', 'clearMessage', 'standby', 'ready', 'rolled', 'previous',
    ]);
  });

  it('[O3] a second plain /baton/go within a second is a double press (S13 guard); a release value is ignored', async () => {
    // The server's clock is held still, so "within a second" does not depend on this machine's load.
    let t = Date.UTC(2024, 0, 18, 0, 0, 0);
    const s = await setup('mc', () => instant(t));
    await s.send({ address: '/baton/go' }); // start
    await s.send({ address: '/baton/go', args: [1] }); // GO: next item
    await s.send({ address: '/baton/go', args: [0] }); // the button's release: not a press
    t += 999;
    await s.send({ address: '/baton/go', args: [1] }); // a bounce 999 ms later: refused as stale
    const state = await s.live();
    expect(state.revision).toBe(2);
    expect(state.live.currentItemId).toBe('tuyen-bo-ly-do');
    expect(s.counts()).toMatchObject({ accepted: 2, released: 1, refused: 1 });
    expect(s.log.lines.some((l) => /warn OSC "\/baton\/go" from 127\.0\.0\.1 refused \(stale\)/.test(l))).toBe(true);
    t += 1;
    await s.send({ address: '/baton/go' }); // a full second after the last accepted GO: a new press
    expect((await s.live()).revision).toBe(3);
  });

  it('[O2] OSC_ROLE=av may answer ready and rolled but a GO is refused as forbidden, logged, state unchanged', async () => {
    const s = await setup('av');
    await post(s.url, { type: 'start' }, MC_PIN);
    await s.send({ address: '/baton/go' });
    await s.send({ address: '/baton/standby', args: [FILM] });
    expect((await s.live()).revision).toBe(1);
    expect(s.counts()).toMatchObject({ accepted: 0, refused: 2 });
    expect(s.log.lines.filter((l) => /refused \(forbidden\): the AV PIN may not send/.test(l))).toHaveLength(2);
    await post(s.url, { type: 'standby', itemId: FILM }, MC_PIN);
    await s.send({ address: '/baton/ready' });
    expect((await s.live()).live.av).toMatchObject({ itemId: FILM, status: 'ready' });
  });

  it('[O4] bad packets, unknown addresses and wrong arguments are dropped and counted; the server lives on, state unchanged', async () => {
    const s = await setup('mc');
    await post(s.url, { type: 'start' }, MC_PIN);
    const before = await s.live();
    const junk = [
      Buffer.from('GET / HTTP/1.1\r\n\r\n'),
      Buffer.from([0x2f, 0x62, 0x61]), // "/ba": a truncated address
      Buffer.from('/baton/go\0\0\0,zzz\0\0\0\0'), // an unknown type tag
      Buffer.alloc(5000, 0x2f), // larger than any Baton message
      Buffer.from('#bundle\0'), // a bundle without its time tag
    ];
    for (const packet of junk) await s.send(packet);
    await s.send({ address: '/baton/explode' });
    await s.send({ address: '/qlab/go' });
    await s.send({ address: '/baton/addtime', args: ['sixty'] });
    await s.send({ address: '/baton/addtime' });
    await s.send({ address: '/baton/message', args: [42] });
    await s.send({ address: '/baton/message', args: ['x'.repeat(201)] });
    await s.send({ address: '/baton/pause', args: [{ type: 'blob', value: Buffer.from('xx') }] });
    expect(s.counts()).toMatchObject({ received: 12, malformed: 5, unknownAddress: 2, invalid: 5, accepted: 0, refused: 0 });
    expect((await getJson(s.url, '/healthz')).json).toEqual({ ok: true });
    const after = await s.live();
    expect(after.revision).toBe(before.revision);
    expect(after.live).toEqual(before.live);
    expect(s.log.lines.filter((l) => l.startsWith('warn OSC')).length).toBeLessThanOrEqual(5);
    expect((await getJson(s.url, '/api/v1/status')).json.osc.in).toMatchObject({ received: 12, malformed: 5, unknownAddress: 2, invalid: 5, port: s.osc.port, role: 'mc' });
  });
});
