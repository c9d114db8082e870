/** Relay tests: a writer and relays on one real redis-server, screens that reconnect like the real client. */
import { io } from 'socket.io-client';
import type { Snapshot, StateMessage } from '@shared/protocol';
import { PROTOCOL_VERSION } from '@shared/protocol';
import { startRedisRelay, startRedisWriter } from '../../server/scale/nodes';
import { AV_PIN, type ClientSocket, MC_PIN, tempDir, until } from './helpers';

export const BEAT_MS = 200;
export const STALE_AFTER_MS = 1_000;

export async function writerOn(redisUrl: string, dataDir?: string) {
  const dir = dataDir ? undefined : tempDir();
  const server = await startRedisWriter({ port: 0, host: '127.0.0.1', mcPin: MC_PIN, avPin: AV_PIN, dataDir: dataDir ?? dir!.path, redisUrl, beatMs: BEAT_MS });
  return { ...server, stop: async () => { await server.close(); dir?.remove(); } };
}

export async function relayOn(redisUrl: string) {
  const dir = tempDir();
  const relay = await startRedisRelay({ port: 0, host: '127.0.0.1', mcPin: MC_PIN, avPin: AV_PIN, dataDir: dir.path, redisUrl, staleAfterMs: STALE_AFTER_MS });
  await until(() => relay.service.synced, 10_000, 'the relay in sync with the writer');
  return { ...relay, stop: async () => { await relay.close(); dir.remove(); } };
}

/**
 * A screen as client/socket.ts behaves: reconnects on its own, applies state messages in
 * revision order, asks for a snapshot on a gap. It records every revision it applied and
 * whether it ever applied one out of order.
 */
export interface Screen {
  socket: ClientSocket;
  revision: number;
  /** Revisions of every `show:state` received (duplicates included: "exactly once" is checked on it). */
  heard: number[];
  snapshots: number;
  connected: boolean;
  /** The revision went down (an older state shown as current). */
  wentBack: boolean;
  close(): void;
}

export function screen(url: string, opts: { pin?: string; reconnect?: boolean } = {}): Promise<Screen> {
  const socket: ClientSocket = io(url, {
    auth: { protocol: PROTOCOL_VERSION, ...(opts.pin ? { pin: opts.pin } : {}) },
    transports: ['websocket'],
    forceNew: true,
    reconnection: opts.reconnect ?? true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 500,
    timeout: 5000,
  });
  const s: Screen = { socket, revision: -1, heard: [], snapshots: 0, connected: false, wentBack: false, close: () => socket.close() };
  const take = (revision: number) => {
    if (revision < s.revision) s.wentBack = true;
    s.revision = revision;
  };
  socket.on('show:snapshot', (snap: Snapshot) => {
    s.snapshots++;
    take(snap.revision);
  });
  socket.on('show:state', (m: StateMessage) => {
    s.heard.push(m.revision);
    if (m.revision <= s.revision) return;
    if (m.revision !== s.revision + 1) return void socket.emit('show:resync', (snap) => take(snap.revision));
    take(m.revision);
  });
  socket.on('connect', () => (s.connected = true));
  // A refused handshake (a relay out of sync) is not retried by socket.io itself: the real client retries too.
  let lastError = '';
  socket.on('connect_error', (e: Error & { data?: unknown }) => {
    lastError = `${e.message} ${JSON.stringify(e.data ?? '')} active=${socket.active} connected=${socket.connected} engine=${socket.io.engine?.transport?.name}`;
    if (!socket.active && opts.reconnect !== false) setTimeout(() => socket.connect(), 200);
  });
  socket.on('disconnect', (reason) => {
    s.connected = false;
    // As the real client does after the server closed it on purpose.
    if (reason === 'io server disconnect' && opts.reconnect !== false) setTimeout(() => socket.connect(), 200);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`screen on ${url} got no snapshot (connected ${s.connected}, last error: ${lastError}, engine id ${socket.io.engine?.id}, transport ${socket.io.engine?.transport?.name})`)), 10_000);
    socket.once('show:snapshot', () => {
      clearTimeout(timer);
      resolve(s);
    });
  });
}

/** A command with its ack; a missing ack fails within 20 s (with what was sent) instead of hanging the test. */
export const send = (s: Screen, command: unknown) =>
  new Promise<any>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack within 20 s for ${JSON.stringify(command)}`)), 20_000);
    s.socket.emit('show:command', command, (ack: unknown) => {
      clearTimeout(timer);
      resolve(ack);
    });
  });

export async function current(url: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}/api/v1/state`);
  return { status: res.status, json: await res.json() };
}
