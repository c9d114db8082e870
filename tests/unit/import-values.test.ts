import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseCsv, toCsv } from '@shared/import/csv';
import { looksLikeXlsx } from '@shared/import/xlsx';
import { cellText, fold, isBlankRow } from '@shared/import/sheet';
import { parseDuration, parseTimeOfDay, unitOfHeader } from '@shared/import/values';

describe('durations as people type them', () => {
  it('[I2] a bare number takes the column\'s unit; a suffix overrides it, in Vietnamese or English', () => {
    expect(parseDuration('15', 'sec')).toEqual({ ok: true, value: 15 });
    expect(parseDuration('7.5', 'min')).toEqual({ ok: true, value: 450 });
    for (const t of ['15 phut', '15p', '15 min', '15 mins', '15 minute', '15 minutes', "15'", '15 PHÚT']) {
      expect(parseDuration(t, 'sec'), t).toEqual({ ok: true, value: 900 });
    }
    for (const t of ['90 giây', '90 giay', '90gi', '90 sec', '90 secs', '90 second', '90 seconds', '90"', '90S']) {
      expect(parseDuration(t, 'min'), t).toEqual({ ok: true, value: 90 });
    }
  });

  it('[I2] clocks: m:ss and h:mm:ss; seconds and minutes past 59 are not a clock; a minus stays (the schema refuses it)', () => {
    expect(parseDuration('0:45', 'min')).toEqual({ ok: true, value: 45 });
    expect(parseDuration('2:03:04', 'min')).toEqual({ ok: true, value: 2 * 3600 + 3 * 60 + 4 });
    expect(parseDuration('-1:30', 'min')).toEqual({ ok: true, value: -90 });
    expect(parseDuration('-5', 'min')).toEqual({ ok: true, value: -300 });
    expect(parseDuration('1:60', 'min')).toMatchObject({ ok: false });
    expect(parseDuration('1:05:60', 'min')).toMatchObject({ ok: false });
    expect(parseDuration(' 15 ', 'min')).toEqual({ ok: true, value: 900 });
  });

  it('[I2] numbers from a spreadsheet: minutes or seconds by the column, rounded to whole seconds; a time cell is its clock', () => {
    expect(parseDuration(7.51, 'min')).toEqual({ ok: true, value: 451 });
    expect(parseDuration(10.4, 'sec')).toEqual({ ok: true, value: 10 });
    expect(parseDuration(new Date(Date.UTC(1899, 11, 30, 1, 2, 3)), 'min')).toEqual({ ok: true, value: 3723 });
    expect(parseDuration(null, 'min')).toBeNull();
    expect(parseDuration(undefined, 'min')).toBeNull();
  });

  it('[I2] a refusal quotes what was typed (at most 40 characters) and names the column', () => {
    const r = parseDuration('abc', 'min', 'media duration');
    expect(r).toEqual({ ok: false, reason: 'media duration "abc" is not a duration: write 15 (minutes), 15:00 or 1:05:00' });
    const long = parseDuration('x'.repeat(60), 'min');
    expect(long).toMatchObject({ ok: false, reason: expect.stringContaining(`duration "${'x'.repeat(40)}" is not`) });
  });
});

