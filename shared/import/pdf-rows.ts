/**
 * Tables rebuilt from a PDF's text layer. In a real plan most rows carry neither a number nor a
 * time and cells wrap over several lines, so rows come from the table's ruling lines: a band
 * between two horizontal rules is a row, a band between two vertical rules a column, and a
 * column with no rule between two rows is a merged cell (filled into every row it covers, as a
 * .docx rowspan is). Without rules, rows come from vertical gaps wider than the line spacing, or
 * from a number or a time starting a row.
 */
import { type Headers, mapHeaders } from './columns';
import { joinLines, type Line, lineText, linesOf, type PdfPage, type PdfRule, type PdfRun, phrasesOf } from './pdf-layout';
import { fold, type Sheet } from './sheet';

const TOL = 2;

/** Every ruled table of the document, a table running over pages joined into one. */
export function ruledTables(pages: readonly PdfPage[]): Sheet[] {
  const out: { xs: number[]; sheet: Sheet }[] = [];
  pages.forEach((page, p) => {
    for (const t of tablesOnPage(page)) {
      const last = out.at(-1);
      const continues = last && p > 0 && t.first && sameEdges(last.xs, t.xs);
      if (continues && last) {
        // A header row repeated at the top of the next page is dropped.
        const head = fold((last.sheet[0] ?? []).join(' '));
        last.sheet.push(...t.sheet.filter((row, i) => !(i === 0 && fold(row.join(' ')) === head)));
      } else out.push({ xs: t.xs, sheet: t.sheet });
    }
  });
  return out.map((t) => t.sheet);
}

const sameEdges = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] as number)) <= TOL * 2);
const uniq = (values: number[]) =>
  values.sort((a, b) => a - b).reduce<number[]>((acc, v) => (acc.length && v - (acc.at(-1) as number) <= TOL ? acc : [...acc, v]), []);

function tablesOnPage(page: PdfPage): { xs: number[]; sheet: Sheet; first: boolean }[] {
  const horizontal = page.rules.filter((r) => r.w > r.h * 4 && r.h <= 3);
  const vertical = page.rules.filter((r) => r.h > r.w * 4 && r.w <= 3);
  const groups = connected([...horizontal, ...vertical]);
  const tables = groups
    .map((g) => ({ h: g.filter((r) => horizontal.includes(r)), v: g.filter((r) => vertical.includes(r)) }))
    // A table cut by a page break may have no rule along the cut: the vertical rules bound it.
    .filter((g) => g.h.length >= 1 && g.v.length >= 2)
    .map((g) => ({ ...g, top: Math.min(...g.v.map((r) => r.y)) }))
    .sort((a, b) => a.top - b.top);
  return tables.map((g, k) => ({ xs: uniq(g.v.map((r) => r.x + r.w / 2)), sheet: sheetOf(page, g.h, g.v), first: k === 0 }));
}

/** Rules that touch one another make one table. */
function connected(rules: PdfRule[]): PdfRule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const touch = (a: PdfRule, b: PdfRule) =>
    a.x <= b.x + b.w + TOL && b.x <= a.x + a.w + TOL && a.y <= b.y + b.h + TOL && b.y <= a.y + a.h + TOL;
  for (let i = 0; i < rules.length; i++) for (let j = i + 1; j < rules.length; j++) if (touch(rules[i] as PdfRule, rules[j] as PdfRule)) parent[find(i)] = find(j);
  const groups = new Map<number, PdfRule[]>();
  rules.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  return [...groups.values()];
}

function sheetOf(page: PdfPage, h: PdfRule[], v: PdfRule[]): Sheet {
  const ys = uniq([...h.map((r) => r.y + r.h / 2), Math.min(...v.map((r) => r.y)), Math.max(...v.map((r) => r.y + r.h))]);
  const xs = uniq(v.map((r) => r.x + r.w / 2));
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const lines: string[][][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => []));
  const band = (edges: number[], at: number) => edges.findIndex((e, i) => i < edges.length - 1 && at >= e && at < (edges[i + 1] as number));
  for (const line of linesOf(page.runs)) {
    const r = band(ys, line.y + line.h / 2);
    if (r < 0) continue;
    const byCol = new Map<number, typeof line.runs>();
    for (const run of line.runs) {
      const c = band(xs, run.x + Math.min(run.w, 2) / 2);
      if (c >= 0) byCol.set(c, [...(byCol.get(c) ?? []), run]);
    }
    for (const [c, runs] of byCol) (lines[r]?.[c] as string[]).push(lineText(runs));
  }
  // A rule under row r in column c closes the cell; without one the cell goes on (merged down).
  const closed = (r: number, c: number) => {
    const y = ys[r + 1] as number;
    const mid = ((xs[c] as number) + (xs[c + 1] as number)) / 2;
    return h.some((rule) => Math.abs(rule.y + rule.h / 2 - y) <= TOL && rule.x <= mid && rule.x + rule.w >= mid);
  };
  const sheet: Sheet = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ''));
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; ) {
      let end = r;
      while (end < rows - 1 && !closed(end, c)) end++;
      const text = joinLines(lines.slice(r, end + 1).flatMap((row) => row[c] ?? []));
      for (let k = r; k <= end; k++) (sheet[k] as string[])[c] = text;
      r = end + 1;
    }
  }
  return sheet.filter((row) => row.some((cell) => cell !== ''));
}

