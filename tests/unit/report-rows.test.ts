import { describe, expect, it } from 'vitest';
import { initialShowState } from '@shared/live';
import { type ProgrammeInput, programmeSchema } from '@shared/programme';
import { buildReport } from '@shared/report';
import { zonedInstant } from '@shared/time';
import { manualClock, show } from './helpers';

// 08:00 opening 10 min (MC) · 08:10 talks 15 min: talk 1 (Speaker 1) 5 min, talk 2 7 min · 08:25 closing 5 min.
const tz = 'Asia/Ho_Chi_Minh';
const input: ProgrammeInput = {
  title: 'Test day',
  date: '2024-03-05',
  timeZone: tz,
  start: '08:00',
  items: [
    { id: 'open', kind: 'procedure', title: 'Opening', durationSec: 600, presenter: { name: 'MC', title: 'Host' } },
    {
      id: 'talks', kind: 'discussion', title: 'Talks', durationSec: 900,
      segments: [
        { id: 't1', title: 'Talk 1', durationSec: 300, presenter: { name: 'Speaker 1' } },
        { id: 't2', title: 'Talk 2', durationSec: 420 },
      ],
    },
    { id: 'close', kind: 'closing', title: 'Closing', durationSec: 300 },
  ],
};
const programme = programmeSchema.parse(input);
const at = (hhmm: string) => zonedInstant('2024-03-05', hhmm, tz);
const MIN = 60_000;

function small(hhmm: string) {
  const s = show(initialShowState(programme));
  s.clock.advance(manualClock(at(hhmm)).now() - s.clock.now());
  return s;
}

describe('report rows', () => {
  it('[R3] before any run: every row planned, nothing actual, no end', () => {
    const r = buildReport(programme, { runId: 'run-1', visits: [] });
    expect(r).toMatchObject({
      runId: 'run-1', title: 'Test day', timeZone: tz, plannedDate: '2024-03-05', plannedStart: at('08:00'), plannedEnd: at('08:30'),
      actualStart: null, actualEnd: null, endDriftMs: null, totalOverrunMs: 0, finished: false,
    });
    expect(r.items.map((i) => [i.itemId, i.kind, i.title, i.presenter, i.plannedStart, i.plannedDurationSec])).toEqual([
      ['open', 'procedure', 'Opening', 'MC', at('08:00'), 600],
      ['talks', 'discussion', 'Talks', null, at('08:10'), 900],
      ['close', 'closing', 'Closing', null, at('08:25'), 300],
    ]);
    expect(r.items[0]).toMatchObject({ actualStart: null, actualEnd: null, actualMs: null, overrunMs: null, startDelayMs: null, pausedMs: 0, addedMs: 0, visits: 0, segments: [] });
  });

  it('[R3] segments have their own rows: planned one after another from the item\'s start, with their presenters', () => {
    const [t1, t2] = buildReport(programme, { runId: 'run-1', visits: [] }).items[1]!.segments;
    expect(t1).toMatchObject({ itemId: 'talks', segmentIndex: 0, kind: 'discussion', title: 'Talk 1', presenter: 'Speaker 1', plannedStart: at('08:10'), plannedDurationSec: 300 });
    expect(t2).toMatchObject({ itemId: 'talks', segmentIndex: 1, title: 'Talk 2', presenter: null, plannedStart: at('08:15'), plannedDurationSec: 420 });
    expect([t1!.segments, t2!.segments]).toEqual([[], []]); // a segment's row has no rows of its own
  });

  it('[R1] two visits to one item add up: time on stage, pauses and added time; the start is the first visit\'s, the end the last\'s', () => {
    const s = small('08:02'); // 2 minutes late
    s.send({ type: 'start' });
    s.clock.advance(3 * MIN);
    s.send({ type: 'pause' });
    s.clock.advance(MIN);
    s.send({ type: 'resume' });
    s.send({ type: 'addTime', seconds: 120 });
    s.send({ type: 'next' }); // 08:06 → talk 1
    s.clock.advance(2 * MIN);
    s.send({ type: 'previous' }); // 08:08 back to the opening
    s.send({ type: 'addTime', seconds: -60 });
    s.clock.advance(4 * MIN);
    s.send({ type: 'next' }); // 08:12
    const r = buildReport(s.state.programme, s.state.record, s.clock.now());
    expect(r.items[0]).toMatchObject({
      actualStart: at('08:02'), actualEnd: at('08:12'), actualMs: 8 * MIN, pausedMs: MIN, addedMs: MIN, overrunMs: -2 * MIN,
      startDelayMs: 2 * MIN, visits: 2,
    });
  });

  it('[R3] an open visit counts up to now when now is given, and is not ended without it', () => {
    const s = small('08:10');
    s.send({ type: 'start' });
    s.clock.advance(11 * MIN);
    const live = buildReport(s.state.programme, s.state.record, s.clock.now()).items[0]!;
    expect(live).toMatchObject({ actualEnd: null, actualMs: 11 * MIN, overrunMs: MIN, startDelayMs: 10 * MIN });
    const later = buildReport(s.state.programme, s.state.record).items[0]!;
    expect(later).toMatchObject({ actualEnd: null, actualMs: null, overrunMs: null, startDelayMs: 10 * MIN, visits: 1 });
  });

  it('[R3] an item whose last visit is still open has no actual duration or end without now', () => {
    const s = small('08:00');
    s.send({ type: 'start' });
    s.clock.advance(MIN);
    s.send({ type: 'next' });
    s.clock.advance(MIN);
    s.send({ type: 'previous' }); // back on the opening: its first visit closed, its second open
    s.clock.advance(MIN);
    expect(buildReport(s.state.programme, s.state.record).items[0]).toMatchObject({ actualStart: at('08:00'), actualEnd: null, actualMs: null, overrunMs: null, visits: 2 });
    expect(buildReport(s.state.programme, s.state.record).finished).toBe(false);
    expect(buildReport(s.state.programme, s.state.record, s.clock.now()).items[0]).toMatchObject({ actualMs: 2 * MIN });
  });

  it('[R3] the total overrun adds the items that ran, long and short; a finished run ends against the planned end', () => {
    const s = small('08:00');
    s.send({ type: 'start' });
    s.clock.advance(13 * MIN); // opening 3 long
    s.send({ type: 'next' });
    s.clock.advance(4 * MIN); // talk 1 one short
    s.send({ type: 'goto', itemId: 'close' }); // talks 4 of 15: 11 short
    s.clock.advance(5 * MIN);
    s.send({ type: 'next' }); // 08:22
    const r = buildReport(s.state.programme, s.state.record);
    expect(r.items.map((i) => i.overrunMs)).toEqual([3 * MIN, -11 * MIN, 0]);
    expect(r.items[1]!.segments.map((x) => x.overrunMs)).toEqual([-MIN, null]);
    expect(r.totalOverrunMs).toBe(-8 * MIN);
    expect(r).toMatchObject({ finished: true, actualStart: at('08:00'), actualEnd: at('08:22'), endDriftMs: -8 * MIN });
  });
});
