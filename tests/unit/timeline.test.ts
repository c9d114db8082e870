import { describe, expect, it } from 'vitest';
import { plannedSchedule, project, timerView } from '@shared/derive';
import { buildReport } from '@shared/report';
import { axisFraction, buildTimeline, reportTimeline } from '@shared/timeline';
import { zonedInstant } from '@shared/time';
import { show } from './helpers';

const tz = 'Asia/Ho_Chi_Minh';
const at = (hhmm: string, date = '2024-01-18') => zonedInstant(date, hhmm, tz);
const MIN = 60_000;

/** A show whose clock starts at 07:00 (the reception's planned start). */
function fromSeven() {
  const s = show();
  s.clock.advance(-30 * MIN);
  return s;
}
const tl = (s: ReturnType<typeof show>) => buildTimeline(s.state.programme, s.live, s.state.record, s.clock.now());
const bar = (s: ReturnType<typeof show>, id: string) => tl(s).bars.find((b) => b.itemId === id)!;

describe('timeline', () => {
  it('[TL1] one bar per item in programme order, the plan row to the millisecond, the axis on quarter hours around everything', () => {
    const s = fromSeven();
    const before = tl(s);
    const plan = plannedSchedule(s.state.programme);
    expect(before.bars.map((b) => b.itemId)).toEqual(s.state.programme.items.map((i) => i.id));
    expect(before.bars.map((b) => [b.planStart, b.planEnd])).toEqual(plan.map((p) => [p.start, p.end]));
    expect(before.bars.every((b) => b.actualStart === undefined)).toBe(true);
    expect(before.now).toBeNull(); // not started: no now line
    expect(before.plannedEnd).toBe(at('10:30'));
    expect(before.axisStart).toBe(at('07:00'));
    expect(before.axisEnd).toBe(at('10:30'));
    expect(before.ticks).toHaveLength(15);
    expect(before.ticks[1]! - before.ticks[0]!).toBe(15 * MIN);

    s.send({ type: 'start' });
    s.clock.advance(30 * MIN + 10_000); // the reception runs 10 s long
    s.send({ type: 'next' });
    s.clock.advance(3 * MIN);
    const t = tl(s);
    const [reception, opening, film] = t.bars;
    expect(reception).toMatchObject({ status: 'done', actualStart: at('07:00'), actualEnd: at('07:30') + 10_000, level: 'over' });
    expect(reception!.projectedStart).toBeUndefined();
    expect(opening).toMatchObject({ status: 'now', actualStart: at('07:30') + 10_000, projectedStart: s.clock.now(), projectedEnd: at('07:40') + 10_000, level: 'normal' });
    expect(opening!.actualEnd).toBeUndefined();
    expect(film).toMatchObject({ status: 'next', projectedStart: at('07:40') + 10_000, projectedEnd: at('07:55') + 10_000 });
    expect(film!.actualStart).toBeUndefined();
    expect(t.now).toBe(s.clock.now());
    expect(t.projectedEnd).toBe(project(s.state.programme, s.live, s.clock.now()).projectedEnd);
    expect(t.endDrift).toBe(t.projectedEnd - at('10:30'));
    expect(axisFraction(t, t.axisStart)).toBe(0);
    expect(axisFraction(t, t.axisEnd)).toBe(1);
    expect(axisFraction(t, at('08:45'))).toBeCloseTo(0.5, 10);
  });

  it('[TL2] the item on now takes its timer\'s level: normal, warning, danger, then over', () => {
    const s = fromSeven();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'ke-hoach-2024' }); // 20 min, warning 120 s, danger 30 s
    const level = () => bar(s, 'ke-hoach-2024').level;
    const timer = () => timerView(s.state.programme, s.live, s.clock.now())!.level;
    expect(level()).toBe('normal');
    s.clock.advance(18 * MIN);
    expect([level(), timer()]).toEqual(['warning', 'warning']);
    s.clock.advance(91_000);
    expect([level(), timer()]).toEqual(['danger', 'danger']);
    s.clock.advance(29_000);
    expect(level()).toBe('danger'); // exactly at zero
    s.clock.advance(1);
    expect(level()).toBe('over');
    // The bar's projected end runs with now once the item is over: actual + projected = the item's real length.
    const b = bar(s, 'ke-hoach-2024');
    expect(b.projectedEnd).toBe(s.clock.now());
  });

  it('[TL2] an item whose projected end is past its planned length is over before its timer is (time added, or an earlier segment ran long)', () => {
    const s = fromSeven();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'ke-hoach-2024' });
    s.send({ type: 'addTime', seconds: 60 });
    expect(timerView(s.state.programme, s.live, s.clock.now())!.level).toBe('normal');
    expect(bar(s, 'ke-hoach-2024')).toMatchObject({ level: 'over', projectedEnd: s.clock.now() + 21 * MIN });
    s.send({ type: 'addTime', seconds: -60 });
    expect(bar(s, 'ke-hoach-2024').level).toBe('normal');

    s.send({ type: 'goto', itemId: 'thao-luan' }); // five contributions of 8 min in a 45-minute item: 5 min to spare
    s.clock.advance(9 * MIN); // contribution 1 a minute over: the item still fits its 45 minutes
    s.send({ type: 'next' });
    expect(bar(s, 'thao-luan').level).toBe('normal');
    s.clock.advance(13 * MIN); // contribution 2 five minutes over: 6 in all, one more than the slack
    s.send({ type: 'next' });
    expect(timerView(s.state.programme, s.live, s.clock.now())!.level).toBe('normal'); // contribution 3 just began
    expect(bar(s, 'thao-luan')).toMatchObject({ level: 'over', projectedEnd: s.clock.now() + 3 * 8 * MIN });
  });

  it('[TL2] an item that ran is over exactly when the report counts an overrun; a finish on time is normal', () => {
    const s = fromSeven();
    s.send({ type: 'start' });
    s.clock.advance(30 * MIN); // exactly the plan
    s.send({ type: 'next' });
    s.clock.advance(10 * MIN + 1); // one millisecond long
    s.send({ type: 'next' });
    const rows = buildReport(s.state.programme, s.state.record, s.clock.now()).items;
    expect(rows[0]!.overrunMs).toBe(0);
    expect(rows[1]!.overrunMs).toBe(1);
    expect(bar(s, 'don-tiep').level).toBe('normal');
    expect(bar(s, 'tuyen-bo-ly-do').level).toBe('over');
  });

  it('[TL3] GO moves the bars: the item on now ends at GO, the next one starts there, and every later projection shifts by the overrun', () => {
    const s = fromSeven();
    s.send({ type: 'start' });
    s.clock.advance(30 * MIN);
    s.send({ type: 'next' }); // opening at 07:30
    const laterBefore = bar(s, 'ket-thuc').projectedStart!;
    const endBefore = tl(s).projectedEnd;
    s.clock.advance(14.5 * MIN); // the 10-minute opening runs 4:30 long
    const during = tl(s);
    expect(during.bars.find((b) => b.itemId === 'ket-thuc')!.projectedStart).toBe(laterBefore + 4.5 * MIN);
    expect(during.projectedEnd).toBe(endBefore + 4.5 * MIN);
    const goAt = s.clock.now();
    s.send({ type: 'next' });
    const after = tl(s);
    const opening = after.bars.find((b) => b.itemId === 'tuyen-bo-ly-do')!;
    const film = after.bars.find((b) => b.itemId === 'phim-bao-cao')!;
    expect(opening).toMatchObject({ status: 'done', actualEnd: goAt, level: 'over' });
    expect(opening.projectedEnd).toBeUndefined();
    expect(film).toMatchObject({ status: 'now', actualStart: goAt, projectedEnd: goAt + 15 * MIN });
    expect(after.projectedEnd).toBe(endBefore + 4.5 * MIN);
  });

  it('[TL3] items jumped over are skipped: plan only, no actual and no projection', () => {
    const s = fromSeven();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'phim-bao-cao' });
    const t = tl(s);
    expect(t.bars[0]!.status).toBe('done'); // the reception ran, for no time at all
    expect(t.bars[1]).toMatchObject({ status: 'skipped', level: 'normal' });
    expect(t.bars[1]!.actualStart).toBeUndefined();
    expect(t.bars[1]!.projectedStart).toBeUndefined();
  });

  it('[TL4] a finished show: actual row only, no now line, the end is the actual end', () => {
    const s = fromSeven();
    s.send({ type: 'start' });
    for (let i = 0; i < 40 && s.live.phase !== 'finished'; i++) {
      s.clock.advance(2 * MIN);
      s.send({ type: 'next' });
    }
    expect(s.live.phase).toBe('finished');
    const t = tl(s);
    expect(t.finished).toBe(true);
    expect(t.now).toBeNull();
    expect(t.projectedEnd).toBe(s.live.finishedAt);
    expect(t.bars.every((b) => b.status === 'done' && b.actualEnd !== undefined && b.projectedStart === undefined)).toBe(true);
    expect(t.bars.every((b) => b.level === 'normal')).toBe(true); // every item much shorter than planned
    expect(t.axisStart).toBe(at('07:00'));
  });

  it('[TL5] an earlier run drawn from its report alone matches the live picture of plan and actual', () => {
    const s = fromSeven();
    s.send({ type: 'start' });
    s.clock.advance(31 * MIN);
    s.send({ type: 'next' });
    s.clock.advance(5 * MIN);
    s.send({ type: 'goto', itemId: 'ke-hoach-2024' }); // the film skipped
    s.clock.advance(2 * MIN);
    const live = tl(s);
    // The run is reset here: its report closes the open visit at that moment (server/reporting.ts does the same).
    const fromReport = reportTimeline(buildReport(s.state.programme, s.state.record, s.clock.now()));
    const strip = (b: (typeof live.bars)[number]) => ({ itemId: b.itemId, planStart: b.planStart, planEnd: b.planEnd, actualStart: b.actualStart });
    expect(fromReport.bars.map(strip)).toEqual(live.bars.map(strip));
    expect(fromReport.bars.map((b) => b.status).slice(0, 4)).toEqual(['done', 'done', 'skipped', 'done']);
    expect(fromReport.bars[0]!.level).toBe('over');
    expect(fromReport.bars[3]!.actualEnd).toBe(s.clock.now());
    expect(fromReport.bars.every((b) => b.projectedStart === undefined)).toBe(true);
    expect(fromReport.now).toBeNull();
    expect(fromReport.projectedEnd).toBe(s.clock.now());
  });

  it('[TL1] [R4] before the start on another day (the seed is dated 18/01/2024), the plan is drawn on today\'s axis', () => {
    const s = fromSeven();
    s.clock.advance(3 * 365 * 24 * 3600_000 + 15 * MIN); // some day years later, 07:15
    const t = tl(s);
    const today = new Date(s.clock.now()).toISOString().slice(0, 10);
    expect(t.bars[0]!.planStart).toBe(at('07:00', today));
    expect(t.bars[0]!.projectedStart).toBe(s.clock.now()); // the reception is late: it would start now
    expect(t.axisStart).toBe(at('07:00', today));
    expect(t.axisEnd - t.axisStart).toBeLessThan(4 * 3600_000);
    expect(t.ticks.length).toBeLessThan(20);
  });

  it('[TL1] [R4] a rehearsal the day before is drawn on its own day\'s axis', () => {
    const s = fromSeven();
    s.clock.advance(-24 * 3600_000);
    s.send({ type: 'start' });
    s.clock.advance(MIN);
    const t = tl(s);
    expect(t.bars[0]!.planStart).toBe(at('07:00', '2024-01-17'));
    expect(t.axisStart).toBe(at('07:00', '2024-01-17'));
    expect(t.axisEnd).toBe(at('10:30', '2024-01-17'));
    expect(t.now).toBe(s.clock.now());
  });
});
