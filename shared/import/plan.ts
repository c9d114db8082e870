/**
 * A programme from a plan's table (TT | THỜI GIAN | NỘI DUNG | THỰC HIỆN): a table with no Loại or
 * no duration column. The rows are read as organisers write them (plan-words, plan-times), the
 * guesses become ordinary columns of the same Sheet, and the one programmeFromSheet path runs on
 * it. What it guessed comes back per row, so the preview can mark it and the director change it.
 */
import { defaultProgramme } from '../default-programme';
import { type Item, type ItemKind, type Programme, programmeSchema } from '../programme';
import type { Mapping, ProgrammeField } from './columns';
import { type ImportIssue, type ImportResult, issue } from './issues';
import { type PersonGuess, kindFromWords, splitPerson } from './plan-words';
import { timeRows } from './plan-times';
import { KIND_WORDS, type ProgrammeSheet, programmeFromSheet } from './programme-rows';
import { type Cell, cellText, fold, isBlankRow } from './sheet';
import { parseDuration } from './values';

/** The director's answers in the preview, per sheet row (1-based). */
export interface PlanChoice {
  kind?: ItemKind;
  durationSec?: number;
  /** false: keep the performer cell whole instead of the guessed name/title split. */
  split?: boolean;
}
export type PlanChoices = Record<number, PlanChoice>;

export interface PlanRow {
  row: number;
  title: string;
  kind: ItemKind;
  kindGuessed: boolean;
  presenter: PersonGuess | null;
  /** The performer cell can be split into a name and a title (whether or not it is). */
  splitOffered: boolean;
  fixedStart: string | null;
  durationSec: number;
  durationEstimated: boolean;
}

export interface PlanImport {
  programme: Programme;
  rows: PlanRow[];
}

/** A plan's table, not a run sheet: it says neither the kind nor the duration of its rows. */
export const isPlanLayout = (m: Mapping<ProgrammeField>): boolean => m.title !== null && (m.kind === null || m.duration === null);

export function planRows(src: ProgrammeSheet, choices: PlanChoices = {}): { rows: PlanRow[]; start: string | null; end: string | null; issues: ImportIssue[] } {
  const { sheet, headerRow, mapping } = src;
  const at = (cells: readonly Cell[], f: ProgrammeField) => (mapping[f] === null ? undefined : cells[mapping[f] as number]);
  const read: Omit<PlanRow, 'fixedStart' | 'durationSec' | 'durationEstimated'>[] = [];
  const timed: { time: string; kind: ItemKind; givenSec: number | null }[] = [];
  // A duration the table does give but that cannot be read is an error, never replaced by an estimate.
  const issues: ImportIssue[] = [];
  for (let r = headerRow + 1; r < sheet.length; r++) {
    const cells = sheet[r] ?? [];
    if (isBlankRow(cells)) continue;
    const row = r + 1;
    const choice = choices[row] ?? {};
    const title = cellText(at(cells, 'title'));
    const performer = cellText(at(cells, 'presenter'));
    const written = KIND_WORDS[fold(cellText(at(cells, 'kind')))];
    const fromColumn = written !== undefined && written !== 'segment' ? written : null;
    const kind = choice.kind ?? fromColumn ?? kindFromWords(title, performer);
    const given = parseDuration(at(cells, 'duration'), src.units?.duration ?? 'min');
    if (given && !given.ok && choice.durationSec === undefined) issues.push(issue(row, given.reason));
    const person = performer === '' ? null : splitPerson(performer);
    const presenter = person && person.split && choice.split === false ? { name: performer, split: false } : person;
    const titleCell = cellText(at(cells, 'presenterTitle'));
    read.push({
      row, title, kind, kindGuessed: choice.kind === undefined && fromColumn === null,
      splitOffered: !titleCell && (person?.split ?? false),
      presenter: titleCell && presenter ? { name: presenter.name, title: titleCell, split: false } : presenter,
    });
    timed.push({ time: cellText(at(cells, 'start')), kind, givenSec: choice.durationSec ?? (given?.ok ? given.value : null) });
  }
  const timing = timeRows(timed);
  const rows = read.map((r, k) => {
    const t = timing.rows[k] as { fixedStart: string | null; durationSec: number; estimated: boolean };
    return { ...r, fixedStart: t.fixedStart, durationSec: t.durationSec, durationEstimated: t.estimated };
  });
  return { rows, start: timing.start, end: timing.end, issues };
}

/** The plan's rows through the one import path, with the film's AV cue and the awards' first group. */
export function programmeFromPlan(src: ProgrammeSheet, base: Programme, choices: PlanChoices = {}): ImportResult<PlanImport> {
  const { rows, start, end, issues } = planRows(src, choices);
  if (issues.length > 0) return { ok: false, issues };
  const m = src.mapping;
  // Extra columns after the sheet's own: the guesses, written as a run sheet would write them.
  const width = Math.max(0, ...src.sheet.map((r) => r.length));
  const [K, P, PT, S, F, D] = [0, 1, 2, 3, 4, 5].map((n) => width + n) as [number, number, number, number, number, number];
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const sheet = src.sheet.map((cells, r) => {
    const out: Cell[] = [...cells, ...Array<Cell>(width - cells.length).fill(null)];
    const p = byRow.get(r + 1);
    if (p) out.push(p.kind, p.presenter?.name ?? '', p.presenter?.title ?? '', p === rows[0] ? start ?? '' : '', p.fixedStart ?? '', p.durationSec);
    return out;
  });
  const mapping: Mapping<ProgrammeField> = { ...m, no: null, kind: K, presenter: P, presenterTitle: PT, start: S, fixedStart: F, duration: D };
  const r = programmeFromSheet({ sheet, headerRow: src.headerRow, mapping, units: { ...src.units, duration: 'sec' } }, base);
  if (!r.ok) return r;
  if (r.value.items.length !== rows.length) return { ok: false, issues: [issue(null, 'a segment needs an item above it')] };
  const items = r.value.items.map((item, k) => enrich(item, rows[k] as PlanRow));
  const checked = programmeSchema.safeParse({ ...r.value, items, ...(end ? { end } : {}) });
  if (!checked.success) return { ok: false, issues: checked.error.issues.map((i) => issue(null, i.message)) };
  return { ok: true, value: { programme: checked.data, rows } };
}

/** The default programme's film cue: AV stands by a minute ahead and rolls on the MC's cue. */
const FILM_CUE = (() => {
  const cue = defaultProgramme().items.find((i) => i.kind === 'film')?.cues.find((c) => c.target === 'av');
  return { target: cue?.target ?? 'av', leadSec: cue?.leadSec ?? 60 } as const;
})();

function enrich(item: Item, row: PlanRow): Item {
  const out: Item = { ...item };
  if (row.durationEstimated) out.durationEstimated = true;
  if (item.kind === 'film' && item.cues.length === 0) {
    out.cues = [{ id: 'phim-phat', target: FILM_CUE.target, label: `Phát phim (khoảng ${Math.round(item.durationSec / 60)} phút)`, leadSec: FILM_CUE.leadSec }];
  }
  if (item.kind === 'awards' && item.segments.length === 0) {
    // One empty award group: the honourees list (CSV/XLSX/.docx/PDF) goes into it.
    out.segments = [{ id: 'luot-1', title: 'Lượt trao thưởng 1', durationSec: item.durationSec, script: [], honourees: [], cues: [] }];
  }
  return out;
}
