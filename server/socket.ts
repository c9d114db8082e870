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
  type Snapshot,
  type SocketData,
  type StateMessage,
  WHOLE_PROGRAMME_PROTOCOL,
} from '@shared/protocol';
import { forProtocol, snapshotForProtocol, speaksPatches } from '@shared/messages';
import type { Instant } from '@shared/time';
import type { Admission } from './admission';
import type { Auth } from './auth';
import { apiError } from './errors';
import { cleanLabel, clientAddress } from './http/api';
import type { Logger } from './log';
import type { ShowPort } from './show-service';
import { timeSyncReply } from './clock-sync';
import { Roster } from './roster';

export type BatonServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type BatonSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Room big enough for a 1 MB programme edit with its JSON framing. */
export const MAX_SOCKET_MESSAGE_BYTES = 1_200_000;

const DEFAULT_LABEL: Record<Role, string> = { mc: 'MC console', av: 'AV booth', viewer: 'screen' };

/** A refusal the client sees as `connect_error` with `err.message` and `err.data.code`. */
function refusal(code: 'protocol_mismatch' | 'unauthorized' | 'too_many_attempts' | 'too_many_connections', message: string): Error & { data: unknown } {
  return Object.assign(new Error(message), { data: apiError(code, message).error });
}

export interface SocketDeps {
  service: ShowPort;
  auth: Auth;
  clock: () => Instant;
  log: Logger;
  admission: Admission;
  /** Joins this node to others (server/scale: Redis Streams or Node's cluster); default in-memory. */
  adapter?: ServerOptions['adapter'];
  /** The device roster (RB5); one is made when not given. */
  roster?: Roster;
}

/** The engine.io connection under a Socket.IO socket, as far as admission needs it. */
interface RawConnection {
  remoteAddress: string;
  request: unknown;
  once(event: 'close', listener: () => void): void;
  close(): void;
}

