/**
 * A flood of raw engine.io viewers from one loopback address, as a leaking signage player or a
 * script on a phone would make: each connection opens the WebSocket transport, asks for the main
 * namespace without a PIN, answers the server's pings and never leaves. Bounded in count and time.
 */
import WebSocket from 'ws';

export interface FloodResult {
  /** Viewers the server admitted (Socket.IO CONNECT acknowledged). */
  admitted: number;
  /** Refused at the Socket.IO handshake, with their reasons' codes. */
  refusedSocket: number;
  codes: Set<string>;
  /** Refused at the engine.io handshake (HTTP status before the upgrade). */
  refusedEngine: number;
  statuses: Set<number>;
  /** What the engine's refusals said, up to the first colon (the reason's code). */
  engineReasons: Set<string>;
  /** Errors and connections that ended without an answer. */
  failed: number;
  /** Close every socket the flood holds. */
  close(): void;
}

export interface FloodOptions {
  /** Source address on loopback (127.0.0.1, 127.0.0.2 …). */
  from: string;
  count: number;
  concurrency?: number;
  /** Stop opening new connections after this long. */
  deadlineMs?: number;
}

export async function viewerFlood(baseUrl: string, opts: FloodOptions): Promise<FloodResult> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const held: WebSocket[] = [];
  const result: FloodResult = {
    admitted: 0, refusedSocket: 0, codes: new Set(), refusedEngine: 0, statuses: new Set(), engineReasons: new Set(), failed: 0,
    close: () => held.forEach((ws) => ws.terminate()),
  };
  const stopAt = Date.now() + (opts.deadlineMs ?? 30_000);
  let started = 0;
  const one = () =>
    new Promise<void>((done) => {
      const ws = new WebSocket(url, { localAddress: opts.from, perMessageDeflate: false, handshakeTimeout: 15_000 });
      held.push(ws);
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        outcome();
        done();
      };
      ws.on('message', (data) => {
        const text = data.toString();
        if (text.startsWith('0')) ws.send('40{"protocol":1}');
        else if (text === '2') ws.send('3');
        else if (text.startsWith('40')) settle(() => result.admitted++);
        else if (text.startsWith('44')) {
          settle(() => {
            result.refusedSocket++;
            result.codes.add(codeOf(text.slice(2)));
          });
        }
      });
      ws.on('unexpected-response', (_req, res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          settle(() => {
            result.refusedEngine++;
            result.statuses.add(res.statusCode ?? 0);
            result.engineReasons.add(body.split(':')[0] ?? '');
          }),
        );
        res.on('error', () => settle(() => result.failed++));
      });
      ws.on('error', () => settle(() => result.failed++));
      ws.on('close', () => settle(() => result.failed++));
    });
  const worker = async () => {
    while (started < opts.count && Date.now() < stopAt) {
      started++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 32 }, worker));
  return result;
}

function codeOf(json: string): string {
  try {
    const body = JSON.parse(json) as { data?: { code?: string } };
    return body.data?.code ?? 'none';
  } catch {
    return 'unparsable';
  }
}
