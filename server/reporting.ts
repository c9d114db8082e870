/**
 * The report of a run: planned vs actual (shared/report.ts) and the audit entries of that run,
 * from the journal. The current run comes from the live state; an earlier run is rebuilt from the
 * snapshot before it and its journal entries.
 */
import type { Command, Role } from '@shared/commands';
import type { Position, ShowState } from '@shared/live';
import type { ApiError, AuditEntry, ReportResponse, RunListing } from '@shared/protocol';
import { buildReport, type RunReport } from '@shared/report';
import type { Instant } from '@shared/time';
import { apiError } from './errors';
import { stateAtEndOfRun } from './store/replay';
import type { JournalRecord, RunSummary, ShowStore } from './store/store';

const toAudit = (e: JournalRecord): AuditEntry => ({
  revision: e.revision,
  at: e.at,
  role: e.actor.role,
  label: e.actor.label,
  type: e.command.type,
  command: e.command,
  from: e.from,
  to: e.to,
});

/** Every run with journal entries, and the current one even before its first command. */
export function listRuns(store: ShowStore, state: ShowState): RunListing[] {
  const current = state.live.runId;
  const runs = store.runs().map((r) => ({ ...r, current: r.runId === current }));
  if (!runs.some((r) => r.current)) {
    runs.push({ runId: current, firstRevision: state.revision, lastRevision: state.revision, firstAt: 0, lastAt: 0, commands: 0, current: true });
  }
  return runs;
}

export function reportFor(store: ShowStore, state: ShowState, runId: string | undefined, now: Instant): ReportResponse | ApiError {
  const wanted = runId ?? state.live.runId;
  const current = wanted === state.live.runId;
  // An earlier run ended at its reset: a visit still open then counts until that moment.
  const atEnd = current ? { state, endedAt: now } : stateAtEndOfRun(store, wanted);
  if (!atEnd) return apiError('not_found', `no run "${wanted.slice(0, 40)}" in the journal`);
  return {
    runId: wanted,
    current,
    runs: listRuns(store, state),
    report: buildReport(atEnd.state.programme, atEnd.state.record, atEnd.endedAt ?? undefined),
    audit: store.entries({ runId: wanted }).map(toAudit),
  };
}
