/**
 * Reading a request body with a hard cap. Past the cap the rest is drained (up to a point, so the
 * client can read our 413) rather than buffered; a client that keeps sending is cut off.
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too_large'; bytes: number } | { ok: false; reason: 'aborted' };

/** Bytes we are willing to read and discard after the cap before closing the connection. */
const DRAIN_LIMIT = 8 * 1024 * 1024;

export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let bytes = 0;
    let over = Number.isFinite(declared) && declared > maxBytes;
    if (over && declared > DRAIN_LIMIT) {
      // Answer at once; the connection is closed after the response.
      req.pause();
      return resolve({ ok: false, reason: 'too_large', bytes: declared });
    }
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) over = true;
      if (!over) chunks.push(chunk);
      else if (bytes > DRAIN_LIMIT) {
        req.pause();
        resolve({ ok: false, reason: 'too_large', bytes });
      }
    });
    req.on('end', () => resolve(over ? { ok: false, reason: 'too_large', bytes } : { ok: true, body: Buffer.concat(chunks) }));
    req.on('error', () => resolve({ ok: false, reason: 'aborted' }));
    req.on('close', () => {
      if (!req.complete) resolve({ ok: false, reason: 'aborted' });
    });
  });
}
