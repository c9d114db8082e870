/**
 * The Socket.IO contract both ends import: event maps, handshake, payloads and error codes.
 * Events are named `entity:verb`: commands imperative (`show:command`), facts as state (`show:state`).
 */
import type { Slot } from './derive';
import type { LiveState } from './live';
import type { Programme } from './programme';
import type { RunRecord, Visit } from './record';
import type { Command, Role } from './commands';
import type { Position } from './live';
import type { RunReport } from './report';

/** Bumped on any incompatible change; older clients are refused with a reason. */
export const PROTOCOL_VERSION = 1;

export const ERROR_CODES = [
  'invalid_json', 'invalid_command', 'unauthorized', 'forbidden', 'stale', 'unknown_item', 'not_possible',
  'too_large', 'too_many_attempts', 'storage_unavailable', 'protocol_mismatch', 'not_found', 'too_many_connections',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_json: 400, invalid_command: 400, unauthorized: 401, forbidden: 403, stale: 409, unknown_item: 409,
  not_possible: 409, too_large: 413, too_many_attempts: 429, storage_unavailable: 503, protocol_mismatch: 400, not_found: 404,
  too_many_connections: 429,
};

export interface ApiError {
  error: { code: ErrorCode; message: string; details?: string[] };
}

/** The answer to a command, over HTTP (200) and as a Socket.IO acknowledgement. */
export type CommandAck = { revision: number; live: LiveState } | ApiError;

/** Visits appended or closed by a change (the run record travels as deltas after the snapshot). */
export interface RecordTail {
  runId: string;
  /** Index in `record.visits` of the first visit given; earlier ones are unchanged. */
  from: number;
  visits: Visit[];
}

/** Full picture: sent on connect and on request after a revision gap. */
export interface Snapshot {
  revision: number;
  serverTime: number;
  programme: Programme;
  live: LiveState;
  record: RunRecord;
  now: Slot | null;
  next: Slot | null;
}

/** One message per accepted change. `programme` only when the change edited it. */
export interface StateMessage {
  revision: number;
  serverTime: number;
  live: LiveState;
  now: Slot | null;
  next: Slot | null;
  recordTail?: RecordTail;
  programme?: Programme;
}

export interface TimeSyncReply {
  /** Client send time, echoed. */
  t0: number;
  /** Server receive time. */
  t1: number;
  /** Server send time. */
  t2: number;
}

export interface ServerToClientEvents {
  'show:snapshot': (snapshot: Snapshot) => void;
  'show:state': (message: StateMessage) => void;
  'session:role': (info: { role: Role; label: string }) => void;
}

export interface ClientToServerEvents {
  'show:command': (command: unknown, ack: (result: CommandAck) => void) => void;
  'show:resync': (ack: (snapshot: Snapshot) => void) => void;
  'time:sync': (t0: number, ack: (reply: TimeSyncReply) => void) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

export interface SocketData {
  role: Role;
  label: string;
  address: string;
}

/** What a client sends in the Socket.IO handshake (`auth`). */
export interface HandshakeAuth {
  protocol: number;
  pin?: string;
  /** A human label for the audit log ("MC console 1", "Booth laptop"). */
  label?: string;
}

/** One run in the journal (rehearsals and the live run are separate runs). */
export interface RunListing {
  runId: string;
  firstRevision: number;
  lastRevision: number;
  firstAt: number;
  lastAt: number;
  commands: number;
  current: boolean;
}

/** One line of the audit log: when, who (role and label), what, at which revision. */
export interface AuditEntry {
  revision: number;
  at: number;
  role: Role;
  label: string;
  type: Command['type'];
  command: Command;
  from: Position | null;
  to: Position | null;
}

/** `GET /api/v1/report[?runId=]`. */
export interface ReportResponse {
  runId: string;
  current: boolean;
  runs: RunListing[];
  report: RunReport;
  audit: AuditEntry[];
}

export const isApiError = (x: unknown): x is ApiError =>
  typeof x === 'object' && x !== null && 'error' in x && typeof (x as ApiError).error?.code === 'string';
