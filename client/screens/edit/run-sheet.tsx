/**
 * The paper backup: the whole run of show on A4, in Vietnamese by default — every item and
 * segment with planned times, presenter, MC script and cues. Hidden on screen, printed alone.
 */
import { plannedSchedule } from '@shared/derive';
import { CUE_TARGET_LABELS, KIND_LABELS } from '@shared/import/labels';
import type { Cue, Person, Programme } from '@shared/programme';
import { addTo, formatLongDate, formatSeconds, formatTimeOfDay, type Instant, seconds, zonedInstant } from '@shared/time';
import { lang } from '../../i18n/i18n';
import { w } from './edit-words';

const who = (p: Person | undefined) => (p ? [p.name, p.title].filter(Boolean).join(' — ') : '');

function Notes({ script, cues }: { script: string[]; cues: Cue[] }) {
  return (
    <>
      {script.map((line, i) => <p key={i} className="rs-script">{line}</p>)}
      {cues.map((c) => (
        <p key={c.id} className="rs-cue">▶ {CUE_TARGET_LABELS[c.target][lang]}: {c.label}{c.leadSec ? ` (${formatSeconds(c.leadSec)})` : ''}{c.note ? ` — ${c.note}` : ''}</p>
      ))}
    </>
  );
}

export function RunSheet({ programme, printedAt }: { programme: Programme; printedAt: Instant }) {
  const plan = plannedSchedule(programme);
  const tz = programme.timeZone;
  const tod = (at: Instant) => formatTimeOfDay(at, tz);
  const day = zonedInstant(programme.date, programme.start, tz);
  return (
    <article className="run-sheet" aria-label={w.runSheetTitle}>
      <header className="rs-head">
        <p className="rs-kicker">{w.runSheetTitle}</p>
        <h1>{programme.title}</h1>
        <p>{programme.venue ? `${programme.venue} · ` : ''}{formatLongDate(day, tz, lang)} · {programme.start}{programme.end ? `–${programme.end}` : ''}</p>
      </header>
      <table className="rs-table">
        <thead>
          <tr><th>{w.no}</th><th>{w.time}</th><th>{w.title}</th><th>{w.presenterName}</th><th>{w.notes}</th></tr>
        </thead>
        <tbody>
          {programme.items.map((item, i) => {
            const slot = plan[i];
            let segStart = slot?.start;
            return [
              <tr key={item.id} className="rs-item">
                <td>{i + 1}</td>
                <td className="rs-time">{slot ? `${tod(slot.start)}–${tod(slot.end)}` : ''}<small>{formatSeconds(item.durationSec)}</small></td>
                <td><strong>{item.title}</strong><small>{KIND_LABELS[item.kind][lang]}{item.fixedStart ? ` · ${w.fixedStart} ${item.fixedStart}` : ''}</small></td>
                <td>{who(item.presenter)}</td>
                <td><Notes script={item.script} cues={item.cues} /></td>
              </tr>,
              ...item.segments.map((s, j) => {
                const start = segStart;
                if (segStart) segStart = addTo(segStart, seconds(s.durationSec));
                return (
                  <tr key={`${item.id}/${s.id}`} className="rs-segment">
                    <td>{i + 1}.{j + 1}</td>
                    <td className="rs-time">{start && segStart ? `${tod(start)}–${tod(segStart)}` : ''}<small>{formatSeconds(s.durationSec)}</small></td>
                    <td>
                      {s.title}
                      {s.honourees.length ? (
                        <ol className="rs-honourees">{s.honourees.map((h, k) => <li key={k}>{h.name}{h.unit ? `, ${h.unit}` : ''}{h.award ? ` — ${h.award}` : ''}</li>)}</ol>
                      ) : null}
                    </td>
                    <td>{who(s.presenter)}</td>
                    <td><Notes script={s.script} cues={s.cues} /></td>
                  </tr>
                );
              }),
            ];
          })}
        </tbody>
      </table>
      <footer className="rs-foot">Baton · {w.printed} {formatTimeOfDay(printedAt, tz)} {formatLongDate(printedAt, tz, lang)}</footer>
    </article>
  );
}
