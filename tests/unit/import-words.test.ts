import { describe, expect, it } from 'vitest';
import { type Command, commandSchema, type CommandInput } from '@shared/commands';
import { formatIssue, localize } from '@shared/import/messages';
import { auditToSheet, commandDetails, reportToSheet, signedSpan } from '@shared/import/report-sheet';
import { type ProgrammeInput, programmeSchema } from '@shared/programme';
import { buildReport } from '@shared/report';
import { zonedInstant } from '@shared/time';

// I5: a director reads every problem in their own language. Each sentence the core writes in
// English comes out in Vietnamese: different from the English, keeping what was quoted.
const SENTENCES: [string, string[]][] = [
  ['duration must be a positive number of seconds', []],
  ['duration must be a whole number of seconds', []],
  ['duration must be at most 24 hours', ['24']],
  ['threshold must be a number of seconds', []],
  ['threshold must be a whole number of seconds', []],
  ['threshold cannot be negative', []],
  ['threshold must be at most 24 hours', ['24']],
  ['danger threshold must not exceed the warning threshold', []],
  ['time must be HH:mm, 24-hour (e.g. 07:30)', ['HH:mm', '07:30']],
  ['date must be YYYY-MM-DD (e.g. 2024-01-18)', ['YYYY-MM-DD', '2024-01-18']],
  ['time zone must be an IANA name such as Asia/Ho_Chi_Minh', ['IANA', 'Asia/Ho_Chi_Minh']],
  ['kind must be one of reception, procedure, film', []],
  ['kind must be collective or individual', ['Tập thể', 'Cá nhân']],
  ['cue target must be one of av, stage, broadcast', ['av, stage, broadcast']],
  ['speaker view must be countdown or timeOfDay', []],
  ['id may hold only letters, digits, - and _ (at most 64)', ['64']],
  ['segment id "t1" is used twice', ['"t1"']],
  ['item id "open" is used twice', ['"open"']],
  ['the programme needs at least one item', []],
  ['title is required', []],
  ['venue is longer than 300 characters', ['300']],
  ['name must be text', []],
  ['media duration "abc" is not a duration: write 15 (minutes), 15:00 or 1:05:00', ['"abc"', '15:00', '1:05:00']],
  ['fixed start "soon" is not a time of day: write 07:30', ['"soon"', '07:30']],
  ['kind "concert" is not known: use one of reception, other, or "Phần" (segment)', ['"concert"', 'Phần']],
  ['speaker view "big" is not known: write "đếm ngược" (countdown) or "giờ" (time of day)', ['"big"', 'đếm ngược']],
  ['"team" is neither Tập thể (collective) nor Cá nhân (individual)', ['"team"']],
  ['a segment needs an item above it', []],
  ['no column holds the title (Nội dung / Title)', ['Nội dung']],
  ['no column holds the name (Tên tập thể, cá nhân / Name)', ['Tên tập thể, cá nhân']],
  ['the sheet has no items below its header row', []],
  ['the sheet has no honourees below its header row', []],
  ['no award group "Group 9" in "Awards"', ['"Group 9"', '"Awards"']],
  ['choose the award group to import into', []],
  ['the file is not valid JSON (Unexpected end of JSON input)', ['JSON']],
  ['the file holds a forbidden key (__proto__, constructor or prototype)', ['__proto__']],
  ['this file is format version 2; this Baton reads version 1', ['2', '1']],
  ['the file is not a spreadsheet that can be read (bad zip)', ['.xlsx']],
];

describe('messages in the director\'s language', () => {
  for (const [english, kept] of SENTENCES) {
    it(`[I5] "${english.slice(0, 50)}" reads in Vietnamese`, () => {
      const vi = localize(english, 'vi');
      expect(vi).not.toBe(english);
      expect(vi.trim().length).toBeGreaterThan(5);
      for (const k of kept) expect(vi).toContain(k);
      expect(localize(english, 'en')).toBe(english);
    });
  }

  it('[I5] a field\'s name is translated and the sentence starts with a capital', () => {
    expect(localize('title is required', 'vi')).toContain('tiêu đề');
    expect(localize('venue is longer than 300 characters', 'vi')).toMatch(/^Địa điểm .*300/);
    expect(localize('name must be text', 'vi')).toMatch(/^Tên /);
    expect(localize('fixed start "x" is not a time of day: write 07:30', 'vi')).toMatch(/^Giờ cố định "x"/);
    // a field the catalogue does not know keeps its English name
    expect(localize('colour is required', 'vi')).toContain('colour');
  });

  it('[I5] the place in front of a sentence is translated part by part: item, segment, honouree, cue', () => {
    const vi = localize('item 2 (Talks), segment 1 (Talk 1), honouree 3: honouree name is required', 'vi');
    expect(vi).toMatch(/^nội dung 2 \(Talks\), phần 1 \(Talk 1\), khen thưởng 3: /);
    expect(vi).not.toContain('is required');
    expect(localize('item 1, cue 2: cue label is required', 'vi')).toMatch(/^nội dung 1, cue 2: /);
    expect(localize('item 1 (A): something new', 'vi')).toBe('nội dung 1 (A): something new');
  });

  it('[I5] a row number leads the sentence: "dòng 4" in Vietnamese, "row 4" in English; a whole-file problem has none', () => {
    const i = { row: 4, message: 'duration must be a positive number of seconds' };
    expect(formatIssue(i, 'en')).toBe('row 4: duration must be a positive number of seconds');
    expect(formatIssue(i, 'vi')).toBe(`dòng 4: ${localize(i.message, 'vi')}`);
    expect(formatIssue({ row: null, message: 'the programme needs at least one item' }, 'en')).toBe('the programme needs at least one item');
  });
});

