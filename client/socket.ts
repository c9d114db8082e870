/**
 * The only Socket.IO connection of the page. It feeds the store from outside React: the snapshot
 * on connect, one state message per change (a revision gap asks for a fresh snapshot), the
 * connection status, and the clock offset (best of several time:sync round trips, redone every
 * five minutes, after a reconnect and when a hidden tab becomes visible again).
 *
 * Failover (issue 10, B20–B23): the page knows every server address it has heard of (its own
 * origin, `?servers=`, and what each server's `node:status` names, remembered in localStorage).
 * When its server is gone it asks all of them every second which is the primary and follows that
 * one — a new socket, no reload — while the store keeps the last state, so countdowns run on.
 */
import { io, type Socket } from 'socket.io-client';
import { ClockSync } from '@shared/clock-sync';
import type { CommandInput } from '@shared/commands';
import type { LiveState } from '@shared/live';
import {
  type ClientToServerEvents,
  isApiError,
  type NodeStatus,
  PROTOCOL_VERSION,
  type RosterReply,
  type ServerToClientEvents,
  type TimeSyncReply,
} from '@shared/protocol';
import { addressesOf, chooseServer, mergeServers, nodeFromInfo, type Probe, serversOption } from './server-choice';
import { applySnapshot, applyStateMessage, connectedTo, setAuthError, setClock, setConnection, setKnownServers, setNode, setRole, useShow } from './store';

type ShowSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const RESYNC_EVERY_MS = 5 * 60_000;
const OFFLINE_AFTER_MS = 30_000;
const COMMAND_TIMEOUT_MS = 5_000;
/** While its server is gone a page asks the others this often; a dead host must not hold up the next round. */
const LOOK_EVERY_MS = 1000;
const PROBE_TIMEOUT_MS = 800;
const REMEMBER_KEY = `baton.servers:${window.location.origin}`;

let socket: ShowSocket | null = null;
let currentPin: string | undefined;
let clockSync: ClockSync | null = null;
let resyncing = false;
let timers: number[] = [];
let currentLabel: string | undefined;
/** The server this page follows; it changes only by failing over. */
let server = window.location.origin;
/** Addresses from this page's life (origin, `?servers=`, node statuses) ahead of remembered ones, so old ones never crowd them out. */
let told = mergeServers([server], serversOption(window.location.search));
const remembered = readRemembered();
/** The newest promotion seen: a primary below it has been replaced and is never followed. */
let newestEpoch = 0;
let lookTimer = 0;
let probing = false;

export interface ConnectOptions {
  pin?: string;
  /** Who this is in the audit log ("MC console", "AV booth"). */
  label?: string;
}

/** Connect (or stay connected) with these credentials; a different PIN replaces the connection. */
export function connect(opts: ConnectOptions = {}): void {
  if (socket && currentPin === opts.pin) return;
  disconnect();
  setRole(null);
  currentPin = opts.pin;
  currentLabel = opts.label;
  setKnownServers(known());
  open(server);
  timers = [
    window.setInterval(() => void syncClock(), RESYNC_EVERY_MS),
    window.setInterval(() => {
      const { status, since } = useShow.getState().connection;
      if (status === 'reconnecting' && (!navigator.onLine || Date.now() - since > OFFLINE_AFTER_MS)) setConnection('offline');
    }, 1000),
  ];
  document.addEventListener('visibilitychange', onVisible);
}

