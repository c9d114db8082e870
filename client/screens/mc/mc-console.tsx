/**
 * The console the MC runs the show from: what is on now (large) with its script lines, what is
 * next, time left and drift, and every control — GO, back, pause, ±1 min, message, blackout, AV
 * standby — plus the whole programme with done / now / next / later and actual times.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findItem } from '@shared/lookup';
import { project } from '@shared/derive';
import { buildTimeline } from '@shared/timeline';
import { formatClockTime, formatSeconds, formatSpan, formatTimeOfDay } from '@shared/time';
import { shownTimer } from '../../components/timers';
import { ConnectionBadge } from '../../components/connection-badge';
import { TimelineChart } from '../../components/timeline-chart';
import { Countdown } from '../../components/countdown';
import { driftWords, lang, ON_TIME_MS, t } from '../../i18n/i18n';
import { type Readiness, readyCount } from '@shared/readiness';
import { useShow } from '../../store';
import { useNow } from '../../use-now';
import { AvPanel } from './av-panel';
import { ConfirmDialog, type PendingConfirm } from './confirm-dialog';
import { MessagePanel } from './message-panel';
import { NodeBanner, NodeMarks, needsBanner } from './node-banner';
import { ProgrammeList } from './programme-list';
import { useMcActions } from './use-mc-actions';
import { useMcKeys } from './use-mc-keys';

/** [RB4] Before the start: how many of the morning's checks are done, linking to the board. */
function ReadyLink({ readiness }: { readiness: Readiness }) {
  const { done, total } = readyCount(readiness);
  return (
    <a className={`mc-ready ${done === total ? 'is-all' : ''}`} data-testid="ready-count" href={`/ready${lang === 'en' ? '?lang=en' : ''}`}>
      {t.readinessCount(done, total)}
    </a>
  );
}

