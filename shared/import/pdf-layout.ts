/**
 * A PDF page as plain data (what client/ reads with pdf.js: text runs with their boxes, and the
 * thin filled or stroked boxes that draw a table's ruling lines), and the small geometry both
 * table rebuilders share. Coordinates are points, y growing down the page.
 */

export interface PdfRun {
  text: string;
  x: number;
  /** Top of the line box. */
  y: number;
  w: number;
  h: number;
}

export interface PdfRule {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: PdfRun[];
  rules: PdfRule[];
}

export interface Line {
  y: number;
  h: number;
  runs: PdfRun[];
}

/** Runs on the same baseline band, top to bottom, each line left to right. */
export function linesOf(runs: readonly PdfRun[]): Line[] {
  const sorted = runs.filter((r) => r.text.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const line = lines.find((l) => Math.abs(l.y + l.h / 2 - (run.y + run.h / 2)) < Math.max(l.h, run.h) * 0.5);
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, h: run.h, runs: [run] });
  }
  for (const l of lines) l.runs.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => a.y - b.y);
}

/** The text of runs on one line: a space where the gap between two runs is a space wide. */
export function lineText(runs: readonly PdfRun[]): string {
  let out = '';
  let right: number | null = null;
  for (const r of runs) {
    const gap = right === null ? 0 : r.x - right;
    if (right !== null && gap > r.h * 0.12 && !out.endsWith(' ') && !r.text.startsWith(' ')) out += ' ';
    out += r.text;
    right = r.x + r.w;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Phrases of a line: runs closer than about a word space belong to one phrase (one header cell). */
export function phrasesOf(line: Line): PdfRun[][] {
  const out: PdfRun[][] = [];
  for (const r of line.runs) {
    const last = out.at(-1);
    const prev = last?.at(-1);
    if (last && prev && r.x - (prev.x + prev.w) < line.h * 0.8) last.push(r);
    else out.push([r]);
  }
  return out;
}

/** The cell text of several lines: a wrapped cell's lines join with a space ("7h00 - 7h30"). */
export const joinLines = (lines: readonly string[]): string => lines.filter((l) => l !== '').join(' ').replace(/\s+/g, ' ').trim();
