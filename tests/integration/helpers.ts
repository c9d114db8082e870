/** Shared by the integration tests: a real server on 127.0.0.1:0 in a temp DATA_DIR, real clients. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { type StartOptions, startServer, type StartedServer } from '../../server/app';
import {
  type ClientToServerEvents,
  type CommandAck,
  type HandshakeAuth,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  type Snapshot,
  type StateMessage,
} from '@shared/protocol';
import type { Role } from '@shared/commands';

export const MC_PIN = '135790';
export const AV_PIN = '246801';
export const FILM = 'phim-bao-cao';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'baton-it-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A server with known PINs in a fresh temp DATA_DIR; `stop()` closes it and removes the dir. */
export async function boot(options: Partial<StartOptions> = {}): Promise<StartedServer & { dataDir: string; stop(): Promise<void> }> {
  const dir = options.dataDir ? undefined : tempDir();
  const dataDir = options.dataDir ?? (dir as { path: string }).path;
  const server = await startServer({ port: 0, host: '127.0.0.1', mcPin: MC_PIN, avPin: AV_PIN, ...options, dataDir });
  return {
    ...server,
    dataDir,
    async stop() {
      await server.close();
      dir?.remove();
    },
  };
}

export interface Client {
  socket: ClientSocket;
  role: Role;
  snapshot: Snapshot;
  /** Every `show:state` received, in order. */
  states: StateMessage[];
  /** Every application event received after the snapshot (any name). */
  events: string[];
  send(command: unknown): Promise<CommandAck>;
  close(): void;
}

/** Connect and wait for role and snapshot. Rejects with the connect_error on refusal. */
export function connect(
  url: string,
  auth: Partial<HandshakeAuth> | Record<string, unknown> = { protocol: PROTOCOL_VERSION },
  /** e.g. `{ localAddress: '127.0.0.2' }`: another device on the hall's network, as far as the server can tell. */
  transport: { localAddress?: string } = {},
): Promise<Client> {
  const socket: ClientSocket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 5000, ...transport });
  const states: StateMessage[] = [];
  const events: string[] = [];
  let role: Role | undefined;
  socket.on('show:state', (m) => states.push(m));
  return new Promise((resolve, reject) => {
    socket.on('connect_error', (err) => {
      socket.close();
      reject(err);
    });
    socket.on('session:role', (info) => {
      role = info.role;
    });
    socket.once('show:snapshot', (snapshot) => {
      // The connect sequence ends with `node:status` right after the snapshot (backup laptop); it is
      // part of connecting, not a change, so it is not counted among the events.
      let greeted = false;
      socket.onAny((name: string) => {
        const skip = !greeted && name === 'node:status';
        greeted = true;
        if (!skip) events.push(name);
      });
      resolve({
        socket,
        role: role as Role,
        snapshot,
        states,
        events,
        send: (command) => new Promise((res) => socket.emit('show:command', command, res)),
        close: () => socket.close(),
      });
    });
  });
}

export const mc = (url: string, label = 'MC test') => connect(url, { protocol: PROTOCOL_VERSION, pin: MC_PIN, label });
export const av = (url: string, label = 'AV test') => connect(url, { protocol: PROTOCOL_VERSION, pin: AV_PIN, label });

export async function post(url: string, body: unknown, pin?: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}/api/v1/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(pin ? { authorization: `Bearer ${pin}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

export async function getJson(url: string, path: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}${path}`);
  return { status: res.status, json: await res.json() };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until `check` is true (polling every 10 ms), or fail after `ms`. */
export async function until(check: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
