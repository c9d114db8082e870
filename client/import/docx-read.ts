/**
 * A .docx → its tables as plain cells, with mammoth (Word → HTML; no DOM needed, so it runs in a
 * Web Worker and under Node alike). The zip's directory is checked against the unpack cap first,
 * so a zip bomb never reaches the inflater.
 */
import { checkZip } from '@shared/import/containers';
import { type Table, tablesFromHtml } from '@shared/import/html-table';
import { type ImportResult, issue } from '@shared/import/issues';

export async function readDocx(bytes: Uint8Array): Promise<ImportResult<Table[]>> {
  const zip = checkZip(bytes);
  if (!zip.ok) return zip;
  if (zip.value !== 'docx') return { ok: false, issues: [issue(null, 'the file is a zip but neither a .docx nor an .xlsx')] };
  const mammoth = (await import('mammoth')).default;
  try {
    const copy = bytes.slice().buffer;
    // The browser build reads `arrayBuffer`, the Node build (unit tests) `buffer`.
    const { value } = await mammoth.convertToHtml({ arrayBuffer: copy, buffer: copy } as never);
    return { ok: true, value: tablesFromHtml(value) };
  } catch (e) {
    return { ok: false, issues: [issue(null, `the file is damaged: it is not a complete .docx or .xlsx (save it again and import the new copy) — ${String((e as Error).message ?? e).slice(0, 80)}`)] };
  }
}