describe('times of day', () => {
  it('[I2] hours and minutes in the forms a plan uses; out-of-range hours or minutes are refused', () => {
    expect(parseTimeOfDay('7g30')).toEqual({ ok: true, value: '07:30' });
    expect(parseTimeOfDay('7.30')).toEqual({ ok: true, value: '07:30' });
    expect(parseTimeOfDay('7H')).toEqual({ ok: true, value: '07:00' });
    expect(parseTimeOfDay('13:05')).toEqual({ ok: true, value: '13:05' });
    expect(parseTimeOfDay('23:59')).toEqual({ ok: true, value: '23:59' });
    expect(parseTimeOfDay('24:00')).toMatchObject({ ok: false });
    expect(parseTimeOfDay('7:60')).toMatchObject({ ok: false });
    expect(parseTimeOfDay('7')).toMatchObject({ ok: false }); // a bare number is not a time
    expect(parseTimeOfDay('07:30 – 07:40')).toEqual({ ok: true, value: '07:30' });
    expect(parseTimeOfDay('')).toBeNull();
    expect(parseTimeOfDay(null)).toBeNull();
  });

  it('[I2] spreadsheet cells: a time cell, a fraction of a day; a number of a day or more is not a time', () => {
    expect(parseTimeOfDay(new Date(Date.UTC(1899, 11, 30, 14, 5)))).toEqual({ ok: true, value: '14:05' });
    expect(parseTimeOfDay(0)).toEqual({ ok: true, value: '00:00' });
    expect(parseTimeOfDay(0.5)).toEqual({ ok: true, value: '12:00' });
    expect(parseTimeOfDay(0.9999)).toEqual({ ok: true, value: '00:00' }); // 23:59:51 rounds to the next minute
    expect(parseTimeOfDay(1)).toMatchObject({ ok: false });
  });

  it('[I2] a refusal names the column and quotes the value', () => {
    expect(parseTimeOfDay('soon', 'fixed start')).toEqual({ ok: false, reason: 'fixed start "soon" is not a time of day: write 07:30' });
  });

  it('[I2] a header\'s unit: minutes or seconds by its words, else the column\'s default', () => {
    expect(unitOfHeader('thoi luong phut', 'sec')).toBe('min');
    expect(unitOfHeader('duration mins', 'sec')).toBe('min');
    expect(unitOfHeader('canh bao giay', 'min')).toBe('sec');
    expect(unitOfHeader('warning s', 'min')).toBe('sec');
    expect(unitOfHeader('duration seconds', 'min')).toBe('sec');
    expect(unitOfHeader('thoi luong', 'min')).toBe('min');
    expect(unitOfHeader('thoi luong', 'sec')).toBe('sec');
    expect(unitOfHeader('session', 'min')).toBe('min'); // "s" only as a word
  });
});

describe('cells and sheets', () => {
  it('[I3] cells read as trimmed NFC text; empty and invalid dates read as empty', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText('  Hội nghị  ')).toBe('Hội nghị');
    expect(cellText('ệ'.normalize('NFD'))).toBe('ệ');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(false)).toBe('false');
    expect(cellText(new Date(Date.UTC(2024, 0, 18)))).toBe('2024-01-18T00:00:00.000Z');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(isBlankRow([null, ' ', ''])).toBe(true);
    expect(isBlankRow([null, 0])).toBe(false);
    expect(isBlankRow([])).toBe(true);
  });

  it('[I3] headers fold to lowercase words without diacritics', () => {
    expect(fold('Thời lượng (phút)')).toBe('thoi luong phut');
    expect(fold('ĐƠN VỊ')).toBe('don vi');
    expect(fold('  Đ/c  ')).toBe('d c');
    expect(fold('No.')).toBe('no');
  });

  it('[I7] an .xlsx starts with the zip signature PK\\3\\4', () => {
    expect(looksLikeXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe(true);
    expect(looksLikeXlsx(new Uint8Array([0x50, 0x4b, 0x05, 0x06]))).toBe(false);
    expect(looksLikeXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x00]))).toBe(false);
    expect(looksLikeXlsx(new Uint8Array([0x50, 0x4b, 0x05, 0x04]))).toBe(false); // every byte of the signature counts
    expect(looksLikeXlsx(new Uint8Array([0x51, 0x4b, 0x03, 0x04]))).toBe(false);
    expect(looksLikeXlsx(new Uint8Array([0x50, 0x4c, 0x03, 0x04]))).toBe(false);
    expect(looksLikeXlsx(new TextEncoder().encode('STT,Nội dung'))).toBe(false);
  });
});

