import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultProgramme } from '@shared/default-programme';
import { detectColumns, HONOUREE_FIELDS, HONOUREE_HEADERS, PROGRAMME_FIELDS, PROGRAMME_HEADERS } from '@shared/import/columns';
import { parseCsv, toCsv } from '@shared/import/csv';
import { honoureesFromSheet } from '@shared/import/honourees';
import { programmeFromJson, programmeToJson } from '@shared/import/json';
import { programmeFromSheet } from '@shared/import/programme-rows';
import { programmeToSheet } from '@shared/import/programme-sheet';
import { readXlsx } from '@shared/import/xlsx';

const file = (name: string) => readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url));

describe('docs/examples (the files docs/import.md points to)', () => {
  it('[I9] chuong-trinh.csv is the default programme exported, and imports back', () => {
    const text = file('chuong-trinh.csv').toString('utf8');
    expect(text).toBe(toCsv(programmeToSheet(defaultProgramme(), 'vi'), ';'));
    const { rows } = parseCsv(text);
    const d = detectColumns(rows, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title')!;
    const r = programmeFromSheet({ sheet: rows, headerRow: d.headerRow, mapping: d.mapping }, defaultProgramme());
    expect(r.ok && r.value.items.length).toBe(10);
  });

  it('[I9] chuong-trinh.xlsx imports to the same items as the CSV', async () => {
    const buf = file('chuong-trinh.xlsx');
    const sheet = await readXlsx(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    if (!sheet.ok) throw new Error(sheet.issues[0]!.message);
    const d = detectColumns(sheet.value, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title')!;
    const r = programmeFromSheet({ sheet: sheet.value, headerRow: d.headerRow, mapping: d.mapping }, defaultProgramme());
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.row}: ${i.message}`).join('\n'));
    const p = defaultProgramme();
    expect(r.value.items.map((i) => [i.id, i.durationSec, i.segments.length, i.script])).toEqual(p.items.map((i) => [i.id, i.durationSec, i.segments.length, i.script]));
  });

  it('[I9] khen-thuong.csv and programme.json are valid', () => {
    const { rows } = parseCsv(file('khen-thuong.csv').toString('utf8'));
    const d = detectColumns(rows, HONOUREE_FIELDS, HONOUREE_HEADERS, 'name')!;
    const h = honoureesFromSheet({ sheet: rows, headerRow: d.headerRow, mapping: d.mapping });
    expect(h.ok && h.value.map((x) => x.group)).toEqual(['1', '2', '2', '3']);
    const text = file('programme.json').toString('utf8');
    expect(text).toBe(programmeToJson(defaultProgramme()));
    expect(programmeFromJson(text)).toEqual({ ok: true, value: defaultProgramme() });
  });
});
