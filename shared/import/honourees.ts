/**
 * An honourees list (name, unit, award; optionally collective/individual and the award group) →
 * the honourees of an award group. The Department of Home Affairs keeps these in spreadsheets.
 * As with the programme: one bad row and nothing is imported.
 */
import { type Honouree, honoureeSchema, type Item, itemSchema } from '../programme';
import type { HonoureeField, Mapping } from './columns';
import { type ImportIssue, type ImportResult, issue } from './issues';
import { type Cell, cellText, fold, isBlankRow, type Sheet } from './sheet';

export interface HonoureeSheet {
  sheet: Sheet;
  headerRow: number;
  mapping: Mapping<HonoureeField>;
}

export interface HonoureeRow {
  row: number;
  honouree: Honouree;
  /** The award group named in the row, if the sheet has such a column. */
  group: string | null;
}

const KINDS: Record<string, Honouree['kind']> = {
  'tap the': 'collective', collective: 'collective', 'don vi': 'collective',
  'ca nhan': 'individual', individual: 'individual', person: 'individual',
};

export function honoureesFromSheet({ sheet, headerRow, mapping }: HonoureeSheet): ImportResult<HonoureeRow[]> {
  if (mapping.name === null) return { ok: false, issues: [issue(null, 'no column holds the name (Tên tập thể, cá nhân / Name)')] };
  const issues: ImportIssue[] = [];
  const rows: HonoureeRow[] = [];
  const at = (cells: readonly Cell[], f: HonoureeField) => (mapping[f] === null ? '' : cellText(cells[mapping[f] as number]));
  for (let r = headerRow + 1; r < sheet.length; r++) {
    const cells = sheet[r] ?? [];
    if (isBlankRow(cells)) continue;
    const row = r + 1;
    const input: Record<string, unknown> = { name: at(cells, 'name') };
    if (at(cells, 'unit')) input.unit = at(cells, 'unit');
    if (at(cells, 'award')) input.award = at(cells, 'award');
    const kindText = at(cells, 'kind');
    if (kindText) {
      const kind = KINDS[fold(kindText)];
      if (kind) input.kind = kind;
      else issues.push(issue(row, `"${kindText.slice(0, 40)}" is neither Tập thể (collective) nor Cá nhân (individual)`));
    }
    const parsed = honoureeSchema.safeParse(input);
    if (!parsed.success) for (const iss of parsed.error.issues) issues.push(issue(row, iss.message));
    else rows.push({ row, honouree: parsed.data, group: at(cells, 'group') || null });
  }
  if (rows.length === 0 && issues.length === 0) issues.push(issue(null, 'the sheet has no honourees below its header row'));
  return issues.length ? { ok: false, issues } : { ok: true, value: rows };
}

/**
 * The award item with the list placed: every row into `segmentId`, or — when rows name their
 * group — each row into the segment whose number ("1", "2"…) or title it names.
 */
export function placeHonourees(item: Item, rows: HonoureeRow[], segmentId: string | null): ImportResult<Item> {
  const issues: ImportIssue[] = [];
  const lists = new Map<string, Honouree[]>();
  for (const r of rows) {
    const target = r.group !== null && segmentId === null ? segmentFor(item, r.group) : item.segments.find((s) => s.id === segmentId);
    if (!target) {
      issues.push(issue(r.row, r.group !== null && segmentId === null ? `no award group "${r.group.slice(0, 60)}" in "${item.title}"` : 'choose the award group to import into'));
      continue;
    }
    lists.set(target.id, [...(lists.get(target.id) ?? []), r.honouree]);
  }
  if (issues.length) return { ok: false, issues };
  const next = { ...item, segments: item.segments.map((s) => (lists.has(s.id) ? { ...s, honourees: lists.get(s.id) as Honouree[] } : s)) };
  const checked = itemSchema.safeParse(next);
  if (!checked.success) return { ok: false, issues: checked.error.issues.map((i) => issue(null, i.message)) };
  return { ok: true, value: checked.data };
}

function segmentFor(item: Item, group: string) {
  const n = Number(group);
  if (Number.isInteger(n) && n >= 1) return item.segments[n - 1];
  const g = fold(group);
  return item.segments.find((s) => fold(s.title) === g || s.id === group) ?? item.segments.find((s) => fold(s.title).startsWith(g));
}
