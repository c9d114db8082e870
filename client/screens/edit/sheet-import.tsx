/**
 * One table of the import: its column mapping (correctable), then the preview. A run sheet
 * (Loại and Thời lượng columns) goes straight through programmeFromSheet; a plan's table goes
 * through programmeFromPlan, whose guesses the preview marks and lets the director change.
 */
import { useMemo, useState } from 'react';
import { type Mapping, PROGRAMME_FIELDS, PROGRAMME_HEADERS, type ProgrammeField } from '@shared/import/columns';
import type { ImportResult } from '@shared/import/issues';
import { KIND_LABELS } from '@shared/import/labels';
import { formatIssue } from '@shared/import/messages';
import { isPlanLayout, type PlanChoice, type PlanChoices, type PlanImport, programmeFromPlan } from '@shared/import/plan';
import { programmeFromSheet } from '@shared/import/programme-rows';
import { cellText, fold, type Sheet } from '@shared/import/sheet';
import type { Candidate } from '@shared/import/sources';
import { unitOfHeader } from '@shared/import/values';
import type { Programme } from '@shared/programme';
import { formatSeconds } from '@shared/time';
import { lang } from '../../i18n/i18n';
import { w } from './edit-words';
import { PlanPreview } from './plan-preview';

interface Props {
  candidate: Candidate<ProgrammeField>;
  base: Programme;
  running: boolean;
  onReplace: (p: Programme) => void;
}

export function SheetImport({ candidate, base, running, onReplace }: Props) {
  const sheet: Sheet = candidate.sheet;
  const [headerRow, setHeaderRow] = useState(candidate.detected.headerRow);
  const [mapping, setMapping] = useState<Mapping<ProgrammeField>>(candidate.detected.mapping);
  const [choices, setChoices] = useState<PlanChoices>({});
  const headers = (sheet[headerRow] ?? []).map(cellText);
  const plan = isPlanLayout(mapping);

  const result: ImportResult<{ programme: Programme; plan: PlanImport | null }> = useMemo(() => {
    const unit = (f: 'duration' | 'warning' | 'danger' | 'mediaDuration', fallback: 'min' | 'sec') =>
      mapping[f] === null ? fallback : unitOfHeader(fold(headers[mapping[f] as number] ?? ''), fallback);
    const src = { sheet, headerRow, mapping, units: { duration: unit('duration', 'min'), warning: unit('warning', 'sec'), danger: unit('danger', 'sec'), mediaDuration: unit('mediaDuration', 'min') } };
    if (plan) {
      const r = programmeFromPlan(src, base, choices);
      return r.ok ? { ok: true, value: { programme: r.value.programme, plan: r.value } } : r;
    }
    const r = programmeFromSheet(src, base);
    return r.ok ? { ok: true, value: { programme: r.value, plan: null } } : r;
  }, [sheet, headerRow, mapping, base, choices, plan, headers.join('\u0000')]); // eslint-disable-line react-hooks/exhaustive-deps

  const choose = (row: number, choice: PlanChoice) =>
    setChoices((old) => {
      const merged: PlanChoice = { ...old[row], ...choice };
      if ('durationSec' in choice && choice.durationSec === undefined) delete merged.durationSec;
      return { ...old, [row]: merged };
    });

  return (
    <>
      <details className="mapping" open={!plan}>
        <summary><h3>{w.mapping}</h3></summary>
        <div className="mapping-grid">
          {PROGRAMME_FIELDS.map((f) => (
            <label key={f}>
              <span>{PROGRAMME_HEADERS[f][lang]}</span>
              <select value={mapping[f] ?? ''} aria-label={`${w.column}: ${PROGRAMME_HEADERS[f][lang]}`}
                onChange={(e) => setMapping({ ...mapping, [f]: e.target.value === '' ? null : Number(e.target.value) })}>
                <option value="">{w.none}</option>
                {headers.map((h, i) => <option key={i} value={i}>{h || `${w.column} ${i + 1}`}</option>)}
              </select>
            </label>
          ))}
          <label>
            <span>{w.no} (header)</span>
            <input type="number" min={1} max={sheet.length} value={headerRow + 1} onChange={(e) => setHeaderRow(Math.max(0, Number(e.target.value) - 1))} />
          </label>
        </div>
      </details>
      <section className="preview" aria-live="polite">
        <h3>{w.preview}</h3>
        {result.ok ? (
          <>
            <p className="ok-line">{w.rowsOk(result.value.programme.items.length)}</p>
            {result.value.plan ? <PlanPreview plan={result.value.plan} onChoose={choose} /> : <SheetPreview programme={result.value.programme} />}
          </>
        ) : (
          <>
            <p className="error-line">{w.problems(result.issues.length)}</p>
            <ul className="issue-list" data-testid="import-issues">{result.issues.map((i, n) => <li key={n}>{formatIssue(i, lang)}</li>)}</ul>
          </>
        )}
      </section>
      <footer className="modal-foot">
        {running ? <p className="error-line" role="alert">{w.refusedRunning}</p> : null}
        <button type="button" className="btn btn-primary" data-testid="import-apply" disabled={!result.ok || running}
          onClick={() => result.ok && onReplace(result.value.programme)}>
          {w.replace}
        </button>
      </footer>
    </>
  );
}

function SheetPreview({ programme }: { programme: Programme }) {
  return (
    <table className="preview-table">
      <tbody>
        {programme.items.map((item, i) => (
          <tr key={item.id}>
            <td>{i + 1}</td><td>{item.fixedStart ?? ''}</td><td>{KIND_LABELS[item.kind][lang]}</td>
            <td>{item.title}{item.segments.length ? <small> · {item.segments.map((s) => s.title).join(' · ')}</small> : null}</td>
            <td>{item.presenter?.name ?? ''}</td><td>{formatSeconds(item.durationSec)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
