/**
 * Import a whole programme: CSV / XLSX (column mapping + preview) or JSON (preview). Nothing is
 * sent until the preview is clean; before the show it asks for confirmation, during a run the
 * server refuses (409 not_possible) and the dialog says so up front.
 */
import { useMemo, useState } from 'react';
import { detectColumns, type Mapping, PROGRAMME_FIELDS, PROGRAMME_HEADERS, type ProgrammeField } from '@shared/import/columns';
import type { ImportResult } from '@shared/import/issues';
import { programmeFromJson } from '@shared/import/json';
import { KIND_LABELS } from '@shared/import/labels';
import { formatIssue } from '@shared/import/messages';
import { programmeFromSheet } from '@shared/import/programme-rows';
import { cellText, fold, type Sheet } from '@shared/import/sheet';
import { unitOfHeader } from '@shared/import/values';
import type { Programme } from '@shared/programme';
import { formatSeconds } from '@shared/time';
import { lang } from '../../i18n/i18n';
import { w } from './edit-words';
import type { Loaded } from './file-io';

interface Props {
  loaded: Loaded;
  fileName: string;
  base: Programme;
  running: boolean;
  onReplace: (p: Programme) => void;
  onClose: () => void;
}

export function ImportDialog({ loaded, fileName, base, running, onReplace, onClose }: Props) {
  const sheet: Sheet | null = loaded.kind === 'sheet' && loaded.result.ok ? loaded.result.value : null;
  const detected = useMemo(() => (sheet ? detectColumns(sheet, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title') : null), [sheet]);
  const [headerRow, setHeaderRow] = useState(detected?.headerRow ?? 0);
  const [mapping, setMapping] = useState<Mapping<ProgrammeField>>(
    detected?.mapping ?? (Object.fromEntries(PROGRAMME_FIELDS.map((f) => [f, null])) as Mapping<ProgrammeField>),
  );
  const headers = (sheet?.[headerRow] ?? []).map(cellText);

  const result: ImportResult<Programme> = useMemo(() => {
    if (loaded.kind === 'json') return programmeFromJson(loaded.text);
    if (!loaded.result.ok) return loaded.result;
    const unit = (f: 'duration' | 'warning' | 'danger' | 'mediaDuration', fallback: 'min' | 'sec') =>
      mapping[f] === null ? fallback : unitOfHeader(fold(headers[mapping[f] as number] ?? ''), fallback);
    return programmeFromSheet(
      { sheet: loaded.result.value, headerRow, mapping, units: { duration: unit('duration', 'min'), warning: unit('warning', 'sec'), danger: unit('danger', 'sec'), mediaDuration: unit('mediaDuration', 'min') } },
      base,
    );
  }, [loaded, headerRow, mapping, base, headers.join('\u0000')]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="edit-modal" role="dialog" aria-modal="true" aria-label={w.importProgramme}>
      <div className="edit-modal-box">
        <header className="modal-head">
          <h2>{w.importProgramme}</h2>
          <span className="muted">{w.file}: {fileName}</span>
          <button type="button" className="btn" onClick={onClose}>{w.close}</button>
        </header>
        {sheet ? (
          <section className="mapping">
            <h3>{w.mapping}</h3>
            <div className="mapping-grid">
              {PROGRAMME_FIELDS.map((f) => (
                <label key={f}>
                  <span>{PROGRAMME_HEADERS[f][lang]}</span>
                  <select
                    value={mapping[f] ?? ''}
                    aria-label={`${w.column}: ${PROGRAMME_HEADERS[f][lang]}`}
                    onChange={(e) => setMapping({ ...mapping, [f]: e.target.value === '' ? null : Number(e.target.value) })}
                  >
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
          </section>
        ) : null}
        <section className="preview" aria-live="polite">
          <h3>{w.preview}</h3>
          {result.ok ? (
            <>
              <p className="ok-line">{w.rowsOk(result.value.items.length)}</p>
              <table className="preview-table">
                <tbody>
                  {result.value.items.map((item, i) => (
                    <tr key={item.id}>
                      <td>{i + 1}</td><td>{item.fixedStart ?? ''}</td><td>{KIND_LABELS[item.kind][lang]}</td>
                      <td>{item.title}{item.segments.length ? <small> · {item.segments.map((s) => s.title).join(' · ')}</small> : null}</td>
                      <td>{item.presenter?.name ?? ''}</td><td>{formatSeconds(item.durationSec)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <>
              <p className="error-line">{w.problems(result.issues.length)}</p>
              <ul className="issue-list">{result.issues.map((i, n) => <li key={n}>{formatIssue(i, lang)}</li>)}</ul>
            </>
          )}
        </section>
        <footer className="modal-foot">
          {running ? <p className="error-line" role="alert">{w.refusedRunning}</p> : null}
          <button type="button" className="btn btn-primary" disabled={!result.ok || running} onClick={() => result.ok && onReplace(result.value)}>
            {w.replace}
          </button>
        </footer>
      </div>
    </div>
  );
}
