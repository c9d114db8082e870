/**
 * The only Socket.IO connection of the page. It feeds the store from outside React: the snapshot
 * on connect, one state message per change (a revision gap asks for a fresh snapshot), the
 * connection status, and the clock offset (best of several time:sync round trips, redone every
 * five minutes, after a reconnect and when a hidden tab becomes visible again).
 */
import { io, type Socket } from 'socket.io-client';
import { ClockSync } from '@shared/clock-sync';
import type { CommandInput } from '@shared/commands';
import type { LiveState } from '@shared/live';
import {
  type ClientToServerEvents,
  isApiError,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  type TimeSyncReply,
} from '@shared/protocol';
import { applySnapshot, applyStateMessage, setAuthError, setClock, setConnection, setRole, useShow } from './store';

type ShowSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const RESYNC_EVERY_MS = 5 * 60_000;
const OFFLINE_AFTER_MS = 30_000;
const COMMAND_TIMEOUT_MS = 5_000;

let socket: ShowSocket | null = null;
let currentPin: string | undefined;
let clockSync: ClockSync | null = null;
let resyncing = false;
let timers: number[] = [];

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
  const s: ShowSocket = io({
    auth: { protocol: PROTOCOL_VERSION, ...(opts.pin ? { pin: opts.pin } : {}), ...(opts.label ? { label: opts.label } : {}) },
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
    setConnection('online');
    void syncClock();
  });
  s.on('disconnect', (reason) => {
    setConnection('reconnecting');
    // The server closed us on purpose (e.g. it restarts): socket.io does not retry by itself then.
    if (reason === 'io server disconnect') window.setTimeout(() => socket === s && s.connect(), 1000);
  });
  s.on('connect_error', (err) => {
    const code = errorCode(err);
    if (code === 'unauthorized' || code === 'forbidden') return refuse(s, 'wrong_pin');
    if (code === 'too_many_attempts') return refuse(s, 'too_many_attempts');
    if (code === 'protocol_mismatch') return refuse(s, 'protocol');
    setConnection(useShow.getState().connection.status === 'connecting' ? 'connecting' : 'reconnecting');
    if (!s.active) window.setTimeout(() => socket === s && s.connect(), 2000);
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

  timers = [
    window.setInterval(() => void syncClock(), RESYNC_EVERY_MS),
    window.setInterval(() => {
      const { status, since } = useShow.getState().connection;
      if (status === 'reconnecting' && (!navigator.onLine || Date.now() - since > OFFLINE_AFTER_MS)) setConnection('offline');
    }, 1000),
  ];
  document.addEventListener('visibilitychange', onVisible);
}

export function disconnect(): void {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
  clockSync = null;
  timers.forEach((id) => window.clearInterval(id));
  timers = [];
  document.removeEventListener('visibilitychange', onVisible);
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
  if (estimate && sync === clockSync) setClock(estimate.offset, estimate.rtt);
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
