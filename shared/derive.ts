/**
 * Everything a screen shows that moves with time, as pure functions of (programme, live, now).
 * Screens call these on every animation frame with the server-corrected "now".
 */
import type { LiveState, Position } from './live';
import { findItem } from './lookup';
import type { Item, Person, Programme, Segment } from './programme';
import { plannedSecondsAt, positionsOf } from './reducer';
import { type Duration, type Instant, addTo, between, laterOf, seconds, toCalendarDate, zonedInstant } from './time';

export type Level = 'normal' | 'warning' | 'danger' | 'over';

/** Time the current timer has run, pauses excluded. Null before start and after the end. */
export function elapsed(live: LiveState, now: Instant): Duration | null {
  if (live.startedAt === null) return null;
  const until = live.pausedAt ?? now;
  return (between(live.startedAt, until) - live.pausedMs) as Duration;
}

/** Planned length of the current timer including added time. */
export function allotted(programme: Programme, live: LiveState): Duration | null {
  if (live.currentItemId === null) return null;
  return (seconds(plannedSecondsAt(programme, { itemId: live.currentItemId, segmentIndex: live.segmentIndex })) + live.addedMs) as Duration;
}

/** Time left on the current timer; negative once over. */
export function remaining(programme: Programme, live: LiveState, now: Instant): Duration | null {
  const e = elapsed(live, now);
  const a = allotted(programme, live);
  return e === null || a === null ? null : ((a - e) as Duration);
}

export function levelOf(rem: Duration, item: Pick<Item, 'warningSec' | 'dangerSec'>): Level {
  if (rem < 0) return 'over';
  if (rem <= item.dangerSec * 1000) return 'danger';
  if (rem <= item.warningSec * 1000) return 'warning';
  return 'normal';
}

export interface TimerView {
  elapsed: Duration;
  remaining: Duration;
  allotted: Duration;
  level: Level;
  paused: boolean;
}

/** The current timer in one call, or null when nothing is running. */
export function timerView(programme: Programme, live: LiveState, now: Instant): TimerView | null {
  const item = findItem(programme, live.currentItemId);
  const e = elapsed(live, now);
  const a = allotted(programme, live);
  if (!item || e === null || a === null) return null;
  const rem = (a - e) as Duration;
  return { elapsed: e, remaining: rem, allotted: a, level: levelOf(rem, item), paused: live.phase === 'paused' };
}

export interface FilmClock {
  elapsed: Duration;
  remaining: Duration;
  total: Duration;
}

/** The film's own clock, from `rolled`; it does not stop when the MC pauses the show timer. */
export function filmClock(programme: Programme, live: LiveState, now: Instant): FilmClock | null {
  const av = live.av;
  if (!av || av.status !== 'rolled' || av.rolledAt === null) return null;
  const item = findItem(programme, av.itemId);
  if (!item) return null;
  const total = seconds(item.mediaDurationSec ?? item.durationSec);
  const e = between(av.rolledAt, now);
  return { elapsed: e, remaining: (total - e) as Duration, total };
}

/** Pre-roll left for the AV cue: the cue's lead time counted from STANDBY. */
export function preroll(programme: Programme, live: LiveState, now: Instant): Duration | null {
  const av = live.av;
  if (!av || av.status === 'rolled') return null;
  const item = findItem(programme, av.itemId);
  if (!item) return null;
  const lead = item.cues.find((c) => c.target === 'av')?.leadSec ?? 0;
  return (lead * 1000 - between(av.standbyAt, now)) as Duration;
}

/**
 * The programme as planned for the day a run actually started: its own date, or — for a run
 * started on another day, such as a rehearsal the day before — the same times on that day.
 */
export function onRunDay(programme: Programme, runStartedAt: Instant | null | undefined): Programme {
  if (runStartedAt == null) return programme;
  const day = toCalendarDate(runStartedAt, programme.timeZone);
  return day === programme.date ? programme : { ...programme, date: day };
}

/** Planned start and end of every item: programme start plus durations; a fixed start resets the sum. */
export function plannedSchedule(programme: Programme): { itemId: string; start: Instant; end: Instant }[] {
  let cursor = zonedInstant(programme.date, programme.start, programme.timeZone);
  return programme.items.map((item) => {
    const start = item.fixedStart ? zonedInstant(programme.date, item.fixedStart, programme.timeZone) : cursor;
    const end = addTo(start, seconds(item.durationSec));
    cursor = end;
    return { itemId: item.id, start, end };
  });
}

/** The planned end of the show: the programme's stated end, else the end of its last item. */
export function plannedEnd(programme: Programme): Instant {
  if (programme.end) return zonedInstant(programme.date, programme.end, programme.timeZone);
  const last = plannedSchedule(programme).at(-1);
  return last ? last.end : zonedInstant(programme.date, programme.start, programme.timeZone);
}

