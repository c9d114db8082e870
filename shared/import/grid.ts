/**
 * A table with merged cells → a plain grid (the Sheet every importer reads). A cell merged down
 * over several rows (Word's vertical merge, rowspan) is filled into every row it covers, and
 * marked as filled, so a time range written once for a block of rows reaches each of them. A cell
 * merged across columns keeps its text in its first column.
 */
import type { Table } from './html-table';
import type { Sheet } from './sheet';

export interface Grid {
  sheet: Sheet;
  /** filled[r][c]: the text came from a cell merged down from a row above. */
  filled: boolean[][];
}

export function gridFromTable(table: Table): Grid {
  const rows: (string | null)[][] = [];
  const filled: boolean[][] = [];
  const taken: boolean[][] = [];
  const height = table.length;
  table.forEach((cells, r) => {
    rows[r] ??= [];
    filled[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (taken[r]?.[c]) c++;
      const down = Math.min(cell.rowSpan, height - r);
      for (let dr = 0; dr < down; dr++) {
        const rr = r + dr;
        rows[rr] ??= [];
        filled[rr] ??= [];
        taken[rr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) {
          (taken[rr] as boolean[])[c + dc] = true;
          (rows[rr] as (string | null)[])[c + dc] = dc === 0 ? cell.text : '';
          (filled[rr] as boolean[])[c + dc] = dr > 0 && dc === 0;
        }
      }
      c += cell.colSpan;
    }
  });
  const width = Math.max(0, ...rows.map((r) => r.length));
  const sheet: Sheet = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  return { sheet, filled: sheet.map((r, i) => r.map((_, c) => filled[i]?.[c] ?? false)) };
}
