import { describe, expect, it } from 'vitest';
import { filmClock, levelOf, nowAndNext, plannedSchedule, preroll, project, remaining, timerView } from '@shared/derive';
import { formatTimeOfDay, duration, zonedInstant } from '@shared/time';
import { show } from './helpers';

const tz = 'Asia/Ho_Chi_Minh';
const at = (hhmm: string) => zonedInstant('2024-01-18', hhmm, tz);

describe('derived time', () => {
  it('[T1] elapsed + remaining = planned + added while running, to the millisecond', () => {
    const s = show();
    s.send({ type: 'start' });
    s.clock.advance(12_345);
    s.send({ type: 'addTime', seconds: 60 });
    s.clock.advance(1);
    const t = timerView(s.state.programme, s.live, s.clock.now())!;
    expect(t.elapsed).toBe(12_346);
    expect(t.elapsed + t.remaining).toBe(30 * 60_000 + 60_000);
  });

  it('[T2] pause freezes remaining; resume continues from the same value', () => {
    const s = show();
    s.send({ type: 'start' });
    s.clock.advance(5000);
    s.send({ type: 'pause' });
    const frozen = remaining(s.state.programme, s.live, s.clock.now());
    s.clock.advance(60_000);
    expect(remaining(s.state.programme, s.live, s.clock.now())).toBe(frozen);
    s.send({ type: 'resume' });
    expect(remaining(s.state.programme, s.live, s.clock.now())).toBe(frozen);
    s.clock.advance(5000);
    expect(remaining(s.state.programme, s.live, s.clock.now())).toBe(frozen! - 5000);
  });

  it('[T3] level: normal above warning, warning, danger, then over below zero', () => {
    const item = { warningSec: 120, dangerSec: 30 };
    expect(levelOf(duration(120_001), item)).toBe('normal');
    expect(levelOf(duration(120_000), item)).toBe('warning');
    expect(levelOf(duration(30_001), item)).toBe('warning');
    expect(levelOf(duration(30_000), item)).toBe('danger');
    expect(levelOf(duration(0), item)).toBe('danger');
    expect(levelOf(duration(-1), item)).toBe('over');
  });

  it('[T3] the running timer reports its level as time runs out', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'ke-hoach-2024' }); // 20 min, warning 120 s, danger 30 s
    const level = () => timerView(s.state.programme, s.live, s.clock.now())!.level;
    expect(level()).toBe('normal');
    s.clock.advance(18 * 60_000);
    expect(level()).toBe('warning');
    s.clock.advance(91_000);
    expect(level()).toBe('danger');
    s.clock.advance(29_001);
    expect(level()).toBe('over');
  });

  it('[T5] the film clock starts at rolled and keeps running through a pause; pre-roll counts from standby', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'standby', itemId: 'phim-bao-cao' });
    s.clock.advance(20_000);
    expect(preroll(s.state.programme, s.live, s.clock.now())).toBe(40_000); // lead 60 s
    s.send({ type: 'goto', itemId: 'phim-bao-cao' });
    s.clock.advance(3000);
    s.send({ type: 'rolled', itemId: 'phim-bao-cao' });
    expect(preroll(s.state.programme, s.live, s.clock.now())).toBeNull();
    s.clock.advance(60_000);
    s.send({ type: 'pause' });
    s.clock.advance(10_000);
    const film = filmClock(s.state.programme, s.live, s.clock.now())!;
    expect(film).toEqual({ elapsed: 70_000, remaining: 830_000, total: 900_000 });
  });

  it('[P4] planned starts add durations; a fixed start resets the sum', () => {
    const s = show();
    const plan = plannedSchedule(s.state.programme).map((p) => formatTimeOfDay(p.start, tz));
    expect(plan).toEqual(['07:00', '07:30', '07:40', '07:55', '08:15', '09:00', '09:20', '09:35', '10:10', '10:20']);
  });

  it('[T6] drift is the next item\'s projected start minus its planned start: behind is positive', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'tuyen-bo-ly-do' }); // entered at 07:30 exactly (clock starts at 07:30)
    expect(project(s.state.programme, s.live, s.clock.now()).drift).toBe(0);
    s.clock.advance(14.5 * 60_000); // 10-minute item, now 4:30 over
    const p = project(s.state.programme, s.live, s.clock.now());
    expect(p.drift).toBe(4.5 * 60_000);
    expect(formatTimeOfDay(p.projectedEnd, tz)).toBe('10:29');
  });

  it('[T6] finishing early shows ahead of plan (negative drift)', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'tuyen-bo-ly-do' });
    s.clock.advance(8 * 60_000);
    s.send({ type: 'next' }); // the film starts 2 minutes early
    s.clock.advance(1000);
    const p = project(s.state.programme, s.live, s.clock.now());
    expect(p.drift).toBe(-2 * 60_000);
  });

  it('[T7] an item with a fixed start is never projected before it', () => {
    const s = show();
    s.clock.advance(-40 * 60_000); // 06:50
    s.send({ type: 'start' });
    s.clock.advance(5 * 60_000);
    s.send({ type: 'next' }); // reception cut short at 06:55
    s.send({ type: 'previous' });
    const p = project(s.state.programme, s.live, s.clock.now());
    const session = p.items.find((i) => i.itemId === 'tuyen-bo-ly-do')!;
    expect(session.projectedStart).toBe(at('07:30'));
  });

  it('[T7] before the start, projections follow the plan, or now if the plan has passed', () => {
    const s = show();
    const early = project(s.state.programme, s.live, at('06:00'));
    expect(early.items[0]!.projectedStart).toBe(at('07:00'));
    expect(early.drift).toBe(0);
    const late = project(s.state.programme, s.live, at('07:10'));
    expect(late.items[0]!.projectedStart).toBe(at('07:10'));
    expect(late.items[1]!.projectedStart).toBe(at('07:40'));
  });

  it('[T7] a running segment that overruns pushes the item\'s projected end', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'thao-luan' });
    const itemStart = s.clock.now();
    s.clock.advance(44 * 60_000); // still in contribution 1 (8 min): 36 minutes over
    const p = project(s.state.programme, s.live, s.clock.now());
    const discussion = p.items.find((i) => i.itemId === 'thao-luan')!;
    expect(discussion.projectedEnd).toBe(s.clock.now() + 4 * 8 * 60_000);
    expect(discussion.projectedStart).toBe(itemStart);
  });

  it('[R4] a run started on another day projects against the plan\'s times on that day', () => {
    const s = show();
    s.clock.advance(-24 * 3600_000); // 17/01/2024 07:30, a rehearsal
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'tuyen-bo-ly-do' });
    s.clock.advance(12 * 60_000); // 2 minutes over a 10-minute item
    expect(project(s.state.programme, s.live, s.clock.now()).drift).toBe(2 * 60_000);
  });

  it('[C2] now and next are a consistent pair, across segments and items', () => {
    const s = show();
    expect(nowAndNext(s.state.programme, s.live)).toMatchObject({ now: null, next: { itemId: 'don-tiep' } });
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'thao-luan', segmentIndex: 4 });
    const nn = nowAndNext(s.state.programme, s.live);
    expect(nn.now).toMatchObject({ itemId: 'thao-luan', segmentIndex: 4, segmentTitle: 'Tham luận 5' });
    expect(nn.next).toMatchObject({ itemId: 'phat-bieu-chi-dao', segmentIndex: null, presenter: { name: 'Đ/c Bí thư Tỉnh ủy' } });
  });
});
