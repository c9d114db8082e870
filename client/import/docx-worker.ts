/** Reads a .docx off the editor's thread: bytes in, tables (or the reasons it failed) out. */
import { readDocx } from './docx-read';

self.onmessage = async (e: MessageEvent<Uint8Array>) => {
  self.postMessage(await readDocx(e.data));
};
