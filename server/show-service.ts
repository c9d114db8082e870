/**
 * The single writer. Every command, from a socket or HTTP, takes the same path:
 * size → parse → role → decide (pure reducer) → persist (one durable transaction) → publish → ack.
 * A command that fails any step changes nothing and gets a coded error.
 */
import { type Command, type CommandType, commandSchema, hasForbiddenKey, LARGE_COMMANDS, mayRoleSend } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import { readinessOf } from '@shared/readiness';
import { nowAndNext } from '@shared/derive';
import { initialShowState, type ShowState } from '@shared/live';
import { describeIssues } from '@shared/programme';
import type { ApiError, CommandAck, Snapshot, StateMessage } from '@shared/protocol';
import { applyCommand } from '@shared/reducer';
import type { Instant } from '@shared/time';
import { stateMessage } from '@shared/messages';
import { apiError } from './errors';
import type { Logger } from './log';
import { loadShowState } from './store/replay';
import { type Actor, type JournalRecord, type ShowStore, StorageError } from './store/store';

/**
 * What stands between the single writer and the machines around it (a backup laptop). The writer
 * asks it two generic questions and knows nothing of roles: the composition root decides them.
 */
export interface WriterGate {
  /** A refusal for every command while this node may not write (a backup), else null. */
  refusal(): ApiError | null;
  /**
   * Called once per accepted change, after it is durable here and before it is published; the
   * sender's ack waits for the promise (a backup's confirmation). An error settles the ack as one.
   */
  replicate(record: JournalRecord): Promise<ApiError | null> | null;
}

export const COMMAND_LIMIT_BYTES = 64 * 1024;
export const LARGE_COMMAND_LIMIT_BYTES = 1024 * 1024;

export interface ShowServiceDeps {
  store: ShowStore;
  clock: () => Instant;
  log: Logger;
  /** The state of an empty store (default: the default programme, ready). */
  seed?: () => ShowState;
  /** A snapshot is written every this many revisions (and at every reset). */
  snapshotEvery?: number;
  /**
   * Hardware double-press guard: a plain `next` (no `from`, no `expectedRevision`) from the same
   * client address within this many ms of its last accepted GO is refused as `stale`. 0 disables.
   */
  plainGoGuardMs?: number;
  gate?: WriterGate;
}

export interface SubmitOptions {
  /** Size of the command as received, in bytes (HTTP body, or the JSON of a socket payload). */
  bytes: number;
  /** Apply the double-press guard to a plain `next` (hardware controllers over HTTP). */
  guardPlainGo?: boolean;
}

