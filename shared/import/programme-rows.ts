/**
 * Rows of a run sheet → a programme. One row per item; a row whose kind is "Phần"/"segment" (or
 * whose number is dotted, "5.1") is a segment of the item above it. Every row is checked against
 * the programme schema; if any row is wrong nothing is imported and each problem names its row.
 *
 * Columns the sheet does not have keep what the current programme holds for the same item id
 * (script, cues, thresholds, honourees…), so re-importing an edited schedule loses nothing.
 */
import {
  type Cue, type Honouree, type Item, type ItemInput, ITEM_KINDS, type ItemKind, itemSchema,
  type Programme, programmeSchema,
} from '../programme';
import type { Mapping, ProgrammeField } from './columns';
import { type ImportIssue, type ImportResult, issue } from './issues';
import { type Cell, cellText, fold, isBlankRow, type Sheet } from './sheet';
import { type Parsed, parseDuration, parseTimeOfDay, type Unit } from './values';

export interface ProgrammeSheet {
  sheet: Sheet;
  headerRow: number;
  mapping: Mapping<ProgrammeField>;
  /** Units of bare numbers per duration column (from the header). */
  units?: Partial<Record<'duration' | 'warning' | 'danger' | 'mediaDuration', Unit>>;
}

/** Folded words of a Loại cell → kind (or a segment row). */
export const KIND_WORDS: Record<string, ItemKind | 'segment'> = {
  'don tiep': 'reception', 'don tiep dai bieu': 'reception',
  'thu tuc': 'procedure', 'nghi thuc': 'procedure', 'khai mac': 'procedure', 'tuyen bo ly do': 'procedure',
  phim: 'film', 'phim bao cao': 'film', video: 'film',
  'phat bieu': 'speech', 'phat bieu chi dao': 'speech',
  'bao cao': 'report', 'trinh bay': 'report',
  'thao luan': 'discussion',
  'giai lao': 'break', 'nghi giai lao': 'break',
  'khen thuong': 'awards', 'trao thuong': 'awards', 'trao khen thuong': 'awards', award: 'awards',
  'phat dong': 'launch', 'phat dong thi dua': 'launch',
  'be mac': 'closing', 'ket thuc': 'closing',
  khac: 'other',
  phan: 'segment', segment: 'segment', 'tham luan': 'segment', contribution: 'segment', 'luot trao thuong': 'segment', 'award group': 'segment',
  ...Object.fromEntries(ITEM_KINDS.map((k) => [k, k])),
};

const CUE_WORDS: Record<string, Cue['target']> = {
  av: 'av', 'ky thuat': 'av', video: 'av', 'man hinh': 'stage', 'san khau': 'stage', led: 'stage', stage: 'stage',
  'truyen hinh': 'broadcast', tv: 'broadcast', broadcast: 'broadcast', 'anh sang': 'light', den: 'light', light: 'light',
  'am thanh': 'sound', nhac: 'sound', sound: 'sound',
};

const TIME_OF_DAY_WORDS = new Set(['gio', 'gio hien tai', 'dong ho', 'time of day', 'timeofday', 'clock', 'chi hien gio']);
const COUNTDOWN_WORDS = new Set(['dem nguoc', 'countdown', '']);

interface Draft {
  row: number;
  input: Record<string, unknown>;
  start: string | null;
  segmentRows: number[];
}

