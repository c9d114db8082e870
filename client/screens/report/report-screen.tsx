/**
 * `/report`: one run's planned vs actual for every item and segment, the show's end against the
 * plan, and the audit log — with CSV downloads and a print stylesheet for a clean A4 PDF.
 * Readable without a PIN (it connects as a viewer only to notice that the current run moved on).
 */
import './report.css';
import { useState } from 'react';
import { toCsv } from '@shared/import/csv';
import { ROLE_LABELS } from '@shared/import/labels';
import { auditToSheet, commandDetails, reportToSheet, signedSpan } from '@shared/import/report-sheet';
import type { ReportRow, RunReport } from '@shared/report';
import { formatClockTime, formatLongDate, formatSeconds, formatSpan, type Instant } from '@shared/time';
import { buildTimeline, reportTimeline } from '@shared/timeline';
import { useShallow } from 'zustand/react/shallow';
import { TimelineChart } from '../../components/timeline-chart';
import { useShowConnection } from '../../components/use-show-connection';
import { useShow } from '../../store';
import { useNow } from '../../use-now';
import { driftWords, lang } from '../../i18n/i18n';
import { type ReportResponse, useReport } from './report-data';
import { rw } from './report-words';
import { download } from '../../components/download';

const CSV = 'text/csv;charset=utf-8';

const runParam = new URLSearchParams(window.location.search).get('run');

export default function ReportScreen() {
  useShowConnection();
  const [runId, setRunId] = useState<string | null>(runParam);
  const state = useReport(runId);
  return (
    <main className="report-app">
      {state.status === 'loading' ? <p>{rw.loading}</p> : null}
      {state.status === 'failed' ? <p className="report-error" role="alert">{rw.failed}: {state.message}</p> : null}
      {state.status === 'ready' ? <ReportView data={state.data} onRun={setRunId} /> : null}
    </main>
  );
}