/** `record` replayed on `state`, or why it is not what the reducer makes of it there. */
function replayOne(state: ShowState, record: JournalRecord): { state: ShowState } | { reason: string } {
  if (record.revision !== state.revision + 1) return { reason: `entry ${record.revision} does not follow revision ${state.revision}` };
  const outcome = applyCommand(state, record.command, record.at);
  if (!outcome.ok) return { reason: `entry ${record.revision} (${record.command.type}) does not replay: ${outcome.error.message}` };
  const e = outcome.entry;
  const same = e.runId === record.runId && JSON.stringify([e.from, e.to]) === JSON.stringify([record.from, record.to]);
  return same ? { state: outcome.state } : { reason: `entry ${record.revision} (${record.command.type}) replays to a different position or run here` };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The offending `type` in words, without serialising it (it may be nested thousands deep). */
const describeType = (type: unknown): string =>
  typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : type === undefined ? '(missing)' : Array.isArray(type) ? '(a list)' : `(${type === null ? 'null' : typeof type})`;

export const limitFor = (type: unknown): number =>
  typeof type === 'string' && (LARGE_COMMANDS as readonly string[]).includes(type) ? LARGE_COMMAND_LIMIT_BYTES : COMMAND_LIMIT_BYTES;

/** What sockets and HTTP need of the show: the writer offers it, and so does a relay (server/scale). */
export type ShowPort = Pick<ShowService, 'current' | 'snapshot' | 'submit' | 'onChange'>;

export class ShowService {
  private state: ShowState;
  private readonly listeners = new Set<(message: StateMessage) => void>();
  private readonly lastPlainGo = new Map<string, number>();
  private readonly snapshotEvery: number;
  private readonly plainGoGuardMs: number;

  constructor(private readonly deps: ShowServiceDeps) {
    this.snapshotEvery = deps.snapshotEvery ?? 100;
    this.plainGoGuardMs = deps.plainGoGuardMs ?? 1000;
    this.state = this.load();
  }

  private load(): ShowState {
    const seed = this.deps.seed ?? (() => initialShowState(defaultProgramme()));
    const { state, replayed } = loadShowState(this.deps.store, seed, this.snapshotEvery);
    this.deps.log.info(`show loaded at revision ${state.revision} (${state.live.runId}, ${state.live.phase}; ${replayed} journal entries replayed)`);
    return state;
  }

  get current(): ShowState {
    return this.state;
  }

  /** Called once per accepted change, after it is durable and before the sender's ack. */
  onChange(listener: (message: StateMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): Snapshot {
    const { revision, programme, live, record } = this.state;
    return { revision, serverTime: this.deps.clock(), programme, live, record, ...nowAndNext(programme, live), readiness: readinessOf(this.state) };
  }

  /**
   * Decide, persist and publish one command; the promise settles with the sender's ack. Async by
   * contract: a follower of the writer (a backup, a relay) may have to confirm before the ack.
   */
  async submit(raw: unknown, actor: Actor, options: SubmitOptions): Promise<CommandAck> {
    const decided = this.decide(raw, actor, options);
    if (!('confirmed' in decided)) return decided;
    const refused = await decided.confirmed;
    return refused ?? decided.ack;
  }

  /**
   * Apply entries another writer decided (the primary's, on its backup), as boot replay does: the
   * pure reducer must land on each entry's revision, run and positions, else the entry and all
   * after it are refused. Entries this store already holds are skipped (a resent batch is never
   * applied twice); the rest are written in one durable transaction, then published in order.
   */
  follow(records: readonly JournalRecord[]): { ok: true } | { ok: false; reason: string } {
    const accepted: { record: JournalRecord; state: ShowState; snapshot: boolean }[] = [];
    let state = this.state;
    let reason: string | null = null;
    for (const record of records) {
      if (record.revision <= state.revision) continue;
      const replayed = replayOne(state, record);
      if ('reason' in replayed) {
        reason = replayed.reason;
        break;
      }
      state = replayed.state;
      accepted.push({ record, state, snapshot: record.command.type === 'reset' || state.revision % this.snapshotEvery === 0 });
    }
    if (accepted.length) {
      try {
        this.deps.store.appendMany(accepted);
      } catch (error) {
        return { ok: false, reason: `revisions ${accepted[0]?.record.revision}… NOT saved: ${error instanceof Error ? error.message : String(error)}` };
      }
      let previous = this.state;
      this.state = state;
      for (const { record, state: next } of accepted) {
        this.publish(previous, next, record.command);
        previous = next;
      }
    }
    return reason ? { ok: false, reason } : { ok: true };
  }

  /**
   * Start again from what the store holds: after a base snapshot was replaced or entries were
   * discarded (an old primary rejoining). Screens get a snapshot from the caller.
   */
  reload(): void {
    this.state = this.load();
  }

  private decide(raw: unknown, actor: Actor, options: SubmitOptions): CommandAck | { ack: CommandAck; confirmed: Promise<ApiError | null> } {
    const closed = this.deps.gate?.refusal();
    if (closed) return closed;
    if (actor.role === 'viewer') {
      return apiError('unauthorized', 'this screen has no PIN: enter the MC or AV PIN to send commands');
    }
    const type = isRecord(raw) ? raw.type : undefined;
    if (options.bytes > limitFor(type)) {
      return apiError('too_large', `the command is ${options.bytes} bytes; the limit for ${typeof type === 'string' ? `"${type.slice(0, 40)}"` : 'a command'} is ${limitFor(type)} bytes`);
    }
    const parsed = this.parse(raw);
    if ('error' in parsed) return parsed;
    const command = parsed.command;
    if (!mayRoleSend(actor.role, command.type)) {
      return apiError('forbidden', `the ${actor.role.toUpperCase()} PIN may not send "${command.type}"`);
    }
    const now = this.deps.clock();
    if (options.guardPlainGo && this.isDoublePress(command, actor, now)) {
      return apiError('stale', `a second GO from this device within ${this.plainGoGuardMs} ms was ignored (double press)`);
    }
    const outcome = applyCommand(this.state, command, now);
    if (!outcome.ok) return apiError(outcome.error.code, outcome.error.message);

    const previous = this.state;
    const next = outcome.state;
    const snapshot = command.type === 'reset' || next.revision % this.snapshotEvery === 0;
    const record: JournalRecord = { ...outcome.entry, actor };
    try {
      this.deps.store.append(record, next, snapshot);
    } catch (error) {
      const message = error instanceof StorageError ? error.message : String(error);
      this.deps.log.error(`revision ${next.revision} (${command.type}) NOT saved: ${message}`);
      return apiError('storage_unavailable', 'the server could not save this command (storage unavailable): nothing changed, try again');
    }
    this.state = next;
    if (command.type === 'next' && command.from === undefined && command.expectedRevision === undefined) {
      this.lastPlainGo.set(actor.address, now);
    }
    this.deps.log.info(`revision ${next.revision}: ${command.type} by ${actor.role} "${actor.label}" (${actor.address})`);
    // Sent to the backup before the fan-out, so its durable write overlaps the screens' broadcast.
    const confirmed = this.deps.gate?.replicate(record) ?? null;
    this.publish(previous, next, command);
    const ack = { revision: next.revision, live: next.live };
    return confirmed ? { ack, confirmed } : ack;
  }

  private parse(raw: unknown): { command: Command } | ApiError {
    if (!isRecord(raw)) return apiError('invalid_command', 'a command must be a JSON object with a "type"');
    if (hasForbiddenKey(raw)) return apiError('invalid_command', 'the command carries a forbidden key (__proto__, constructor or prototype)');
    const result = commandSchema.safeParse(raw);
    if (result.success) return { command: result.data };
    const details = describeIssues(result.error, raw);
    const unknownType = result.error.issues.some((i) => i.path.length === 1 && i.path[0] === 'type') || typeof raw.type !== 'string';
    const message = unknownType
      ? `unknown command type ${describeType(raw.type)}`
      : `not a valid "${String(raw.type)}" command: ${result.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).slice(0, 3).join('; ')}`;
    return apiError('invalid_command', message, details.slice(0, 20));
  }

  private isDoublePress(command: Command, actor: Actor, now: number): boolean {
    if (this.plainGoGuardMs <= 0 || command.type !== 'next' || command.from !== undefined || command.expectedRevision !== undefined) return false;
    const last = this.lastPlainGo.get(actor.address);
    return last !== undefined && now - last < this.plainGoGuardMs && now >= last;
  }

  private publish(previous: ShowState, next: ShowState, command: Command): void {
    const message = stateMessage(previous, next, command, this.deps.clock());
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        this.deps.log.error(`publishing revision ${next.revision} failed: ${String(error)}`);
      }
    }
  }
}
