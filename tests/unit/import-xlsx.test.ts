import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { defaultProgramme } from '@shared/default-programme';
import { detectColumns, HONOUREE_FIELDS, HONOUREE_HEADERS, PROGRAMME_FIELDS, PROGRAMME_HEADERS } from '@shared/import/columns';
import { honoureesFromSheet, placeHonourees } from '@shared/import/honourees';
import { formatIssue } from '@shared/import/messages';
import { programmeFromSheet } from '@shared/import/programme-rows';
import type { Sheet } from '@shared/import/sheet';
import { looksLikeXlsx, readXlsx } from '@shared/import/xlsx';

type XCell = { value: string | number; type?: typeof Number | typeof String } | null;
const xlsx = async (rows: (string | number | null)[][]): Promise<ArrayBuffer> => {
  const data: XCell[][] = rows.map((r) => r.map((v) => (v === null ? null : typeof v === 'number' ? { value: v, type: Number } : { value: v })));
  const blob = await writeXlsxFile(data as never).toBlob();
  return blob.arrayBuffer();
};
const read = async (buf: ArrayBuffer): Promise<Sheet> => {
  const r = await readXlsx(buf);
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r.value;
};

describe('XLSX (read-excel-file; fixture written with write-excel-file)', () => {
  it('[I7] a real .xlsx run sheet with numeric minutes and Vietnamese text imports', async () => {
    const buf = await xlsx([
      ['Kịch bản điều hành Hội nghị tổng kết', null, null, null],
      ['Nội dung', 'Người thực hiện', 'Thời lượng (phút)', 'Loại'],
      ['Tuyên bố lý do, giới thiệu đại biểu', 'VP UBND tỉnh', 10, 'Nghi thức'],
      ['Phát biểu chỉ đạo', 'Đồng chí Bí thư Tỉnh ủy', 20, 'Phát biểu'],
      ['Trao Cờ thi đua của Chính phủ', 'Giám đốc Sở Nội vụ', '12:30', 'Khen thưởng'],
    ]);
    expect(looksLikeXlsx(new Uint8Array(buf.slice(0, 4)))).toBe(true);
    const sheet = await read(buf);
    const d = detectColumns(sheet, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title')!;
    expect(d.headerRow).toBe(1);
    const r = programmeFromSheet({ sheet, headerRow: d.headerRow, mapping: d.mapping }, defaultProgramme());
    if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i, 'en')).join('\n'));
    expect(r.value.items.map((i) => [i.title, i.kind, i.durationSec, i.presenter?.name])).toEqual([
      ['Tuyên bố lý do, giới thiệu đại biểu', 'procedure', 600, 'VP UBND tỉnh'],
      ['Phát biểu chỉ đạo', 'speech', 1200, 'Đồng chí Bí thư Tỉnh ủy'],
      ['Trao Cờ thi đua của Chính phủ', 'awards', 750, 'Giám đốc Sở Nội vụ'],
    ]);
  });

  it('[I7] a file that is not a spreadsheet is refused with a reason', async () => {
    const r = await readXlsx(new TextEncoder().encode('Nội dung,Thời lượng\n').buffer as ArrayBuffer);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issues[0]!, 'vi')).toBe('tệp không phải bảng tính (.xlsx) đọc được');
  });

  it('[I8] an honourees list from .xlsx goes into the chosen award group; a group column spreads it', async () => {
    const buf = await xlsx([
      ['STT', 'Tên tập thể, cá nhân', 'Đơn vị', 'Hình thức khen thưởng', 'Loại', 'Lượt trao thưởng'],
      [1, 'Sở Nội vụ tỉnh Bắc Giang', '', 'Cờ thi đua của Chính phủ', 'Tập thể', 1],
      [2, 'Ông Nguyễn Văn Ánh', 'Phó Giám đốc Sở Tài chính', 'Bằng khen của Thủ tướng Chính phủ', 'Cá nhân', 2],
      [3, 'Bà Lê Thị Hường', 'Trường THPT Lục Ngạn số 1', 'Bằng khen của Thủ tướng Chính phủ', 'cá nhân', 2],
    ]);
    const sheet = await read(buf);
    const d = detectColumns(sheet, HONOUREE_FIELDS, HONOUREE_HEADERS, 'name')!;
    expect(d.mapping).toMatchObject({ name: 1, unit: 2, award: 3, kind: 4, group: 5 });
    const rows = honoureesFromSheet({ sheet, headerRow: d.headerRow, mapping: d.mapping });
    if (!rows.ok) throw new Error(rows.issues.map((i) => formatIssue(i, 'en')).join('\n'));
    const awards = defaultProgramme().items.find((i) => i.kind === 'awards')!;

    const spread = placeHonourees(awards, rows.value, null);
    if (!spread.ok) throw new Error(spread.issues[0]!.message);
    expect(spread.value.segments[0]!.honourees).toEqual([{ name: 'Sở Nội vụ tỉnh Bắc Giang', award: 'Cờ thi đua của Chính phủ', kind: 'collective' }]);
    expect(spread.value.segments[1]!.honourees.map((h) => [h.name, h.kind])).toEqual([
      ['Ông Nguyễn Văn Ánh', 'individual'],
      ['Bà Lê Thị Hường', 'individual'],
    ]);
    expect(spread.value.segments[2]!.honourees).toEqual(awards.segments[2]!.honourees); // untouched

    const all = placeHonourees(awards, rows.value, awards.segments[2]!.id);
    expect(all.ok && all.value.segments[2]!.honourees).toHaveLength(3);
  });

  it('[I8] an honourees CSV-like sheet with a bad row names it and places nothing', () => {
    const sheet: Sheet = [['Họ và tên', 'Đơn vị', 'Hình thức'], ['Nguyễn Văn A', 'Sở Y tế', 'Bằng khen'], ['', 'Sở Tư pháp', 'Bằng khen'], ['Trần B', 'x', 'y']];
    const d = detectColumns(sheet, HONOUREE_FIELDS, HONOUREE_HEADERS, 'name')!;
    const r = honoureesFromSheet({ sheet, headerRow: d.headerRow, mapping: d.mapping });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => formatIssue(i, 'vi'))).toEqual(['dòng 3: cần nhập tên tập thể, cá nhân']);
  });
});
