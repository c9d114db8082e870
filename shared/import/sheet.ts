/**
 * A sheet as every importer sees it: rows of cells, whatever file they came from (CSV gives text,
 * XLSX gives text, numbers, booleans and dates). Row numbers in messages are the sheet's own,
 * 1-based, the way Excel shows them.
 */
export type Cell = string | number | boolean | Date | null;
export type Sheet = Cell[][];

/** A cell as trimmed text in Unicode NFC (some tools write Vietnamese decomposed). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  // "'=…", "'-…": toCsv's defused formula (I1); the apostrophe is not part of the text.
  return String(cell).normalize('NFC').trim().replace(/^'(?=[=+\-@])/, '');
}

export const isBlankRow = (row: readonly Cell[]): boolean => row.every((c) => cellText(c) === '');

/** Lowercase, no diacritics (đ → d), punctuation to spaces: "Thời lượng (phút)" → "thoi luong phut". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
