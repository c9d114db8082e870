/**
 * The overlay for OBS/vMix/CasparCG browser sources: transparent everywhere except its parts —
 * a lower third (presenter name and title), a now/next strap, the honourees during awards.
 * URL options hide or show each part: `?lower=0&strap=0&honourees=0`; `?badge=1` shows the
 * connection badge (off by default: nothing is drawn outside the parts).
 */
import './broadcast.css';
import { useShallow } from 'zustand/react/shallow';
import { findItem } from '@shared/lookup';
import { inFull } from '@shared/wording';
import { ConnectionBadge } from '../../components/connection-badge';
import { LowerThird } from '../../components/lower-third';
import { pageAt } from '../../components/paging';
import { flag } from '../../components/query';
import { useShowConnection } from '../../components/use-show-connection';
import { t } from '../../i18n/i18n';
import { useHonourees, usePrefetchHonourees } from '../../honourees';
import { useShow } from '../../store';
import { useNow } from '../../use-now';

const PER_PAGE = 5;
const PAGE_MS = 8000;
const options = { lower: flag('lower', true), strap: flag('strap', true), honourees: flag('honourees', true), badge: flag('badge', false) };

export default function BroadcastScreen() {
  useShowConnection({ label: 'broadcast' });
  const { programme, live, now: slot, next } = useShow(useShallow((s) => ({ programme: s.programme, live: s.live, now: s.now, next: s.next })));
  const now = useNow(250);
  // [D6] The lists of the item on now and of the next one are fetched ahead of time.
  usePrefetchHonourees(options.honourees ? programme : null, [live?.currentItemId, next?.itemId]);
  const item = programme && live ? findItem(programme, live.currentItemId) : undefined;
  const segment = item && live && live.segmentIndex !== null ? item.segments[live.segmentIndex] : undefined;
  const list = useHonourees(options.honourees && item?.kind === 'awards' ? segment : undefined);
  if (!programme || !live) return <main className="broadcast" />;
  const onAir = live.phase === 'running' || live.phase === 'paused';
  const lowerOn = options.lower && onAir && !!slot?.presenter && live.lowerThird !== 'hide' && item?.kind !== 'break';
  const honourees = options.honourees && onAir && item?.kind === 'awards' && segment && list && list.length > 0 ? list : null;
  const page = honourees ? pageAt(honourees, PER_PAGE, PAGE_MS, live.startedAt, now) : null;

  return (
    <main className="broadcast">
      {honourees && page && segment ? (
        <section className="bc-honourees" data-testid="bc-honourees" key={`${segment.id}-${page.page}`}>
          <div className="bc-h-group">{inFull(segment.title)}</div>
          <ul>
            {page.items.map((h, i) => (
              <li key={i}>
                <span className="bc-h-name">{inFull(h.name)}</span>
                {h.unit ? <span className="bc-h-unit"> · {inFull(h.unit)}</span> : null}
              </li>
            ))}
          </ul>
          {page.pages > 1 ? <div className="bc-h-page">{page.page + 1}/{page.pages}</div> : null}
        </section>
      ) : null}
      {lowerOn && slot?.presenter ? (
        <LowerThird person={slot.presenter} className="bc-lower" key={`${slot.itemId}-${slot.segmentIndex}`} />
      ) : null}
      {options.strap && (onAir || live.phase === 'ready') ? (
        <div className="bc-strap" data-testid="strap">
          {onAir && slot ? (
            <span className="bc-strap-now">
              <b>{t.now}</b> {inFull(slot.segmentTitle ?? slot.itemTitle)}
            </span>
          ) : null}
          {next ? (
            <span className="bc-strap-next">
              <b>{t.next}</b> {inFull(next.segmentTitle ?? next.itemTitle)}
            </span>
          ) : null}
        </div>
      ) : null}
      {options.badge ? <ConnectionBadge className="conn-corner" /> : null}
    </main>
  );
}