/** One socket to one server, with every handler; a failover drops it and opens another. */
function open(url: string): void {
  const s: ShowSocket = io(url, {
    auth: { protocol: PROTOCOL_VERSION, ...(currentPin ? { pin: currentPin } : {}), ...(currentLabel ? { label: currentLabel } : {}) },
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
  socket = s;
  clockSync = new ClockSync(
    (t0) =>
      new Promise<TimeSyncReply>((resolve, reject) => {
        s.timeout(3000).emit('time:sync', t0, (err, reply) => (err ? reject(err) : resolve(reply)));
      }),
    () => Date.now(),
    8,
  );

  s.on('connect', () => {
    stopLooking();
    connectedTo(url);
    setConnection('online');
    void syncClock();
  });
  s.on('disconnect', (reason) => {
    setConnection('reconnecting');
    // The server closed us on purpose (e.g. it restarts): socket.io does not retry by itself then.
    if (reason === 'io server disconnect') window.setTimeout(() => socket === s && s.connect(), 1000);
    startLooking();
  });
  s.on('connect_error', (err) => {
    const code = errorCode(err);
    if (code === 'unauthorized' || code === 'forbidden') return refuse(s, 'wrong_pin');
    if (code === 'too_many_attempts') return refuse(s, 'too_many_attempts');
    if (code === 'protocol_mismatch') return refuse(s, 'protocol');
    setConnection(useShow.getState().connection.status === 'connecting' ? 'connecting' : 'reconnecting');
    if (!s.active) window.setTimeout(() => socket === s && s.connect(), 2000);
    startLooking();
  });
  s.on('session:role', ({ role }) => setRole(role));
  s.on('show:snapshot', (snap) => {
    // Until the first round trip is measured, the snapshot's server time is a fair first guess.
    if (useShow.getState().clock.rtt === null) setClock(snap.serverTime - Date.now(), null);
    applySnapshot(snap);
  });
  s.on('show:state', (message) => {
    if (!applyStateMessage(message)) resync();
  });
  s.on('node:status', (node) => {
    setNode(node);
    learn(node);
  });
}

export function disconnect(): void {
  stopLooking();
  dropSocket();
  timers.forEach((id) => window.clearInterval(id));
  timers = [];
  document.removeEventListener('visibilitychange', onVisible);
}

function dropSocket(): void {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
  clockSync = null;
}

function onVisible(): void {
  if (document.visibilityState !== 'visible') return;
  void syncClock();
  resync(); // a sleeping device may have missed messages while its socket looked alive
}

function refuse(s: ShowSocket, reason: 'wrong_pin' | 'too_many_attempts' | 'protocol'): void {
  s.disconnect();
  if (socket === s) disconnect();
  currentPin = undefined;
  setAuthError(reason);
}

function errorCode(err: Error & { data?: unknown }): string {
  const data = err.data as { code?: unknown; error?: { code?: unknown } } | undefined;
  const code = data?.code ?? data?.error?.code;
  return typeof code === 'string' ? code : err.message;
}

async function syncClock(): Promise<void> {
  const sync = clockSync;
  if (!sync || !socket?.connected) return;
  const estimate = await sync.sync();
  if (estimate && sync === clockSync) {
    setClock(estimate.offset, estimate.rtt);
    // [RB5] For the MC's device roster: what this screen measured, and which page it is.
    socket?.emit('client:report', { offsetMs: estimate.offset, rttMs: estimate.rtt, page: window.location.pathname });
  }
}

/** Ask for a full snapshot (after a revision gap or a wake-up). */
export function resync(): void {
  const s = socket;
  if (!s?.connected || resyncing) return;
  resyncing = true;
  s.timeout(5000).emit('show:resync', (err, snap) => {
    resyncing = false;
    if (!err && snap) applySnapshot(snap);
  });
}

export type CommandResult = { ok: true; revision: number; live: LiveState } | { ok: false; code: string; message: string };

/** The device roster (RB6); only an MC connection gets it. */
export function fetchRoster(): Promise<RosterReply | null> {
  const s = socket;
  if (!s?.connected) return Promise.resolve(null);
  return new Promise((resolve) => {
    s.timeout(COMMAND_TIMEOUT_MS).emit('roster:get', (err, reply) => resolve(err || isApiError(reply) ? null : reply));
  });
}

/** Send one command; the new state arrives for everyone (us included) as `show:state`. */
export function sendCommand(command: CommandInput): Promise<CommandResult> {
  const s = socket;
  if (!s?.connected) return Promise.resolve({ ok: false, code: 'offline', message: 'not connected to the server' });
  return new Promise((resolve) => {
    s.timeout(COMMAND_TIMEOUT_MS).emit('show:command', command, (err, ack) => {
      if (err) resolve({ ok: false, code: 'timeout', message: 'the server did not answer' });
      else if (isApiError(ack)) resolve({ ok: false, code: ack.error.code, message: ack.error.message });
      else resolve({ ok: true, revision: ack.revision, live: ack.live });
    });
  });
}

// ---- Failover (issue 10) ----

const known = (): string[] => mergeServers(told, remembered);

function readRemembered(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(REMEMBER_KEY) ?? '[]');
    return Array.isArray(list) ? mergeServers([], list.filter((u): u is string => typeof u === 'string')) : [];
  } catch {
    return [];
  }
}

