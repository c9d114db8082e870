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
import type { ProgrammePatch } from './patch';
import type { Readiness } from './readiness';

/**
 * The protocol this build speaks, announced in the handshake (`auth.protocol`). [D3] Version 2
 * added programme patches and honourees by reference; a socket announcing 1, or no version at all
 * (any Socket.IO tool, Companion), gets whole programmes exactly as protocol 1 defined them.
 */
export const PROTOCOL_VERSION = 2;
/** The oldest protocol still served (whole programmes, honourees inline). Anything outside 1…2 is refused with a reason. */
export const WHOLE_PROGRAMME_PROTOCOL = 1;

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
  /** [D1] Protocol 2: the programme's version (content hash), the base the next patch must name. */
  programmeVersion?: string;
  /** The readiness board (issue 13, RB1); optional for servers and relays that do not send it. */
  readiness?: Readiness;
}

/**
 * One message per accepted change. `programme` only when the change edited it. Protocol 2: an item
 * edit, removal or move comes as `patch` instead of `programme`; `replaceProgramme` comes as
 * `programme` with its `programmeVersion`.
 */
export interface StateMessage {
  revision: number;
  serverTime: number;
  live: LiveState;
  now: Slot | null;
  next: Slot | null;
  recordTail?: RecordTail;
  programme?: Programme;
  /** [D1] With `programme` (protocol 2): its version. */
  programmeVersion?: string;
  /** [D2] Protocol 2: the programme change, to apply on the programme at `patch.base`. */
  patch?: ProgrammePatch;
  /** The whole readiness board, only when the change ticked, unticked or edited it (RB2). */
  readiness?: Readiness;
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
  /** On connect (after the snapshot) and whenever the node's role or replication health changes. */
  'node:status': (status: NodeStatus) => void;
  /** Primary → its backup: accepted journal entries, in order; the ack says what is durable there. */
  'journal:entries': (batch: JournalBatch, ack: (reply: JournalAck) => void) => void;
  /** Primary → its backup while idle (every few hundred ms): still here, at this revision. */
  'journal:heartbeat': (beat: JournalHeartbeat, ack: (reply: JournalAck) => void) => void;
}

/** One screen in the device roster (RB5). */
export interface RosterEntry {
  /** The socket's id on this node. */
  id: string;
  role: Role;
  label: string;
  address: string;
  /** The page it shows (`/speaker`), once it has said so. */
  page: string | null;
  connected: boolean;
  connectedAt: number;
  /** Last heard from (server time); for a closed screen, when it closed. */
  lastSeen: number;
  /** Its clock offset to the server (server − device, ms), as it measured it; null until reported. */
  offsetMs: number | null;
  rttMs: number | null;
}

/** `roster:get` (MC sockets only): the screens of this node, consoles first. */
export interface RosterReply {
  serverTime: number;
  /** A closed screen is listed as stale this long, then removed. */
  forgetAfterMs: number;
  /** Screens held (connected and stale), and how many of them are connected; `screens` may be cut at 300. */
  total: number;
  connected: number;
  screens: RosterEntry[];
}

/** What a screen says of itself after each clock sync (`client:report`). */
export interface ClientReport {
  offsetMs: number;
  rttMs: number;
  page: string;
}

export interface ClientToServerEvents {
  'show:command': (command: unknown, ack: (result: CommandAck) => void) => void;
  'show:resync': (ack: (snapshot: Snapshot) => void) => void;
  'time:sync': (t0: number, ack: (reply: TimeSyncReply) => void) => void;
  /** Issue 13 (RB5): the screen's measured clock offset and its page, for the device roster. No answer. */
  'client:report': (report: ClientReport) => void;
  /** Issue 13 (RB6): the device roster; MC sockets only (others get `forbidden`). */
  'roster:get': (ack: (reply: RosterReply | ApiError) => void) => void;
  /** A backup (MC PIN) asks to follow this node's journal from where its own store stopped. */
  'journal:follow': (request: JournalFollow, ack: (reply: JournalWelcome | ApiError) => void) => void;
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

/** Which machine this is in a primary/backup pair (`GET /api/v1/info` → `node`, and `node:status`). */
export interface NodeStatus {
  role: 'primary' | 'backup';
  /** Promotion epoch: +1 at every promotion; the higher epoch is the primary. */
  epoch: number;
  /** This node's URL as the others reach it, if known. */
  self: string | null;
  /** Backup: the primary it follows; primary: null. */
  primaryUrl: string | null;
  /** Primary: URLs of attached backups. */
  backupUrls: string[];
  /** Primary: a backup was attached and has not answered for more than 1 s. */
  backupLost: boolean;
  /** Backup: connected to the primary. */
  primaryReachable: boolean;
  /** Backup: revisions behind the primary, null when unknown. */
  behind: number | null;
  /** The revision this node holds. */
  revision: number;
  /** Backup: why it is not following, in plain words (wrong PIN, unreachable, different show…); else null. */
  problem: string | null;
}

/** One journal entry as it travels to a backup (validated there: it is untrusted input). */
export interface JournalWireEntry {
  revision: number;
  at: number;
  runId: string;
  command: Command;
  from: Position | null;
  to: Position | null;
  actor: { role: Role; label: string; address: string };
}

/** From which epoch on (entries after `fromRevision`) each promotion wrote the journal. */
export interface EpochStart {
  epoch: number;
  fromRevision: number;
}

export interface JournalFollow {
  /** The backup's last revision and the time of that entry (null for an empty journal). */
  revision: number;
  lastAt: number | null;
  epoch: number;
  /** The URL the backup is reachable at (shown on the primary, remembered for fencing). */
  url: string | null;
}

export interface JournalWelcome {
  epoch: number;
  epochs: EpochStart[];
  /** The primary's revision now. */
  revision: number;
  /** Set when the backup holds entries the primary never had (an old primary): keep up to here, discard the rest, then follow again. */
  truncateAfter?: number;
  /** The primary's revision-0 state, for a backup with an empty journal (so both start from the same seed). */
  base?: unknown;
}

export interface JournalBatch {
  entries: JournalWireEntry[];
  /** The primary's revision when the batch was sent. */
  revision: number;
}

export interface JournalHeartbeat {
  revision: number;
  epoch: number;
}

/** What the backup holds durably (`revision`), or why it refused the batch. */
export type JournalAck = { revision: number } | ApiError;

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
