/**
 * The podium: a huge countdown readable at 10 m, level colours, overtime with "+", the MC's
 * message, blackout; the time of day instead for an item that asks for it.
 */
import './speaker.css';
import { useShallow } from 'zustand/react/shallow';

import { findItem } from '@shared/lookup';
import { formatClockTime, formatTimeOfDay } from '@shared/time';
import { shownTimer } from '../../components/timers';
import { ConnectionBadge } from '../../components/connection-badge';
import { Countdown } from '../../components/countdown';
import { useShowConnection } from '../../components/use-show-connection';
import { useWakeLock } from '../../components/use-wake-lock';
import { t } from '../../i18n/i18n';
import { useShow } from '../../store';
import { useNow } from '../../use-now';

export default function SpeakerScreen() {
  useShowConnection({ label: 'speaker' });
  useWakeLock();
  const { programme, live, slot } = useShow(useShallow((s) => ({ programme: s.programme, live: s.live, slot: s.now })));
  const now = useNow();
  if (!programme || !live) return <main className="speaker" />;
  if (live.blackout) return <main className="speaker blackout" data-testid="blackout" />;

  const item = findItem(programme, live.currentItemId);
  const timer = shownTimer(programme, live, now);
  const tz = programme.timeZone;
  const showClock = !timer || item?.speakerView === 'timeOfDay';

  return (
    <main className={`speaker ${timer && !showClock ? `bg-${timer.level}` : ''}`}>
      {slot ? (
        <header className="speaker-head">
          <div className="speaker-item" data-testid="item-title">{slot.segmentTitle ?? slot.itemTitle}</div>
          {slot.presenter ? <div className="speaker-presenter">{slot.presenter.name}</div> : null}
        </header>
      ) : (
        <header className="speaker-head">
          <div className="speaker-item">{live.phase === 'finished' ? t.finished : t.notStarted}</div>
        </header>
      )}
      <div className="speaker-main">
        {showClock ? (
          // Labelled and in its own colour, so a leader never mistakes the time of day for a countdown.
          <div className="speaker-clock-wrap">
            <div className="speaker-clock-label">{t.timeOfDay}</div>
            <span className="speaker-clock countdown" data-testid="time-of-day">{timer ? formatTimeOfDay(now, tz) : formatClockTime(now, tz)}</span>
          </div>
        ) : (
          <Countdown remaining={timer.remaining} level={timer.level} paused={timer.paused} className="speaker-countdown" />
        )}
        {timer?.paused ? <div className="speaker-paused">{t.paused}</div> : null}
      </div>
      {live.message ? (
        <div className="speaker-message" data-testid="speaker-message">{live.message.text}</div>
      ) : null}
      <ConnectionBadge className="conn-corner" />
    </main>
  );
}
