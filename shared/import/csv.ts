/**
 * CSV in and out, RFC 4180: quoted fields may hold the delimiter, quotes ("" inside) and line
 * breaks. Reading strips a UTF-8 BOM and guesses the delimiter (`,` `;` or tab — Excel in a
 * Vietnamese locale saves with `;`). Writing puts a BOM first so Excel reads UTF-8 (diacritics),
 * CRLF line ends, and defuses cells that Excel would run as a formula.
 */
import type { Cell, Sheet } from './sheet';

export type Delimiter = ',' | ';' | '\t';
const BOM = '\uFEFF';

export interface ParsedCsv {
  rows: string[][];
  delimiter: Delimiter;
}

export function parseCsv(input: string, delimiter?: Delimiter): ParsedCsv {
  const text = (input.startsWith(BOM) ? input.slice(1) : input).normalize('NFC');
  const sep = delimiter ?? guessDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === sep) endField();
    else if (c === '\r') {
      endRow();
      if (text[i + 1] === '\n') i++;
    } else if (c === '\n') endRow();
    else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return { rows, delimiter: sep };
}

/** The candidate that splits the first non-empty line (outside quotes) into the most fields. */
export function guessDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let seenContent = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (seenContent) break;
    } else if (!quoted && c in counts) counts[c as Delimiter]++;
    if (c.trim() !== '') seenContent = true;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** A CSV file as Excel opens it: BOM, CRLF, quotes where needed, formulas defused. */
export function toCsv(rows: readonly (readonly Cell[])[], delimiter: Delimiter = ','): string {
  return BOM + rows.map((r) => r.map((c) => csvField(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

function csvField(cell: Cell, delimiter: Delimiter): string {
  if (cell === null) return '';
  let text = cell instanceof Date ? cell.toISOString() : String(cell);
  // A leading = + - @ makes Excel evaluate the cell: keep it text, unless it is a signed number or
  // span ("+3:00", "-1:30", "+60 s"), which Excel cannot run.
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[+-][\d.,:]+( s)?$/.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(delimiter) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const sheetFromCsv = (input: string): Sheet => parseCsv(input).rows;
