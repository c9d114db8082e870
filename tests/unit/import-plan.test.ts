import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultProgramme } from '@shared/default-programme';
import { plannedSchedule } from '@shared/derive';
import { tablesFromHtml } from '@shared/import/html-table';
import { programmeFromJson, programmeToJson } from '@shared/import/json';
import type { Programme } from '@shared/programme';
import { formatTimeOfDay } from '@shared/time';
import { docxSource, importPlan, pdfSource, wordClipboardHtml } from './import-plan-helpers';

// Section III.2 of the plan, as the plan writes it (shared/seed/…vi.txt).
const TITLES = [
  'Đón tiếp đại biểu',
  'Tuyên bố lý do, giới thiệu đại biểu',
  'Báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024',
  'Kế hoạch thực hiện Nghị quyết của Chính phủ, Tỉnh ủy, HĐND tỉnh về phát triển kinh tế - xã hội năm 2024',
  'Hội nghị thảo luận',
  'Phát biểu chỉ đạo',
  'Hội nghị giải lao',
  'Công tác khen thưởng',
  'Phát động phong trào thi đua yêu nước năm 2023',
  'Kết thúc Hội nghị',
];
const KINDS = ['reception', 'procedure', 'film', 'report', 'discussion', 'speech', 'break', 'awards', 'launch', 'closing'];

function checkPlan(p: Programme) {
  expect(p.items.map((i) => i.title)).toEqual(TITLES);
  expect(p.items.map((i) => i.kind)).toEqual(KINDS);
  const times = plannedSchedule(p).map((s) => [formatTimeOfDay(s.start, p.timeZone), formatTimeOfDay(s.end, p.timeZone)]);
  expect(times[0]).toEqual(['07:00', '07:30']);
  expect(times[1]![0]).toBe('07:30');
  for (const [start, end] of times.slice(1)) {
    expect(start! >= '07:30' && end! <= '10:30').toBe(true);
  }
  expect(times.at(-1)![1]).toBe('10:30');
  const film = p.items[2]!;
  expect(film.cues).toEqual([expect.objectContaining({ target: 'av', leadSec: 60 })]);
  const awards = p.items[7]!;
  expect(awards.segments).toHaveLength(1);
  expect(awards.segments[0]!.honourees).toEqual([]);
  expect(p.items[3]!.presenter).toEqual({ name: 'Đ/c Lê Ô Pích', title: 'Phó Chủ tịch UBND tỉnh' });
  expect(p.items[0]!.presenter).toEqual({ name: 'VP UBND tỉnh; Sở Nội vụ; Sở KH&ĐT' });
  expect(p.items[5]!.presenter).toEqual({ name: 'Đ/c Bí thư Tỉnh ủy' });
  expect(p.items[7]!.presenter).toEqual({ name: 'Giám đốc Sở Nội vụ' });
  expect(p.items[8]!.presenter).toEqual({ name: 'Chủ tịch UBND tỉnh, Chủ tịch HĐTĐKT tỉnh' });
  expect(p.items[6]!.presenter).toBeUndefined();
}