describe('CSV edges', () => {
  it('[I1] the delimiter is the one that splits the first line most; quoted ones do not count; ties go to the comma', () => {
    expect(guessDelimiter('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(guessDelimiter('a\tb\tc')).toBe('\t');
    expect(guessDelimiter('"a;b;c",d')).toBe(',');
    expect(guessDelimiter('a;b,c')).toBe(',');
    expect(guessDelimiter('a\tb;c')).toBe(';');
    expect(guessDelimiter('a\tb;c\td')).toBe('\t');
    expect(guessDelimiter('\r\n\na;b')).toBe(';'); // blank lines before the header are skipped
    expect(guessDelimiter('"x\ny";a;b')).toBe(';'); // a line break inside quotes does not end the line
    expect(guessDelimiter('')).toBe(',');
  });

  it('[I1] CR, LF and CRLF all end a row; a last row without a line end is kept; an explicit delimiter wins', () => {
    expect(parseCsv('a,b\rc,d\ne,f\r\ng,h').rows).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
    expect(parseCsv('a;b,c', ',').rows).toEqual([['a;b', 'c']]);
    expect(parseCsv('a,\n').rows).toEqual([['a', '']]);
    expect(parseCsv('').rows).toEqual([]);
    expect(parseCsv('x"y",z').rows).toEqual([['x"y"', 'z']]); // a quote inside a field is text
    expect(parseCsv('"a""b"').rows).toEqual([['a"b']]);
  });

  it('[I1] writing: empty cells, numbers, dates; quotes for separators, quotes, line ends and edge spaces', () => {
    const d = new Date(Date.UTC(2024, 0, 18, 0, 30));
    expect(toCsv([[null, 5, true, d]])).toBe('\uFEFF,5,true,2024-01-18T00:30:00.000Z\r\n');
    expect(toCsv([['a;b', 'c']], ';')).toBe('\uFEFF"a;b";c\r\n');
    expect(toCsv([['a;b', 'c']])).toBe('\uFEFFa;b,c\r\n');
    expect(toCsv([['say "hi"', 'x\ry', ' lead', 'trail ']])).toBe('\uFEFF"say ""hi""","x\ry"," lead","trail "\r\n');
    expect(toCsv([['a'], ['b']])).toBe('\uFEFFa\r\nb\r\n');
  });

  it('[I1] a cell Excel would run is defused; signed spans and numbers are left as they are', () => {
    const one = (c: string) => toCsv([[c]]).slice(1, -2);
    expect(one('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(one('\tx')).toBe("'\tx");
    expect(one('+3:00')).toBe('+3:00');
    expect(one('-1,5')).toBe('"-1,5"');
    expect(one('+60 s')).toBe('+60 s');
    expect(one('+60 sec')).toBe("'+60 sec");
    expect(one('a=b')).toBe('a=b');
    expect(toCsv([[-5]]).slice(1, -2)).toBe('-5');
  });
});

describe('values as typed: what is not quite a duration or a time', () => {
  it('[I2] a duration is the whole cell: text before a clock is refused; a decimal may have several digits', () => {
    expect(parseDuration('ab1:30', 'min')).toMatchObject({ ok: false });
    expect(parseDuration('7,25', 'min')).toEqual({ ok: true, value: 435 });
    expect(parseDuration('1.75 phút', 'sec')).toEqual({ ok: true, value: 105 });
  });

  it('[I2] a time is the whole cell: digits before or words after it are refused; a slot without spaces gives its start', () => {
    expect(parseTimeOfDay('123:30')).toMatchObject({ ok: false });
    expect(parseTimeOfDay('7:30x')).toMatchObject({ ok: false });
    expect(parseTimeOfDay('07:30-07:40')).toEqual({ ok: true, value: '07:30' });
    expect(parseTimeOfDay('7h30 –7h45')).toEqual({ ok: true, value: '07:30' });
  });

  it('[I2] a negative number from a spreadsheet is not a time of day', () => {
    expect(parseTimeOfDay(-0.25)).not.toMatchObject({ ok: true });
  });

  it('[I2] a refused time quotes at most 40 characters of what was typed', () => {
    const r = parseTimeOfDay('y'.repeat(60), 'fixed start');
    expect(r).toEqual({ ok: false, reason: `fixed start "${'y'.repeat(40)}" is not a time of day: write 07:30` });
  });

  it('[I2] a header\'s unit in the singular: "minute", "second"', () => {
    expect(unitOfHeader(fold('Duration (minute)'), 'sec')).toBe('min');
    expect(unitOfHeader(fold('Warning (second)'), 'min')).toBe('sec');
  });

  it('[I1] only a leading apostrophe before = + - @ is the defusing mark; one inside the text stays', () => {
    expect(cellText("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cellText("Nhóm A'-B")).toBe("Nhóm A'-B");
  });
});
