import { preroll } from '@shared/derive';
import { shownFilm } from '../../components/timers';
import type { LiveState } from '@shared/live';
import type { Programme } from '@shared/programme';
import { formatCountdown, type Instant } from '@shared/time';
import type { CommandInput } from '@shared/commands';
import { t } from '../../i18n/i18n';

/** The item whose AV cue the MC would call now: the current one until its film rolls, else the next with a cue. */
function standbyTarget(programme: Programme, live: LiveState) {
  const start = Math.max(0, programme.items.findIndex((i) => i.id === live.currentItemId));
  const rolledHere = live.av?.itemId === live.currentItemId && live.av?.status === 'rolled';
  for (const item of programme.items.slice(rolledHere ? start + 1 : start)) {
    const cue = item.cues.find((c) => c.target === 'av');
    if (cue) return { item, cue };
  }
  return null;
}

export function AvPanel({ programme, live, now, send }: { programme: Programme; live: LiveState; now: Instant; send: (c: CommandInput) => unknown }) {
  const target = standbyTarget(programme, live);
  const av = live.av;
  const avItem = av ? programme.items.find((i) => i.id === av.itemId) : undefined;
  const pre = preroll(programme, live, now);
  const film = shownFilm(programme, live, now);
  return (
    <div className="mc-av">
      {target ? (
        <button
          className="btn"
          data-testid="standby"
          disabled={live.phase === 'finished' || (av?.itemId === target.item.id && av.status !== 'rolled')}
          onClick={() => void send({ type: 'standby', itemId: target.item.id })}
        >
          {t.callStandby(target.cue.label)}
        </button>
      ) : null}
      {av && avItem ? (
        <div className={`mc-av-status av-${av.status}`} data-testid="av-status" data-status={av.status}>
          <b>
            {av.status === 'standby' ? `${t.standby.toUpperCase()} · ${t.waitingReady}` : av.status === 'ready' ? `✔ AV ${t.ready.toUpperCase()}` : `▶ ${t.rolling.toUpperCase()}`}
          </b>
          <span className="mc-muted"> {avItem.title}</span>
          {pre !== null && av.status !== 'rolled' ? <span> · {t.preroll} {formatCountdown(pre)}</span> : null}
          {film ? <span className="mc-film"> · {t.remaining} {formatCountdown(film.remaining)}</span> : null}
        </div>
      ) : null}
    </div>
  );
}
