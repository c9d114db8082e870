import { describe, expect, it } from 'vitest';
import { bestEstimate, ClockSync, sampleOffset } from '@shared/clock-sync';
import { buildReport } from '@shared/report';
import { show } from './helpers';

describe('report', () => {
  it('[R3] planned vs actual for items and segments from a scripted run', () => {
    const s = show();
    s.send({ type: 'start' }); // 07:30, reception (planned 07:00, 30 min)
    s.clock.advance(60_000);
    s.send({ type: 'next' }); // 07:31 opening (planned 07:30, 10 min)
    s.clock.advance(12 * 60_000);
    s.send({ type: 'pause' });
    s.clock.advance(60_000);
    s.send({ type: 'resume' });
    s.send({ type: 'goto', itemId: 'thao-luan' }); // 07:44
    s.clock.advance(9 * 60_000);
    s.send({ type: 'next' });
    s.clock.advance(7 * 60_000);
    const r = buildReport(s.state.programme, s.state.record, s.clock.now());
    const opening = r.items[1]!;
    expect(opening).toMatchObject({ startDelayMs: 60_000, actualMs: 13 * 60_000, overrunMs: 3 * 60_000, pausedMs: 60_000, visits: 1 });
    const discussion = r.items.find((i) => i.itemId === 'thao-luan')!;
    expect(discussion.segments[0]).toMatchObject({ actualMs: 9 * 60_000, overrunMs: 60_000 });
    expect(discussion.segments[1]).toMatchObject({ actualMs: 7 * 60_000, actualEnd: null });
    expect(discussion.actualMs).toBe(16 * 60_000);
    expect(r.items.find((i) => i.itemId === 'phim-bao-cao')).toMatchObject({ actualStart: null, actualMs: null, overrunMs: null });
    expect(r.finished).toBe(false);
    expect(r.endDriftMs).toBeNull();
  });

  it('[R3] a finished run reports its end against the planned 10:30', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'ket-thuc' });
    s.clock.advance(3 * 3600_000 + 5 * 60_000); // 10:35
    s.send({ type: 'next' });
    const r = buildReport(s.state.programme, s.state.record);
    expect(r.finished).toBe(true);
    expect(r.endDriftMs).toBe(5 * 60_000);
  });
});

describe('report of a run on another day', () => {
  it('[R4] a rehearsal the day before is compared with the plan\'s times on its own day', () => {
    const s = show();
    s.clock.advance(-24 * 3600_000 + 4 * 60_000); // 17/01/2024 07:34
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'tuyen-bo-ly-do' });
    s.clock.advance(60_000);
    s.send({ type: 'next' });
    const r = buildReport(s.state.programme, s.state.record);
    expect(r.plannedDate).toBe('2024-01-17');
    expect(r.items[1]).toMatchObject({ startDelayMs: 4 * 60_000 });
    expect(buildReport(s.state.programme, { runId: 'run-9', visits: [] }).plannedDate).toBe('2024-01-18');
  });
});

describe('clock sync', () => {
  it('[K1] one exchange gives offset and round trip, server processing excluded', () => {
    // client 10 s behind the server; 40 ms each way; 5 ms on the server
    expect(sampleOffset({ t0: 1000, t1: 11_040, t2: 11_045, t3: 1085 })).toEqual({ offset: 10_000, rtt: 80 });
  });

  it('[K1] the sample with the smallest round trip wins', () => {
    const e = bestEstimate([
      { t0: 0, t1: 10_300, t2: 10_300, t3: 400 }, // asymmetric queueing: off by 100
      { t0: 1000, t1: 11_010, t2: 11_010, t3: 1020 },
    ]);
    expect(e).toEqual({ offset: 10_000, rtt: 20 });
    expect(bestEstimate([])).toBeNull();
  });

  it('[K2] a client minutes off converges on the true offset over a simulated link', async () => {
    let local = 1_000_000;
    const skew = -3 * 60_000; // the device is 3 minutes slow
    const delays = [50, 5, 30, 2, 80, 3];
    let i = 0;
    const sync = new ClockSync(async (t0) => {
      const d = delays[i++ % delays.length]!;
      local += d;
      const t1 = local - skew;
      local += 1;
      const reply = { t0, t1, t2: local - skew };
      local += d;
      return reply;
    }, () => local, 6);
    const e = await sync.sync();
    expect(Math.abs(e!.offset - -skew)).toBeLessThanOrEqual(1);
    expect(e!.rtt).toBe(4);
  });
});
