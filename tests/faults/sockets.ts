/** Real socket.io-client screens and consoles, as the client connects them (protocol version, PIN, label). */
import { io, type Socket } from 'socket.io-client';
import type { CommandAck, ServerToClientEvents, ClientToServerEvents, Snapshot } from '@shared/protocol';
import { PROTOCOL_VERSION } from '@shared/protocol';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Screen {
  socket: ClientSocket;
  /** The latest revision this screen has seen (snapshot or state message). */
  revision: number;
  snapshots: number;
  messages: number;
  /** Everything the server sent it, serialised, for leak checks. */
  received: string[];
}

export interface ScreenOptions {
  pin?: string;
  label?: string;
  /** Keep every payload received (for leak checks). */
  keep?: boolean;
  reconnect?: boolean;
  /** As the real client connects: HTTP long-polling first, then the WebSocket upgrade. */
  likeBrowser?: boolean;
}

export function openScreen(url: string, opts: ScreenOptions = {}): Screen {
  const socket: ClientSocket = io(url, {
    // The browser client's own settings (client/socket.ts) when asked; else straight to WebSocket.
    ...(opts.likeBrowser ? { reconnectionDelay: 500, reconnectionDelayMax: 3000 } : { transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 2000 }),
    auth: { protocol: PROTOCOL_VERSION, ...(opts.pin ? { pin: opts.pin } : {}), label: opts.label ?? 'fault suite' },
    reconnection: opts.reconnect ?? true,
    forceNew: true,
  });
  const screen: Screen = { socket, revision: -1, snapshots: 0, messages: 0, received: [] };
  // As client/socket.ts does: a server that closes the socket on purpose (a graceful restart) is
  // not retried by socket.io itself.
  if (opts.likeBrowser) socket.on('disconnect', (reason) => reason === 'io server disconnect' && void setTimeout(() => socket.connect(), 1000));
  socket.on('show:snapshot', (s: Snapshot) => {
    screen.revision = s.revision;
    screen.snapshots++;
    if (opts.keep) screen.received.push(JSON.stringify(s));
  });
  socket.on('show:state', (m) => {
    screen.messages++;
    if (m.revision === screen.revision + 1) screen.revision = m.revision;
    else if (m.revision > screen.revision) {
      // A gap: ask for the whole picture, as the client does.
      socket.emit('show:resync', (s) => {
        screen.revision = Math.max(screen.revision, s.revision);
      });
    }
    if (opts.keep) screen.received.push(JSON.stringify(m));
  });
  if (opts.keep) socket.on('session:role', (x) => screen.received.push(JSON.stringify(x)));
  return screen;
}

export function connected(screen: Screen, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not get its snapshot in time')), timeoutMs);
    screen.socket.once('connect_error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    const check = () => (screen.snapshots > 0 ? (clearTimeout(timer), resolve()) : void setTimeout(check, 10));
    check();
  });
}

export function command(screen: Screen, body: unknown, timeoutMs = 10_000): Promise<CommandAck> {
  return screen.socket.timeout(timeoutMs).emitWithAck('show:command', body);
}

/**
 * Back on line: resolves once the socket is connected again and a fresh snapshot has arrived
 * (`connected` alone would resolve on the first connection's snapshot).
 */
export function reconnected(screen: Screen, timeoutMs = 10_000): Promise<void> {
  if (screen.socket.connected) return Promise.resolve();
  const before = screen.snapshots;
  return new Promise((resolve, reject) => {
    const end = Date.now() + timeoutMs;
    const check = () => {
      if (screen.socket.connected && screen.snapshots > before) resolve();
      else if (Date.now() > end) reject(new Error(`socket not back within ${timeoutMs} ms`));
      else setTimeout(check, 20);
    };
    check();
  });
}
