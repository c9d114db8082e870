/**
 * XLSX → a sheet, with read-excel-file (browser and Node alike, from an ArrayBuffer or a Blob).
 * The library is imported on first use only, so the editor does not carry it until a file is read.
 */
import { type ImportResult, issue } from './issues';
import type { Sheet } from './sheet';

export async function readXlsx(data: ArrayBuffer | Blob): Promise<ImportResult<Sheet>> {
  const { readSheet } = await import('read-excel-file/universal');
  try {
    const rows = await readSheet(data);
    return { ok: true, value: rows.map((r) => r.map((c) => (c === undefined ? null : (c as Sheet[number][number])))) };
  } catch (e) {
    return { ok: false, issues: [issue(null, `the file is not a spreadsheet that can be read (${(e as Error).message.slice(0, 120)})`)] };
  }
}

/** True for the zip signature every .xlsx starts with. */
export function looksLikeXlsx(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
