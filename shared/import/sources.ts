/**
 * Which table of a document to import. A .docx or a pasted page may hold several tables (the
 * letterhead is one); a PDF's tables are rebuilt from its text layer. Each candidate is scored by
 * how many of the wanted headers its header row names; the best comes first, and the dialog
 * lets the director pick another.
 */
import { type Detected, detectColumns, type Headers } from './columns';
import { gridFromTable } from './grid';
import type { Table } from './html-table';
import { type ImportResult, issue } from './issues';
import type { PdfPage } from './pdf-layout';
import { ruledTables, unruledTable } from './pdf-rows';
import type { Sheet } from './sheet';

export type Source = { kind: 'sheet'; sheet: Sheet } | { kind: 'tables'; tables: Table[] } | { kind: 'pdf'; pages: PdfPage[] };

export interface Candidate<F extends string> {
  /** 1-based number of the table in the document, as people count them. */
  table: number;
  sheet: Sheet;
  detected: Detected<F>;
  score: number;
}

export function candidates<F extends string>(src: Source, fields: readonly F[], headers: Headers<F>, required: F): Candidate<F>[] {
  const sheets: Sheet[] =
    src.kind === 'sheet' ? [src.sheet] : src.kind === 'tables' ? src.tables.map((t) => gridFromTable(t).sheet) : pdfSheets(src.pages, fields, headers, required);
  const out: Candidate<F>[] = [];
  sheets.forEach((sheet, i) => {
    const detected = detectColumns(sheet, fields, headers, required);
    if (detected) out.push({ table: i + 1, sheet, detected, score: fields.filter((f) => detected.mapping[f] !== null).length });
  });
  // Stable: among equal scores the earlier table wins.
  return out.sort((a, b) => b.score - a.score || a.table - b.table);
}

function pdfSheets<F extends string>(pages: readonly PdfPage[], fields: readonly F[], headers: Headers<F>, required: F): Sheet[] {
  const ruled = ruledTables(pages);
  if (ruled.some((s) => detectColumns(s, fields, headers, required))) return ruled;
  const loose = unruledTable(pages, fields, headers, required);
  return loose ? [loose] : ruled;
}

const LOOKED_FOR = 'TT, THỜI GIAN, NỘI DUNG, THỰC HIỆN (or STT, Giờ, Nội dung, Người thực hiện; No., Time, Item, Presenter)';

/** The programme table, or why there is none. */
export function noProgrammeTable(): ImportResult<never> {
  return { ok: false, issues: [issue(null, `the document has no programme table: Baton looked for a header row with ${LOOKED_FOR}`)] };
}
