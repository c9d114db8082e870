/**
 * The Companion module's own code (integrations/companion/src) against a real Baton (O8): its
 * actions over Socket.IO with the MC and AV PINs, its variables and feedbacks from what it hears.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { instant } from '@shared/time';
import { runAction } from '../../integrations/companion/src/actions';
import { evaluateFeedback } from '../../integrations/companion/src/feedbacks';
import { BatonLink } from '../../integrations/companion/src/link';
import { statusOf, variableValues } from '../../integrations/companion/src/variables';
import { AV_PIN, boot, FILM, getJson, MC_PIN, post, until } from './helpers';

// 07:00 on 18/01/2024 in Asia/Ho_Chi_Minh: the default programme's planned start.
const SEVEN = Date.UTC(2024, 0, 17, 24, 0, 0);
let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function setup() {
  const clock = { t: SEVEN + 5 * 60_000 }; // the show starts five minutes late
  const server = await boot({ clock: () => instant(clock.t) });
  cleanup.push(() => server.stop());
  const link = async (pin: string | undefined, label: string) => {
    const l = new BatonLink({ url: server.url, ...(pin ? { pin } : {}), label, reconnection: false });
    cleanup.push(() => l.close());
    await until(() => l.show !== null || l.status === 'refused', 10_000, `${label} to connect`);
    return l;
  };
  return { server, clock, link, state: async () => (await getJson(server.url, '/api/v1/state')).json };
}

describe('Companion module against a real Baton', () => {
  it('[O8] MC deck: GO, ±1 min, pause/resume, messages, standby and back change the show; variables follow', async () => {
    const { clock, link, state, server } = await setup();
    const deck = await link(MC_PIN, 'Stream Deck test');
    expect(deck.role).toBe('mc');
    // The link's own estimate of the server clock (time:sync) lands on the server's (manual) time.
    // Checked before the test moves that clock: the link measures at connect, not continuously.
    await until(() => Math.abs(deck.serverNow() - clock.t) < 1000, 5000, 'the clock estimate');
    expect(await runAction(deck, 'go')).toMatchObject({ revision: 1, live: { phase: 'running', currentItemId: 'don-tiep' } });
    clock.t += 61_500;
    expect(variableValues(statusOf(deck.show, clock.t))).toEqual({
      phase: 'running', current_title: 'Đón tiếp đại biểu', current_segment: '', next_title: 'Tuyên bố lý do, giới thiệu đại biểu',
      // 30:00 − 1:01.5 = 28:58.5 shown as 28:59; the reception ends 07:35 at the earliest, the next item was due 07:30.
      time_left: '28:59', time_left_sec: 1739, level: 'normal', drift: '+5:00', drift_sec: 300, av_status: '', message: '',
    });

    await runAction(deck, 'add_time');
    expect((await state()).live.addedMs).toBe(60_000);
    await runAction(deck, 'add_time', { seconds: -60 });
    expect((await state()).live.addedMs).toBe(0);
    await runAction(deck, 'pause_resume');
    expect((await state()).live.phase).toBe('paused');
    expect(variableValues(statusOf(deck.show, clock.t + 600_000)).time_left).toBe('28:59'); // paused: frozen
    await runAction(deck, 'pause_resume');
    expect((await state()).live.phase).toBe('running');
    await runAction(deck, 'message');
    expect(variableValues(statusOf(deck.show, clock.t)).message).toBe('Còn 1 phút');
    await runAction(deck, 'clear_message');
    expect((await state()).live.message).toBeNull();
    await runAction(deck, 'av_standby'); // no item id: the next item with an AV cue
    expect((await state()).live.av).toMatchObject({ itemId: FILM, status: 'standby' });
    expect(variableValues(statusOf(deck.show, clock.t)).av_status).toBe('standby');
    await runAction(deck, 'go');
    expect((await state()).live.currentItemId).toBe('tuyen-bo-ly-do');
    await runAction(deck, 'back');
    expect((await state()).live.currentItemId).toBe('don-tiep');
    const audit = (await getJson(server.url, '/api/v1/report')).json.audit as { label: string; role: string }[];
    expect(audit.length).toBe(10);
    expect(audit.every((a) => a.label === 'Stream Deck test' && a.role === 'mc')).toBe(true);
  });

  it('[O8] a bounced GO key carries the same `from` and is refused as stale: the show moves once', async () => {
    const { link, state } = await setup();
    const deck = await link(MC_PIN, 'Stream Deck test');
    await runAction(deck, 'go');
    const [first, second] = await Promise.all([runAction(deck, 'go'), runAction(deck, 'go')]);
    expect([first, second].filter((a) => 'error' in a)).toEqual([{ error: expect.objectContaining({ code: 'stale' }) }]);
    expect((await state()).revision).toBe(2);
  });

  it('[O8] AV deck: ready and rolled follow the cue on standby, GO is forbidden; feedbacks show cue and level', async () => {
    const { clock, link, state, server } = await setup();
    const booth = await link(AV_PIN, 'AV deck test');
    expect(booth.role).toBe('av');
    expect(await runAction(booth, 'go')).toMatchObject({ error: { code: 'forbidden' } });
    expect(await runAction(booth, 'av_ready')).toMatchObject({ error: { code: 'not_possible', message: 'no AV cue is on standby' } });
    await post(server.url, { type: 'start' }, MC_PIN);
    await post(server.url, { type: 'standby', itemId: FILM }, MC_PIN);
    await until(() => booth.show?.revision === 2, 3000, 'the standby to reach the deck');
    expect(await runAction(booth, 'av_ready')).toMatchObject({ live: { av: { itemId: FILM, status: 'ready' } } });
    expect(evaluateFeedback('av_state', { status: 'ready' }, statusOf(booth.show, clock.t))).toBe(true);
    expect(evaluateFeedback('av_state', { status: 'rolled' }, statusOf(booth.show, clock.t))).toBe(false);
    await post(server.url, { type: 'goto', itemId: FILM }, MC_PIN);
    await until(() => booth.show?.live.currentItemId === FILM, 3000, 'the film to be on');
    expect(await runAction(booth, 'av_rolled')).toMatchObject({ live: { av: { status: 'rolled' } } });
    expect((await state()).live.av.status).toBe('rolled');

    // Level colours: the film item's thresholds decide; 10 s before the end is danger (red), after it over.
    const film = booth.show!.programme.items.find((i) => i.id === FILM)!;
    clock.t += film.durationSec * 1000 - 10_000;
    expect(evaluateFeedback('level_colour', {}, statusOf(booth.show, clock.t))).toEqual({ bgcolor: 0xdc0000, color: 0xffffff });
    expect(evaluateFeedback('level_is', { level: 'danger' }, statusOf(booth.show, clock.t))).toBe(true);
    clock.t += 11_000;
    expect(evaluateFeedback('level_colour', {}, statusOf(booth.show, clock.t))).toEqual({ bgcolor: 0x6e0000, color: 0xffffff });
  });

  it('[O8] a wrong PIN is refused at connect and not retried; no PIN reads only', async () => {
    const { link } = await setup();
    const wrong = await link('000000', 'wrong deck');
    expect(wrong.status).toBe('refused');
    const reader = await link(undefined, 'read-only deck');
    expect(reader.role).toBe('viewer');
    expect(await runAction(reader, 'go')).toMatchObject({ error: { code: 'unauthorized' } });
    expect(variableValues(statusOf(reader.show, SEVEN)).next_title).toBe('Đón tiếp đại biểu');
  });
});
