/**
 * Socket.IO: the handshake decides the role (protocol version, then PIN), then every socket gets
 * its role and a full snapshot; commands, resyncs and clock-sync exchanges are acknowledged.
 * Changes reach this node's screens through one `io.local.emit` per change: encoded once, whatever
 * the audience (other nodes' screens hear it from their relay, server/scale).
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { Role } from '@shared/commands';
import {
  type ClientToServerEvents,
  type HandshakeAuth,
  type InterServerEvents,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  type SocketData,
} from '@shared/protocol';
import type { Instant } from '@shared/time';
import type { Auth } from './auth';
import { apiError } from './errors';
import { cleanLabel, clientAddress } from './http/api';
import type { Logger } from './log';
import type { ShowPort } from './show-service';
import { timeSyncReply } from './clock-sync';

export type BatonServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type BatonSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Room big enough for a 1 MB programme edit with its JSON framing. */
export const MAX_SOCKET_MESSAGE_BYTES = 1_200_000;

const DEFAULT_LABEL: Record<Role, string> = { mc: 'MC console', av: 'AV booth', viewer: 'screen' };

/** A refusal the client sees as `connect_error` with `err.message` and `err.data.code`. */
function refusal(code: 'protocol_mismatch' | 'unauthorized' | 'too_many_attempts', message: string): Error & { data: unknown } {
  return Object.assign(new Error(message), { data: apiError(code, message).error });
}

export interface SocketDeps {
  service: ShowPort;
  auth: Auth;
  clock: () => Instant;
  log: Logger;
  /** Joins this node to others (server/scale: Redis Streams or Node's cluster); default in-memory. */
  adapter?: ServerOptions['adapter'];
}

export function attachSockets(httpServer: HttpServer, deps: SocketDeps): BatonServer {
  const { service, auth, clock, log } = deps;
  const io: BatonServer = new Server(httpServer, {
    serveClient: false,
    // Screens fail over to the other laptop (another origin); no cookies: auth is the handshake PIN.
    cors: { origin: true, credentials: false },
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    // Transport keep-alive only (no application traffic); a dead screen is noticed within a minute.
    pingInterval: 25_000,
    pingTimeout: 20_000,
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });

  io.use((socket, next) => {
    const hs = (socket.handshake.auth ?? {}) as Partial<HandshakeAuth>;
    const address = clientAddress(socket.handshake.address);
    // No `protocol` at all is any Socket.IO client (a script, Companion): it speaks the current
    // protocol. Only a client that names another version is told to reload.
    if (hs.protocol != null && hs.protocol !== PROTOCOL_VERSION) {
      const theirs = typeof hs.protocol === 'number' ? `protocol ${hs.protocol}` : `protocol ${JSON.stringify(String(hs.protocol).slice(0, 20))}`;
      return next(refusal('protocol_mismatch', `this screen speaks ${theirs} but the server speaks protocol ${PROTOCOL_VERSION}: reload the page to get the current version`));
    }
    const check = auth.check(typeof hs.pin === 'string' ? hs.pin : undefined, address);
    if (!check.ok) {
      if (check.code === 'unauthorized') log.warn(`wrong PIN on a socket from ${address}`);
      return next(refusal(check.code, check.message));
    }
    socket.data = { role: check.role, label: cleanLabel(hs.label, DEFAULT_LABEL[check.role]), address };
    next();
  });

  io.on('connection', (socket: BatonSocket) => {
    const { role, label } = socket.data;
    socket.emit('session:role', { role, label });
    socket.emit('show:snapshot', service.snapshot());

    socket.on('show:command', (command, ack) => {
      if (typeof ack !== 'function') return;
      const bytes = byteSize(command);
      if (bytes === null) return ack(apiError('invalid_command', 'the command is nested too deeply to be a command'));
      service.submit(command, socket.data, { bytes }).then(ack, (error: unknown) => {
        log.error(`show:command from ${socket.data.address} failed: ${String(error)}`);
        ack(apiError('not_possible', 'the server could not handle this command'));
      });
    });
    socket.on('show:resync', (ack) => {
      if (typeof ack === 'function') ack(service.snapshot());
    });
    socket.on('time:sync', (t0, ack) => {
      if (typeof ack !== 'function' || typeof t0 !== 'number' || !Number.isFinite(t0)) return;
      ack(timeSyncReply(t0, clock));
    });
  });

  // This node's screens only: other nodes hear the change from the writer and tell their own.
  service.onChange((message) => io.local.emit('show:state', message));
  return io;
}

/** Size of a socket payload as JSON; null when it cannot be serialised (absurdly deep nesting). */
function byteSize(value: unknown): number | null {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return null;
  }
}