describe('audit details', () => {
  const d = (c: CommandInput) => commandDetails(commandSchema.parse(c) as Command);

  it('[E3] each command says what it did in a few words; moves without a target say nothing more', () => {
    expect(d({ type: 'goto', itemId: 'film' })).toBe('film');
    expect(d({ type: 'goto', itemId: 'talks', segmentIndex: 0 })).toMatch(/^talks\b.*\b1$/);
    expect(d({ type: 'addTime', seconds: -30 })).toMatch(/^-30\b/);
    expect(d({ type: 'addTime', seconds: 30 })).toMatch(/^\+30\b/);
    expect(d({ type: 'message', text: 'Còn 1 phút' })).toBe('Còn 1 phút');
    expect(d({ type: 'blackout', on: true })).toBe('on');
    expect(d({ type: 'blackout', on: false })).toBe('off');
    for (const type of ['standby', 'ready', 'rolled', 'removeItem'] as const) expect(d({ type, itemId: 'film' })).toBe('film');
    expect(d({ type: 'lowerThird', mode: 'hide' })).toBe('hide');
    expect(d({ type: 'upsertItem', item: { id: 'music', kind: 'other', title: 'Music', durationSec: 60 } })).toMatch(/music.*Music/);
    expect(d({ type: 'moveItem', itemId: 'music', toIndex: 0 })).toMatch(/^music\b.*\b1$/);
    const p: ProgrammeInput = { title: 'T', date: '2024-03-05', start: '08:00', items: [{ id: 'a', kind: 'other', title: 'A', durationSec: 60 }, { id: 'b', kind: 'other', title: 'B', durationSec: 60 }] };
    expect(d({ type: 'replaceProgramme', programme: p })).toMatch(/^2\b/);
    for (const type of ['start', 'next', 'previous', 'pause', 'resume', 'clearMessage', 'reset'] as const) expect(d({ type })).toBe('');
  });

  it('[E3] audit lines: positions with 1-based segments, the role in words, an unknown role as given', () => {
    const tz = 'Asia/Ho_Chi_Minh';
    const at = zonedInstant('2024-03-05', '08:00', tz);
    const rows = auditToSheet([
      { revision: 7, at, role: 'av', label: 'Booth', type: 'ready', from: { itemId: 'talks', segmentIndex: 1 }, to: { itemId: 'film', segmentIndex: null } },
      { revision: 8, at, role: 'robot' as never, label: 'X', type: 'next' },
    ], tz, 'en');
    expect(rows[0]).toEqual(['Time', 'Date', 'Role', 'Client', 'Command', 'Details', 'From', 'To', 'Revision']);
    expect(rows[1]).toEqual(['08:00:00', '05/03/2024', 'AV', 'Booth', 'ready', '', 'talks #2', 'film', 7]);
    expect(rows[2]!.slice(2, 3)).toEqual(['robot']);
    expect(rows[2]!.slice(5, 8)).toEqual(['', '', '']);
  });
});

describe('report sheet', () => {
  it('[E2] spans are signed clocks: + ran long, - ran short, nothing for zero sign, empty when unknown', () => {
    expect(signedSpan(null)).toBe('');
    expect(signedSpan(0)).toBe('0:00');
    expect(signedSpan(180_000)).toBe('+3:00');
    expect(signedSpan(-90_000)).toBe('-1:30');
    expect(signedSpan(1499)).toBe('+0:01');
  });

  it('[E2] in English, an unrun show: planned rows, empty actuals, the run and the end lines', () => {
    const p = programmeSchema.parse({
      title: 'T', date: '2024-03-05', timeZone: 'Asia/Ho_Chi_Minh', start: '08:00',
      items: [{ id: 'a', kind: 'other', title: 'A', durationSec: 600, presenter: { name: 'Ann' }, segments: [{ id: 's', title: 'S', durationSec: 300 }] }],
    });
    const rows = reportToSheet(buildReport(p, { runId: 'run-4', visits: [] }), 'en');
    expect(rows[0]!.slice(0, 4)).toEqual(['No.', 'Item', 'Segment', 'Presenter']);
    expect(rows[1]).toEqual(['1', 'A', '', 'Ann', '08:00', '', '', '10:00', '', '', '', '', '', 0]);
    expect(rows[2]).toEqual(['1.1', '', 'S', '', '08:00', '', '', '5:00', '', '', '', '', '', 0]);
    expect(rows[3]).toEqual([]);
    expect(rows[4]).toEqual(['', 'Run', 'run-4']);
    expect(rows[5]).toEqual(['', 'Total overrun', '0:00']);
    expect(rows[6]).toEqual(['', 'End (planned / actual)', '08:10 / ', '']);
  });
});
