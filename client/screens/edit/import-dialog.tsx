/**
 * Import a whole programme: a file (CSV, XLSX, JSON, a plan as .docx or PDF) or a table pasted
 * from Word, LibreOffice, Google Docs/Sheets or Excel. Nothing is sent until the preview is clean;
 * before the show it asks for confirmation, during a run the server refuses (409 not_possible)
 * and the dialog says so up front. A bad document changes nothing and says why.
 */
import { useMemo, useState } from 'react';
import { PROGRAMME_FIELDS, PROGRAMME_HEADERS } from '@shared/import/columns';
import type { ImportResult } from '@shared/import/issues';
import { programmeFromJson } from '@shared/import/json';
import { formatIssue } from '@shared/import/messages';
import { type Candidate, candidates, noProgrammeTable, type Source } from '@shared/import/sources';
import type { ProgrammeField } from '@shared/import/columns';
import type { Programme } from '@shared/programme';
import { lang } from '../../i18n/i18n';
import { w } from './edit-words';
import { type Loaded, loadPaste } from './file-io';
import { SheetImport } from './sheet-import';

interface Props {
  /** Null while the dialog waits for a paste. */
  loaded: Loaded | null;
  fileName: string;
  /** A file is being read (the dialog opens at once, the editor stays usable). */
  reading?: boolean;
  base: Programme;
  running: boolean;
  onLoaded: (loaded: Loaded, name: string) => void;
  onReplace: (p: Programme) => void;
  onClose: () => void;
}

export function ImportDialog({ loaded, fileName, reading = false, base, running, onLoaded, onReplace, onClose }: Props) {
  const found: ImportResult<Candidate<ProgrammeField>[]> | null = useMemo(() => {
    if (!loaded || loaded.kind === 'json') return null;
    if (!loaded.result.ok) return loaded.result;
    const src: Source =
      loaded.kind === 'sheet' ? { kind: 'sheet', sheet: loaded.result.value } : loaded.kind === 'tables' ? { kind: 'tables', tables: loaded.result.value } : { kind: 'pdf', pages: loaded.result.value };
    const list = candidates(src, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title');
    if (list.length === 0) return loaded.kind === 'sheet' ? { ok: false, issues: [{ row: null, message: 'no column holds the title (Nội dung / Title)' }] } : noProgrammeTable();
    return { ok: true, value: list };
  }, [loaded]);
  const [pick, setPick] = useState(0);
  const json = loaded?.kind === 'json' ? programmeFromJson(loaded.text) : null;
  const chosen = found?.ok ? found.value[Math.min(pick, found.value.length - 1)] : undefined;

  return (
    <div className="edit-modal" role="dialog" aria-modal="true" aria-label={w.importProgramme}
      onPaste={(e) => {
        const next = loadPaste(e.clipboardData);
        if (!next) return;
        e.preventDefault();
        setPick(0);
        onLoaded(next, w.pasted);
      }}>
      <div className="edit-modal-box">
        <header className="modal-head">
          <h2>{w.importProgramme}</h2>
          {loaded || reading ? <span className="muted">{w.file}: {fileName}</span> : null}
          <button type="button" className="btn" onClick={onClose}>{w.close}</button>
        </header>
        {reading ? <p className="muted" role="status" data-testid="import-reading">{w.reading(fileName)}</p> : null}
        <div className="paste-zone" tabIndex={0} data-testid="paste-zone">{w.pasteHint}</div>
        {found?.ok && found.value.length > 1 ? (
          <label className="table-pick">
            <span>{w.whichTable}</span>
            <select value={pick} onChange={(e) => setPick(Number(e.target.value))} data-testid="import-table">
              {found.value.map((c, i) => <option key={c.table} value={i}>{w.tableN(c.table, c.sheet[c.detected.headerRow]?.filter(Boolean).join(' | ') ?? '')}</option>)}
            </select>
          </label>
        ) : null}
        {chosen && loaded ? <SheetImport key={`${idOf(loaded)}-${chosen.table}`} candidate={chosen} base={base} running={running} onReplace={onReplace} /> : null}
        {found && !found.ok ? <Problems issues={found.issues} /> : null}
        {json ? (
          <>
            <section className="preview" aria-live="polite">
              <h3>{w.preview}</h3>
              {json.ok ? <p className="ok-line">{w.rowsOk(json.value.items.length)}</p> : <Problems issues={json.issues} />}
            </section>
            <footer className="modal-foot">
              {running ? <p className="error-line" role="alert">{w.refusedRunning}</p> : null}
              <button type="button" className="btn btn-primary" data-testid="import-apply" disabled={!json.ok || running} onClick={() => json.ok && onReplace(json.value)}>{w.replace}</button>
            </footer>
          </>
        ) : null}
      </div>
    </div>
  );
}

/** A new document (even one with the same name) starts a fresh mapping and fresh choices. */
const ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object): number => ids.get(o) ?? (ids.set(o, ++nextId), nextId);

function Problems({ issues }: { issues: { row: number | null; message: string }[] }) {
  return (
    <section className="preview" aria-live="polite">
      <p className="error-line">{w.problems(issues.length)}</p>
      <ul className="issue-list" data-testid="import-issues">{issues.map((i, n) => <li key={n}>{formatIssue(i, lang)}</li>)}</ul>
    </section>
  );
}
