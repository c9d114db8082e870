import { describe, expect, it } from 'vitest';
import {
  allotted, elapsed, filmClock, nowAndNext, onRunDay, plannedEnd, preroll, project, remaining, slotAt, timerView,
} from '@shared/derive';
import { initialShowState } from '@shared/live';
import { type ProgrammeInput, programmeSchema } from '@shared/programme';
import { zonedInstant } from '@shared/time';
import { manualClock, show } from './helpers';

// A small programme written for these tests, so every duration below is read off this page.
// 08:00 opening 10 min · 08:10 talks: two segments of 5 + 7 min (item planned 15) · film 4 min
// (its own media 3 min, AV cue 30 s ahead, a stage cue 99 s ahead) · 09:00 (fixed) closing 5 min.
const tz = 'Asia/Ho_Chi_Minh';
const input: ProgrammeInput = {
  title: 'Test day',
  date: '2024-03-05',
  timeZone: tz,
  start: '08:00',
  items: [
    { id: 'open', kind: 'procedure', title: 'Opening', durationSec: 600, presenter: { name: 'MC' } },
    {
      id: 'talks', kind: 'discussion', title: 'Talks', durationSec: 900, presenter: { name: 'Chair' },
      segments: [
        { id: 't1', title: 'Talk 1', durationSec: 300, presenter: { name: 'Speaker 1' } },
        { id: 't2', title: 'Talk 2', durationSec: 420 },
      ],
    },
    {
      id: 'film', kind: 'film', title: 'Film', durationSec: 240, mediaDurationSec: 180,
      cues: [
        { id: 'led', target: 'stage', label: 'LED', leadSec: 99 },
        { id: 'roll', target: 'av', label: 'Roll', leadSec: 30 },
      ],
    },
    { id: 'close', kind: 'closing', title: 'Closing', durationSec: 300, fixedStart: '09:00' },
  ],
};
const programme = programmeSchema.parse(input);
const at = (hhmm: string, date = '2024-03-05') => zonedInstant(date, hhmm, tz);
const MIN = 60_000;

/** A show on the small programme, its manual clock at `hhmm` on the programme's day. */
function small(hhmm = '08:00', p = programme) {
  const s = show(initialShowState(p));
  const c = manualClock(at(hhmm));
  s.clock.advance(c.now() - s.clock.now());
  return s;
}

describe('timers before, during and after the run', () => {
  it('[T1] before the start and after the end there is no timer: elapsed, allotted, remaining and the view are null', () => {
    const s = small();
    const now = s.clock.now();
    expect(elapsed(s.live, now)).toBeNull();
    expect(allotted(s.state.programme, s.live)).toBeNull();
    expect(remaining(s.state.programme, s.live, now)).toBeNull();
    expect(timerView(s.state.programme, s.live, now)).toBeNull();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'close' });
    s.send({ type: 'next' });
    expect(s.live.phase).toBe('finished');
    expect(elapsed(s.live, now)).toBeNull();
    expect(timerView(s.state.programme, s.live, now)).toBeNull();
  });

  it('[T1] the allotted time of a segment is the segment\'s duration, plus or minus added time', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'talks', segmentIndex: 1 });
    expect(allotted(s.state.programme, s.live)).toBe(7 * MIN);
    s.send({ type: 'addTime', seconds: -60 });
    expect(allotted(s.state.programme, s.live)).toBe(6 * MIN);
    s.clock.advance(2 * MIN);
    expect(timerView(s.state.programme, s.live, s.clock.now())).toEqual({
      elapsed: 2 * MIN, remaining: 4 * MIN, allotted: 6 * MIN, level: 'normal', paused: false,
    });
  });

  it('[T2] the view says paused while paused, and time paused is not elapsed after resuming', () => {
    const s = small();
    s.send({ type: 'start' });
    s.clock.advance(MIN);
    s.send({ type: 'pause' });
    s.clock.advance(3 * MIN);
    expect(timerView(s.state.programme, s.live, s.clock.now())).toMatchObject({ elapsed: MIN, paused: true });
    s.send({ type: 'resume' });
    s.clock.advance(MIN);
    expect(timerView(s.state.programme, s.live, s.clock.now())).toMatchObject({ elapsed: 2 * MIN, remaining: 8 * MIN, paused: false });
  });
});