export function programmeFromSheet(src: ProgrammeSheet, base: Programme): ImportResult<Programme> {
  const { sheet, headerRow, mapping } = src;
  const units = { duration: 'min', warning: 'sec', danger: 'sec', mediaDuration: 'min', ...src.units } as const;
  const issues: ImportIssue[] = [];
  const at = (row: readonly Cell[], f: ProgrammeField): Cell | undefined => {
    const col = mapping[f];
    return col === null ? undefined : row[col];
  };
  const take = <T>(row: number, p: Parsed<T> | null): T | undefined => {
    if (p === null) return undefined;
    if (p.ok) return p.value;
    issues.push(issue(row, p.reason));
    return undefined;
  };
  if (mapping.title === null) return { ok: false, issues: [issue(null, 'no column holds the title (Nội dung / Title)')] };

  const drafts: Draft[] = [];
  for (let r = headerRow + 1; r < sheet.length; r++) {
    const cells = sheet[r] ?? [];
    if (isBlankRow(cells)) continue;
    const row = r + 1;
    const kindText = cellText(at(cells, 'kind'));
    const kindWord = KIND_WORDS[fold(kindText)];
    if (kindText !== '' && kindWord === undefined) {
      issues.push(issue(row, `kind "${kindText.slice(0, 40)}" is not known: use one of ${ITEM_KINDS.join(', ')}, or "Phần" (segment)`));
    }
    const isSegment = kindWord === 'segment' || /^\d+[.,]\d+/.test(cellText(at(cells, 'no')));
    const name = cellText(at(cells, 'presenter'));
    const title = cellText(at(cells, 'presenterTitle'));
    const input: Record<string, unknown> = {
      title: cellText(at(cells, 'title')),
      durationSec: take(row, parseDuration(at(cells, 'duration'), units.duration)),
    };
    const id = cellText(at(cells, 'id'));
    if (id) input.id = id;
    if (name || title) input.presenter = title ? { name, title } : { name };
    if (mapping.script !== null) input.script = lines(at(cells, 'script'));
    if (mapping.cues !== null) input.cues = lines(at(cells, 'cues')).map((l, n) => cueFrom(l, `cue-${row}-${n + 1}`));

    if (isSegment) {
      const parent = drafts.at(-1);
      if (!parent) {
        issues.push(issue(row, 'a segment needs an item above it'));
        continue;
      }
      (parent.input.segments as unknown[]).push(input);
      parent.segmentRows.push(row);
      continue;
    }
    input.kind = kindWord ?? 'other';
    input.segments = [];
    for (const [field, key] of [['warning', 'warningSec'], ['danger', 'dangerSec'], ['mediaDuration', 'mediaDurationSec']] as const) {
      const v = take(row, parseDuration(at(cells, field), units[field], field === 'mediaDuration' ? 'media duration' : `${field} threshold`));
      if (v !== undefined) input[key] = v;
    }
    const fixed = take(row, parseTimeOfDay(at(cells, 'fixedStart'), 'fixed start'));
    if (fixed) input.fixedStart = fixed;
    const view = fold(cellText(at(cells, 'speakerView')));
    if (TIME_OF_DAY_WORDS.has(view)) input.speakerView = 'timeOfDay';
    else if (!COUNTDOWN_WORDS.has(view)) issues.push(issue(row, `speaker view "${view}" is not known: write "đếm ngược" (countdown) or "giờ" (time of day)`));
    drafts.push({ row, input, start: take(row, parseTimeOfDay(at(cells, 'start'))) ?? null, segmentRows: [] });
  }
  if (drafts.length === 0 && issues.length === 0) issues.push(issue(null, 'the sheet has no items below its header row'));

  const items: ItemInput[] = [];
  const ids = new Set<string>();
  for (const d of drafts) {
    const segments = d.input.segments as Record<string, unknown>[];
    if (d.input.durationSec === undefined && segments.length > 0) {
      d.input.durationSec = segments.reduce((s, x) => s + (typeof x.durationSec === 'number' ? x.durationSec : 0), 0);
    }
    d.input.id ??= uniqueId(slug(String(d.input.title)) || 'muc', ids);
    ids.add(String(d.input.id));
    const segIds = new Set<string>();
    for (const s of segments) {
      s.id ??= uniqueId(slug(String(s.title)) || 'phan', segIds);
      segIds.add(String(s.id));
    }
    const merged = keepFromBase(d.input, base.items.find((i) => i.id === d.input.id), mapping);
    const parsed = itemIssues(merged, d, issues);
    if (parsed) items.push(parsed);
  }
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };

  const startTimes = timesFromStartColumn(drafts, items as Item[], base.start);
  if (mapping.fixedStart === null) items.forEach((item, i) => startTimes.fixed[i] && (item.fixedStart = startTimes.fixed[i]));
  const candidate = { ...base, start: startTimes.programmeStart, items };
  const whole = programmeSchema.safeParse(candidate);
  if (!whole.success) {
    return { ok: false, issues: whole.error.issues.map((iss) => issue(rowOfPath(iss.path, drafts), iss.message)) };
  }
  return { ok: true, value: whole.data };
}

