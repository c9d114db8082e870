/**
 * The after-event report: planned vs actual for every item and segment of a run, from the run
 * record. Pure: the server builds it for `/api/v1/report`, the report screen renders and exports it.
 */
import { onRunDay, plannedEnd, plannedSchedule } from './derive';
import type { Programme } from './programme';
import type { RunRecord, Visit } from './record';
import { type Duration, type Instant, addTo, between, seconds } from './time';

export interface ReportRow {
  itemId: string;
  segmentIndex: number | null;
  kind: string;
  title: string;
  presenter: string | null;
  plannedStart: Instant;
  plannedDurationSec: number;
  actualStart: Instant | null;
  actualEnd: Instant | null;
  /** Wall time on stage, summed over every visit (pauses included: the hall waited through them). */
  actualMs: Duration | null;
  pausedMs: Duration;
  addedMs: Duration;
  /** actual − planned; positive = ran long. Null when it never ran. */
  overrunMs: Duration | null;
  /** actual start − planned start; positive = started late. */
  startDelayMs: Duration | null;
  visits: number;
  segments: ReportRow[];
}

export interface RunReport {
  runId: string;
  title: string;
  timeZone: string;
  /**
   * The day the plan is read on: the programme's date, or the day the run actually started when
   * that differs (a rehearsal the day before is compared with the plan's times on its own day).
   */
  plannedDate: string;
  plannedStart: Instant;
  plannedEnd: Instant;
  actualStart: Instant | null;
  actualEnd: Instant | null;
  /** actual end − planned end of the show; positive = finished late. */
  endDriftMs: Duration | null;
  /** Sum of every item's overrun. */
  totalOverrunMs: Duration;
  finished: boolean;
  items: ReportRow[];
}

/** `now` closes a visit still open (the run is under way); without it open visits count as not ended. */
export function buildReport(given: Programme, record: RunRecord, now?: Instant): RunReport {
  const first = record.visits[0];
  const programme = onRunDay(given, first?.startedAt);
  const plan = plannedSchedule(programme);
  const items = programme.items.map((item, i): ReportRow => {
    const plannedStart = (plan[i] as { start: Instant }).start;
    const mine = record.visits.filter((v) => v.itemId === item.id);
    let segmentStart = plannedStart;
    const segments = item.segments.map((segment, segmentIndex): ReportRow => {
      const row = rowFor(
        { itemId: item.id, segmentIndex, kind: item.kind, title: segment.title, presenter: segment.presenter?.name ?? null },
        segmentStart,
        segment.durationSec,
        mine.filter((v) => v.segmentIndex === segmentIndex),
        now,
      );
      segmentStart = addTo(segmentStart, seconds(segment.durationSec));
      return row;
    });
    const row = rowFor(
      { itemId: item.id, segmentIndex: null, kind: item.kind, title: item.title, presenter: item.presenter?.name ?? null },
      plannedStart,
      item.durationSec,
      mine,
      now,
    );
    return { ...row, segments };
  });
  const last = record.visits.at(-1);
  const finished = !!last && last.endedAt !== null && record.visits.length > 0 && allEnded(record.visits);
  const actualEnd = finished && last ? last.endedAt : null;
  const end = plannedEnd(programme);
  return {
    runId: record.runId,
    title: programme.title,
    timeZone: programme.timeZone,
    plannedDate: programme.date,
    plannedStart: (plan[0] as { start: Instant }).start,
    plannedEnd: end,
    actualStart: first?.startedAt ?? null,
    actualEnd,
    endDriftMs: actualEnd === null ? null : between(end, actualEnd),
    totalOverrunMs: items.reduce((s, r) => s + (r.overrunMs ?? 0), 0) as Duration,
    finished,
    items,
  };
}

const allEnded = (visits: Visit[]) => visits.every((v) => v.endedAt !== null);

function rowFor(
  head: Pick<ReportRow, 'itemId' | 'segmentIndex' | 'kind' | 'title' | 'presenter'>,
  plannedStart: Instant,
  plannedDurationSec: number,
  visits: Visit[],
  now: Instant | undefined,
): ReportRow {
  const ran = visits.length > 0;
  const ends = visits.map((v) => v.endedAt ?? now ?? null);
  const actualMs = ran && ends.every((e) => e !== null)
    ? (visits.reduce((s, v, i) => s + between(v.startedAt, ends[i] as Instant), 0) as Duration)
    : null;
  const actualStart = visits[0]?.startedAt ?? null;
  return {
    ...head,
    plannedStart,
    plannedDurationSec,
    actualStart,
    actualEnd: ran ? (visits.at(-1) as Visit).endedAt : null,
    actualMs,
    pausedMs: visits.reduce((s, v) => s + v.pausedMs, 0) as Duration,
    addedMs: visits.reduce((s, v) => s + v.addedMs, 0) as Duration,
    overrunMs: actualMs === null ? null : ((actualMs - plannedDurationSec * 1000) as Duration),
    startDelayMs: actualStart === null ? null : between(plannedStart, actualStart),
    visits: visits.length,
    segments: [],
  };
}