describe('film and pre-roll', () => {
  it('[T5] no film clock before rolled, and the film runs for its own media length when it has one', () => {
    const s = small();
    s.send({ type: 'start' });
    expect(filmClock(s.state.programme, s.live, s.clock.now())).toBeNull(); // no cue at all
    s.send({ type: 'standby', itemId: 'film' });
    expect(filmClock(s.state.programme, s.live, s.clock.now())).toBeNull(); // standing by
    s.send({ type: 'goto', itemId: 'film' });
    s.send({ type: 'ready', itemId: 'film' });
    expect(filmClock(s.state.programme, s.live, s.clock.now())).toBeNull(); // ready is not rolling
    s.send({ type: 'rolled', itemId: 'film' });
    s.clock.advance(30_000);
    expect(filmClock(s.state.programme, s.live, s.clock.now())).toEqual({ elapsed: 30_000, remaining: 150_000, total: 180_000 });
  });

  it('[T5] a film item without a media length runs for the item\'s duration', () => {
    const items = programme.items.map((i) => (i.id === 'film' ? { ...i, mediaDurationSec: undefined } : i));
    const s = small('08:00', { ...programme, items });
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'film' });
    s.send({ type: 'rolled', itemId: 'film' });
    s.clock.advance(1000);
    expect(filmClock(s.state.programme, s.live, s.clock.now())).toEqual({ elapsed: 1000, remaining: 239_000, total: 240_000 });
  });

  it('[T5] the pre-roll is the AV cue\'s lead (not another target\'s), counted from standby, going negative once due', () => {
    const s = small();
    expect(preroll(s.state.programme, s.live, s.clock.now())).toBeNull(); // nothing called
    s.send({ type: 'standby', itemId: 'film' });
    expect(preroll(s.state.programme, s.live, s.clock.now())).toBe(30_000);
    s.clock.advance(10_000);
    expect(preroll(s.state.programme, s.live, s.clock.now())).toBe(20_000);
    s.send({ type: 'ready', itemId: 'film' });
    s.clock.advance(25_000);
    expect(preroll(s.state.programme, s.live, s.clock.now())).toBe(-5000); // ready still counts down
  });

  it('[T5] an item without an AV cue has no lead: its pre-roll is due at standby', () => {
    const s = small();
    s.send({ type: 'standby', itemId: 'open' });
    s.clock.advance(4000);
    expect(preroll(s.state.programme, s.live, s.clock.now())).toBe(-4000);
  });

  it('[T5] a cue for an item no longer in the programme shows neither pre-roll nor film clock', () => {
    const s = small();
    s.send({ type: 'standby', itemId: 'film' });
    const gone = { ...s.state.programme, items: s.state.programme.items.filter((i) => i.id !== 'film') };
    expect(preroll(gone, s.live, s.clock.now())).toBeNull();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'film' });
    s.send({ type: 'rolled', itemId: 'film' });
    expect(filmClock(gone, s.live, s.clock.now())).toBeNull();
  });
});

describe('the plan and its end', () => {
  it('[P4] the planned end is the stated end, else the end of the last item', () => {
    expect(plannedEnd(programme)).toBe(at('09:05')); // closing fixed at 09:00, 5 min
    expect(plannedEnd({ ...programme, end: '10:00' })).toBe(at('10:00'));
    expect(plannedEnd({ ...programme, items: [] })).toBe(at('08:00'));
  });

  it('[R4] a run on the programme\'s own day, or none yet, reads the plan unchanged; another day moves the date only', () => {
    expect(onRunDay(programme, null)).toBe(programme);
    expect(onRunDay(programme, undefined)).toBe(programme);
    expect(onRunDay(programme, at('23:59'))).toBe(programme);
    const moved = onRunDay(programme, at('07:00', '2024-03-04'));
    expect(moved).toEqual({ ...programme, date: '2024-03-04' });
  });
});

