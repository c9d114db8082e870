/**
 * pdf.js for the browser: its parser runs in pdf.js's own Web Worker (a separate file, fetched
 * only when a PDF is opened), so the editor's thread only receives text runs and paths.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { type PdfJs, readPdf } from './pdf-read';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export const readPdfInBrowser = (data: Uint8Array) => readPdf(pdfjs as unknown as PdfJs, data);
