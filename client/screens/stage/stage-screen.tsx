/**
 * The LED backdrop: the conference title, what is on now and who presents it, written in full.
 * During awards: the award group and its honourees, paged. Before the start and during a break:
 * the time of day the session (re)starts, with a countdown to it.
 */
import './stage.css';
import { useShallow } from 'zustand/react/shallow';
import { plannedSchedule, project } from '@shared/derive';
import { findItem } from '@shared/lookup';
import type { Programme, Segment } from '@shared/programme';
import { addTo, between, duration, formatCountdown, formatLongDate, formatTimeOfDay, type Instant, zonedInstant } from '@shared/time';
import { inFull } from '@shared/wording';
import type { LiveState } from '@shared/live';
import { shownTimer } from '../../components/timers';
import { ConnectionBadge } from '../../components/connection-badge';
import { pageAt } from '../../components/paging';
import { useShowConnection } from '../../components/use-show-connection';
import { useWakeLock } from '../../components/use-wake-lock';
import { lang, t } from '../../i18n/i18n';
import { useHonourees, usePrefetchHonourees } from '../../honourees';
import { useShow } from '../../store';
import { useNow } from '../../use-now';

const HONOUREES_PER_PAGE = 6;
const PAGE_MS = 8000;
/** A countdown to a start further away than this is not shown (another day's programme). */
const COUNTDOWN_HORIZON_MS = 12 * 3600_000;

export default function StageScreen() {
  useShowConnection({ label: 'stage' });
  useWakeLock();
  const { programme, live, slot, nextId } = useShow(useShallow((s) => ({ programme: s.programme, live: s.live, slot: s.now, nextId: s.next?.itemId })));
  const now = useNow();
  // [D6] The lists of the item on now and of the next one are fetched ahead of time.
  usePrefetchHonourees(programme, [live?.currentItemId, nextId]);
  if (!programme || !live) return <main className="stage" />;
  if (live.blackout) return <main className="stage blackout" data-testid="blackout" />;
  const item = findItem(programme, live.currentItemId);
  const waitFor = waitingFor(programme, live, now);
  const awards = !waitFor && live.phase !== 'finished' && item?.kind === 'awards';

  return (
    <main className="stage">
      <header className={`stage-head${awards ? ' is-compact' : ''}`}>
        <h1 className="stage-title" data-testid="conference-title">{inFull(programme.title)}</h1>
        <div className="stage-date">
          {formatLongDate(zonedInstant(programme.date, programme.start, programme.timeZone), programme.timeZone, lang)}
          {programme.venue ? ` · ${inFull(programme.venue)}` : ''}
        </div>
      </header>
      <section className="stage-body">
        {waitFor ? (
          <div className="stage-wait">
            {item && item.kind !== 'reception' ? <div className="stage-item-small">{inFull(item.title)}</div> : null}
            <div className="stage-wait-line" data-testid="stage-wait">
              {waitFor.resume ? t.resumesAt(formatTimeOfDay(waitFor.at, programme.timeZone)) : t.startsAt(formatTimeOfDay(waitFor.at, programme.timeZone))}
            </div>
            {between(now, waitFor.at) > 0 && between(now, waitFor.at) < COUNTDOWN_HORIZON_MS ? (
              <div className="stage-wait-countdown countdown level-normal">{formatCountdown(between(now, waitFor.at))}</div>
            ) : null}
          </div>
        ) : live.phase === 'finished' ? (
          <div className="stage-now"><div className="stage-item">{t.finished}</div></div>
        ) : awards && item && slot ? (
          <Awards title={slot.segmentTitle ?? slot.itemTitle} segment={item.segments[live.segmentIndex ?? -1]} since={live.startedAt} now={now} presenter={slot.presenter?.name} />
        ) : slot ? (
          <div className="stage-now">
            <div className="stage-item" data-testid="item-title">{inFull(slot.itemTitle)}</div>
            {slot.segmentTitle ? <div className="stage-segment" data-testid="segment-title">{inFull(slot.segmentTitle)}</div> : null}
            {slot.presenter ? (
              <div className="stage-presenter" data-testid="presenter">
                <div className="stage-presenter-name">{inFull(slot.presenter.name)}</div>
                {slot.presenter.title ? <div className="stage-presenter-title">{inFull(slot.presenter.title)}</div> : null}
              </div>
            ) : null}
          </div>
        ) : null}
      </section>
      <ConnectionBadge className="conn-corner stage-conn" />
    </main>
  );
}

/** Before the session and during a break: the instant it (re)starts. */
function waitingFor(programme: Programme, live: LiveState, now: Instant): { at: Instant; resume: boolean } | null {
  const item = findItem(programme, live.currentItemId);
  if (live.phase === 'ready' || item?.kind === 'reception') {
    const plan = plannedSchedule(programme);
    const sessionIndex = programme.items.findIndex((i) => i.kind !== 'reception');
    if (sessionIndex < 0) return null;
    if (live.phase === 'ready') {
      const at = plan[sessionIndex]?.start;
      return at === undefined ? null : { at, resume: false };
    }
    const at = project(programme, live, now).items[sessionIndex]?.projectedStart;
    return at == null ? null : { at, resume: false };
  }
  if (item?.kind === 'break') {
    const timer = shownTimer(programme, live, now);
    return timer ? { at: addTo(now, duration(Math.max(0, timer.remaining))), resume: true } : null;
  }
  return null;
}

function Awards({ title, segment, since, now, presenter }: { title: string; segment: Segment | undefined; since: Instant | null; now: Instant; presenter: string | undefined }) {
  const honourees = useHonourees(segment) ?? [];
  const { items, page, pages } = pageAt(honourees, HONOUREES_PER_PAGE, PAGE_MS, since, now);
  return (
    <div className="stage-awards">
      <div className="stage-award-group" data-testid="award-group">{inFull(title)}</div>
      {presenter ? <div className="stage-award-presenter">{inFull(presenter)}</div> : null}
      <ol className="stage-honourees" data-testid="honourees" start={page * HONOUREES_PER_PAGE + 1}>
        {items.map((h, i) => (
          <li key={`${page}-${i}`}>
            <span className="h-name">{inFull(h.name)}</span>
            {h.unit ? <span className="h-unit">{inFull(h.unit)}</span> : null}
          </li>
        ))}
      </ol>
      {pages > 1 ? <div className="stage-pages">{page + 1} / {pages}</div> : null}
    </div>
  );
}
