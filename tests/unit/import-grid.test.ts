/**
 * Merged cells → a plain grid (shared/import/grid.ts), worked out by hand: the plan's table merges
 * a time range down over several rows and a heading across columns (I10).
 */
import { describe, expect, it } from 'vitest';
import { gridFromTable } from '@shared/import/grid';
import type { Table } from '@shared/import/html-table';

const cell = (text: string, rowSpan = 1, colSpan = 1) => ({ text, rowSpan, colSpan });

describe('gridFromTable', () => {
  it('[I10] a cell merged across and down fills each row it covers in its first column only, and the next cell goes past it', () => {
    const table: Table = [
      [cell('07:30 - 07:40', 2, 2), cell('Khai mạc')],
      [cell('Chào cờ')],
      [cell('a'), cell('b'), cell('c')],
    ];
    const g = gridFromTable(table);
    expect(g.sheet).toEqual([
      ['07:30 - 07:40', '', 'Khai mạc'],
      ['07:30 - 07:40', '', 'Chào cờ'],
      ['a', 'b', 'c'],
    ]);
    // Only the text carried down is marked as filled: not the first row, not the empty columns it spans.
    expect(g.filled).toEqual([
      [false, false, false],
      [true, false, false],
      [false, false, false],
    ]);
  });

  it('[I10] a row span that runs past the end of the table adds no rows', () => {
    const g = gridFromTable([[cell('TT'), cell('Nội dung')], [cell('1', 5), cell('Đón tiếp')]]);
    expect(g.sheet).toEqual([
      ['TT', 'Nội dung'],
      ['1', 'Đón tiếp'],
    ]);
    expect(g.filled).toHaveLength(2);
  });
});
