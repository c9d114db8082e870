/**
 * A file or a paste → plain data for the import dialog. The kind comes from the bytes, never the
 * name: a zip is a .docx or an .xlsx, a compound file is a Word 97 .doc or a password-protected
 * Office file, "%PDF-" is a PDF, the rest is text (JSON or CSV). The readers are separate chunks
 * loaded on first use; the .docx reader runs in a Worker that is stopped if it takes too long.
 */
import { checkZip, type Container, containerOf, FILE_CAP, refuseCompound } from '@shared/import/containers';
import { parseCsv } from '@shared/import/csv';
import { type Table, tablesFromHtml } from '@shared/import/html-table';
import { type ImportResult, issue } from '@shared/import/issues';
import type { PdfPage } from '@shared/import/pdf-layout';
import type { Sheet } from '@shared/import/sheet';
import { readXlsx } from '@shared/import/xlsx';

export type Loaded =
  | { kind: 'json'; text: string }
  | { kind: 'sheet'; result: ImportResult<Sheet> }
  | { kind: 'tables'; result: ImportResult<Table[]> }
  | { kind: 'pdf'; result: ImportResult<PdfPage[]> };

const DOCX_TIMEOUT_MS = 20_000;
const refused = (message: string): Loaded => ({ kind: 'sheet', result: { ok: false, issues: [issue(null, message)] } });

/** The readers behind the dispatch: the browser's run in Workers, the unit tests' under Node. */
export interface Readers {
  docx(bytes: Uint8Array): Promise<ImportResult<Table[]>>;
  pdf(bytes: Uint8Array): Promise<ImportResult<PdfPage[]>>;
}

const browserReaders: Readers = {
  docx: docxInWorker,
  pdf: async (bytes) => (await import('./pdf-browser')).readPdfInBrowser(bytes),
};

export async function loadFile(file: File): Promise<Loaded> {
  if (file.size > FILE_CAP) return refused(`the file is ${Math.round(file.size / 1024 / 1024)} MB; Baton reads documents up to 30 MB`);
  return loadBytes(new Uint8Array(await file.arrayBuffer()), file.name, browserReaders);
}

export async function loadBytes(bytes: Uint8Array, name: string, readers: Readers): Promise<Loaded> {
  if (bytes.length > FILE_CAP) return refused(`the file is ${Math.round(bytes.length / 1024 / 1024)} MB; Baton reads documents up to 30 MB`);
  const kind: Container = containerOf(bytes.subarray(0, 1024));
  if (kind === 'cfb') return { kind: 'sheet', result: refuseCompound(bytes) };
  if (kind === 'pdf') return { kind: 'pdf', result: await readers.pdf(bytes) };
  if (kind === 'zip') {
    const zip = checkZip(bytes);
    if (!zip.ok) return { kind: 'sheet', result: zip };
    if (zip.value === 'xlsx') return { kind: 'sheet', result: await readXlsx(bytes.slice().buffer as ArrayBuffer) };
    return { kind: 'tables', result: await readers.docx(bytes) };
  }
  const text = decode(bytes);
  if (/\.json$/i.test(name) || /^\s*[{[]/.test(text)) return { kind: 'json', text };
  if (/\.(docx?|pdf)$/i.test(name)) return refused('the file is damaged: it is not a complete .docx or .xlsx (save it again and import the new copy)');
  return { kind: 'sheet', result: { ok: true, value: parseCsv(text).rows } };
}

/** The clipboard of Word, LibreOffice, Google Docs/Sheets or Excel: its HTML table, else tab-separated text. */
export function loadPaste(data: DataTransfer): Loaded | null {
  const html = data.getData('text/html');
  if (html && /<table[\s>]/i.test(html)) return { kind: 'tables', result: { ok: true, value: tablesFromHtml(html) } };
  const text = data.getData('text/plain');
  if (!text.trim()) return null;
  return { kind: 'sheet', result: { ok: true, value: parseCsv(text, text.includes('\t') ? '\t' : undefined).rows } };
}

function docxInWorker(bytes: Uint8Array): Promise<ImportResult<Table[]>> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./docx-worker.ts', import.meta.url), { type: 'module' });
    const done = (r: ImportResult<Table[]>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => done({ ok: false, issues: [issue(null, 'reading the document took too long; save the programme alone in a new document and import that')] }), DOCX_TIMEOUT_MS);
    worker.onmessage = (e: MessageEvent<ImportResult<Table[]>>) => done(e.data);
    worker.onerror = () => done({ ok: false, issues: [issue(null, 'the file is damaged: it is not a complete .docx or .xlsx (save it again and import the new copy)')] });
    worker.postMessage(bytes);
  });
}

/** UTF-8 (with or without BOM); an old Excel "CSV" in a Vietnamese locale is Windows-1258. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}