/** Every address a server names joins the list (and is remembered for the next load of this page). */
function learn(node: NodeStatus): void {
  newestEpoch = Math.max(newestEpoch, node.epoch);
  const more = mergeServers(told, addressesOf(node));
  if (more.length === told.length) return;
  told = more;
  setKnownServers(known());
  try {
    localStorage.setItem(REMEMBER_KEY, JSON.stringify(told));
  } catch {
    /* storage refused (private mode): known for this page's life only */
  }
}

function startLooking(): void {
  // With one address there is nothing to choose: socket.io's own reconnection is the whole story.
  if (lookTimer || known().length < 2) return;
  lookTimer = window.setInterval(() => void look(), LOOK_EVERY_MS);
  void look();
}

function stopLooking(): void {
  window.clearInterval(lookTimer);
  lookTimer = 0;
}

/**
 * `AbortSignal.timeout` is Chrome 103 / Safari 16 / Firefox 100: an older screen would throw here
 * and never find the backup laptop (rule L3). An AbortController and a timer do the same; a browser
 * with neither (Safari < 12.1) sends the request without a timeout.
 */
export function timeoutSignal(ms: number): AbortSignal | null {
  if (typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms);
  if (typeof AbortController === 'undefined') return null;
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
}

async function probe(url: string): Promise<Probe> {
  try {
    const res = await fetch(`${url}/api/v1/info`, { cache: 'no-store', signal: timeoutSignal(PROBE_TIMEOUT_MS) });
    return { url, node: res.ok ? nodeFromInfo(await res.json()) : null };
  } catch {
    return { url, node: null };
  }
}

/** One round: ask every known server what it is; follow the primary if it is another one. */
async function look(): Promise<void> {
  const s = socket;
  if (!s || s.connected) return stopLooking();
  if (probing) return;
  probing = true;
  const probes = await Promise.all(known().map(probe)).finally(() => (probing = false));
  if (socket !== s || s.connected) return;
  for (const p of probes) if (p.node) learn(p.node);
  const next = chooseServer(server, probes, newestEpoch);
  if (next === null) return; // nobody is primary yet (the backup waits to be promoted): keep counting
  if (next === server) {
    if (!s.active) s.connect();
    return;
  }
  stopLooking();
  dropSocket();
  server = next;
  // Another machine, another clock: measure the offset afresh (the snapshot gives the first guess).
  setClock(useShow.getState().clock.offset, null);
  open(next);
}

export type PromoteResult = { ok: true } | { ok: false; code: string; message: string };

/** Makes the backup this page follows the primary (`POST /api/v1/promote` with the MC PIN). */
export async function promote(): Promise<PromoteResult> {
  try {
    const res = await fetch(`${server}/api/v1/promote`, {
      method: 'POST',
      headers: { authorization: `Bearer ${currentPin ?? ''}` },
      signal: timeoutSignal(COMMAND_TIMEOUT_MS),
    });
    const body: unknown = await res.json().catch(() => null);
    if (isApiError(body)) return { ok: false, code: body.error.code, message: body.error.message };
    if (!res.ok) return { ok: false, code: String(res.status), message: res.statusText };
    const node = nodeFromInfo(body);
    if (node) setNode(node); // node:status follows too; this shows the change at once
    return { ok: true };
  } catch {
    return { ok: false, code: 'offline', message: 'the server did not answer' };
  }
}
