/** Shared by the import-plan tests: the fixtures read the way the editor reads them. */
import { readFileSync } from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readDocx } from '../../client/import/docx-read';
import { type PdfJs, readPdf } from '../../client/import/pdf-read';
import { PROGRAMME_FIELDS, PROGRAMME_HEADERS } from '@shared/import/columns';
import type { ImportResult } from '@shared/import/issues';
import { isPlanLayout, type PlanChoices, type PlanImport, programmeFromPlan } from '@shared/import/plan';
import { candidates, noProgrammeTable, type Source } from '@shared/import/sources';
import type { Programme } from '@shared/programme';

export const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/plan/${name}`));
export const planTable = JSON.parse(readFileSync('tests/fixtures/plan/plan-table.json', 'utf8')) as { header: string[]; rows: string[][] };

export async function docxSource(name: string): Promise<ImportResult<Source>> {
  const r = await readDocx(fixture(name));
  return r.ok ? { ok: true, value: { kind: 'tables', tables: r.value } } : r;
}

export async function pdfSource(name: string): Promise<ImportResult<Source>> {
  const r = await readPdf(pdfjs as unknown as PdfJs, fixture(name));
  return r.ok ? { ok: true, value: { kind: 'pdf', pages: r.value } } : r;
}

/** What the dialog does with a source: the best programme table, through the plan path. */
export function importPlan(src: ImportResult<Source>, base: Programme, choices: PlanChoices = {}): ImportResult<PlanImport> {
  if (!src.ok) return src;
  const best = candidates(src.value, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title')[0];
  if (!best) return noProgrammeTable();
  if (!isPlanLayout(best.detected.mapping)) throw new Error('expected a plan layout');
  return programmeFromPlan({ sheet: best.sheet, headerRow: best.detected.headerRow, mapping: best.detected.mapping }, base, choices);
}

/** Word's clipboard for the plan's table: styles, Office namespaces, <o:p>, the merged cell as rowspan. */
export function wordClipboardHtml(): string {
  const cell = (t: string, extra = '') => `<td width=120 valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'${extra}><p class=MsoNormal>${t.replace(/&/g, '&amp;') || '&nbsp;'}<o:p></o:p></p></td>`;
  const rows = planTable.rows.map((r, i) => `<tr>${r.map((t, c) => (c === 1 && i > 1 ? '' : cell(t, c === 1 && i === 1 ? ' rowspan=9' : ''))).join('')}</tr>`);
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset=utf-8><style><!-- p.MsoNormal {margin:0cm} --></style></head>
<body lang=VI><!--StartFragment--><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
<tr>${planTable.header.map((h) => cell(`<b>${h}</b>`)).join('')}</tr>
${rows.join('\n')}</table><!--EndFragment--></body></html>`;
}
