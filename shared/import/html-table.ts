/**
 * HTML tables → plain cells, without a DOM: mammoth's output for a .docx and the clipboard's
 * text/html from Word, LibreOffice, Google Docs/Sheets or Excel are all strings, and a string
 * scanner lets the same code run in the browser, in a Web Worker and in unit tests under Node.
 * Only what a table needs is read: rows, cells, rowspan/colspan, text with its line breaks.
 */

export interface TableCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}
export type Table = TableCell[][];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const BLOCK_END = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Content that is never text of a cell (Word puts styles and conditional comments in the clipboard). */
const SKIPPED = new Set(['style', 'script', 'head', 'title', 'xml']);

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const span = (attrs: string, name: string): number => {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  const n = m ? Number(m[1]) : 1;
  // A rowspan of thousands would make the grid huge; no programme table is that tall.
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1000) : 1;
};

/** Cell text: whitespace collapsed as a browser does, one line per paragraph or <br>. */
const cleanCell = (raw: string): string =>
  raw
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n')
    .normalize('NFC');

interface Open {
  at: number;
  rows: Table;
  row: TableCell[] | null;
  cell: { raw: string; rowSpan: number; colSpan: number } | null;
}

/** Every table in the document, outermost first in document order; nested tables stand alone. */
export function tablesFromHtml(html: string): Table[] {
  const done: { at: number; table: Table }[] = [];
  const stack: Open[] = [];
  let skipping: string | null = null;
  const token = /<!--[\s\S]*?-->|<!\[[\s\S]*?\]>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
  let order = 0;
  for (let m = token.exec(html); m !== null; m = token.exec(html)) {
    const [, close, rawName, attrs = '', text] = m;
    const top = stack.at(-1);
    if (text !== undefined || rawName === undefined) {
      if (!skipping && top?.cell && text !== undefined) top.cell.raw += decodeEntities(text.replace(/\s+/g, ' '));
      continue;
    }
    const name = rawName.toLowerCase();
    if (skipping) {
      if (close && name === skipping) skipping = null;
      continue;
    }
    if (!close && SKIPPED.has(name) && !attrs.trim().endsWith('/')) {
      skipping = name;
      continue;
    }
    if (name === 'table') {
      if (!close) stack.push({ at: order++, rows: [], row: null, cell: null });
      else if (top) {
        endCell(top);
        endRow(top);
        stack.pop();
        done.push({ at: top.at, table: top.rows });
      }
    } else if (!top) continue;
    else if (name === 'tr') {
      endCell(top);
      endRow(top);
      if (!close) top.row = [];
    } else if (name === 'td' || name === 'th') {
      endCell(top);
      if (!close) {
        top.row ??= [];
        top.cell = { raw: '', rowSpan: span(attrs, 'rowspan'), colSpan: span(attrs, 'colspan') };
      }
    } else if (top.cell && (name === 'br' || (close && BLOCK_END.has(name)))) top.cell.raw += '\n';
  }
  while (stack.length) {
    const t = stack.pop() as Open;
    endCell(t);
    endRow(t);
    done.push({ at: t.at, table: t.rows });
  }
  // Tables close inner first; people count them from the top, by where they open.
  return done.sort((a, b) => a.at - b.at).map((d) => d.table).filter((t) => t.length > 0);
}

function endCell(t: Open) {
  if (!t.cell) return;
  t.row ??= [];
  t.row.push({ text: cleanCell(t.cell.raw), rowSpan: t.cell.rowSpan, colSpan: t.cell.colSpan });
  t.cell = null;
}

function endRow(t: Open) {
  if (t.row && t.row.length) t.rows.push(t.row);
  t.row = null;
}
