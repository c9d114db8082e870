import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../client/import/docx-read';
import { type Loaded, loadBytes, type Readers } from '../../client/import/load-document';
import { type PdfJs, readPdf } from '../../client/import/pdf-read';
import { defaultProgramme } from '@shared/default-programme';
import type { ImportIssue } from '@shared/import/issues';
import { formatIssue } from '@shared/import/messages';
import { detectColumns, PROGRAMME_FIELDS, PROGRAMME_HEADERS } from '@shared/import/columns';
import { parseCsv } from '@shared/import/csv';
import { isPlanLayout, programmeFromPlan } from '@shared/import/plan';
import { docxSource, fixture, importPlan } from './import-plan-helpers';

const readers: Readers = { docx: readDocx, pdf: (b) => readPdf(pdfjs as unknown as PdfJs, b) };
const refusal = async (bytes: Uint8Array, name: string): Promise<{ en: string; vi: string }> => {
  const loaded: Loaded = await loadBytes(bytes, name, readers);
  if (loaded.kind === 'json' || loaded.result.ok) throw new Error(`${name} was not refused`);
  const [first] = loaded.result.issues as [ImportIssue];
  return { en: formatIssue(first, 'en'), vi: formatIssue(first, 'vi') };
};

describe('bad documents: a clear message (vi and en), nothing changes', { timeout: 30_000 }, () => {
  it('[I15] a Word 97 .doc: save it as .docx', async () => {
    expect(await refusal(fixture('word97.doc'), 'ke-hoach.doc')).toEqual({
      en: 'this is a Word 97–2003 document (.doc): open it in Word or LibreOffice, save it as .docx, and import that',
      vi: 'đây là tệp Word 97–2003 (.doc): hãy mở bằng Word hoặc LibreOffice, lưu thành .docx rồi nhập tệp đó',
    });
  });

  it('[I15] a password-protected .docx (encrypted as Word does)', async () => {
    expect(await refusal(fixture('protected.docx'), 'ke-hoach.docx')).toEqual({
      en: 'the file is password-protected: open it, save a copy without the password, and import that',
      vi: 'tệp có mật khẩu: hãy mở tệp, lưu một bản không đặt mật khẩu rồi nhập bản đó',
    });
  });

  it('[I15] a password-protected PDF (encrypted by qpdf)', async () => {
    expect(await refusal(fixture('protected.pdf'), 'ke-hoach.pdf')).toEqual({
      en: 'the PDF is password-protected: ask for a copy without the password, or import the .docx',
      vi: 'tệp PDF có mật khẩu: hãy xin bản không đặt mật khẩu, hoặc nhập tệp .docx',
    });
  });

  it('[I15] a damaged .docx (cut in half) and a damaged PDF', async () => {
    expect((await refusal(fixture('damaged.docx'), 'ke-hoach.docx')).vi).toBe('tệp bị hỏng: không phải tệp .docx hay .xlsx hoàn chỉnh (hãy lưu lại rồi nhập bản mới)');
    const pdf = fixture('plan.pdf');
    const cut = await refusal(pdf.subarray(0, Math.floor(pdf.length / 3)), 'ke-hoach.pdf');
    expect(cut.vi).toBe('tệp PDF bị hỏng, không đọc được');
    expect(cut.en).toMatch(/^the PDF is damaged and cannot be read/);
  });

  it('[I15] a zip that unpacks past 20 MB is refused from its directory, before anything is inflated', async () => {
    expect(await refusal(fixture('bomb.docx'), 'ke-hoach.docx')).toEqual({
      en: 'the document unpacks to more than 40 MB, past the 20 MB Baton reads: save the programme alone in a new document and import that',
      vi: 'tài liệu giải nén ra hơn 40 MB, vượt giới hạn 20 MB: hãy lưu riêng bảng chương trình vào một tài liệu mới rồi nhập',
    });
  });

  it('[I15] a document with no programme table says which headers were looked for', async () => {
    const r = importPlan(await docxSource('no-table.docx'), defaultProgramme());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatIssue(r.issues[0]!, 'en')).toBe(
      'the document has no programme table: Baton looked for a header row with TT, THỜI GIAN, NỘI DUNG, THỰC HIỆN (or STT, Giờ, Nội dung, Người thực hiện; No., Time, Item, Presenter)',
    );
    expect(formatIssue(r.issues[0]!, 'vi')).toBe('tài liệu không có bảng chương trình: Baton tìm dòng tiêu đề có TT, THỜI GIAN, NỘI DUNG, THỰC HIỆN (hoặc STT, Giờ, Nội dung, Người thực hiện)');
  });

  it('[I15] a 300-page PDF is refused from its page count, without reading its pages', async () => {
    const started = performance.now();
    expect(await refusal(fixture('long.pdf'), 'phu-luc.pdf')).toEqual({
      en: 'the PDF has 300 pages; Baton reads plans of at most 50: save the pages with the programme as a new PDF, or import the .docx',
      vi: 'tệp PDF có 300 trang; Baton chỉ đọc kế hoạch tới 50 trang: hãy lưu riêng các trang có chương trình thành PDF mới, hoặc nhập tệp .docx',
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('[I15] a scanned PDF (images, no text) suggests the .docx', async () => {
    expect(await refusal(fixture('scan.pdf'), 'ke-hoach-scan.pdf')).toEqual({
      en: 'the PDF has no text, only images (a scan): import the .docx the plan was written in, or a PDF saved from Word',
      vi: 'tệp PDF chỉ có hình ảnh, không có chữ (bản scan): hãy nhập tệp .docx của kế hoạch, hoặc PDF lưu từ Word',
    });
  });
});

describe('a plan table whose duration cannot be read', () => {
  it('[I5][I12] a duration the table gives but that cannot be read names its row; it is never replaced by an estimate', async () => {
    const sheet = parseCsv('\uFEFFSTT;Nội dung;Thời lượng (phút)\n1;Khai mạc;10\n2;Phát biểu;mười lăm\n').rows;
    const detected = detectColumns(sheet, PROGRAMME_FIELDS, PROGRAMME_HEADERS, 'title');
    if (!detected) throw new Error('no header row found');
    expect(isPlanLayout(detected.mapping)).toBe(true); // no kind column: read as a plan's table
    const r = programmeFromPlan({ sheet, headerRow: detected.headerRow, mapping: detected.mapping }, defaultProgramme());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.row)).toEqual([3]);
    expect(formatIssue(r.issues[0] as ImportIssue, 'vi')).toContain('"mười lăm"');
  });
});
