/**
 * A PDF → plain page data (text runs with their boxes, and the thin boxes that draw ruling
 * lines), with pdf.js. The pdf.js module is passed in: the browser gives the modern build with its
 * own Web Worker (parsing never runs on the editor's thread), the unit tests the legacy build
 * that Node runs. shared/import/pdf-rows.ts rebuilds tables from what this returns.
 */
import { type ImportResult, issue } from '@shared/import/issues';
import type { PdfPage, PdfRule, PdfRun } from '@shared/import/pdf-layout';

/** A plan is a few pages; past this the file is not a plan (and reading it would take minutes). */
export const MAX_PDF_PAGES = 50;

type Matrix = [number, number, number, number, number, number];
/** The part of pdf.js this reader uses (the same in pdfjs-dist's modern and legacy builds). */
export interface PdfJs {
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean; disableFontFace?: boolean; useSystemFonts?: boolean }): { promise: Promise<PdfDoc>; destroy(): Promise<void> };
  OPS: Record<string, number>;
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
  destroy(): Promise<void>;
}
interface PdfPageProxy {
  getViewport(o: { scale: number }): { width: number; height: number; convertToViewportPoint(x: number, y: number): number[] };
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
}

export async function readPdf(pdfjs: PdfJs, data: Uint8Array): Promise<ImportResult<PdfPage[]>> {
  const task = pdfjs.getDocument({ data, isEvalSupported: false });
  let doc: PdfDoc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') return fail('the PDF is password-protected: ask for a copy without the password, or import the .docx');
    return fail(`the PDF is damaged and cannot be read (${String((e as Error).message ?? e).slice(0, 80)})`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      return fail(`the PDF has ${doc.numPages} pages; Baton reads plans of at most ${MAX_PDF_PAGES}: save the pages with the programme as a new PDF, or import the .docx`);
    }
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(pdfjs, await doc.getPage(n)));
    if (pages.every((p) => p.runs.length === 0)) {
      return fail('the PDF has no text, only images (a scan): import the .docx the plan was written in, or a PDF saved from Word');
    }
    return { ok: true, value: pages };
  } finally {
    await doc.destroy();
  }
}

const fail = (message: string): ImportResult<never> => ({ ok: false, issues: [issue(null, message)] });

async function readPage(pdfjs: PdfJs, page: PdfPageProxy): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const point = (x: number, y: number) => viewport.convertToViewportPoint(x, y) as [number, number];
  const runs: PdfRun[] = [];
  for (const raw of (await page.getTextContent()).items) {
    const item = raw as { str?: string; transform?: number[]; width?: number; height?: number };
    if (!item.str || !item.transform || item.str.trim() === '') continue;
    const [, , , d = 0, e = 0, f = 0] = item.transform;
    const h = item.height || Math.abs(d);
    const [x, baseline] = point(e, f);
    runs.push({ text: item.str.normalize('NFC'), x, y: baseline - h, w: item.width ?? 0, h });
  }
  return { width: viewport.width, height: viewport.height, runs, rules: rulesOf(pdfjs, await page.getOperatorList(), point) };
}

/** Thin filled or stroked boxes: the ruling lines of tables (Word and Chromium draw them so). */
function rulesOf(pdfjs: PdfJs, ops: { fnArray: number[]; argsArray: unknown[][] }, point: (x: number, y: number) => [number, number]): PdfRule[] {
  const { OPS } = pdfjs;
  const paint = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] ?? [];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath && paint.has(args[0] as number)) {
      const buffer = (args[1] as (Float32Array | null)[] | undefined)?.[0];
      if (buffer) for (const box of subpathBoxes(buffer)) rules.push(...toRule(box, ctm, point));
    }
  });
  return rules;
}

const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2], n[0] * m[1] + n[1] * m[3], n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3], n[4] * m[0] + n[5] * m[2] + m[4], n[4] * m[1] + n[5] * m[3] + m[5],
];

/** pdf.js path buffer: 0 moveTo x y, 1 lineTo x y, 2 curveTo 6 numbers, 3 quadratic 4, 4 closePath. */
function subpathBoxes(buffer: Float32Array): [number, number, number, number][] {
  const boxes: [number, number, number, number][] = [];
  let box: [number, number, number, number] | null = null;
  const add = (x: number, y: number) => {
    if (!box) box = [x, y, x, y];
    else box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
  };
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    const n = op === 0 || op === 1 ? 2 : op === 2 ? 6 : op === 3 ? 4 : 0;
    if (op === 0 && box) {
      boxes.push(box);
      box = null;
    }
    if (op === 2 || op === 3) box = null; // curves are not ruling lines
    for (let j = 0; j + 1 < n; j += 2) add(buffer[k + j] as number, buffer[k + j + 1] as number);
    k += n;
  }
  if (box) boxes.push(box);
  return boxes;
}

function toRule([x0, y0, x1, y1]: [number, number, number, number], m: Matrix, point: (x: number, y: number) => [number, number]): PdfRule[] {
  const corners = [[x0, y0], [x1, y1]].map(([x, y]) => point(m[0] * (x as number) + m[2] * (y as number) + m[4], m[1] * (x as number) + m[3] * (y as number) + m[5]));
  const [[ax, ay], [bx, by]] = corners as [[number, number], [number, number]];
  const rule = { x: Math.min(ax, bx), y: Math.min(ay, by), w: Math.abs(bx - ax), h: Math.abs(by - ay) };
  // A stroked line has no thickness in its path; give it a hairline so it is a box like the rest.
  if (rule.w < 0.1) rule.w = 0.5;
  if (rule.h < 0.1) rule.h = 0.5;
  return Math.min(rule.w, rule.h) <= 3 ? [rule] : [];
}
