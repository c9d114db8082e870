/**
 * The booth: the cue list; a big STANDBY with the item and its pre-roll when the MC calls it; a
 * READY button the MC sees at once; ROLLED when the film starts, then the film's own elapsed and
 * remaining time, large; the next cue; and the lower third taken or cleared by hand.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CommandInput } from '@shared/commands';
import { levelOf, preroll } from '@shared/derive';
import { findItem } from '@shared/lookup';
import { formatClockTime, formatCountdown, formatSeconds } from '@shared/time';
import { shownTimer, shownFilm } from '../../components/timers';
import { ConnectionBadge } from '../../components/connection-badge';
import { Countdown } from '../../components/countdown';
import { LowerThird } from '../../components/lower-third';
import { t } from '../../i18n/i18n';
import { sendCommand } from '../../socket';
import { useShow } from '../../store';
import { useNow } from '../../use-now';
import { cueList, currentOrder } from './cues';

export function AvConsole() {
  const { programme, live, slot } = useShow(useShallow((s) => ({ programme: s.programme, live: s.live, slot: s.now })));
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  if (!programme || !live) return <main className="av" />;

  const send = async (c: CommandInput) => {
    const r = await sendCommand(c);
    setError(r.ok ? null : r.message);
  };
  const tz = programme.timeZone;
  const av = live.av;
  const avItem = av ? findItem(programme, av.itemId) : undefined;
  const current = findItem(programme, live.currentItemId);
  const pre = preroll(programme, live, now);
  const film = shownFilm(programme, live, now);
  const timer = shownTimer(programme, live, now);
  const rows = cueList(programme);
  const here = currentOrder(programme, live);
  const nextCue = rows.find((r) => r.order > here);
  const rollable = live.phase === 'running' && current && current.cues.some((c) => c.target === 'av') && !(av?.itemId === current.id && av.status === 'rolled');
  const filmItem = film && av ? findItem(programme, av.itemId) : undefined;

  return (
    <main className="av">
      <header className="av-top">
        <b>AV</b>
        <span className="av-now">{slot ? `${t.now}: ${slot.segmentTitle ?? slot.itemTitle}` : live.phase === 'finished' ? t.finished : t.notStarted}</span>
        {timer ? <Countdown remaining={timer.remaining} level={timer.level} paused={timer.paused} className="av-small-timer" /> : null}
        <span className="av-clock">{formatClockTime(now, tz)}</span>
        <ConnectionBadge />
      </header>

      <section className={`av-main av-state-${film ? 'rolled' : av?.status ?? 'idle'}`} data-testid="av-main">
        {film && filmItem ? (
          <>
            <div className="av-big-label">▶ {t.rolling.toUpperCase()}</div>
            <div className="av-item">{filmItem.title}</div>
            <div className="av-film">
              <div>
                <div className="av-cap">{t.elapsed}</div>
                <div className="countdown av-film-elapsed" data-testid="film-elapsed">{formatSeconds(Math.floor(Math.max(0, film.elapsed) / 1000))}</div>
              </div>
              <div>
                <div className="av-cap">{t.remaining}</div>
                <Countdown remaining={film.remaining} level={levelOf(film.remaining, filmItem)} className="av-film-remaining" />
              </div>
            </div>
          </>
        ) : av && avItem && av.status !== 'rolled' ? (
          <>
            <div className={`av-big-label ${av.status === 'standby' ? 'av-flash' : ''}`} data-testid="av-big-status" data-status={av.status}>
              {av.status === 'standby' ? t.standby.toUpperCase() : `✔ ${t.ready.toUpperCase()}`}
            </div>
            <div className="av-item">{avItem.title}</div>
            {avItem.cues.filter((c) => c.target === 'av').map((c) => (
              <div key={c.id} className="av-cue-label">{c.label}{c.note ? <span className="av-muted"> — {c.note}</span> : null}</div>
            ))}
            {pre !== null ? (
              <div className="av-preroll">
                <span className="av-cap">{t.preroll}</span> <span className="countdown" data-testid="preroll">{formatCountdown(pre)}</span>
              </div>
            ) : null}
            <div className="av-actions">
              {av.status === 'standby' ? (
                <button className="btn btn-go av-button" data-testid="ready" onClick={() => void send({ type: 'ready', itemId: av.itemId })}>{t.ready.toUpperCase()}</button>
              ) : null}
              {rollable && current.id === av.itemId ? (
                <button className="btn btn-primary av-button" data-testid="rolled" onClick={() => void send({ type: 'rolled', itemId: av.itemId })}>▶ {t.roll.toUpperCase()}</button>
              ) : null}
            </div>
          </>
        ) : (
          <>
            <div className="av-item">{current ? current.title : '—'}</div>
            {rollable ? (
              <div className="av-actions">
                <button className="btn btn-primary av-button" data-testid="rolled" onClick={() => void send({ type: 'rolled', itemId: current.id })}>▶ {t.roll.toUpperCase()}</button>
              </div>
            ) : (
              <div className="av-muted">{t.noCue}</div>
            )}
          </>
        )}
        {error ? <div className="av-error" role="alert">{error}</div> : null}
      </section>

      <section className="av-side">
        <div className="av-panel" data-testid="next-cue">
          <div className="av-cap">{t.nextCue}</div>
          {nextCue ? (
            <>
              <div className="av-next-label">{nextCue.cue.label}</div>
              <div className="av-muted">{nextCue.itemTitle}{nextCue.segmentTitle ? ` · ${nextCue.segmentTitle}` : ''} · {nextCue.cue.target}{nextCue.cue.leadSec ? ` · ${formatSeconds(nextCue.cue.leadSec)}` : ''}</div>
            </>
          ) : (
            <div className="av-muted">—</div>
          )}
        </div>

        <div className="av-panel" data-testid="lower-third-control">
          <div className="av-cap">{t.lowerThird}</div>
          <div className="av-lt-preview">{slot?.presenter ? <LowerThird person={slot.presenter} /> : <span className="av-muted">—</span>}</div>
          <div className="av-lt-buttons">
            {(['auto', 'show', 'hide'] as const).map((mode) => (
              <button key={mode} className={`btn ${live.lowerThird === mode ? 'btn-primary' : ''}`} data-testid={`lt-${mode}`} aria-pressed={live.lowerThird === mode} onClick={() => void send({ type: 'lowerThird', mode })}>
                {{ auto: t.ltAuto, show: t.ltShow, hide: t.ltHide }[mode]}
              </button>
            ))}
          </div>
        </div>

        <div className="av-panel av-cues">
          <div className="av-cap">{t.cueList}</div>
          <ol>
            {rows.map((r) => (
              <li key={`${r.itemId}-${r.cue.id}`} className={r.order < here ? 'cue-done' : r.order === here ? 'cue-now' : r === nextCue ? 'cue-next' : ''}>
                <b>{r.cue.label}</b> <span className="av-tag">{r.cue.target}</span>
                <div className="av-muted">{r.itemTitle}{r.segmentTitle ? ` · ${r.segmentTitle}` : ''}</div>
              </li>
            ))}
          </ol>
        </div>
      </section>
    </main>
  );
}
