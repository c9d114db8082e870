import { describe, expect, it } from 'vitest';
import { gridFromTable } from '@shared/import/grid';
import { tablesFromHtml } from '@shared/import/html-table';
import { kindFromWords, splitPerson } from '@shared/import/plan-words';
import { parseRange, scaleToFill, timeRows } from '@shared/import/plan-times';
import type { PdfPage, PdfRun } from '@shared/import/pdf-layout';
import { unruledTable } from '@shared/import/pdf-rows';
import { PROGRAMME_FIELDS, PROGRAMME_HEADERS } from '@shared/import/columns';
import { candidates } from '@shared/import/sources';

describe('reading a plan’s words (pure, deterministic)', () => {
  it('[I11] kinds from the title’s words: the phrase found first wins', () => {
    expect(kindFromWords('Đón tiếp đại biểu', '')).toBe('reception');
    expect(kindFromWords('Tuyên bố lý do, giới thiệu đại biểu', '')).toBe('procedure');
    expect(kindFromWords('Khai mạc Hội nghị', '')).toBe('procedure');
    expect(kindFromWords('Báo cáo tổng kết công tác thi đua, khen thưởng năm 2023', 'Sở Nội vụ')).toBe('report');
    expect(kindFromWords('Phát biểu chỉ đạo', '')).toBe('speech');
    expect(kindFromWords('Hội nghị thảo luận', '')).toBe('discussion');
    expect(kindFromWords('Hội nghị giải lao', '')).toBe('break');
    expect(kindFromWords('Công tác khen thưởng', '')).toBe('awards');
    expect(kindFromWords('Trao thưởng cho các tập thể', '')).toBe('awards');
    expect(kindFromWords('Phát động phong trào thi đua yêu nước năm 2023', '')).toBe('launch');
    expect(kindFromWords('Kết thúc Hội nghị', '')).toBe('closing');
    expect(kindFromWords('Bế mạc', '')).toBe('closing');
    expect(kindFromWords('Văn nghệ chào mừng', '')).toBe('other');
  });

  it('[I11] a report delivered by a broadcaster, or titled as a film, is a film', () => {
    expect(kindFromWords('Báo cáo tổng kết công tác thi đua, khen thưởng năm 2023', 'Đài PT&TH tỉnh')).toBe('film');
    expect(kindFromWords('Báo cáo kết quả năm 2023', 'Đài Truyền hình Việt Nam')).toBe('film');
    expect(kindFromWords('Trình chiếu phim tài liệu', 'VP UBND tỉnh')).toBe('film');
    expect(kindFromWords('Phát biểu chào mừng', 'Đài PT&TH tỉnh')).toBe('speech');
  });

  it('[I13] a name and a title are split; a title alone and a list of offices stay as written', () => {
    expect(splitPerson('Đ/c Lê Ô Pích, Phó Chủ tịch UBND tỉnh')).toEqual({ name: 'Đ/c Lê Ô Pích', title: 'Phó Chủ tịch UBND tỉnh', split: true });
    expect(splitPerson('Nguyễn Văn An, Giám đốc Sở Tài chính')).toEqual({ name: 'Nguyễn Văn An', title: 'Giám đốc Sở Tài chính', split: true });
    expect(splitPerson('Giám đốc Sở Nội vụ')).toEqual({ name: 'Giám đốc Sở Nội vụ', split: false });
    expect(splitPerson('Đ/c Bí thư Tỉnh ủy')).toEqual({ name: 'Đ/c Bí thư Tỉnh ủy', split: false });
    expect(splitPerson('VP UBND tỉnh; Sở Nội vụ; Sở KH&ĐT')).toEqual({ name: 'VP UBND tỉnh; Sở Nội vụ; Sở KH&ĐT', split: false });
    expect(splitPerson('Chủ tịch UBND tỉnh, Chủ tịch HĐTĐKT tỉnh')).toEqual({ name: 'Chủ tịch UBND tỉnh, Chủ tịch HĐTĐKT tỉnh', split: false });
    expect(splitPerson('VP UBND, Sở Nội vụ')).toEqual({ name: 'VP UBND, Sở Nội vụ', split: false });
  });

  it('[I12] times as organisers write them', () => {
    expect(parseRange('7h00 - 7h30')).toEqual({ start: '07:00', end: '07:30' });
    expect(parseRange('7h30- 10h30')).toEqual({ start: '07:30', end: '10:30' });
    expect(parseRange('07 giờ 30')).toEqual({ start: '07:30', end: null });
    expect(parseRange('07 giờ 30 phút')).toEqual({ start: '07:30', end: null });
    expect(parseRange('Từ 7h30 đến 10h30')).toEqual({ start: '07:30', end: '10:30' });
    expect(parseRange('-10h30')).toEqual({ start: null, end: '10:30' });
    expect(parseRange('7:30–8:15')).toEqual({ start: '07:30', end: '08:15' });
    expect(parseRange('')).toBeNull();
    expect(parseRange('Buổi sáng')).toBeNull();
  });

  it('[I12] a block’s unwritten durations: defaults per kind scaled to fill it exactly (largest remainder, ties to the earlier row)', () => {
    // 10+15+20+45+20+15+35+10+5 = 175 default minutes into 180: ×180/175, floors give 177, and the
    // three largest remainders (.57 report, .57 speech, .43 film before .43 break) get a minute each.
    expect(scaleToFill([10, 15, 20, 45, 20, 15, 35, 10, 5], 180)).toEqual([10, 16, 21, 46, 21, 15, 36, 10, 5]);
    expect(scaleToFill([10, 10, 10], 31)).toEqual([11, 10, 10]);
    expect(scaleToFill([30, 30], 1)).toEqual([1, 1]);
  });

  it('[I12] blocks: a range over rows without times (or the same range filled down), an end-only row closes, given minutes are kept', () => {
    const t = timeRows([
      { time: '7h00 - 7h30', kind: 'reception', givenSec: null },
      { time: '07 giờ 30', kind: 'procedure', givenSec: null },
      { time: '', kind: 'speech', givenSec: 20 * 60 },
      { time: '-8h30', kind: 'closing', givenSec: null },
    ]);
    expect(t.start).toBe('07:00');
    expect(t.end).toBe('08:30');
    expect(t.rows).toEqual([
      { fixedStart: '07:00', durationSec: 1800, estimated: false },
      // 60 min block, 20 given: 40 left for procedure (10) and closing (5) → 26.67 / 13.33 → 27 / 13.
      { fixedStart: '07:30', durationSec: 27 * 60, estimated: true },
      { fixedStart: null, durationSec: 1200, estimated: false },
      { fixedStart: null, durationSec: 13 * 60, estimated: true },
    ]);
    // Without any time: the defaults, unscaled.
    expect(timeRows([{ time: '', kind: 'break', givenSec: null }]).rows).toEqual([{ fixedStart: null, durationSec: 900, estimated: true }]);
  });

  it('[I10] merged cells fill every row they span; a cell merged across keeps its text in its first column', () => {
    const [table] = tablesFromHtml('<table><tr><td>A</td><td rowspan="3">7h30- 10h30</td><td colspan="2">X</td></tr><tr><td>B</td><td>c</td><td>d</td></tr><tr><td>C</td><td>e</td><td>f</td></tr></table>');
    const g = gridFromTable(table!);
    expect(g.sheet).toEqual([['A', '7h30- 10h30', 'X', ''], ['B', '7h30- 10h30', 'c', 'd'], ['C', '7h30- 10h30', 'e', 'f']]);
    expect(g.filled.map((r) => r[1])).toEqual([false, true, true]);
  });

  it('[I10] HTML cells: entities, <br> and paragraphs as lines, styles and comments skipped, nested tables apart', () => {
    const tables = tablesFromHtml('<style>td{}</style><!-- x --><table><tr><th>Sở KH&amp;ĐT</th><td><p>a</p><p>b&nbsp;c</p></td><td>x<br>y<table><tr><td>inner</td></tr></table></td></tr></table>');
    expect(tables.map((t) => t.map((r) => r.map((c) => c.text)))).toEqual([[['Sở KH&ĐT', 'a\nb c', 'x\ny']], [['inner']]]);
  });

  it('[I10] a PDF without ruling lines: rows from gaps wider than the line spacing, a wrapped header joined', () => {
    const run = (text: string, x: number, y: number): PdfRun => ({ text, x, y, w: text.length * 6, h: 12 });
    const page: PdfPage = {
      width: 595, height: 842, rules: [],
      runs: [
        run('TT', 50, 100), run('THỜI', 90, 100), run('NỘI DUNG', 200, 100), run('THỰC HIỆN', 420, 100), run('GIAN', 90, 114),
        run('1.', 50, 140), run('7h00 -', 90, 140), run('Đón tiếp đại biểu', 200, 140), run('VP UBND tỉnh; Sở', 420, 140),
        run('7h30', 90, 154), run('Nội vụ; Sở KH&ĐT', 420, 154),
        run('Báo cáo tổng kết công tác', 200, 180), run('Đài PT&TH tỉnh', 420, 180),
        run('thi đua', 200, 194),
        run('IV. TỔ CHỨC THỰC HIỆN', 50, 300),
      ],
    };
    expect(unruledTable([page], PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title')).toEqual([
      ['TT', 'THỜI GIAN', 'NỘI DUNG', 'THỰC HIỆN'],
      ['1.', '7h00 - 7h30', 'Đón tiếp đại biểu', 'VP UBND tỉnh; Sở Nội vụ; Sở KH&ĐT'],
      ['', '', 'Báo cáo tổng kết công tác thi đua', 'Đài PT&TH tỉnh'],
    ]);
  });

  it('[I10] several tables: the one whose header names most programme columns comes first, the others stay choosable', () => {
    const html = '<table><tr><td>ỦY BAN NHÂN DÂN</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr></table>'
      + '<table><tr><td>Nội dung</td><td>Ghi chú</td></tr><tr><td>Họp báo</td><td></td></tr></table>'
      + '<table><tr><td>TT</td><td>THỜI GIAN</td><td>NỘI DUNG</td><td>THỰC HIỆN</td></tr><tr><td>1.</td><td>7h00 - 7h30</td><td>Đón tiếp đại biểu</td><td>VP UBND tỉnh</td></tr></table>';
    const list = candidates({ kind: 'tables', tables: tablesFromHtml(html) }, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title');
    expect(list.map((c) => [c.table, c.score])).toEqual([[3, 4], [2, 1]]);
  });
});
