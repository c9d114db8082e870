/**
 * The day as one picture (rules TL1–TL5): every item as a bar on a time axis — the plan, and what
 * actually happened, with the projection for what is still to come — the now line and where the
 * end of the show is heading. Pure: the MC console and the report draw it; `now` is an argument.
 */
import { type Level, onRunDay, project, timerView } from './derive';
import type { LiveState } from './live';
import type { Programme } from './programme';
import type { RunRecord } from './record';
import { buildReport, type ReportRow, type RunReport } from './report';
import { type Duration, type Instant, addTo, between, minutes, seconds } from './time';

export type BarStatus = 'done' | 'skipped' | 'now' | 'next' | 'later';

export interface TimelineBar {
  itemId: string;
  title: string;
  status: BarStatus;
  planStart: Instant;
  planEnd: Instant;
  /** First visit's start; absent while the item has not run. */
  actualStart?: Instant;
  /** End of its last visit once it is over; absent while it runs or never ran. */
  actualEnd?: Instant;
  /** The item on now: `now`; items still to come: their projected start (T7). */
  projectedStart?: Instant;
  projectedEnd?: Instant;
  level: Level;
}

export interface Timeline {
  bars: TimelineBar[];
  /** The axis: whole quarter hours around every bar, the planned end and the projected end. */
  axisStart: Instant;
  axisEnd: Instant;
  /** Every quarter hour inside the axis (half or whole hours past 6 or 12 hours; none past 48). */
  ticks: Instant[];
  /** The now line, when `now` is inside the axis and the run is live; else null. */
  now: Instant | null;
  plannedEnd: Instant;
  /** Where the end is going: the projection while the show runs, the actual end once finished. */
  projectedEnd: Instant;
  /** projectedEnd − plannedEnd; positive = late. */
  endDrift: Duration;
  finished: boolean;
}

const QUARTER = minutes(15);
const HOUR = minutes(60);
const RANK: Record<Level, number> = { normal: 0, warning: 1, danger: 2, over: 3 };
const worse = (a: Level, b: Level): Level => (RANK[a] >= RANK[b] ? a : b);
/** TL2: an item that ran is `over` exactly when the report counts an overrun (R3). */
const ranLevel = (row: ReportRow): Level => (row.overrunMs !== null && row.overrunMs > 0 ? 'over' : 'normal');

/**
 * The live picture (MC console, and the report of the current run): plan from the run's day (R4),
 * actual times from the run record, projections from `project` (T7), the item on now coloured as
 * its timer (T3) — or `over` when its projected end is past its planned length.
 */
export function buildTimeline(given: Programme, live: LiveState, record: RunRecord, now: Instant): Timeline {
  // Before the start the run's day is today: a programme dated another day (the seed's 18/01/2024, a
  // rehearsal the day before) is drawn on today's axis, as R4 reads it once the run starts.
  const programme = live.runStartedAt === null ? onRunDay(given, now) : given;
  const projection = project(programme, live, now);
  const rows = buildReport(programme, record, now).items;
  const timer = timerView(programme, live, now);
  const bars = programme.items.map((item, i): TimelineBar => {
    const p = projection.items[i] as (typeof projection.items)[number];
    const row = rows[i] as ReportRow;
    const ran = row.visits > 0;
    const bar: TimelineBar = {
      itemId: item.id,
      title: item.title,
      status: p.status === 'done' && !ran ? 'skipped' : p.status,
      planStart: p.plannedStart,
      planEnd: p.plannedEnd,
      level: 'normal',
    };
    if (row.actualStart !== null) bar.actualStart = row.actualStart;
    if (p.status === 'now') {
      const end = p.projectedEnd as Instant;
      bar.projectedStart = now;
      bar.projectedEnd = end;
      const start = row.actualStart ?? now;
      const projectedOver = between(start, end) > seconds(item.durationSec) ? 'over' : 'normal';
      bar.level = worse(timer?.level ?? 'normal', projectedOver);
      return bar;
    }
    if (ran && row.actualEnd !== null) {
      bar.actualEnd = row.actualEnd;
      bar.level = ranLevel(row);
    }
    if ((p.status === 'next' || p.status === 'later') && p.projectedStart !== null && p.projectedEnd !== null) {
      bar.projectedStart = p.projectedStart;
      bar.projectedEnd = p.projectedEnd;
    }
    return bar;
  });
  const finished = live.phase === 'finished';
  const liveRun = live.phase === 'running' || live.phase === 'paused';
  return frame(bars, projection.plannedEnd, projection.projectedEnd, finished, liveRun ? now : null);
}

/**
 * The picture of a run from its report alone (an earlier run, or no live state): plan and actual,
 * no projection and no now line. A visit still open when the report was cut (the run was reset)
 * ends where the report's actual duration ends.
 */
export function reportTimeline(report: RunReport): Timeline {
  const bars = report.items.map((row): TimelineBar => {
    const planEnd = addTo(row.plannedStart, seconds(row.plannedDurationSec));
    const bar: TimelineBar = { itemId: row.itemId, title: row.title, status: row.visits > 0 ? 'done' : 'skipped', planStart: row.plannedStart, planEnd, level: ranLevel(row) };
    if (row.actualStart !== null) {
      bar.actualStart = row.actualStart;
      const end = row.actualEnd ?? (row.actualMs !== null ? addTo(row.actualStart, row.actualMs) : null);
      if (end !== null) bar.actualEnd = end;
    }
    return bar;
  });
  const lastEnd = bars.reduce<Instant | null>((m, b) => (b.actualEnd !== undefined && (m === null || b.actualEnd > m) ? b.actualEnd : m), null);
  const end = report.actualEnd ?? lastEnd ?? report.plannedEnd;
  return frame(bars, report.plannedEnd, end, report.finished, null);
}

function frame(bars: TimelineBar[], plannedEnd: Instant, projectedEnd: Instant, finished: boolean, now: Instant | null): Timeline {
  const times: number[] = [plannedEnd, projectedEnd];
  for (const b of bars) {
    times.push(b.planStart, b.planEnd);
    for (const t of [b.actualStart, b.actualEnd, b.projectedStart, b.projectedEnd]) if (t !== undefined) times.push(t);
  }
  if (now !== null) times.push(now);
  const axisStart = (Math.floor(Math.min(...times) / QUARTER) * QUARTER) as Instant;
  let axisEnd = (Math.ceil(Math.max(...times) / QUARTER) * QUARTER) as Instant;
  if (axisEnd <= axisStart) axisEnd = addTo(axisStart, QUARTER);
  // A quarter hour between ticks for a morning; wider steps for a longer day; none beyond two days (a bad date).
  const span = axisEnd - axisStart;
  const step = span <= 6 * HOUR ? QUARTER : span <= 12 * HOUR ? 2 * QUARTER : 4 * QUARTER;
  const ticks: Instant[] = [];
  if (span <= 48 * HOUR) for (let t = axisStart as number; t <= axisEnd; t += step) ticks.push(t as Instant);
  return { bars, axisStart, axisEnd, ticks, now, plannedEnd, projectedEnd, endDrift: between(plannedEnd, projectedEnd), finished };
}

/** Where an instant falls on the axis, 0…1 (clamped): the renderers' one conversion. */
export function axisFraction(tl: Pick<Timeline, 'axisStart' | 'axisEnd'>, at: Instant): number {
  const f = (at - tl.axisStart) / (tl.axisEnd - tl.axisStart);
  return Math.min(1, Math.max(0, f));
}
