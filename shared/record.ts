/**
 * The run record: the actual start and end of every visit to an item or segment.
 * Kept beside the live state (never inside it: `live` must stay small) and used by the report.
 */
import type { Duration, Instant } from './time';

export interface Visit {
  itemId: string;
  segmentIndex: number | null;
  startedAt: Instant;
  endedAt: Instant | null;
  /** Pause accumulated during the visit. */
  pausedMs: Duration;
  /** Time added (or removed) during the visit. */
  addedMs: Duration;
}

export interface RunRecord {
  runId: string;
  visits: Visit[];
}

/** Close the open visit (if any) at `at`, folding in its pause and added time. */
export function closeVisit(record: RunRecord, at: Instant, pausedMs: Duration, addedMs: Duration): RunRecord {
  const last = record.visits.at(-1);
  if (!last || last.endedAt !== null) return record;
  const closed: Visit = { ...last, endedAt: at, pausedMs, addedMs };
  return { ...record, visits: [...record.visits.slice(0, -1), closed] };
}

export function openVisit(record: RunRecord, itemId: string, segmentIndex: number | null, at: Instant): RunRecord {
  const visit: Visit = { itemId, segmentIndex, startedAt: at, endedAt: null, pausedMs: 0 as Duration, addedMs: 0 as Duration };
  return { ...record, visits: [...record.visits, visit] };
}
