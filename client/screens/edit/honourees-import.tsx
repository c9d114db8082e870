/**
 * Import an honourees list into one award group, or spread it by its group column: a CSV/XLSX, or
 * the decision's annex as a .docx or PDF (its honourees table is found as the programme's is).
 */
import { useMemo, useState } from 'react';
import { HONOUREE_FIELDS, HONOUREE_HEADERS } from '@shared/import/columns';
import { honoureesFromSheet, placeHonourees } from '@shared/import/honourees';
import type { ImportResult } from '@shared/import/issues';
import { formatIssue } from '@shared/import/messages';
import { candidates, type Source } from '@shared/import/sources';
import type { Item } from '@shared/programme';
import { lang } from '../../i18n/i18n';
import { w } from './edit-words';
import { type Loaded, loadFile, loadPaste } from './file-io';

export function HonoureesImport({ item, onApply }: { item: Item; onApply: (next: Item) => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [group, setGroup] = useState<string>(item.segments[0]?.id ?? '');

  const result: ImportResult<Item> | null = useMemo(() => {
    if (!loaded) return null;
    const noName = { ok: false as const, issues: [{ row: null, message: 'no column holds the name (Tên tập thể, cá nhân / Name)' }] };
    if (loaded.kind === 'json') return noName;
    if (!loaded.result.ok) return loaded.result;
    const src: Source =
      loaded.kind === 'sheet' ? { kind: 'sheet', sheet: loaded.result.value } : loaded.kind === 'tables' ? { kind: 'tables', tables: loaded.result.value } : { kind: 'pdf', pages: loaded.result.value };
    const best = candidates(src, HONOUREE_FIELDS, HONOUREE_HEADERS, 'name')[0];
    if (!best) return noName;
    const rows = honoureesFromSheet({ sheet: best.sheet, headerRow: best.detected.headerRow, mapping: best.detected.mapping });
    if (!rows.ok) return rows;
    return placeHonourees(item, rows.value, group === '*' ? null : group);
  }, [loaded, group, item]);

  const count = result?.ok ? result.value.segments.reduce((n, s, i) => n + (s.honourees !== item.segments[i]?.honourees ? s.honourees.length : 0), 0) : 0;
  return (
    <div className="honourees-import" onPaste={(e) => {
      // A list copied from the annex (Word, Excel…) pasted while this part of the form has focus.
      const next = loadPaste(e.clipboardData);
      if (next) setLoaded(next);
    }}>
      <label>
        <span>{w.importInto}</span>
        <select value={group} onChange={(e) => setGroup(e.target.value)} aria-label={w.chooseGroup}>
          {item.segments.map((s, i) => <option key={s.id} value={s.id}>{i + 1}. {s.title}</option>)}
          <option value="*">{w.byGroupColumn}</option>
        </select>
      </label>
      <label className="btn btn-small file-btn">
        {w.importHonourees}
        <input type="file" accept=".csv,.xlsx,.docx,.pdf,text/csv,application/pdf" hidden onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) setLoaded(await loadFile(f));
        }} />
      </label>
      {result ? (
        result.ok ? (
          <p className="ok-line">
            {w.honoureesOk(count)}{' '}
            <button type="button" className="btn btn-primary btn-small" onClick={() => { onApply(result.value); setLoaded(null); }}>{w.save}</button>
          </p>
        ) : (
          <ul className="issue-list">{result.issues.map((i, n) => <li key={n}>{formatIssue(i, lang)}</li>)}</ul>
        )
      ) : null}
    </div>
  );
}