function ReportView({ data, onRun }: { data: ReportResponse; onRun: (id: string) => void }) {
  const { report, audit, runs } = data;
  const tz = report.timeZone;
  const time = (at: Instant | null) => (at === null ? '—' : formatClockTime(at, tz));
  return (
    <article className="report">
      <header className="report-head">
        <div>
          <p className="report-kicker">{rw.screen.toUpperCase()}</p>
          <h1>{report.title}</h1>
          <p className="report-sub">{formatLongDate(report.plannedStart, tz, lang)} · {rw.run} {report.runId}{data.current ? ` (${rw.current})` : ''}</p>
        </div>
        <div className="report-tools no-print">
          <label>
            {rw.run}{' '}
            <select value={data.runId} onChange={(e) => onRun(e.target.value)} aria-label={rw.run}>
              {runs.map((r) => (
                <option key={r.runId} value={r.runId}>
                  {r.runId}{r.current ? ` — ${rw.current}` : ''}{r.firstAt ? ` — ${formatClockTime(r.firstAt as Instant, tz)}` : ''} · {r.commands} {rw.commands}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn" onClick={() => download(`bao-cao-${report.runId}.csv`, toCsv(reportToSheet(report, lang)), CSV)}>{rw.csvReport}</button>
          <button type="button" className="btn" onClick={() => download(`nhat-ky-${report.runId}.csv`, toCsv(auditToSheet(audit, tz, lang)), CSV)}>{rw.csvAudit}</button>
          <button type="button" className="btn" onClick={() => window.print()}>{rw.print}</button>
        </div>
      </header>
      <Summary report={report} time={time} />
      <h2>{rw.timeline}</h2>
      {data.current ? <LiveTimeline report={report} /> : <TimelineChart timeline={reportTimeline(report)} timeZone={tz} className="report-timeline" />}
      <h2>{rw.plannedVsActual}</h2>
      <table className="report-table">
        <thead>
          <tr>
            <th>{rw.no}</th><th>{rw.item}</th><th>{rw.presenter}</th><th>{rw.plannedStart}</th><th>{rw.actualStart}</th>
            <th>{rw.actualEnd}</th><th>{rw.plannedDur}</th><th>{rw.actualDur}</th><th>{rw.overrun}</th>
          </tr>
        </thead>
        <tbody>
          {report.items.flatMap((item, i) => [
            <Row key={item.itemId} row={item} no={String(i + 1)} time={time} tz={tz} />,
            ...item.segments.map((s, j) => <Row key={`${item.itemId}/${j}`} row={s} no={`${i + 1}.${j + 1}`} time={time} tz={tz} segment />),
          ])}
        </tbody>
      </table>
      <h2>{rw.auditLog}</h2>
      {audit.length === 0 ? <p className="muted">{rw.empty}</p> : (
        <table className="report-table audit-table">
          <thead>
            <tr><th>{rw.when}</th><th>{rw.role}</th><th>{rw.client}</th><th>{rw.command}</th><th>{rw.details}</th><th>{rw.revision}</th></tr>
          </thead>
          <tbody>
            {audit.map((a) => (
              <tr key={a.revision}>
                <td className="num">{formatClockTime(a.at as Instant, tz)}</td>
                <td>{ROLE_LABELS[a.role]?.[lang] ?? a.role}</td>
                <td>{a.label}</td>
                <td><code>{a.type}</code></td>
                <td className="details">{a.command ? commandDetails(a.command) : ''}</td>
                <td className="num">{a.revision}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

/** The current run: the live picture (projection, now line) while this screen holds the same run; else the report's. */
function LiveTimeline({ report }: { report: RunReport }) {
  const { programme, live, record } = useShow(useShallow((s) => ({ programme: s.programme, live: s.live, record: s.record })));
  const now = useNow(1000);
  const same = programme && live && record && record.runId === report.runId;
  const timeline = same ? buildTimeline(programme, live, record, now) : reportTimeline(report);
  return <TimelineChart timeline={timeline} timeZone={report.timeZone} className="report-timeline" />;
}

function Summary({ report, time }: { report: RunReport; time: (at: Instant | null) => string }) {
  const end = report.endDriftMs;
  return (
    <dl className="report-summary">
      <div><dt>{rw.showStart}</dt><dd>{time(report.actualStart)}</dd></div>
      <div><dt>{rw.plannedEnd}</dt><dd>{formatClockTime(report.plannedEnd, report.timeZone).slice(0, 5)}</dd></div>
      <div><dt>{rw.actualEndShow}</dt><dd>{report.actualEnd === null ? rw.notFinished : time(report.actualEnd)}</dd></div>
      <div>
        <dt>{rw.endDrift}</dt>
        <dd className={end !== null && end > 30_000 ? 'late' : ''}>{end === null ? '—' : driftWords(end)}</dd>
      </div>
      <div><dt>{rw.totalOverrun}</dt><dd className={report.totalOverrunMs > 0 ? 'late' : ''}>{signedSpan(report.totalOverrunMs)}</dd></div>
    </dl>
  );
}

function Row({ row, no, time, tz, segment = false }: { row: ReportRow; no: string; time: (at: Instant | null) => string; tz: string; segment?: boolean }) {
  const over = row.overrunMs;
  return (
    <tr className={segment ? 'seg' : 'item'}>
      <td className="num">{no}</td>
      <td className="title">{row.title}{row.visits === 0 ? <small> · {rw.notRun}</small> : null}</td>
      <td>{row.presenter ?? ''}</td>
      <td className="num">{formatClockTime(row.plannedStart, tz).slice(0, 5)}</td>
      <td className="num">
        {time(row.actualStart)}
        {row.startDelayMs !== null && Math.abs(row.startDelayMs) >= 60_000 ? (
          <small className={row.startDelayMs > 0 ? 'late' : 'early'}>{row.startDelayMs > 0 ? rw.late(formatSpan(row.startDelayMs)) : rw.early(formatSpan(row.startDelayMs))}</small>
        ) : null}
      </td>
      <td className="num">{time(row.actualEnd)}</td>
      <td className="num">{formatSeconds(row.plannedDurationSec)}</td>
      <td className="num">{row.actualMs === null ? '—' : formatSeconds(Math.round(row.actualMs / 1000))}</td>
      <td className={`num ${over !== null && over > 0 ? 'late' : over !== null && over < 0 ? 'early' : ''}`}>{signedSpan(over)}</td>
    </tr>
  );
}
