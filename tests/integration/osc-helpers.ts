/** OSC over real UDP on loopback: a sender, a receiver that decodes, and an OSC-enabled server. */
import { createSocket, type Socket } from 'node:dgram';
import { fromBuffer, toBuffer, type OscMessageInput, type OscMessageOutput } from 'osc-min';
import type { StartOptions } from '../../server/app';
import { startOsc, type Osc, type OscOptions } from '../../server/osc/index';
import type { Logger } from '../../server/log';
import { instant } from '@shared/time';
import { boot } from './helpers';

export const encode = (message: OscMessageInput): Buffer => {
  const view = toBuffer(message);
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
};

/** A log that keeps its lines, to check what (and how much) a refusal writes. */
export function memoryLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => void lines.push(`info ${m}`), warn: (m) => void lines.push(`warn ${m}`), error: (m) => void lines.push(`error ${m}`) };
}

export interface Sender {
  send(packet: Buffer | OscMessageInput): Promise<void>;
  close(): void;
}

export async function udpSender(port: number): Promise<Sender> {
  const socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  return {
    send: (packet) =>
      new Promise<void>((resolve, reject) =>
        socket.send(Buffer.isBuffer(packet) ? packet : encode(packet), port, '127.0.0.1', (e) => (e ? reject(e) : resolve()))),
    close: () => socket.close(),
  };
}

export interface Receiver {
  port: number;
  messages: (OscMessageOutput & { at: number })[];
  close(): void;
}

export async function udpReceiver(): Promise<Receiver> {
  const socket: Socket = createSocket('udp4');
  const messages: Receiver['messages'] = [];
  socket.on('message', (buf) => {
    const p = fromBuffer(buf);
    if (p.oscType === 'message') messages.push({ ...p, at: Date.now() });
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  return { port: socket.address().port, messages, close: () => socket.close() };
}

/** A real server on 127.0.0.1:0 with OSC in on a free UDP port of 127.0.0.1. */
export async function bootWithOsc(osc: Partial<OscOptions> = {}, options: Partial<StartOptions> = {}) {
  const log = memoryLog();
  const server = await boot({ log, ...options });
  const clock = options.clock ?? (() => instant(Date.now()));
  const parts: Osc = await startOsc(
    { service: server.app.service, clock, log, status: server.app.status },
    { port: 0, host: '127.0.0.1', role: 'mc', out: null, ...osc },
  );
  return {
    server,
    osc: parts,
    log,
    url: server.url,
    async stop() {
      await parts.close();
      await server.stop();
    },
  };
}
