/**
 * What a printed PDF really holds, read with poppler-utils (pdfinfo, pdftotext; a TEST_PACKAGES row
 * in scripts/setup.mjs): the size of every page and the text on them.
 */
import { execFileSync } from 'node:child_process';

/** A4 in PostScript points (210 × 297 mm at 72 pt per inch). */
export const A4_PT = { width: 595.28, height: 841.89 };

export interface PdfFacts {
  pages: number;
  /** Width × height of each page, in points. */
  sizes: { width: number; height: number }[];
  /** The text of every page, in reading order (pdftotext -layout keeps a row on one line). */
  text: string;
}

export function readPdf(path: string): PdfFacts {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return { pages, sizes, text };
}

/** True when a page is A4 portrait within a point (Chromium rounds to its own units). */
export const isA4 = (s: { width: number; height: number }) => Math.abs(s.width - A4_PT.width) < 1.5 && Math.abs(s.height - A4_PT.height) < 1.5;