export function McConsole() {
  const { programme, live, slot, next } = useShow(useShallow((s) => ({ programme: s.programme, live: s.live, slot: s.now, next: s.next })));
  const { banner, backup } = useShow(useShallow((s) => ({ banner: needsBanner(s.server.node), backup: s.server.node?.role === 'backup' })));
  const record = useShow((s) => s.record);
  const readiness = useShow((s) => s.readiness);
  const now = useNow();
  const actions = useMcActions();
  const [pending, setPending] = useState<PendingConfirm | null>(null);
  useMcKeys(actions, pending === null);
  if (!programme || !live) return <main className="mc" />;

  const { send } = actions;
  const tz = programme.timeZone;
  const timer = shownTimer(programme, live, now);
  const projection = project(programme, live, now);
  // Before the start the MC prepares the opening: the first item, its script and the time to go.
  const ready = live.phase === 'ready';
  const shown = ready ? next : slot;
  const item = findItem(programme, ready ? (next?.itemId ?? null) : live.currentItemId);
  const segmentIndex = ready ? (next?.segmentIndex ?? null) : live.segmentIndex;
  const segment = item && segmentIndex !== null ? item.segments[segmentIndex] : undefined;
  const script = [...(item && (segmentIndex ?? 0) === 0 ? item.script : []), ...(segment?.script ?? [])];
  const firstStart = ready ? projection.items[0]?.plannedStart : undefined;
  const moving = live.phase === 'running' || live.phase === 'paused';
  const confirmIfRunning = (text: string, action: () => void) => (moving ? setPending({ text, action }) : action());

  return (
    <main className={`mc${banner ? ' has-node' : ''}${backup ? ' is-backup' : ''}`}>
      <NodeBanner confirm={setPending} />
      <header className="mc-top">
        <div className="mc-title" title={programme.title}>{programme.title}</div>
        <div className="mc-clock" data-testid="clock">{formatClockTime(now, tz)}</div>
        {live.phase !== 'ready' ? (
          <div className={`mc-drift ${projection.drift >= ON_TIME_MS ? 'is-behind' : projection.drift <= -ON_TIME_MS ? 'is-ahead' : 'is-on-time'}`} data-testid="drift">
            {driftWords(projection.drift)}
          </div>
        ) : null}
        <div className="mc-end">
          {t.projectedEnd} <b>{formatTimeOfDay(projection.projectedEnd, tz)}</b>
          <span className="mc-muted"> ({t.planned} {formatTimeOfDay(projection.plannedEnd, tz)})</span>
        </div>
        {readiness && live.phase === 'ready' ? <ReadyLink readiness={readiness} /> : null}
        <NodeMarks />
        <ConnectionBadge />
      </header>

      {record ? (
        <section className="mc-timeline">
          <TimelineChart timeline={buildTimeline(programme, live, record, now)} timeZone={tz} width={1300} />
        </section>
      ) : null}

      <section className="mc-now" data-testid="mc-now">
        <div className="mc-caption">{live.phase === 'finished' ? t.finished : live.phase === 'ready' ? t.notStarted : t.now}</div>
        {firstStart !== undefined ? (
          <div className="mc-starts" data-testid="starts-at">
            {t.startsAt(formatTimeOfDay(firstStart, tz))}
            {firstStart > now ? <span className="mc-muted"> · {formatSeconds(Math.ceil((firstStart - now) / 1000))}</span> : null}
          </div>
        ) : null}
        {shown ? (
          <>
            <h1 className="mc-now-title" data-testid={ready ? 'first-item-title' : 'item-title'}>{shown.itemTitle}</h1>
            {shown.segmentTitle ? <h2 className="mc-now-segment" data-testid="segment-title">{shown.segmentTitle}</h2> : null}
            {shown.presenter ? (
              <div className="mc-now-presenter">
                {shown.presenter.name}
                {shown.presenter.title ? `, ${shown.presenter.title}` : ''}
              </div>
            ) : null}
          </>
        ) : null}
        {timer ? (
          <div className="mc-timer">
            <Countdown remaining={timer.remaining} level={timer.level} paused={timer.paused} className="mc-countdown" />
            <div className="mc-timer-meta">
              <span>{timer.remaining < 0 ? t.overtime : t.remaining}</span>
              {timer.paused ? <span className="mc-paused">{t.paused}</span> : null}
              <span className="mc-muted">{t.elapsed} {formatSpan(timer.elapsed)} / {formatSpan(timer.allotted)}</span>
            </div>
          </div>
        ) : null}
        {script.length ? (
          <div className="mc-script" data-testid="script">
            <div className="mc-caption">{t.script}</div>
            {script.map((line, i) => <p key={i}>{line}</p>)}
          </div>
        ) : null}
      </section>

      <section className="mc-side">
        <div className="mc-next" data-testid="mc-next">
          <div className="mc-caption">{t.next}</div>
          {next ? (
            <>
              <div className="mc-next-title">{next.segmentTitle ? `${next.itemTitle} · ${next.segmentTitle}` : next.itemTitle}</div>
              {next.presenter ? <div className="mc-muted">{next.presenter.name}</div> : null}
              <div className="mc-muted">{formatSeconds(next.durationSec)}</div>
            </>
          ) : (
            <div className="mc-muted">—</div>
          )}
        </div>

        <div className="mc-controls">
          <button className="btn btn-go mc-go" data-testid="go" onClick={actions.go} disabled={live.phase === 'finished'}>
            {live.phase === 'ready' ? `${t.start} · ${t.goShort}` : t.go}
            <small>Space · → · PageDown</small>
          </button>
          <div className="mc-row">
            <button className="btn" onClick={actions.back} disabled={!moving} data-testid="back">← {t.back}</button>
            {live.phase === 'paused' ? (
              <button className="btn btn-warn" onClick={() => void send({ type: 'resume' })} data-testid="resume">▶ {t.resume}</button>
            ) : (
              <button className="btn" onClick={() => void send({ type: 'pause' })} disabled={live.phase !== 'running'} data-testid="pause">❚❚ {t.pause}</button>
            )}
          </div>
          <div className="mc-row">
            <button className="btn" onClick={() => void send({ type: 'addTime', seconds: -60 })} disabled={!moving} data-testid="minus-minute">{t.removeMinute}</button>
            <button className="btn" onClick={() => void send({ type: 'addTime', seconds: 60 })} disabled={!moving} data-testid="plus-minute">{t.addMinute}</button>
          </div>
        </div>

        <AvPanel programme={programme} live={live} now={now} send={send} />
        <MessagePanel live={live} send={send} />

        <div className="mc-row">
          <button
            className={`btn ${live.blackout ? 'btn-on btn-warn' : ''}`}
            data-testid="blackout"
            onClick={() => (live.blackout ? void send({ type: 'blackout', on: false }) : confirmIfRunning(t.confirmBlackout, () => void send({ type: 'blackout', on: true })))}
          >
            {live.blackout ? t.blackoutOff : t.blackout}
          </button>
          <button className="btn btn-danger" data-testid="reset" disabled={live.phase === 'ready'} onClick={() => confirmIfRunning(t.confirmReset, () => void send({ type: 'reset' }))}>
            {t.reset}
          </button>
        </div>
        {live.blackout ? <div className="mc-alert">{t.blackoutOn}</div> : null}
        {actions.notice ? (
          <div className="mc-notice" role="alert" onClick={actions.clearNotice}>{t.error}: {actions.notice.text}</div>
        ) : null}
      </section>

      <ProgrammeList
        programme={programme}
        live={live}
        projection={projection}
        onGoto={(itemId, title) => moving && setPending({ text: t.confirmGoto(title), action: () => void send({ type: 'goto', itemId }) })}
      />
      <ConfirmDialog pending={pending} onClose={() => setPending(null)} />
    </main>
  );
}
