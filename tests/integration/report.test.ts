import { afterEach, describe, expect, it } from 'vitest';
import { type Instant, instant, minutes, zonedInstant } from '@shared/time';
import { boot, FILM, getJson, MC_PIN, post } from './helpers';

let server: Awaited<ReturnType<typeof boot>> | undefined;
afterEach(async () => {
  await server?.stop();
});

/** A manual server clock starting at 07:00 on the event day. */
function manualClock() {
  let t: number = zonedInstant('2024-01-18', '07:00', 'Asia/Ho_Chi_Minh');
  return { now: (): Instant => instant(t), advance: (ms: number) => void (t += ms) };
}

describe('report', () => {
  it('[S12] planned vs actual and the audit log of the current run, then of an earlier run after reset', async () => {
    const clock = manualClock();
    server = await boot({ clock: clock.now });
    const send = (body: unknown) => post(server!.url, body, MC_PIN, { 'x-baton-label': 'Bàn MC 1' });
    expect((await send({ type: 'start' })).status).toBe(200); // 07:00 reception, planned 30 min
    clock.advance(minutes(31));
    await send({ type: 'next' }); // 07:31 procedure (fixed start 07:30), planned 10 min
    clock.advance(minutes(9));
    await send({ type: 'next' }); // 07:40 film, planned 15 min
    clock.advance(minutes(2));
    await send({ type: 'pause' });
    clock.advance(minutes(1));
    await send({ type: 'resume' });
    clock.advance(minutes(15));
    await send({ type: 'next' }); // 07:58 report

    const { status, json } = await getJson(server.url, '/api/v1/report');
    expect(status).toBe(200);
    expect(json).toMatchObject({ runId: 'run-1', current: true, runs: [expect.objectContaining({ runId: 'run-1', current: true, commands: 6 })] });
    const rows = Object.fromEntries(json.report.items.map((r: { itemId: string }) => [r.itemId, r]));
    expect(rows['don-tiep']).toMatchObject({ actualMs: minutes(31), overrunMs: minutes(1), startDelayMs: 0, visits: 1 });
    expect(rows['tuyen-bo-ly-do']).toMatchObject({ actualMs: minutes(9), overrunMs: -minutes(1), startDelayMs: minutes(1) });
    expect(rows[FILM]).toMatchObject({ actualMs: minutes(18), overrunMs: minutes(3), pausedMs: minutes(1) });
    expect(rows['ke-hoach-2024']).toMatchObject({ actualMs: 0, actualEnd: null, visits: 1 });
    expect(rows['ket-thuc']).toMatchObject({ actualStart: null, actualMs: null });
    expect(json.audit.map((a: { revision: number; type: string }) => `${a.revision}:${a.type}`)).toEqual(['1:start', '2:next', '3:next', '4:pause', '5:resume', '6:next']);
    expect(json.audit[1]).toMatchObject({ role: 'mc', label: 'Bàn MC 1', at: zonedInstant('2024-01-18', '07:31', 'Asia/Ho_Chi_Minh'), from: { itemId: 'don-tiep' }, to: { itemId: 'tuyen-bo-ly-do' } });
    expect(JSON.stringify(json.audit)).not.toContain('127.0.0.1');

    clock.advance(minutes(5));
    await send({ type: 'reset' });
    await send({ type: 'start' });
    const current = (await getJson(server.url, '/api/v1/report')).json;
    expect(current).toMatchObject({ runId: 'run-2', current: true });
    expect(current.audit.map((a: { type: string }) => a.type)).toEqual(['start']);
    expect(current.runs.map((r: { runId: string }) => r.runId)).toEqual(['run-1', 'run-2']);
    const earlier = (await getJson(server.url, '/api/v1/report?runId=run-1')).json;
    expect(earlier).toMatchObject({ runId: 'run-1', current: false });
    const again = Object.fromEntries(earlier.report.items.map((r: { itemId: string }) => [r.itemId, r]));
    expect(again[FILM]).toEqual(rows[FILM]);
    // Still on when the run was reset: it counts until the reset.
    expect(again['ke-hoach-2024']).toMatchObject({ actualMs: minutes(5), actualEnd: null, visits: 1 });
    expect(earlier.audit.map((a: { type: string }) => a.type)).toEqual(['start', 'next', 'next', 'pause', 'resume', 'next', 'reset']);
  });
});
