/** `GET /api/v1/status`: the small JSON a hardware panel polls, at the server's own now (O1). */
import { afterEach, describe, expect, it } from 'vitest';
import { instant } from '@shared/time';
import { boot, FILM, getJson, MC_PIN, post } from './helpers';

// 07:00 on 18/01/2024 in Asia/Ho_Chi_Minh (UTC+7): the default programme's planned start.
const SEVEN = Date.UTC(2024, 0, 17, 24, 0, 0);
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('status for panels', () => {
  it('[O1] before the start: phase ready, nothing on, the first item next, no countdown', async () => {
    let t = SEVEN;
    const server = await boot({ clock: () => instant(t) });
    stop = server.stop;
    const { status, json } = await getJson(server.url, '/api/v1/status');
    expect(status).toBe(200);
    expect(json).toEqual({
      revision: 0, serverTime: SEVEN, phase: 'ready', now: null,
      next: { itemId: 'don-tiep', title: 'Đón tiếp đại biểu', segmentTitle: null },
      remainingSec: null, remainingText: null, level: null, driftSec: null, av: null, message: null, osc: null,
      connections: expect.objectContaining({ viewers: 0, refused: { engine: 0, viewers: 0 } }),
    });
  });

  it('[O1] while running: titles, remaining seconds at the server now, level and drift from the shared derive rules', async () => {
    let t = SEVEN + 5 * 60_000; // the reception starts five minutes late
    const server = await boot({ clock: () => instant(t) });
    stop = server.stop;
    await post(server.url, { type: 'start' }, MC_PIN);
    t += 61_500;
    let s = (await getJson(server.url, '/api/v1/status')).json;
    // 30:00 planned − 1:01.5 run = 28:58.5 left: a countdown shows 28:59 (it rounds up while time is left).
    expect(s).toMatchObject({ phase: 'running', serverTime: t, remainingSec: 1739, remainingText: '28:59', level: 'normal' });
    expect(s.now).toEqual({ itemId: 'don-tiep', title: 'Đón tiếp đại biểu', segmentTitle: null });
    expect(s.next.title).toBe('Tuyên bố lý do, giới thiệu đại biểu');
    // The reception now ends 07:35 at the earliest; the next item was planned at 07:30: 5 minutes behind.
    expect(s.driftSec).toBe(300);

    await post(server.url, { type: 'addTime', seconds: -1720 }, MC_PIN); // 80 s allotted, 61.5 s run
    s = (await getJson(server.url, '/api/v1/status')).json;
    expect(s).toMatchObject({ remainingSec: 19, level: 'danger' });
    await post(server.url, { type: 'addTime', seconds: -20 }, MC_PIN); // 60 s allotted: 1.5 s over
    s = (await getJson(server.url, '/api/v1/status')).json;
    expect(s).toMatchObject({ remainingSec: -1, remainingText: '+0:01', level: 'over' });

    await post(server.url, { type: 'pause' }, MC_PIN);
    t += 10 * 60_000;
    s = (await getJson(server.url, '/api/v1/status')).json;
    expect(s).toMatchObject({ phase: 'paused', remainingSec: -1, serverTime: t });

    await post(server.url, { type: 'standby', itemId: FILM }, MC_PIN);
    await post(server.url, { type: 'message', text: 'Còn 1 phút' }, MC_PIN);
    s = (await getJson(server.url, '/api/v1/status')).json;
    expect(s).toMatchObject({ revision: 6, av: { itemId: FILM, status: 'standby' }, message: 'Còn 1 phút' });
    expect(JSON.stringify(s).length).toBeLessThan(1024);
  });
});