describe('projection', () => {
  it('[T7] the current item is "now", the following one "next", the rest "later"; earlier ones are done', () => {
    const s = small();
    s.send({ type: 'start' });
    s.clock.advance(10 * MIN);
    s.send({ type: 'next' }); // talks at 08:10, on plan
    const p = project(s.state.programme, s.live, s.clock.now());
    expect(p.items.map((i) => i.status)).toEqual(['done', 'now', 'next', 'later']);
    expect(p.items[0]).toMatchObject({ projectedStart: null, projectedEnd: null, plannedStart: at('08:00'), plannedEnd: at('08:10') });
    expect(p.items[1]).toMatchObject({ projectedStart: at('08:10'), projectedEnd: at('08:25') });
    expect(p.items[2]).toMatchObject({ projectedStart: at('08:25'), projectedEnd: at('08:29') });
    expect(p.items[3]).toMatchObject({ projectedStart: at('09:00'), projectedEnd: at('09:05') }); // fixed start holds
    expect(p.drift).toBe(0);
    expect(p.projectedEnd).toBe(at('09:05'));
    expect(p.plannedEnd).toBe(at('09:05'));
  });

  it('[T7] before the start the first item is next and the others follow it', () => {
    const p = project(programme, initialShowState(programme).live, at('07:00'));
    expect(p.items.map((i) => i.status)).toEqual(['next', 'later', 'later', 'later']);
    expect(p.items[1]!.projectedStart).toBe(at('08:10'));
  });

  it('[T7] an item running short still ends at its plan; remaining later segments count after an overrun', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'talks' }); // 08:00, planned 15 min, segments 5 + 7
    s.clock.advance(MIN);
    let p = project(s.state.programme, s.live, s.clock.now());
    expect(p.items[1]!.projectedEnd).toBe(at('08:15')); // the plan (15) beats the timer (4 + 7 = 11 more)
    s.clock.advance(9 * MIN); // 08:10, talk 1 is 5 min over; talk 2 still needs 7
    p = project(s.state.programme, s.live, s.clock.now());
    expect(p.items[1]!.projectedEnd).toBe(at('08:17'));
    expect(p.items[2]!.projectedStart).toBe(at('08:17'));
  });

  it('[T7] a paused timer projects from what it has left, not from the clock on the wall', () => {
    const s = small();
    s.send({ type: 'start' }); // opening, 10 min
    s.clock.advance(4 * MIN);
    s.send({ type: 'pause' });
    s.clock.advance(20 * MIN); // 08:24, 6 min still to go once resumed
    const p = project(s.state.programme, s.live, s.clock.now());
    expect(p.items[0]!.projectedEnd).toBe(at('08:30'));
    expect(p.drift).toBe(20 * MIN); // talks planned 08:10, now 08:30
  });

  it('[T6] on the last item the drift is its projected end against its planned end', () => {
    const s = small();
    s.send({ type: 'start' });
    s.clock.advance(70 * MIN); // 09:10
    s.send({ type: 'goto', itemId: 'close' });
    s.clock.advance(8 * MIN); // 09:18: 3 minutes over a 5-minute item that was due at 09:05
    const p = project(s.state.programme, s.live, s.clock.now());
    expect(p.items.map((i) => i.status)).toEqual(['done', 'done', 'done', 'now']);
    expect(p.projectedEnd).toBe(at('09:18'));
    expect(p.drift).toBe(13 * MIN);
  });

  it('[T6] a finished show: every item done, its end is when it finished, drift against the plan\'s end', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'close' });
    s.clock.advance(62 * MIN); // 09:02
    s.send({ type: 'next' });
    const p = project(s.state.programme, s.live, at('11:00'));
    expect(p.items.every((i) => i.status === 'done' && i.projectedStart === null)).toBe(true);
    expect(p.projectedEnd).toBe(at('09:02'));
    expect(p.drift).toBe(-3 * MIN);
  });
});

