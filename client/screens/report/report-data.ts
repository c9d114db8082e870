/**
 * `GET /api/v1/report[?runId=]`: the report of a run (shared/report.ts), its audit lines and the
 * list of runs, typed by the shared protocol.
 */
import { useEffect, useState } from 'react';
import type { ReportResponse } from '@shared/protocol';
import { useShow } from '../../store';

export type { ReportResponse, RunListing } from '@shared/protocol';

export type Loadable = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; data: ReportResponse };

/** Loads the chosen run (the current one by default) and reloads the current run when the show moves. */
export function useReport(runId: string | null): Loadable {
  const revision = useShow((s) => s.revision);
  const [state, setState] = useState<Loadable>({ status: 'loading' });
  const current = state.status === 'ready' && state.data.current;
  const watch = runId === null || current ? revision : 0;
  useEffect(() => {
    const ctrl = new AbortController();
    const url = `/api/v1/report${runId ? `?runId=${encodeURIComponent(runId)}` : ''}`;
    fetch(url, { signal: ctrl.signal })
      .then(async (res) => {
        const body = (await res.json()) as ReportResponse | { error: { message: string } };
        if ('error' in body) setState({ status: 'failed', message: body.error.message });
        else setState({ status: 'ready', data: body });
      })
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setState({ status: 'failed', message: String(e) });
      });
    return () => ctrl.abort();
  }, [runId, watch]);
  return state;
}
