import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { defaultProgramme } from '@shared/default-programme';
import { PROGRAMME_FIELDS, PROGRAMME_HEADERS } from '@shared/import/columns';
import { parseCsv, toCsv } from '@shared/import/csv';
import { tablesFromHtml } from '@shared/import/html-table';
import { formatIssue } from '@shared/import/messages';
import { programmeFromSheet } from '@shared/import/programme-rows';
import { programmeToSheet } from '@shared/import/programme-sheet';
import type { Sheet } from '@shared/import/sheet';
import { candidates, type Source } from '@shared/import/sources';
import { readXlsx } from '@shared/import/xlsx';
import type { Programme } from '@shared/programme';

// What a spreadsheet puts on the clipboard when its cells are copied: an HTML table (line breaks
// in a cell as <br>, & and < escaped) and tab-separated text (a cell with a tab, a line break or
// a quote in quotes, quotes doubled).
const htmlOf = (sheet: Sheet) =>
  `<html><body><table>${sheet.map((r) => `<tr>${r.map((c) => `<td>${String(c ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
const tsvOf = (sheet: Sheet) =>
  sheet.map((r) => r.map((c) => { const t = String(c ?? ''); return /[\t\n"]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t; }).join('\t')).join('\r\n');

function pasteBack(src: Source, base: Programme) {
  const best = candidates(src, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title')[0];
  if (!best) throw new Error('no table found');
  const r = programmeFromSheet({ sheet: best.sheet, headerRow: best.detected.headerRow, mapping: best.detected.mapping }, base);
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i, 'en')).join('\n'));
  return r.value;
}
const withoutCueIds = (x: Programme) =>
  JSON.parse(JSON.stringify(x, (k, v) => (k === 'cues' ? (v as { label: string; target: string; leadSec: number }[]).map(({ label, target, leadSec }) => ({ label, target, leadSec })) : v)));

const word = fc.constantFrom('Hội', 'nghị', 'Phát', 'biểu', 'khen', 'thưởng', 'Đ/c', 'Sở', 'KH&ĐT', '"Cờ', 'thi', 'đua"', '2024', 'a<b', '-', 'năm', 'UBND');
const phrase = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const programmeArb = fc
  .record({
    order: fc.shuffledSubarray(defaultProgramme().items, { minLength: 1 }),
    titles: fc.array(phrase, { minLength: 10, maxLength: 10 }),
    names: fc.array(fc.option(phrase, { nil: undefined }), { minLength: 10, maxLength: 10 }),
    seconds: fc.array(fc.integer({ min: 30, max: 4 * 3600 }), { minLength: 10, maxLength: 10 }),
  })
  .map(({ order, titles, names, seconds }): Programme => ({
    ...defaultProgramme(),
    // A sheet has no cell for the programme's start but the first row's time: a programme whose
    // first item is fixed later than its start cannot say both (a quirk of I6, not of pasting).
    start: order[0]?.fixedStart ?? defaultProgramme().start,
    items: order.map((item, i) => ({
      ...item,
      title: titles[i] as string,
      durationSec: item.segments.length ? item.durationSec : (seconds[i] as number),
      ...(names[i] ? { presenter: { name: names[i] as string } } : { presenter: undefined }),
    })).map((item) => JSON.parse(JSON.stringify(item))),
  }));

describe('a programme exported by Baton, pasted back as a table (property)', { timeout: 60_000 }, () => {
  it('[I16] exported as CSV, opened in a spreadsheet and pasted (HTML table or tab-separated text): the same programme', () => {
    fc.assert(
      fc.property(programmeArb, (p) => {
        const cells = parseCsv(toCsv(programmeToSheet(p, 'vi'), ';')).rows;
        expect(withoutCueIds(pasteBack({ kind: 'tables', tables: tablesFromHtml(htmlOf(cells)) }, p))).toEqual(withoutCueIds(p));
        expect(withoutCueIds(pasteBack({ kind: 'sheet', sheet: parseCsv(tsvOf(cells), '\t').rows }, p))).toEqual(withoutCueIds(p));
      }),
      { numRuns: 60 },
    );
  });

  it('[I16] exported as XLSX (write-excel-file), opened and pasted as an HTML table: the same programme', async () => {
    await fc.assert(
      fc.asyncProperty(programmeArb, async (p) => {
        const sheet = programmeToSheet(p, 'en').map((r) => r.map((c) => (c === null || c === '' ? null : { value: String(c) })));
        const read = await readXlsx(await (await writeXlsxFile(sheet as never).toBlob()).arrayBuffer());
        if (!read.ok) throw new Error('xlsx not read');
        const cells = read.value.map((r) => r.map((c) => (c === null ? '' : String(c))));
        expect(withoutCueIds(pasteBack({ kind: 'tables', tables: tablesFromHtml(htmlOf(cells)) }, p))).toEqual(withoutCueIds(p));
      }),
      { numRuns: 15 },
    );
  });
});
