/**
 * The preview of a plan's table: every guess (a kind read from the title's words, an estimated
 * duration, a name/title split) is marked and can be changed here, per row, before anything is
 * sent. What the import adds (the film's AV cue, the awards' first group) is said on its row.
 */
import { plannedSchedule } from '@shared/derive';
import { KIND_LABELS } from '@shared/import/labels';
import type { PlanChoice, PlanImport } from '@shared/import/plan';
import { ITEM_KINDS, type ItemKind } from '@shared/programme';
import { formatTimeOfDay } from '@shared/time';
import { lang } from '../../i18n/i18n';
import { w } from './edit-words';

interface Props {
  plan: PlanImport;
  onChoose: (row: number, choice: PlanChoice) => void;
}

export function PlanPreview({ plan, onChoose }: Props) {
  const { programme, rows } = plan;
  const schedule = plannedSchedule(programme);
  const guesses = rows.reduce((n, r) => n + Number(r.kindGuessed) + Number(r.durationEstimated) + Number(r.presenter?.split ?? false), 0);
  return (
    <>
      <p className="guess-legend"><span className="guess-badge">{w.guess}</span> {w.guessLegend(guesses)}</p>
      <table className="preview-table plan-preview" data-testid="plan-preview">
        <thead>
          <tr><th>#</th><th>{w.plannedStart}</th><th>{w.kind}</th><th>{w.title}</th><th>{w.presenterName} / {w.presenterTitle}</th><th>{w.duration} ({w.minutes})</th></tr>
        </thead>
        <tbody>
          {programme.items.map((item, i) => {
            const row = rows[i];
            if (!row) return null;
            const start = schedule[i]?.start;
            return (
              <tr key={item.id} data-row={row.row}>
                <td>{i + 1}</td>
                <td className="tabular">{start === undefined ? '' : formatTimeOfDay(start, programme.timeZone)}{item.fixedStart ? <small> ({w.fixed})</small> : null}</td>
                <td className={row.kindGuessed ? 'guess' : ''} data-testid="guess-kind" data-guessed={row.kindGuessed}>
                  <select value={item.kind} aria-label={`${w.kind} ${i + 1}`} onChange={(e) => onChoose(row.row, { kind: e.target.value as ItemKind })}>
                    {ITEM_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k][lang]}</option>)}
                  </select>
                  {row.kindGuessed ? <span className="guess-badge">{w.guess}</span> : null}
                </td>
                <td>
                  {item.title}
                  {item.cues.length && item.kind === 'film' ? <small className="plan-adds"> + {w.addsCue(item.cues[0]?.label ?? '')}</small> : null}
                  {item.kind === 'awards' && item.segments.length ? <small className="plan-adds"> + {w.addsGroup}</small> : null}
                </td>
                <td className={row.presenter?.split ? 'guess' : ''} data-testid="guess-person" data-guessed={row.presenter?.split ?? false}>
                  {item.presenter?.name ?? ''}
                  {item.presenter?.title ? <><br /><small>{item.presenter.title}</small></> : null}
                  {row.splitOffered ? (
                    <label className="split-toggle">
                      <input type="checkbox" checked={row.presenter?.split ?? false} onChange={(e) => onChoose(row.row, { split: e.target.checked })} />
                      {w.splitPerson}{row.presenter?.split ? <span className="guess-badge">{w.guess}</span> : null}
                    </label>
                  ) : null}
                </td>
                <td className={row.durationEstimated ? 'guess' : ''} data-testid="guess-duration" data-guessed={row.durationEstimated}>
                  <input type="number" min={1} max={1440} className="minutes" aria-label={`${w.duration} ${i + 1}`}
                    value={Math.round(item.durationSec / 60)}
                    onChange={(e) => onChoose(row.row, { durationSec: e.target.value === '' ? undefined : Math.max(1, Number(e.target.value)) * 60 })} />
                  {row.durationEstimated ? <span className="guess-badge">≈ {w.estimated}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