describe('a stated end and a programme that does not hold the item on now', () => {
  // The same day with a stated end of 09:30: the hall is booked past the closing item (09:00–09:05).
  const booked = programmeSchema.parse({ ...input, end: '09:30' });

  it('[T6] on the last item the drift is still against that item\'s planned end, not the booked end of the day', () => {
    const s = small('08:00', booked);
    s.send({ type: 'start' });
    s.clock.advance(70 * MIN); // 09:10
    s.send({ type: 'goto', itemId: 'close' });
    s.clock.advance(8 * MIN); // 09:18
    const p = project(s.state.programme, s.live, s.clock.now());
    expect(p.plannedEnd).toBe(at('09:30'));
    expect(p.drift).toBe(13 * MIN); // 09:18 against 09:05
  });

  it('[T6] a finished show with a stated end: its drift is against the last item\'s planned end', () => {
    const s = small('08:00', booked);
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'close' });
    s.clock.advance(62 * MIN); // 09:02
    s.send({ type: 'next' });
    const p = project(s.state.programme, s.live, at('11:00'));
    expect(p).toMatchObject({ projectedEnd: at('09:02'), plannedEnd: at('09:30'), drift: -3 * MIN });
  });

  it('[T1] a screen whose programme does not (yet) hold the item on now shows no timer rather than failing', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'film' });
    s.clock.advance(MIN);
    const without = programmeSchema.parse({ ...input, items: input.items.filter((i) => i.id !== 'film') });
    expect(timerView(without, s.live, s.clock.now())).toBeNull();
    expect(timerView(s.state.programme, s.live, s.clock.now())).toMatchObject({ elapsed: MIN, remaining: 3 * MIN, level: 'normal' });
  });
});

describe('slots: now and next as screens draw them', () => {
  it('[C2] a segment shows its own title, presenter and duration; without a presenter it falls back to the item\'s', () => {
    const first = slotAt(programme, { itemId: 'talks', segmentIndex: 0 });
    expect(first).toEqual({
      itemId: 'talks', segmentIndex: 0, kind: 'discussion', itemTitle: 'Talks', segmentTitle: 'Talk 1',
      presenter: { name: 'Speaker 1' }, durationSec: 300,
    });
    expect(slotAt(programme, { itemId: 'talks', segmentIndex: 1 })).toMatchObject({ segmentTitle: 'Talk 2', presenter: { name: 'Chair' }, durationSec: 420 });
    expect(slotAt(programme, { itemId: 'film', segmentIndex: null })).toMatchObject({ segmentTitle: null, presenter: null, durationSec: 240 });
    expect(slotAt(programme, { itemId: 'missing', segmentIndex: null })).toBeNull();
    expect(slotAt(programme, null)).toBeNull();
  });

  it('[C2] before the start "next" is the first item; on the last item "next" is empty; after the end both are', () => {
    const s = small();
    expect(nowAndNext(s.state.programme, s.live)).toEqual({ now: null, next: slotAt(programme, { itemId: 'open', segmentIndex: null }) });
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'open' });
    expect(nowAndNext(s.state.programme, s.live).next).toMatchObject({ itemId: 'talks', segmentIndex: 0 });
    s.send({ type: 'goto', itemId: 'close' });
    expect(nowAndNext(s.state.programme, s.live)).toMatchObject({ now: { itemId: 'close' }, next: null });
    s.send({ type: 'next' });
    expect(nowAndNext(s.state.programme, s.live)).toEqual({ now: null, next: null });
  });
});