export type ItemStatus = 'done' | 'now' | 'next' | 'later';
export interface ProjectedItem {
  itemId: string;
  status: ItemStatus;
  plannedStart: Instant;
  plannedEnd: Instant;
  /** Projected start for items not yet begun; the actual start for the current item. */
  projectedStart: Instant | null;
  projectedEnd: Instant | null;
}

export interface Projection {
  items: ProjectedItem[];
  /** Projected start of the next item minus its planned start; positive = behind plan. */
  drift: Duration;
  projectedEnd: Instant;
  plannedEnd: Instant;
}

/**
 * Where the rest of the show is heading. The current item ends at the later of its plan and what
 * its running timer (plus any later segments) needs; each later item starts when the one before
 * ends, but never before its fixed start time.
 */
export function project(given: Programme, live: LiveState, now: Instant): Projection {
  const programme = onRunDay(given, live.runStartedAt);
  const plan = plannedSchedule(programme);
  const currentIndex = programme.items.findIndex((i) => i.id === live.currentItemId);
  const finished = live.phase === 'finished';
  let cursor: Instant | null = null;
  const items = programme.items.map((item, i): ProjectedItem => {
    const p = plan[i] as { start: Instant; end: Instant };
    const base = { itemId: item.id, plannedStart: p.start, plannedEnd: p.end };
    if (finished || (currentIndex >= 0 && i < currentIndex)) return { ...base, status: 'done', projectedStart: null, projectedEnd: null };
    if (i === currentIndex) {
      cursor = currentItemEnd(programme, item, live, now);
      return { ...base, status: 'now', projectedStart: live.itemStartedAt, projectedEnd: cursor };
    }
    const start: Instant = cursor === null ? laterOf(p.start, now) : item.fixedStart ? laterOf(cursor, p.start) : cursor;
    cursor = addTo(start, seconds(item.durationSec));
    const status: ItemStatus = i === currentIndex + 1 || (currentIndex < 0 && i === 0) ? 'next' : 'later';
    return { ...base, status, projectedStart: start, projectedEnd: cursor };
  });
  const end = plannedEnd(programme);
  if (finished) {
    const finishedAt = live.finishedAt ?? now;
    return { items, drift: between(plan.at(-1)?.end ?? end, finishedAt), projectedEnd: finishedAt, plannedEnd: end };
  }
  const next = items.find((i) => i.status === 'next');
  const last = items.at(-1);
  const projectedEnd = last?.projectedEnd ?? now;
  const drift = next && next.projectedStart !== null ? between(next.plannedStart, next.projectedStart) : between(last?.plannedEnd ?? end, projectedEnd);
  return { items, drift, projectedEnd, plannedEnd: end };
}

function currentItemEnd(programme: Programme, item: Item, live: LiveState, now: Instant): Instant {
  const rem = remaining(programme, live, now) ?? (0 as Duration);
  const laterSegments = live.segmentIndex === null ? 0 : item.segments.slice(live.segmentIndex + 1).reduce((s, seg) => s + seg.durationSec, 0);
  const byTimer = addTo(now, (Math.max(0, rem) + laterSegments * 1000) as Duration);
  const byPlan = addTo(live.itemStartedAt ?? now, seconds(item.durationSec));
  return laterOf(byTimer, byPlan);
}

/** One screen line: what is at a position, complete enough to draw without the programme. */
export interface Slot {
  itemId: string;
  segmentIndex: number | null;
  kind: Item['kind'];
  itemTitle: string;
  segmentTitle: string | null;
  presenter: Person | null;
  durationSec: number;
}

export function slotAt(programme: Programme, pos: Position | null): Slot | null {
  const item = pos && findItem(programme, pos.itemId);
  if (!item) return null;
  const segment: Segment | undefined = pos.segmentIndex === null ? undefined : item.segments[pos.segmentIndex];
  return {
    itemId: item.id,
    segmentIndex: pos.segmentIndex,
    kind: item.kind,
    itemTitle: item.title,
    segmentTitle: segment?.title ?? null,
    presenter: segment?.presenter ?? item.presenter ?? null,
    durationSec: segment?.durationSec ?? item.durationSec,
  };
}

/** "Now" and "next" as one consistent pair: what every screen needs after a GO. */
export function nowAndNext(programme: Programme, live: LiveState): { now: Slot | null; next: Slot | null } {
  if (live.phase === 'finished') return { now: null, next: null };
  const list = positionsOf(programme);
  const current = live.currentItemId === null ? null : { itemId: live.currentItemId, segmentIndex: live.segmentIndex };
  const i = current === null ? -1 : list.findIndex((p) => p.itemId === current.itemId && p.segmentIndex === current.segmentIndex);
  return { now: slotAt(programme, current), next: slotAt(programme, list[i + 1] ?? null) };
}
