/**
 * Hostile input below the command layer, for scenario 4: raw TCP that no HTTP client would send,
 * and Socket.IO handshakes with odd protocol versions, PINs and labels.
 */
import { connect } from 'node:net';
import { ERROR_CODES, PROTOCOL_VERSION } from '@shared/protocol';
import { io as ioClient } from 'socket.io-client';
import type { Rng } from './api';
import { MC_PIN } from './child-server';

/** Raw TCP: what no HTTP client library would send. Node's parser answers or closes; the server must live. */
export async function rawTcpAbuse(port: number, r: Rng): Promise<number> {
  const auth = `Authorization: Bearer ${MC_PIN}\r\n`;
  const cases = [
    'GARBAGE\r\n\r\n',
    '\x00\x01\x02\xff\xfe',
    `POST /api/v1/commands HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: 100\r\n\r\n{"type":`,
    `POST /api/v1/commands HTTP/1.1\r\nHost: x\r\n${auth}Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n`,
    `POST /api/v1/commands HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: -1\r\n\r\n{}`,
    `POST /api/v1/commands HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: 5\r\nContent-Length: 50\r\n\r\n{}`,
    `POST /api/v1/commands HTTP/1.1\r\nHost: x\r\n${auth}Content-Encoding: gzip\r\nContent-Length: 4\r\n\r\n\x1f\x8b\x08\x00`,
    `POST /api/v1/commands?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    `GET /api/v1/state HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    `GET /${'../'.repeat(50)}etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n`,
    'GET /%00%ff%c0%af HTTP/1.1\r\nHost: x\r\n\r\n',
    `POST /api/v1/commands HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: 2000000\r\n\r\n${'{'.repeat(1000)}`,
  ];
    let sent = 0;
  for (let round = 0; round < 3; round++) {
    await Promise.all(
      cases.map(
        (text) =>
          new Promise<void>((resolve) => {
            const socket = connect(port, '127.0.0.1');
            const done = () => {
              socket.destroy();
              resolve();
            };
            socket.setTimeout(1000, done);
            socket.on('error', done);
            socket.on('close', done);
            socket.on('data', () => undefined);
            socket.on('connect', () => {
              sent++;
              socket.write(Buffer.from(text, 'latin1'));
              // Sometimes hang up mid-request, sometimes wait for whatever comes back.
              if (r.chance(0.5)) setTimeout(done, r.int(0, 50));
            });
          }),
      ),
    );
  }
  return sent;
}

const ODD_PROTOCOLS: unknown[] = [PROTOCOL_VERSION, String(PROTOCOL_VERSION), 0, PROTOCOL_VERSION + 1, -1, NaN, null, undefined, {}, [PROTOCOL_VERSION], 1e308, true];
const ODD_PINS: unknown[] = [undefined, '', ' ', 123456, Number(MC_PIN), {}, [], [MC_PIN], { pin: MC_PIN }, 'x'.repeat(10_000), '\uD800', '0'.repeat(6), `${MC_PIN} `, null, true];
const ODD_LABELS: unknown[] = [undefined, '', 'x'.repeat(100_000), '\u0000\u202E\u200B label', {}, 5, ['a'], 'Màn hình sân khấu 🎤', null];

export async function hostileHandshakes(url: string, r: Rng): Promise<{ sent: number; connected: number; refused: number; failures: string[] }> {
  const out = { sent: 0, connected: 0, refused: 0, failures: [] as string[] };
  const tries: Record<string, unknown>[] = [];
  for (const protocol of ODD_PROTOCOLS) for (const pin of ODD_PINS) tries.push({ protocol, pin, label: r.pick(ODD_LABELS) });
  tries.push({}, { pin: MC_PIN }, { protocol: PROTOCOL_VERSION, pin: MC_PIN, label: 'x'.repeat(500_000) });
  for (let i = 0; i < tries.length; i += 20) {
    await Promise.all(
      tries.slice(i, i + 20).map(async (auth) => {
        const socket = ioClient(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true, timeout: 5000 });
        out.sent++;
        const result = await new Promise<{ ok: true; role?: string; label?: string } | { ok: false; code?: string; message: string }>((resolve) => {
          const timer = setTimeout(() => resolve({ ok: false, message: 'no answer within 5 s' }), 5000);
          socket.on('session:role', (info: { role: string; label: string }) => {
            clearTimeout(timer);
            resolve({ ok: true, role: info.role, label: info.label });
          });
          socket.on('connect_error', (e: Error & { data?: { code?: string } }) => {
            clearTimeout(timer);
            resolve({ ok: false, code: e.data?.code, message: e.message });
          });
        });
        socket.close();
        const shown = JSON.stringify(auth, (_k, v: unknown) => (typeof v === 'string' && v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v));
        if (result.ok) {
          out.connected++;
          if (typeof result.label !== 'string' || result.label.length > 60 || /[\p{Cc}\p{Cf}]/u.test(result.label)) out.failures.push(`handshake ${shown}: label not cleaned: ${JSON.stringify(result.label).slice(0, 80)}`);
        } else if (result.code && (ERROR_CODES as readonly string[]).includes(result.code)) out.refused++;
        else out.failures.push(`handshake ${shown}: ${result.message}${result.code ? ` (${result.code})` : ' (no code)'}`);
      }),
    );
  }
  return out;
}