/** Validates one item, turning schema problems into row-numbered issues. */
function itemIssues(input: Record<string, unknown>, d: Draft, issues: ImportIssue[]): ItemInput | null {
  const r = itemSchema.safeParse(input);
  if (r.success) return r.data;
  for (const iss of r.error.issues) issues.push(issue(rowOfItemPath(iss.path, d), iss.message));
  return null;
}

const rowOfItemPath = (path: readonly PropertyKey[], d: Draft): number =>
  path[0] === 'segments' && typeof path[1] === 'number' ? d.segmentRows[path[1]] ?? d.row : d.row;

function rowOfPath(path: readonly PropertyKey[], drafts: Draft[]): number | null {
  if (path[0] !== 'items' || typeof path[1] !== 'number') return null;
  const d = drafts[path[1]];
  return d ? rowOfItemPath(path.slice(2), d) : null;
}

const sortIssues = (issues: ImportIssue[]) => [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

/** Fields the sheet has no column for keep the current item's values; segments keep honourees. */
function keepFromBase(input: Record<string, unknown>, base: Item | undefined, mapping: Mapping<ProgrammeField>): Record<string, unknown> {
  if (!base) return input;
  const out = { ...input };
  if (mapping.script === null) out.script = base.script;
  if (mapping.cues === null) out.cues = base.cues;
  if (mapping.warning === null) out.warningSec = base.warningSec;
  if (mapping.danger === null) out.dangerSec = base.dangerSec;
  if (mapping.mediaDuration === null && base.mediaDurationSec !== undefined) out.mediaDurationSec = base.mediaDurationSec;
  if (mapping.speakerView === null) out.speakerView = base.speakerView;
  out.segments = (input.segments as Record<string, unknown>[]).map((s) => {
    const old = base.segments.find((x) => x.id === s.id);
    if (!old) return s;
    const keep: { honourees: Honouree[]; script?: string[]; cues?: Cue[] } = { honourees: old.honourees };
    if (mapping.script === null) keep.script = old.script;
    if (mapping.cues === null) keep.cues = old.cues;
    return { ...keep, ...s };
  });
  return out;
}

/**
 * A "Start" column gives the programme's start (first row) and, where a row's time differs from
 * the running sum of durations above it, that item's fixed start (the session starts at 07:30
 * whatever the reception did).
 */
function timesFromStartColumn(drafts: Draft[], items: Item[], baseStart: string) {
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const programmeStart = drafts[0]?.start ?? baseStart;
  const fixed: (string | undefined)[] = [];
  let cursorSec = toMin(programmeStart) * 60;
  items.forEach((item, i) => {
    const given = drafts[i]?.start;
    const startSec = item.fixedStart ? toMin(item.fixedStart) * 60 : given && i > 0 && Math.abs(toMin(given) * 60 - cursorSec) >= 60 ? toMin(given) * 60 : cursorSec;
    if (!item.fixedStart && startSec !== cursorSec) fixed[i] = given ?? undefined;
    cursorSec = startSec + item.durationSec;
  });
  return { programmeStart, fixed };
}

const lines = (cell: Cell | undefined): string[] =>
  cellText(cell)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** `âm thanh: Nhạc trao thưởng (10s)` → a sound cue with 10 s lead; no target word → AV. */
function cueFrom(line: string, id: string): Record<string, unknown> {
  const m = /^([^:]{1,30}):\s*(.+)$/u.exec(line);
  const target = m ? CUE_WORDS[fold(m[1] as string)] : undefined;
  let label = target && m ? (m[2] as string) : line;
  let leadSec = 0;
  const lead = /\s*[([]\s*(?:trước\s*)?([^)\]]+)[)\]]\s*$/u.exec(label);
  const d = lead ? parseDuration(lead[1], 'sec', 'cue lead time') : null;
  if (lead && d?.ok) {
    leadSec = d.value;
    label = label.slice(0, lead.index);
  }
  return { id, target: target ?? 'av', label: label.trim(), leadSec };
}

/** `Phát biểu chỉ đạo` → `phat-bieu-chi-dao` (at most 40 characters). */
export function slug(text: string): string {
  return fold(text).replace(/\s+/g, '-').slice(0, 40).replace(/-+$/, '');
}

function uniqueId(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}