export function attachSockets(httpServer: HttpServer, deps: SocketDeps): BatonServer {
  const { service, auth, clock, log, admission } = deps;
  const roster = deps.roster ?? new Roster(clock);
  const io: BatonServer = new Server(httpServer, {
    serveClient: false,
    // Screens fail over to the other laptop (another origin); no cookies: auth is the handshake PIN.
    cors: { origin: true, credentials: false },
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    // Transport keep-alive only (no application traffic); a dead screen is noticed within a minute.
    pingInterval: 25_000,
    pingTimeout: 20_000,
    // A real client names its namespace at once; a connection that never does is closed, not kept 45 s.
    connectTimeout: 10_000,
    // [A1][A2] Before the engine allocates anything for the connection.
    allowRequest: (req, answer) => {
      const reason = admission.refuseConnection(clientAddress(req.socket.remoteAddress));
      answer(reason, reason === null);
    },
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });

  io.engine.on('connection', (raw: RawConnection) => {
    raw.once('close', admission.connected(clientAddress(raw.remoteAddress)));
    forgetRequest(raw);
  });

  io.use((socket, next) => {
    const hs = (socket.handshake.auth ?? {}) as Partial<HandshakeAuth>;
    const address = clientAddress(socket.handshake.address);
    // [D3] No `protocol` at all is any Socket.IO client (a script, Companion): it gets protocol 1,
    // whole programmes. Protocol 1 and 2 are served; a client that names another version is told to reload.
    if (hs.protocol != null && hs.protocol !== PROTOCOL_VERSION && hs.protocol !== WHOLE_PROGRAMME_PROTOCOL) {
      const theirs = typeof hs.protocol === 'number' ? `protocol ${hs.protocol}` : `protocol ${JSON.stringify(String(hs.protocol).slice(0, 20))}`;
      return next(refusal('protocol_mismatch', `this screen speaks ${theirs} but the server speaks protocol ${WHOLE_PROGRAMME_PROTOCOL} to ${PROTOCOL_VERSION}: reload the page to get the current version`));
    }
    const check = auth.check(typeof hs.pin === 'string' ? hs.pin : undefined, address);
    if (!check.ok) {
      if (check.code === 'unauthorized') log.warn(`wrong PIN on a socket from ${address}`);
      return next(refusal(check.code, check.message));
    }
    const crowded = admission.refuseSocket(address, check.role);
    if (crowded) {
      // The refusal goes out first (engine.io drains its buffer before closing), then the descriptor is freed.
      setImmediate(() => (socket.conn as unknown as RawConnection).close());
      return next(refusal('too_many_connections', crowded));
    }
    socket.data = { role: check.role, label: cleanLabel(hs.label, DEFAULT_LABEL[check.role]), address };
    next();
  });

  io.on('connection', (socket: BatonSocket) => {
    const { role, label } = socket.data;
    if (role === 'viewer') socket.once('disconnect', admission.viewerJoined(socket.data.address));
    // [D3] One room per protocol: each change is encoded once per form, whatever the audience.
    const patches = speaksPatches((socket.handshake.auth as Partial<HandshakeAuth> | undefined)?.protocol);
    void socket.join(patches ? PATCH_ROOM : WHOLE_ROOM);
    socket.emit('session:role', { role, label });
    socket.emit('show:snapshot', snapshotForProtocol(service.snapshot(), patches));
    // [RB5] The roster: who is here, last heard from (any event or transport pong), and what it measured.
    roster.joined(socket.id, socket.data);
    socket.once('disconnect', () => roster.left(socket.id));
    socket.conn.on('packet', () => roster.seen(socket.id));
    socket.on('client:report', (report) => roster.report(socket.id, report));
    socket.on('roster:get', (ack) => {
      if (typeof ack !== 'function') return;
      ack(socket.data.role === 'mc' ? roster.list() : apiError('forbidden', 'the device roster is for the MC console'));
    });

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
      if (typeof ack === 'function') ack(snapshotForProtocol(service.snapshot(), patches));
    });
    socket.on('time:sync', (t0, ack) => {
      if (typeof ack !== 'function' || typeof t0 !== 'number' || !Number.isFinite(t0)) return;
      ack(timeSyncReply(t0, clock));
    });
  });

  // This node's screens only: other nodes hear the change from the writer and tell their own.
  service.onChange((message) => emitState(io, message));
  return io;
}

/** Rooms of this node's screens by protocol: whole programmes (protocol 1, none) or patches (2). */
export const WHOLE_ROOM = 'protocol:1';
export const PATCH_ROOM = 'protocol:2';

/** [D3] One change to this node's screens: one encoding per protocol form (one in all when the programme did not change). */
export function emitState(io: BatonServer, message: StateMessage): void {
  if (!message.programme && !message.patch) {
    io.local.emit('show:state', message);
    return;
  }
  io.local.to(WHOLE_ROOM).emit('show:state', forProtocol(message, false));
  io.local.to(PATCH_ROOM).emit('show:state', forProtocol(message, true));
}

/** [D3] A fresh snapshot to every screen of this node, in its protocol's form. */
export function emitSnapshot(io: BatonServer, snapshot: Snapshot): void {
  io.local.to(WHOLE_ROOM).emit('show:snapshot', snapshotForProtocol(snapshot, false));
  io.local.to(PATCH_ROOM).emit('show:snapshot', snapshotForProtocol(snapshot, true));
}

/**
 * [A5] A screen's upgrade request stays referenced for the life of its connection (engine.io keeps
 * it, and its WebSocket response object listens on the TCP socket): drop what it holds — a browser
 * sends a kilobyte or more of headers — once the handshake has read it. Socket.IO builds the
 * handshake without it (address from the connection, auth from the CONNECT packet).
 */
function forgetRequest(raw: RawConnection): void {
  const request = raw.request as { rawHeaders?: string[]; headers?: unknown; _query?: unknown } | null;
  raw.request = null;
  if (!request) return;
  request.rawHeaders = [];
  request.headers = {};
  request._query = {};
}

/** Size of a socket payload as JSON; null when it cannot be serialised (absurdly deep nesting). */
function byteSize(value: unknown): number | null {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return null;
  }
}
