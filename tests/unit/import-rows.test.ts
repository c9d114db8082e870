import { describe, expect, it } from 'vitest';
import {
  detectColumns, HONOUREE_FIELDS, HONOUREE_HEADERS, mapHeaders, type Mapping, PROGRAMME_FIELDS, PROGRAMME_HEADERS,
} from '@shared/import/columns';
import { honoureesFromSheet, placeHonourees } from '@shared/import/honourees';
import { programmeFromJson, programmeToJson } from '@shared/import/json';
import { programmeFromSheet, slug } from '@shared/import/programme-rows';
import { programmeToSheet } from '@shared/import/programme-sheet';
import type { Sheet } from '@shared/import/sheet';
import { itemSchema, type Programme, programmeSchema } from '@shared/programme';

const base: Programme = programmeSchema.parse({
  title: 'Base', date: '2024-03-05', start: '08:00',
  items: [
    {
      id: 'open', kind: 'procedure', title: 'Opening', durationSec: 600, warningSec: 90, dangerSec: 20, mediaDurationSec: 120,
      speakerView: 'timeOfDay', script: ['Good morning'], cues: [{ id: 'c', target: 'sound', label: 'Music', leadSec: 5 }],
      segments: [{ id: 's1', title: 'Part', durationSec: 300, script: ['Line'], honourees: [{ name: 'Ann' }], cues: [{ id: 'sc', target: 'av', label: 'Clip' }] }],
    },
  ],
});

