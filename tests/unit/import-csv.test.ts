import { describe, expect, it } from 'vitest';
import { defaultProgramme } from '@shared/default-programme';
import { detectColumns, PROGRAMME_FIELDS, PROGRAMME_HEADERS } from '@shared/import/columns';
import { parseCsv, toCsv } from '@shared/import/csv';
import { formatIssue } from '@shared/import/messages';
import { programmeFromSheet } from '@shared/import/programme-rows';
import { programmeToSheet } from '@shared/import/programme-sheet';
import type { Sheet } from '@shared/import/sheet';
import { parseDuration, parseTimeOfDay } from '@shared/import/values';

const detect = (sheet: Sheet) => {
  const d = detectColumns(sheet, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title');
  if (!d) throw new Error('no header row');
  return d;
};
const importCsv = (text: string, base = defaultProgramme()) => {
  const { rows } = parseCsv(text);
  const d = detect(rows);
  return programmeFromSheet({ sheet: rows, headerRow: d.headerRow, mapping: d.mapping }, base);
};

describe('CSV', () => {
  it('[I1] RFC 4180: quoted delimiters, doubled quotes and line breaks inside a field', () => {
    const { rows } = parseCsv('a,"b, c","say ""hi""","two\r\nlines"\r\n1,2,3,4\n');
    expect(rows).toEqual([['a', 'b, c', 'say "hi"', 'two\r\nlines'], ['1', '2', '3', '4']]);
  });

  it('[I1] a BOM is stripped, ";" is recognised, Vietnamese stays intact (decomposed text is composed)', () => {
    const nfd = 'Phát biểu chỉ đạo'.normalize('NFD');
    const { rows, delimiter } = parseCsv(`\uFEFFNội dung;Thời lượng (phút)\r\n${nfd};20\r\n`);
    expect(delimiter).toBe(';');
    expect(rows[0]).toEqual(['Nội dung', 'Thời lượng (phút)']);
    expect(rows[1]![0]).toBe('Phát biểu chỉ đạo');
    expect(rows[1]![0]!.length).toBe('Phát biểu chỉ đạo'.normalize('NFC').length);
  });

  it('[I1] written CSV starts with a BOM, uses CRLF, quotes where needed, defuses formulas, parses back', () => {
    const rows = [['Nội dung', 'x'], ['a, b', 'line\nbreak'], ['=1+1', '-1:30'], ['-cmd', '@x']];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const back = parseCsv(text).rows;
    expect(back[1]).toEqual(['a, b', 'line\nbreak']);
    expect(back[2]).toEqual(["'=1+1", '-1:30']);
    expect(back[3]).toEqual(["'-cmd", "'@x"]);
  });
});

describe('values', () => {
  it('[I2] durations: 15, 7,5, 15:00, 1:05:00, 15 phút, 90s; empty is null; words are refused', () => {
    expect(parseDuration('15', 'min')).toEqual({ ok: true, value: 900 });
    expect(parseDuration('7,5', 'min')).toEqual({ ok: true, value: 450 });
    expect(parseDuration('15:00', 'min')).toEqual({ ok: true, value: 900 });
    expect(parseDuration('1:05:00', 'min')).toEqual({ ok: true, value: 3900 });
    expect(parseDuration('15 phút', 'sec')).toEqual({ ok: true, value: 900 });
    expect(parseDuration('90s', 'min')).toEqual({ ok: true, value: 90 });
    expect(parseDuration(20, 'min')).toEqual({ ok: true, value: 1200 });
    expect(parseDuration(120, 'sec')).toEqual({ ok: true, value: 120 });
    expect(parseDuration('', 'min')).toBeNull();
    expect(parseDuration('mười lăm', 'min')).toMatchObject({ ok: false });
  });

  it('[I2] times of day: 7:30, 07:30, 7h30, 7h, a slot "07:30 - 07:40", an Excel fraction of a day', () => {
    for (const t of ['7:30', '07:30', '7h30', '07:30:00', '07:30 - 07:40', 0.3125]) expect(parseTimeOfDay(t)).toEqual({ ok: true, value: '07:30' });
    expect(parseTimeOfDay('7h')).toEqual({ ok: true, value: '07:00' });
    expect(parseTimeOfDay('25:00')).toMatchObject({ ok: false });
  });
});

describe('column mapping', () => {
  it('[I3] Vietnamese and English headers, with or without diacritics, below title lines', () => {
    const sheet: Sheet = [
      ['KỊCH BẢN ĐIỀU HÀNH HỘI NGHỊ'],
      [],
      ['STT', 'Giờ bắt đầu', 'Nội dung', 'Người thực hiện', 'Thời lượng (phút)', 'Thời lượng phim (giây)', 'Lời dẫn'],
    ];
    const d = detect(sheet);
    expect(d.headerRow).toBe(2);
    expect(d.mapping).toMatchObject({ no: 0, start: 1, title: 2, presenter: 3, duration: 4, mediaDuration: 5, script: 6, kind: null });
    const en = detect([['Title', 'Duration', 'Presenter', 'Kind', 'Start']]);
    expect(en.mapping).toMatchObject({ title: 0, duration: 1, presenter: 2, kind: 3, start: 4 });
    expect(detect([['noi dung', 'thoi luong']]).mapping).toMatchObject({ title: 0, duration: 1 });
  });
});

describe('CSV → programme', () => {
  const good = [
    '\uFEFFSTT;Giờ bắt đầu;Loại;Nội dung;Người thực hiện;Chức vụ;Thời lượng (phút);Lời dẫn',
    '1;07:30;Nghi thức;Tuyên bố lý do, giới thiệu đại biểu;VP UBND tỉnh;;10;"Kính thưa các đồng chí lãnh đạo tỉnh…\nTrân trọng giới thiệu"',
    '2;07:40;Phim;Phim báo cáo tổng kết;Đài PT&TH tỉnh;;15:00;',
    '3;07:55;Thảo luận;Hội nghị thảo luận;VP UBND tỉnh;;;',
    '3.1;;Phần;Tham luận của Sở Nội vụ;Nguyễn Văn A;Giám đốc Sở Nội vụ;8;',
    '3.2;;Phần;Tham luận của huyện Lục Ngạn;Trần Thị B;Chủ tịch UBND huyện;7;',
    '4;09:00;Giải lao;Hội nghị giải lao;;;15;',
  ].join('\r\n');

  it('[I4] a run sheet with a BOM, ";" and Vietnamese imports: kinds, presenters, segments, script lines, starts', () => {
    const r = importCsv(good);
    if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i, 'en')).join('\n'));
    const p = r.value;
    expect(p.start).toBe('07:30');
    expect(p.title).toBe(defaultProgramme().title);
    expect(p.items.map((i) => i.kind)).toEqual(['procedure', 'film', 'discussion', 'break']);
    expect(p.items[0]).toMatchObject({ id: 'tuyen-bo-ly-do-gioi-thieu-dai-bieu', presenter: { name: 'VP UBND tỉnh' }, durationSec: 600 });
    expect(p.items[0]!.script).toEqual(['Kính thưa các đồng chí lãnh đạo tỉnh…', 'Trân trọng giới thiệu']);
    const discussion = p.items[2]!;
    expect(discussion.durationSec).toBe(15 * 60); // no duration given: the sum of its segments
    expect(discussion.segments.map((s) => [s.title, s.presenter, s.durationSec])).toEqual([
      ['Tham luận của Sở Nội vụ', { name: 'Nguyễn Văn A', title: 'Giám đốc Sở Nội vụ' }, 480],
      ['Tham luận của huyện Lục Ngạn', { name: 'Trần Thị B', title: 'Chủ tịch UBND huyện' }, 420],
    ]);
    // 07:55 + 15 min = 08:10, but the sheet says 09:00: the break keeps its fixed start.
    expect(p.items.map((i) => i.fixedStart)).toEqual([undefined, undefined, undefined, '09:00']);
  });

  it('[I5] a CSV with errors: every bad row is named, in English and Vietnamese, and nothing is imported', () => {
    const bad = [
      'Nội dung,Thời lượng (phút),Loại,Giờ bắt đầu',
      'Khai mạc,10,Nghi thức,07:30',
      'Phát biểu,mười lăm,Phát biểu,',
      ',5,Khác,',
      'Phim,0,Phim,',
      'Ca nhạc,5,Văn nghệ,8h70',
    ].join('\n');
    const r = importCsv(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const en = r.issues.map((i) => formatIssue(i, 'en'));
    expect(en).toEqual([
      'row 3: duration "mười lăm" is not a duration: write 15 (minutes), 15:00 or 1:05:00',
      'row 3: duration must be a positive number of seconds',
      'row 4: title is required',
      'row 5: duration must be a positive number of seconds',
      expect.stringMatching(/^row 6: kind "Văn nghệ" is not known/),
      'row 6: start "8h70" is not a time of day: write 07:30',
    ]);
    const vi = r.issues.map((i) => formatIssue(i, 'vi'));
    expect(vi).toContain('dòng 5: thời lượng phải là một số giây dương');
    expect(vi).toContain('dòng 4: cần nhập tiêu đề');
  });

  it('[I6] an exported run sheet imports back to the same programme (cue ids aside)', () => {
    const p = defaultProgramme();
    const csv = toCsv(programmeToSheet(p, 'vi'), ';');
    const r = importCsv(csv, p);
    if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i, 'en')).join('\n'));
    const withoutCueIds = (x: typeof p) =>
      JSON.parse(JSON.stringify(x, (k, v) => (k === 'cues' ? (v as { label: string; target: string; leadSec: number }[]).map(({ label, target, leadSec }) => ({ label, target, leadSec })) : v)));
    expect(withoutCueIds(r.value)).toEqual(withoutCueIds(p));
    const en = importCsv(toCsv(programmeToSheet(p, 'en')), p);
    expect(en.ok && en.value.items.map((i) => i.kind)).toEqual(p.items.map((i) => i.kind));
  });

  it('[I6] columns the sheet lacks keep the current values for the same item (honourees survive)', () => {
    const p = defaultProgramme();
    const csv = ['Mã,Nội dung,Thời lượng (phút),Loại', ...p.items.flatMap((i) => [
      `${i.id},"${i.title}",${i.durationSec / 60},${i.kind}`,
      ...i.segments.map((s) => `${s.id},"${s.title}",${s.durationSec / 60},Phần`),
    ])].join('\n');
    const r = importCsv(csv, p);
    if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i, 'en')).join('\n'));
    const awards = r.value.items.find((i) => i.kind === 'awards')!;
    expect(awards.segments[0]!.honourees).toEqual(p.items.find((i) => i.kind === 'awards')!.segments[0]!.honourees);
    expect(r.value.items[1]!.script).toEqual(p.items[1]!.script);
  });
});
