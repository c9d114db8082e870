import type { Projection } from '@shared/derive';
import type { LiveState } from '@shared/live';
import type { Programme } from '@shared/programme';
import type { Visit } from '@shared/record';
import { formatSeconds, formatTimeOfDay, type Instant } from '@shared/time';
import { t } from '../../i18n/i18n';
import { useShow } from '../../store';

const STATUS_WORD = { done: t.done, now: t.now, next: t.next, later: t.later } as const;

/** The whole programme: status, planned start, actual (or projected) start and end, per item and segment. */
export function ProgrammeList({ programme, live, projection, onGoto }: { programme: Programme; live: LiveState; projection: Projection; onGoto: (itemId: string, title: string) => void }) {
  const visits = useShow((s) => s.record?.visits);
  const tz = programme.timeZone;
  const time = (at: Instant | null | undefined) => (at == null ? '—' : formatTimeOfDay(at, tz));
  return (
    <section className="mc-programme" data-testid="programme">
      <div className="mc-caption">{t.programme}</div>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t.planned}</th>
            <th>{t.actual} / {t.projected}</th>
            <th>{t.item}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {programme.items.map((item, i) => {
            const p = projection.items[i];
            if (!p) return null;
            const mine = (visits ?? []).filter((v) => v.itemId === item.id);
            const actualStart = mine[0]?.startedAt;
            const actualEnd = p.status === 'done' ? lastEnd(mine) : null;
            return [
              <tr key={item.id} className={`st-${p.status}`} data-status={p.status} onClick={() => onGoto(item.id, item.title)}>
                <td><span className={`chip chip-${p.status}`}>{STATUS_WORD[p.status]}</span></td>
                <td>{time(p.plannedStart)}</td>
                <td>
                  {actualStart !== undefined ? (
                    <b>{time(actualStart)}{actualEnd ? `–${time(actualEnd)}` : ''}</b>
                  ) : (
                    <i>{time(p.projectedStart)}</i>
                  )}
                </td>
                <td>
                  <div className="pl-title">{item.title}</div>
                  {item.presenter ? <div className="mc-muted">{item.presenter.name}</div> : null}
                </td>
                <td className="pl-dur">{formatSeconds(item.durationSec)}</td>
              </tr>,
              ...item.segments.map((seg, si) => {
                const current = live.currentItemId === item.id && live.segmentIndex === si;
                const v = mine.filter((x) => x.segmentIndex === si);
                return (
                  <tr key={`${item.id}/${seg.id}`} className={`pl-seg${current ? ' st-now' : ''}`}>
                    <td />
                    <td />
                    <td>{v[0] ? time(v[0].startedAt) : ''}</td>
                    <td>{seg.title}{seg.presenter ? <span className="mc-muted"> · {seg.presenter.name}</span> : null}</td>
                    <td className="pl-dur">{formatSeconds(seg.durationSec)}</td>
                  </tr>
                );
              }),
            ];
          })}
        </tbody>
      </table>
    </section>
  );
}

function lastEnd(visits: Visit[]): Instant | null {
  return visits.at(-1)?.endedAt ?? null;
}