/** Imports `rows` under `header` (the header is row 1, as Excel counts). */
function load(header: string[], rows: (string | number | null)[][], from: Programme = base, units?: Parameters<typeof programmeFromSheet>[0]['units']) {
  const sheet: Sheet = [header, ...rows];
  const mapping = mapHeaders(header, PROGRAMME_FIELDS, PROGRAMME_HEADERS);
  return programmeFromSheet({ sheet, headerRow: 0, mapping, ...(units ? { units } : {}) }, from);
}
function ok(r: ReturnType<typeof load>) {
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.row}: ${i.message}`).join('\n'));
  return r.value;
}
const issuesOf = (r: ReturnType<typeof load>) => (r.ok ? [] : r.issues.map((i) => `${i.row}: ${i.message}`));

describe('columns', () => {
  it('[I3] the header row is the one naming the most fields, among the first 15 rows, and it must name the title', () => {
    const sheet: Sheet = [['Nội dung'], ['Nội dung', 'Thời lượng', 'Loại'], ['Title', 'Duration']];
    expect(detectColumns(sheet, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title')?.headerRow).toBe(1);
    expect(detectColumns([['Thời lượng', 'Loại']], PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title')).toBeNull();
    const low: Sheet = [...Array.from({ length: 15 }, () => ['UBND TỈNH BẮC GIANG']), ['Nội dung', 'Thời lượng']];
    expect(detectColumns(low, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title')).toBeNull();
    const fourteen: Sheet = [...Array.from({ length: 14 }, () => []), ['Nội dung', 'Thời lượng']];
    expect(detectColumns(fourteen, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title')).toMatchObject({ headerRow: 14, headers: ['Nội dung', 'Thời lượng'] });
  });

  it('[I3] a column is taken once; exact names win; a name followed by a note goes to the longest matching field', () => {
    const m = mapHeaders(['Thời lượng phim (giây)', 'Thời lượng (phút)', 'Nội dung', 'Nội dung', '', 'Ghi chú'], PROGRAMME_FIELDS, PROGRAMME_HEADERS);
    expect(m).toMatchObject({ mediaDuration: 0, duration: 1, title: 2, no: null });
    expect(Object.values(m).filter((c) => c === 3 || c === 4 || c === 5)).toEqual([]);
    expect(mapHeaders(['Cảnh báo', 'Khẩn', 'Cue', 'Màn hình người nói', 'Giờ cố định', 'Mã'], PROGRAMME_FIELDS, PROGRAMME_HEADERS))
      .toMatchObject({ warning: 0, danger: 1, cues: 2, speakerView: 3, fixedStart: 4, id: 5 });
    // "Speaker view (ghi chú)" by prefix; "Start" exactly: a prefix match never takes a field already found
    expect(mapHeaders(['Start', 'Start time note', 'Speaker view (x)'], PROGRAMME_FIELDS, PROGRAMME_HEADERS)).toMatchObject({ start: 0, speakerView: 2 });
  });

  it('[I8] honouree headers: Vietnamese and English', () => {
    expect(mapHeaders(['Họ và tên', 'Unit', 'Award', 'Kind', 'Group'], HONOUREE_FIELDS, HONOUREE_HEADERS)).toEqual({ name: 0, unit: 1, award: 2, kind: 3, group: 4 });
  });
});

describe('rows → items', () => {
  it('[I4] ids, presenters, kinds in either language, and the segment rows of an item', () => {
    const p = ok(load(['STT', 'Mã', 'Loại', 'Nội dung', 'Người thực hiện', 'Chức vụ', 'Thời lượng'], [
      ['1', 'my-id', 'speech', 'Speech', 'Ann', '', '5'],
      ['2', '', 'Bế mạc', 'Phát biểu bế mạc', '', '', '5'],
      ['3', '', '', 'Talks', '', '', ''],
      ['3,1', '', '', 'Talk', 'Bo', 'Dr', '3'],
      ['', '', 'Tham luận', 'Talk', '', '', '4'],
      [null, null, null, null, null, null, null],
    ]));
    expect(p.items.map((i) => [i.id, i.kind, i.presenter])).toEqual([
      ['my-id', 'speech', { name: 'Ann' }],
      ['phat-bieu-be-mac', 'closing', undefined],
      ['talks', 'other', undefined],
    ]);
    expect(p.items[2]!.segments.map((s) => [s.id, s.presenter, s.durationSec])).toEqual([['talk', { name: 'Bo', title: 'Dr' }, 180], ['talk-2', undefined, 240]]);
    expect(p.items[2]!.durationSec).toBe(420);
    // a presenter's title without a name is a presenter without a name: refused
    expect(issuesOf(load(['Nội dung', 'Chức vụ', 'Thời lượng'], [['A', 'Chair', '5']]))).toEqual(['2: name is required']);
  });

  it('[I5] problems name their rows, in row order: an unknown kind, an orphan segment, an unknown speaker view', () => {
    const r = load(['Loại', 'Nội dung', 'Thời lượng', 'Màn hình người nói'], [
      ['Phần', 'Orphan', '5', ''],
      ['Văn nghệ', 'Song', '5', ''],
      ['', 'Speech', '5', 'big'],
      ['', 'Clock', '5', 'Giờ'],
      ['', 'Count', '5', 'đếm ngược'],
    ]);
    expect(issuesOf(r)).toEqual([
      '2: a segment needs an item above it',
      expect.stringMatching(/^3: kind "Văn nghệ" is not known: use one of reception, .*, or "Phần" \(segment\)$/),
      expect.stringMatching(/^4: speaker view "big" is not known/),
    ]);
    const fine = ok(load(['Nội dung', 'Thời lượng', 'Màn hình người nói'], [['Clock', '5', 'Giờ'], ['Count', '5', 'đếm ngược'], ['Plain', '5', '']]));
    expect(fine.items.map((i) => i.speakerView)).toEqual(['timeOfDay', 'countdown', 'countdown']);
  });

  it('[I5] without a title column, or without rows, nothing is imported and the reason is given', () => {
    expect(issuesOf(load(['Thời lượng'], [['5']]))).toEqual(['null: no column holds the title (Nội dung / Title)']);
    expect(issuesOf(load(['Nội dung'], [[''], [null]]))).toEqual(['null: the sheet has no items below its header row']);
  });

  it('[I5] a bad segment is named by its own row; a duplicate id by the row of its item', () => {
    const r = load(['Mã', 'Loại', 'Nội dung', 'Thời lượng'], [
      ['a', '', 'A', '5'],
      ['', 'Phần', 'Part', '0'],
    ]);
    expect(issuesOf(r)).toEqual(['3: duration must be a positive number of seconds']);
    const dup = load(['Mã', 'Nội dung', 'Thời lượng'], [['a', 'A', '5'], ['b', 'B', '5'], ['a', 'C', '5']]);
    expect(issuesOf(dup)).toEqual(['4: item id "a" is used twice']);
  });

  it('[I4] thresholds and film length by their column units; scripts and cues one per line', () => {
    const p = ok(load(['Nội dung', 'Thời lượng', 'Cảnh báo', 'Khẩn', 'Thời lượng phim', 'Lời dẫn', 'Cue'], [
      ['Film', '10', '90', '15', '8', ' Line 1 \n\nLine 2', 'Âm thanh: Nhạc (10s)\nLED nền\nÁnh sáng: Dim [trước 5 s]\nTV: Live (soon)'],
    ]));
    const film = p.items[0]!;
    expect(film).toMatchObject({ warningSec: 90, dangerSec: 15, mediaDurationSec: 480, script: ['Line 1', 'Line 2'] });
    expect(film.cues).toEqual([
      { id: 'cue-2-1', target: 'sound', label: 'Nhạc', leadSec: 10 },
      { id: 'cue-2-2', target: 'av', label: 'LED nền', leadSec: 0 },
      { id: 'cue-2-3', target: 'light', label: 'Dim', leadSec: 5 },
      { id: 'cue-2-4', target: 'broadcast', label: 'Live (soon)', leadSec: 0 },
    ]);
    const inMinutes = ok(load(['Nội dung', 'Thời lượng', 'Cảnh báo'], [['A', '600', '2']], base, { duration: 'sec', warning: 'min' }));
    expect(inMinutes.items[0]).toMatchObject({ durationSec: 600, warningSec: 120 });
    const unknownTarget = ok(load(['Nội dung', 'Thời lượng', 'Cue'], [['A', '5', 'Moon: Rise']]));
    expect(unknownTarget.items[0]!.cues[0]).toMatchObject({ target: 'av', label: 'Moon: Rise' });
  });

  it('[I4] the first start is the programme\'s start; a start a minute or more off the running sum becomes a fixed start', () => {
    const p = ok(load(['Nội dung', 'Giờ bắt đầu', 'Thời lượng'], [
      ['A', '07:00', '30'],
      ['B', '07:30', '10'], // on the sum
      ['C', '07:40:30', '10'], // half a minute off: not fixed
      ['D', '09:00', '10'],
      ['E', '', '10'],
    ]));
    expect(p.start).toBe('07:00');
    expect(p.items.map((i) => i.fixedStart)).toEqual([undefined, undefined, undefined, '09:00', undefined]);
    const noStart = ok(load(['Nội dung', 'Thời lượng'], [['A', '5']]));
    expect(noStart.start).toBe('08:00');
  });

  it('[I4] a fixed-start column alone sets fixed starts; the start column then gives only the programme\'s start', () => {
    const p = ok(load(['Nội dung', 'Giờ bắt đầu', 'Giờ cố định', 'Thời lượng'], [
      ['A', '07:00', '', '30'],
      ['B', '09:00', '', '10'],
      ['C', '', '10:00', '10'],
    ]));
    expect(p.start).toBe('07:00');
    expect(p.items.map((i) => i.fixedStart)).toEqual([undefined, undefined, '10:00']);
  });

  it('[I6] what the sheet has no column for is kept from the item with the same id', () => {
    const p = ok(load(['Mã', 'Nội dung', 'Thời lượng', 'Loại'], [['open', 'Opening!', '12', ''], ['open-part', 'Part', '5', 'Phần']]));
    expect(p.items[0]).toMatchObject({
      title: 'Opening!', durationSec: 720, warningSec: 90, dangerSec: 20, mediaDurationSec: 120, speakerView: 'timeOfDay',
      script: ['Good morning'], cues: base.items[0]!.cues,
    });
    const same = ok(load(['Mã', 'Nội dung', 'Thời lượng', 'Loại'], [['open', 'Opening', '10', ''], ['s1', 'Part', '5', 'Phần']]));
    expect(same.items[0]!.segments[0]).toMatchObject({ id: 's1', honourees: [{ name: 'Ann' }], script: ['Line'], cues: [{ id: 'sc' }] });
    const withColumns = ok(load(['Mã', 'Nội dung', 'Thời lượng', 'Loại', 'Lời dẫn', 'Cue', 'Cảnh báo', 'Khẩn', 'Thời lượng phim', 'Màn hình người nói'], [
      ['open', 'Opening', '10', '', '', '', '', '', '', ''],
      ['s1', 'Part', '5', 'Phần', 'New', '', '', '', '', ''],
    ]));
    expect(withColumns.items[0]).toMatchObject({ script: [], cues: [], warningSec: 120, dangerSec: 30, speakerView: 'countdown' });
    expect(withColumns.items[0]!.mediaDurationSec).toBeUndefined();
    expect(withColumns.items[0]!.segments[0]).toMatchObject({ script: ['New'], cues: [], honourees: [{ name: 'Ann' }] });
    const other = ok(load(['Mã', 'Nội dung', 'Thời lượng'], [['new', 'New', '5']]));
    expect(other.items[0]).toMatchObject({ script: [], cues: [], warningSec: 120 });
  });

  it('[I4] ids made from titles: without diacritics, at most 40 characters, numbered when taken', () => {
    expect(slug('Phát biểu chỉ đạo')).toBe('phat-bieu-chi-dao');
    expect(slug('A'.repeat(39) + ' b c')).toBe('a'.repeat(39));
    expect(slug('!!!')).toBe('');
    const p = ok(load(['Nội dung', 'Thời lượng', 'Loại'], [['Khai mạc', '5', ''], ['Khai mạc', '5', ''], ['Khai mạc', '5', ''], ['???', '5', ''], ['???', '5', 'Phần'], ['...', '5', 'Phần']]));
    expect(p.items.map((i) => i.id)).toEqual(['khai-mac', 'khai-mac-2', 'khai-mac-3', 'muc']);
    expect(p.items[3]!.segments.map((s) => s.id)).toEqual(['phan', 'phan-2']);
  });
});

describe('the run sheet out', () => {
  it('[I6] headers in the chosen language; cues, film length and the time-of-day view written so they read back', () => {
    const en = programmeToSheet(base, 'en');
    expect(en[0]!.slice(0, 4)).toEqual(['No.', 'ID', 'Kind', 'Title']);
    expect(en[1]).toEqual(['1', 'open', 'Procedure', 'Opening', '', '', '08:00', '', '10:00', 90, 20, 'Good morning', 'Âm thanh: Music (5s)', '2:00', 'time of day']);
    expect(en[2]).toEqual(['1.1', 's1', 'Segment', 'Part', '', '', '08:00', '', '5:00', '', '', 'Line', 'AV: Clip', '', '']);
    const vi = programmeToSheet(base);
    expect(vi[0]![3]).toBe('Nội dung');
    expect(vi[1]![14]).toBe('Giờ');
    expect(ok(load(vi[0] as string[], vi.slice(1) as string[][])).items[0]).toMatchObject({ speakerView: 'timeOfDay', mediaDurationSec: 120, cues: [{ target: 'sound', label: 'Music', leadSec: 5 }] });
  });
});

describe('honourees', () => {
  const awards = itemSchema.parse({
    id: 'awards', kind: 'awards', title: 'Awards', durationSec: 600,
    segments: [{ id: 'flags', title: 'Cờ thi đua', durationSec: 300 }, { id: 'merits', title: 'Bằng khen Chủ tịch', durationSec: 300 }],
  });
  const read = (header: string[], rows: string[][]) =>
    honoureesFromSheet({ sheet: [header, ...rows], headerRow: 0, mapping: mapHeaders(header, HONOUREE_FIELDS, HONOUREE_HEADERS) as Mapping<(typeof HONOUREE_FIELDS)[number]> });

  it('[I8] rows give name, unit, award and kind; the group column is kept for placing', () => {
    const r = read(['Tên', 'Đơn vị', 'Hình thức', 'Loại', 'Lượt'], [
      ['Sở A', 'Tỉnh', 'Cờ', 'Tập thể', '1'],
      ['Ông B', '', '', 'individual', ''],
      ['', '', '', '', ''],
    ]);
    expect(r).toEqual({
      ok: true,
      value: [
        { row: 2, honouree: { name: 'Sở A', unit: 'Tỉnh', award: 'Cờ', kind: 'collective' }, group: '1' },
        { row: 3, honouree: { name: 'Ông B', kind: 'individual' }, group: null },
      ],
    });
  });

  it('[I8] an unknown kind, a missing name column or an empty list is refused', () => {
    const r = read(['Tên', 'Loại'], [['A', 'team']]);
    expect(r).toEqual({ ok: false, issues: [{ row: 2, message: '"team" is neither Tập thể (collective) nor Cá nhân (individual)' }] });
    expect(read(['Đơn vị'], [['x']])).toMatchObject({ ok: false, issues: [{ row: null, message: expect.stringMatching(/^no column holds the name/) }] });
    expect(read(['Tên'], [])).toMatchObject({ ok: false, issues: [{ row: null, message: 'the sheet has no honourees below its header row' }] });
  });

  it('[I8] a group column places each row by number, title or id; a chosen group takes every row', () => {
    const row = (name: string, group: string | null, n = 2) => ({ row: n, honouree: { name }, group });
    const spread = placeHonourees(awards, [row('A', '2'), row('B', 'cờ thi đua'), row('C', 'flags'), row('D', 'Bằng khen')], null);
    expect(spread.ok && spread.value.segments.map((s) => s.honourees.map((h) => h.name))).toEqual([['B', 'C'], ['A', 'D']]);
    const chosen = placeHonourees(awards, [row('A', '1'), row('B', null)], 'merits');
    expect(chosen.ok && chosen.value.segments.map((s) => s.honourees.length)).toEqual([0, 2]);
  });

  it('[I8] a group that does not exist, or no group at all, places nothing and says which row', () => {
    const row = (name: string, group: string | null, n: number) => ({ row: n, honouree: { name }, group });
    expect(placeHonourees(awards, [row('A', '3', 2), row('B', '0', 3)], null)).toEqual({
      ok: false,
      issues: [{ row: 2, message: 'no award group "3" in "Awards"' }, { row: 3, message: 'no award group "0" in "Awards"' }],
    });
    expect(placeHonourees(awards, [row('A', null, 5)], null)).toEqual({ ok: false, issues: [{ row: 5, message: 'choose the award group to import into' }] });
    expect(placeHonourees(awards, [row('A', null, 5)], 'nope')).toMatchObject({ ok: false });
  });
});

describe('JSON', () => {
  it('[E1] the export is an envelope with format and version; a BOM is fine; another version is refused with both numbers', () => {
    const text = programmeToJson(base);
    expect(JSON.parse(text)).toMatchObject({ format: 'baton-programme', version: 1 });
    expect(text.endsWith('}\n')).toBe(true);
    expect(programmeFromJson(`\uFEFF${text}`)).toEqual({ ok: true, value: base });
    expect(programmeFromJson(JSON.stringify({ format: 'baton-programme', version: 3, programme: base }))).toEqual({
      ok: false, issues: [{ row: null, message: 'this file is format version 3; this Baton reads version 1' }],
    });
    expect(programmeFromJson('null')).toMatchObject({ ok: false });
    expect(programmeFromJson('nope')).toMatchObject({ ok: false, issues: [{ row: null, message: expect.stringMatching(/^the file is not valid JSON \(.+\)$/) }] });
  });

  it('[E1] an envelope of another format is read as a bare programme, and refused as one', () => {
    const r = programmeFromJson(JSON.stringify({ format: 'other', version: 1, programme: base }));
    expect(r.ok).toBe(false);
  });
});