/**
 * Without ruling lines: the header line (the one naming the required column and most others;
 * a header cell wrapped onto a second line is joined) gives the columns; below it a new row
 * starts where the gap above a line is wider than the line spacing, or where the first column
 * (TT) or the time column holds text. The table ends at a gap of several lines.
 */
export function unruledTable<F extends string>(pages: readonly PdfPage[], fields: readonly F[], headers: Headers<F>, required: F): Sheet | null {
  for (const page of pages) {
    const lines = linesOf(page.runs);
    for (let i = 0; i < lines.length; i++) {
      const head = headerAt(lines, i, fields, headers, required);
      if (head) return rowsBelow(lines.slice(head.next), head.edges, head.cells, head.timeCol);
    }
  }
  return null;
}

function headerAt<F extends string>(lines: Line[], i: number, fields: readonly F[], headers: Headers<F>, required: F) {
  const line = lines[i] as Line;
  const cells = phrasesOf(line).map((p) => ({ x: p[0]?.x ?? 0, right: Math.max(...p.map((r) => r.x + r.w)), text: lineText(p) }));
  const second = lines[i + 1];
  let next = i + 1;
  if (second && second.y - (line.y + line.h) < line.h * 0.6) {
    for (const p of phrasesOf(second)) {
      const x = p[0]?.x ?? 0;
      const over = cells.find((c) => x < c.right + line.h && Math.max(...p.map((r) => r.x + r.w)) > c.x - line.h);
      if (over) over.text = `${over.text} ${lineText(p)}`;
    }
    next = i + 2;
  }
  const mapping = mapHeaders(cells.map((c) => c.text), fields, headers);
  const found = fields.filter((f) => mapping[f] !== null).length;
  if (mapping[required] === null || found < 3 || cells.length < 3) return null;
  const edges = cells.map((c, k) => (k === 0 ? -Infinity : ((cells[k - 1] as { right: number }).right + c.x) / 2));
  const timeCol = (mapping as Record<string, number | null>).start ?? -1;
  return { next, edges, cells: cells.map((c) => c.text), timeCol };
}

function rowsBelow(lines: Line[], edges: number[], header: string[], timeCol: number): Sheet {
  const sheet: Sheet = [header];
  let row: string[][] | null = null;
  let prevBottom: number | null = null;
  const spacing = lines[0]?.h ?? 12;
  for (const line of lines) {
    const gap = prevBottom === null ? 0 : line.y - prevBottom;
    if (prevBottom !== null && gap > spacing * 2.5) break;
    const runs: PdfRun[][] = edges.map(() => []);
    for (const run of line.runs) {
      let c = edges.length - 1;
      while (c > 0 && run.x < (edges[c] as number)) c--;
      runs[c]?.push(run);
    }
    const cols = runs.map((r) => lineText(r));
    // A time starts a row, unless the row's time so far ends in a dash ("7h00 -" wrapped before "7h30").
    const timeSoFar = row?.[timeCol]?.at(-1) ?? '';
    const timeStarts = timeCol >= 0 && /^\d/.test(cols[timeCol] ?? '') && !/[-–—]\s*$/.test(timeSoFar);
    const startsRow = gap > spacing * 0.5 || (cols[0] ?? '') !== '' || timeStarts;
    if (!row || startsRow) {
      if (row) sheet.push(row.map(joinLines));
      row = edges.map(() => []);
    }
    cols.forEach((text, c) => text && (row as string[][])[c]?.push(text));
    prevBottom = line.y + line.h;
  }
  if (row) sheet.push(row.map(joinLines));
  return sheet;
}
