/**
 * The day as one picture (shared/timeline.ts): the plan row above, the actual row below with the
 * projection of what is still to come, the now line, the planned end and where the end is going.
 * SVG with a fixed coordinate system scaled to the box: it prints as sharply as it shows.
 */
import './timeline-chart.css';
import { axisFraction, type Timeline, type TimelineBar } from '@shared/timeline';
import { formatTimeOfDay, type Instant } from '@shared/time';
import { driftWords, ON_TIME_MS, t } from '../i18n/i18n';

const GUTTER = 96;
/** Room right of the axis for the end labels ("Kế hoạch 10:30"). */
const RIGHT = 110;
const TICK_Y = 14;
const PLAN_Y = 22;
const ACTUAL_Y = 58;
const ROW_H = 28;
const END_Y = 104;
const H = 110;

/** `width`: the drawing's own units across (text is 12–13 units): 1000 for a page, more for a wide console strip. */
export function TimelineChart({ timeline, timeZone, width: W = 1000, className = '' }: { timeline: Timeline; timeZone: string; width?: number; className?: string }) {
  const x = (at: Instant) => GUTTER + axisFraction(timeline, at) * (W - GUTTER - RIGHT);
  const time = (at: Instant) => formatTimeOfDay(at, timeZone);
  const endClass = timeline.endDrift >= ON_TIME_MS ? 'is-late' : timeline.endDrift <= -ON_TIME_MS ? 'is-early' : 'is-on-time';
  const lateEnd = timeline.projectedEnd >= timeline.plannedEnd;
  const labelEvery = timeline.ticks.length > 18 ? 4 : 2;
  return (
    <figure className={`tl ${className}`} data-testid="timeline">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t.timeline}: ${t.projectedEnd} ${time(timeline.projectedEnd)}`}>
        <defs>
          <pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="tl-hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="tl-hatch-line" />
          </pattern>
        </defs>
        <text x={4} y={PLAN_Y + ROW_H / 2 + 5} className="tl-row-label">{t.planned}</text>
        <text x={4} y={ACTUAL_Y + ROW_H / 2 + 5} className="tl-row-label">{t.actual}</text>
        {timeline.ticks.map((tick, i) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TICK_Y + 3} y2={ACTUAL_Y + ROW_H + 2} className={i % labelEvery === 0 ? 'tl-grid tl-grid-major' : 'tl-grid'} />
            {i % labelEvery === 0 ? <text x={x(tick)} y={TICK_Y} className="tl-tick" textAnchor={i === 0 ? 'start' : i === timeline.ticks.length - 1 ? 'end' : 'middle'}>{time(tick)}</text> : null}
          </g>
        ))}
        {timeline.bars.map((bar, i) => <Bar key={bar.itemId} bar={bar} n={i + 1} x={x} time={time} />)}
        <line x1={x(timeline.plannedEnd)} x2={x(timeline.plannedEnd)} y1={PLAN_Y - 4} y2={END_Y - 10} className="tl-planned-end" data-testid="tl-planned-end" />
        <text x={x(timeline.plannedEnd) + (lateEnd ? -4 : 4)} y={END_Y} className="tl-end-label" textAnchor={lateEnd ? 'end' : 'start'}>{t.planned} {time(timeline.plannedEnd)}</text>
        <g className={`tl-projected-end ${endClass}`} data-testid="tl-projected-end" data-at={timeline.projectedEnd}>
          <line x1={x(timeline.projectedEnd)} x2={x(timeline.projectedEnd)} y1={ACTUAL_Y - 4} y2={END_Y - 10} />
          <text x={x(timeline.projectedEnd) + (lateEnd ? 4 : -4)} y={END_Y} textAnchor={lateEnd ? 'start' : 'end'}>{time(timeline.projectedEnd)}</text>
        </g>
        {timeline.now !== null ? (
          <g className="tl-now" data-testid="tl-now" data-at={timeline.now}>
            <line x1={x(timeline.now)} x2={x(timeline.now)} y1={PLAN_Y - 4} y2={ACTUAL_Y + ROW_H + 6} />
            <polygon points={`${x(timeline.now) - 6},${ACTUAL_Y + ROW_H + 14} ${x(timeline.now) + 6},${ACTUAL_Y + ROW_H + 14} ${x(timeline.now)},${ACTUAL_Y + ROW_H + 5}`} />
          </g>
        ) : null}
      </svg>
      <figcaption className="tl-caption">
        <span className="tl-key tl-key-actual" /> {t.actual}
        <span className="tl-key tl-key-projected" /> {t.projected}
        <span className="tl-key tl-key-over" /> {t.overtime}
        {timeline.now !== null ? <><span className="tl-key tl-key-now" /> {t.nowLine}</> : null}
        <span className={`tl-end-words ${endClass}`} data-testid="tl-end-words">
          {timeline.finished ? t.finished : t.projectedEnd} <b>{time(timeline.projectedEnd)}</b> · {driftWords(timeline.endDrift)}
        </span>
      </figcaption>
    </figure>
  );
}

function Bar({ bar, n, x, time }: { bar: TimelineBar; n: number; x: (at: Instant) => number; time: (at: Instant) => string }) {
  const px = x(bar.planStart);
  const pw = Math.max(1, x(bar.planEnd) - px);
  const aEnd = bar.actualEnd ?? bar.projectedStart; // the item on now: actual until now
  const tip = [
    `${n}. ${bar.title}`,
    `${t.planned} ${time(bar.planStart)}–${time(bar.planEnd)}`,
    bar.actualStart !== undefined ? `${t.actual} ${time(bar.actualStart)}${bar.actualEnd !== undefined ? `–${time(bar.actualEnd)}` : ''}` : '',
    bar.projectedEnd !== undefined ? `${t.projected} ${time(bar.projectedStart ?? bar.projectedEnd)}–${time(bar.projectedEnd)}` : '',
  ].filter(Boolean).join('\n');
  return (
    <g className={`tl-bar st-${bar.status} lv-${bar.level}`} data-testid="tl-bar" data-item={bar.itemId} data-status={bar.status} data-level={bar.level} data-projected-start={bar.projectedStart} data-actual-start={bar.actualStart} data-actual-end={bar.actualEnd}>
      <title>{tip}</title>
      <rect className="tl-plan" data-testid="tl-plan" x={px} y={PLAN_Y} width={pw} height={ROW_H} rx={3} />
      {pw >= 14 ? <text className="tl-num" x={px + pw / 2} y={PLAN_Y + ROW_H / 2 + 5} textAnchor="middle">{n}</text> : null}
      {bar.actualStart !== undefined && aEnd !== undefined ? (
        <rect className="tl-actual" data-testid="tl-actual" x={x(bar.actualStart)} y={ACTUAL_Y} width={Math.max(1.5, x(aEnd) - x(bar.actualStart))} height={ROW_H} rx={3} />
      ) : null}
      {bar.projectedStart !== undefined && bar.projectedEnd !== undefined ? (
        <rect className="tl-projected" data-testid="tl-projected" x={x(bar.projectedStart)} y={ACTUAL_Y + 1} width={Math.max(1.5, x(bar.projectedEnd) - x(bar.projectedStart))} height={ROW_H - 2} rx={3} />
      ) : null}
      {bar.actualStart !== undefined || bar.projectedStart !== undefined ? (() => {
        const s = x(bar.actualStart ?? (bar.projectedStart as Instant));
        const e = x(bar.actualEnd ?? bar.projectedEnd ?? (bar.projectedStart as Instant));
        return e - s >= 14 ? <text className={`tl-num ${bar.actualEnd !== undefined ? 'tl-num-actual' : 'tl-num-ahead'}`} x={(s + e) / 2} y={ACTUAL_Y + ROW_H / 2 + 5} textAnchor="middle">{n}</text> : null;
      })() : null}
    </g>
  );
}
