/**
 * What kind of document a file is, from its bytes, before any reader runs: a zip (.docx/.xlsx),
 * an OLE compound file (Word 97 .doc, or any Office file with a password: those are encrypted
 * inside a compound file), a PDF, or text. A zip's central directory says how large it unpacks,
 * so a zip bomb is refused before a single byte is inflated.
 */
import { type ImportResult, issue } from './issues';

export type Container = 'zip' | 'cfb' | 'pdf' | 'text';
/** What a document may unpack to. A plan with its annexes is a few megabytes. */
export const UNZIPPED_CAP = 20 * 1024 * 1024;
/** What a document file may weigh before it is read at all. */
export const FILE_CAP = 30 * 1024 * 1024;

const starts = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

export function containerOf(head: Uint8Array): Container {
  if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
  // "%PDF-" may follow a few bytes of junk; readers accept it within the first kilobyte.
  const text = String.fromCharCode(...head.subarray(0, 1024));
  if (text.includes('%PDF-')) return 'pdf';
  return 'text';
}

const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A compound file's stream names (UTF-16 in its directory) tell a .doc from a protected .docx. */
export function refuseCompound(bytes: Uint8Array): ImportResult<never> {
  if (contains(bytes, utf16('EncryptionInfo')) || contains(bytes, utf16('EncryptedPackage'))) {
    return { ok: false, issues: [issue(null, 'the file is password-protected: open it, save a copy without the password, and import that')] };
  }
  if (contains(bytes, utf16('WordDocument'))) {
    return { ok: false, issues: [issue(null, 'this is a Word 97–2003 document (.doc): open it in Word or LibreOffice, save it as .docx, and import that')] };
  }
  return { ok: false, issues: [issue(null, 'this is an old Office file (Excel 97–2003 or similar): save it as .xlsx or .docx, and import that')] };
}

export interface ZipEntry {
  name: string;
  size: number;
}

/** The central directory of a zip, or a reason it cannot be trusted. */
export function zipEntries(bytes: Uint8Array): ImportResult<ZipEntry[]> {
  const damaged = { ok: false as const, issues: [issue(null, 'the file is damaged: it is not a complete .docx or .xlsx (save it again and import the new copy)')] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return damaged;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return damaged;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return damaged;
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // 0xFFFFFFFF means the real size is in a zip64 field: no office document needs one.
    entries.push({ name, size: size === 0xffffffff ? Number.POSITIVE_INFINITY : size });
    at += 46 + skip;
  }
  return { ok: true, value: entries };
}

/** A .docx (or .xlsx) that may be unpacked: intact directory, under the cap. */
export function checkZip(bytes: Uint8Array): ImportResult<'docx' | 'xlsx'> {
  const entries = zipEntries(bytes);
  if (!entries.ok) return entries;
  const total = entries.value.reduce((s, e) => s + e.size, 0);
  if (total > UNZIPPED_CAP) {
    const mb = Number.isFinite(total) ? `more than ${Math.floor(total / 1024 / 1024)} MB` : 'more than 4 GB';
    return { ok: false, issues: [issue(null, `the document unpacks to ${mb}, past the 20 MB Baton reads: save the programme alone in a new document and import that`)] };
  }
  const names = new Set(entries.value.map((e) => e.name));
  if (names.has('word/document.xml')) return { ok: true, value: 'docx' };
  if (names.has('xl/workbook.xml')) return { ok: true, value: 'xlsx' };
  return { ok: false, issues: [issue(null, 'the file is a zip but neither a .docx nor an .xlsx')] };
}
