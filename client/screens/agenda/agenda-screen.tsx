/** Delegates' and press phones: the programme with projected times and live progress. */
import './agenda.css';
import { useShallow } from 'zustand/react/shallow';
import { project } from '@shared/derive';
import { formatLongDate, formatTimeOfDay, type Instant, zonedInstant } from '@shared/time';
import { inFull } from '@shared/wording';
import { shownTimer } from '../../components/timers';
import { ConnectionBadge } from '../../components/connection-badge';
import { useShowConnection } from '../../components/use-show-connection';
import { driftWords, lang, t } from '../../i18n/i18n';
import { useShow } from '../../store';
import { useNow } from '../../use-now';

const STATUS_WORD = { done: t.done, now: t.now, next: t.next, later: t.later } as const;
/** A projected start within a minute of the plan is the plan. */
const SAME_MS = 60_000;

export default function AgendaScreen() {
  useShowConnection({ label: 'agenda' });
  const { programme, live, record } = useShow(useShallow((s) => ({ programme: s.programme, live: s.live, record: s.record })));
  const now = useNow(1000);
  if (!programme || !live) return <main className="agenda" />;
  const tz = programme.timeZone;
  const time = (at: Instant) => formatTimeOfDay(at, tz);
  const projection = project(programme, live, now);
  const timer = shownTimer(programme, live, now);
  const visits = record?.visits ?? [];

  return (
    <main className="agenda">
      <header className="ag-head">
        <h1>{inFull(programme.title)}</h1>
        <div className="ag-meta">
          {formatLongDate(zonedInstant(programme.date, programme.start, tz), tz, lang)}
          {programme.venue ? <> · {inFull(programme.venue)}</> : null}
        </div>
        {live.phase === 'running' || live.phase === 'paused' ? (
          <div className="ag-drift">
            <span className="ag-live">● {t.live}</span> {driftWords(projection.drift)}
            {' · '}{t.projectedEnd} {time(projection.projectedEnd)}
          </div>
        ) : live.phase === 'finished' ? (
          <div className="ag-drift">{t.finished}</div>
        ) : null}
      </header>
      <ol className="ag-list">
        {programme.items.map((item, i) => {
          const p = projection.items[i];
          if (!p) return null;
          const actual = visits.find((v) => v.itemId === item.id)?.startedAt;
          const projected = p.projectedStart;
          const moved = projected !== null && Math.abs(projected - p.plannedStart) >= SAME_MS && p.status !== 'now';
          const isNow = p.status === 'now';
          const progress = isNow && timer ? Math.min(1, Math.max(0, timer.elapsed / timer.allotted)) : 0;
          return (
            <li key={item.id} className={`ag-item ag-${p.status}`} data-status={p.status}>
              <div className="ag-time">
                <span className={moved ? 'ag-struck' : ''}>{time(p.plannedStart)}</span>
                {moved && projected !== null ? <span className="ag-projected">{time(projected)}</span> : null}
                {actual !== undefined && p.status === 'done' ? <span className="ag-actual">{time(actual)}</span> : null}
              </div>
              <div className="ag-body">
                <span className={`ag-chip ag-chip-${p.status}`}>{STATUS_WORD[p.status]}</span>
                <div className="ag-title">{inFull(item.title)}</div>
                {item.presenter ? <div className="ag-presenter">{inFull(item.presenter.name)}{item.presenter.title ? `, ${inFull(item.presenter.title)}` : ''}</div> : null}
                {isNow && item.segments.length > 0 ? (
                  <ul className="ag-segments">
                    {item.segments.map((s, si) => (
                      <li key={s.id} className={si === live.segmentIndex ? 'ag-seg-now' : si < (live.segmentIndex ?? 0) ? 'ag-seg-done' : ''}>{inFull(s.title)}</li>
                    ))}
                  </ul>
                ) : null}
                {isNow ? (
                  <div className="ag-progress" aria-label={t.progress}>
                    <div className="ag-bar" style={{ width: `${progress * 100}%` }} />
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <footer className="ag-foot"><ConnectionBadge /></footer>
    </main>
  );
}
