/** Reading an imported file into a sheet, and handing the director a file to save. */
import { parseCsv } from '@shared/import/csv';
import type { ImportResult } from '@shared/import/issues';
import type { Sheet } from '@shared/import/sheet';
import { looksLikeXlsx, readXlsx } from '@shared/import/xlsx';

export type Loaded = { kind: 'json'; text: string } | { kind: 'sheet'; result: ImportResult<Sheet> };

/** XLSX by its zip signature (the reader is loaded only then); else text: JSON or CSV. */
export async function loadFile(file: File): Promise<Loaded> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // readXlsx loads read-excel-file on first use: a separate chunk, fetched only for an .xlsx.
  if (looksLikeXlsx(bytes)) {
    return { kind: 'sheet', result: await readXlsx(bytes.buffer as ArrayBuffer) };
  }
  const text = decode(bytes);
  if (/\.json$/i.test(file.name) || /^\s*[{[]/.test(text)) return { kind: 'json', text };
  return { kind: 'sheet', result: { ok: true, value: parseCsv(text).rows } };
}

/** UTF-8 (with or without BOM); an old Excel "CSV" in a Vietnamese locale is Windows-1258. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}

export { download } from '../../components/download';