describe('the plan as a .docx, a PDF and a pasted table (fixtures by python-docx and Chromium)', { timeout: 30_000 }, () => {
  const base = defaultProgramme();

  it('[I10] the PDF fixture holds every cell of section III.2, read by pdftotext (poppler-utils), not by pdf.js', () => {
    const text = execFileSync('/usr/bin/pdftotext', ['tests/fixtures/plan/plan.pdf', '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const performers = ['VP UBND tỉnh; Sở Nội vụ; Sở KH&ĐT', 'Đài PT&TH tỉnh', 'Đ/c Lê Ô Pích, Phó Chủ tịch UBND tỉnh', 'Đ/c Bí thư Tỉnh ủy', 'Giám đốc Sở Nội vụ', 'Chủ tịch UBND tỉnh, Chủ tịch HĐTĐKT tỉnh'];
    for (const cell of [...TITLES, ...performers, 'TT', 'THỜI GIAN', 'NỘI DUNG', 'THỰC HIỆN']) expect(text).toContain(cell);
    expect(text).toMatch(/7h00 7h30 7h30\s?10h30/);
  });

  it('[I10] the .docx: the programme table is found among the tables (the letterhead is one) and gives the 10 items', async () => {
    const r = importPlan(await docxSource('plan.docx'), base);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    checkPlan(r.value.programme);
  });

  it('[I10] the PDF printed by Chromium: rows from the ruling lines, the merged THỜI GIAN cell, the last row on page 2', async () => {
    const r = importPlan(await pdfSource('plan.pdf'), base);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    checkPlan(r.value.programme);
  });

  it('[I10] the table pasted from Word (HTML with Office markup, rowspan) gives the same programme as the .docx and the PDF', async () => {
    const tables = tablesFromHtml(wordClipboardHtml());
    const pasted = importPlan({ ok: true, value: { kind: 'tables', tables } }, base);
    const docx = importPlan(await docxSource('plan.docx'), base);
    const pdf = importPlan(await pdfSource('plan.pdf'), base);
    if (!pasted.ok || !docx.ok || !pdf.ok) throw new Error('an import failed');
    checkPlan(pasted.value.programme);
    expect(pasted.value.programme).toEqual(docx.value.programme);
    expect(pdf.value.programme).toEqual(docx.value.programme);
  });

  it('[I12] every duration inside the 07:30–10:30 block is an estimate, marked; the reception’s comes from its range', async () => {
    const r = importPlan(await docxSource('plan.docx'), base);
    if (!r.ok) throw new Error('import failed');
    const p = r.value.programme;
    expect(p.items.map((i) => i.durationEstimated ?? false)).toEqual([false, true, true, true, true, true, true, true, true, true]);
    expect(p.items[0]!.durationSec).toBe(30 * 60);
    expect(p.items.slice(1).reduce((s, i) => s + i.durationSec, 0)).toBe(180 * 60);
    expect([p.start, p.end]).toEqual(['07:00', '10:30']);
    expect(p.items.map((i) => i.fixedStart ?? null)).toEqual(['07:00', '07:30', null, null, null, null, null, null, null, null]);
  });

  it('[I12] the estimate mark survives a JSON export and import', async () => {
    const r = importPlan(await docxSource('plan.docx'), base);
    if (!r.ok) throw new Error('import failed');
    const back = programmeFromJson(programmeToJson(r.value.programme));
    expect(back.ok && back.value.items.map((i) => i.durationEstimated ?? false)).toEqual(r.value.programme.items.map((i) => i.durationEstimated ?? false));
  });

  it('[I14] each guess can be changed per row before import: a kind, a duration (the others rescale), a split undone', async () => {
    const src = await docxSource('plan.docx');
    const first = importPlan(src, base);
    if (!first.ok) throw new Error('import failed');
    const rowOf = (title: string) => first.value.rows.find((r) => r.title === title)!.row;
    expect(first.value.rows.map((r) => r.kindGuessed)).toEqual(Array(10).fill(true));
    expect(first.value.rows[3]!.presenter).toEqual({ name: 'Đ/c Lê Ô Pích', title: 'Phó Chủ tịch UBND tỉnh', split: true });
    const r = importPlan(src, base, {
      [rowOf('Hội nghị thảo luận')]: { durationSec: 60 * 60 },
      [rowOf('Phát biểu chỉ đạo')]: { kind: 'report' },
      [rowOf(TITLES[3]!)]: { split: false },
    });
    if (!r.ok) throw new Error('import failed');
    const p = r.value.programme;
    expect(p.items[4]!.durationSec).toBe(3600);
    expect(p.items[4]!.durationEstimated).toBeUndefined();
    expect(r.value.rows[4]!.durationEstimated).toBe(false);
    expect(p.items[5]!.kind).toBe('report');
    expect(r.value.rows[5]!.kindGuessed).toBe(false);
    expect(p.items[3]!.presenter).toEqual({ name: 'Đ/c Lê Ô Pích, Phó Chủ tịch UBND tỉnh' });
    expect(p.items.slice(1).reduce((s, i) => s + i.durationSec, 0)).toBe(180 * 60);
  });
});

describe('honourees from the decision’s annex (.docx)', { timeout: 30_000 }, () => {
  it('[I17] the award-group import takes a .docx: its honourees table goes into the chosen group', async () => {
    const { readDocx } = await import('../../client/import/docx-read');
    const { candidates } = await import('@shared/import/sources');
    const { HONOUREE_FIELDS, HONOUREE_HEADERS } = await import('@shared/import/columns');
    const { honoureesFromSheet, placeHonourees } = await import('@shared/import/honourees');
    const { fixture } = await import('./import-plan-helpers');
    const tables = await readDocx(fixture('honourees.docx'));
    if (!tables.ok) throw new Error('not read');
    const best = candidates({ kind: 'tables', tables: tables.value }, HONOUREE_FIELDS, HONOUREE_HEADERS, 'name')[0]!;
    const rows = honoureesFromSheet({ sheet: best.sheet, headerRow: best.detected.headerRow, mapping: best.detected.mapping });
    if (!rows.ok) throw new Error('rows');
    const awards = defaultProgramme().items.find((i) => i.kind === 'awards')!;
    const placed = placeHonourees(awards, rows.value, awards.segments[0]!.id);
    expect(placed.ok && placed.value.segments[0]!.honourees).toEqual([
      { name: 'Sở Nội vụ', award: 'Cờ thi đua của Chính phủ' },
      { name: 'UBND huyện Lục Nam', award: 'Cờ thi đua của Chính phủ' },
      { name: 'Ông Nguyễn Văn An, Trưởng phòng', award: 'Bằng khen của Thủ tướng Chính phủ' },
    ]);
  });
});
