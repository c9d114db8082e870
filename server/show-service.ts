/**
 * The single writer. Every command, from a socket or HTTP, takes the same path:
 * size → parse → role → decide (pure reducer) → persist (one durable transaction) → publish → ack.
 * A command that fails any step changes nothing and gets a coded error.
 */
import { type Command, type CommandType, commandSchema, hasForbiddenKey, LARGE_COMMANDS, mayRoleSend } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
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
import { type Actor, type ShowStore, StorageError } from './store/store';

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
}

export interface SubmitOptions {
  /** Size of the command as received, in bytes (HTTP body, or the JSON of a socket payload). */
  bytes: number;
  /** Apply the double-press guard to a plain `next` (hardware controllers over HTTP). */
  guardPlainGo?: boolean;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The offending `type` in words, without serialising it (it may be nested thousands deep). */
const describeType = (type: unknown): string =>
  typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : type === undefined ? '(missing)' : Array.isArray(type) ? '(a list)' : `(${type === null ? 'null' : typeof type})`;

export const limitFor = (type: unknown): number =>
  typeof type === 'string' && (LARGE_COMMANDS as readonly string[]).includes(type) ? LARGE_COMMAND_LIMIT_BYTES : COMMAND_LIMIT_BYTES;

export class ShowService {
  private state: ShowState;
  private readonly listeners = new Set<(message: StateMessage) => void>();
  private readonly lastPlainGo = new Map<string, number>();
  private readonly snapshotEvery: number;
  private readonly plainGoGuardMs: number;

  constructor(private readonly deps: ShowServiceDeps) {
    this.snapshotEvery = deps.snapshotEvery ?? 100;
    this.plainGoGuardMs = deps.plainGoGuardMs ?? 1000;
    const seed = deps.seed ?? (() => initialShowState(defaultProgramme()));
    const { state, replayed } = loadShowState(deps.store, seed, this.snapshotEvery);
    this.state = state;
    deps.log.info(`show loaded at revision ${state.revision} (${state.live.runId}, ${state.live.phase}; ${replayed} journal entries replayed)`);
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
    return { revision, serverTime: this.deps.clock(), programme, live, record, ...nowAndNext(programme, live) };
  }

  /**
   * Decide, persist and publish one command; the promise settles with the sender's ack. Async by
   * contract: a follower of the writer (a backup, a relay) may have to confirm before the ack.
   */
  async submit(raw: unknown, actor: Actor, options: SubmitOptions): Promise<CommandAck> {
    return this.decide(raw, actor, options);
  }

  private decide(raw: unknown, actor: Actor, options: SubmitOptions): CommandAck {
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
    try {
      this.deps.store.append({ ...outcome.entry, actor }, next, snapshot);
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
    this.publish(previous, next, command.type);
    return { revision: next.revision, live: next.live };
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

  private publish(previous: ShowState, next: ShowState, type: CommandType): void {
    const message = stateMessage(previous, next, type, this.deps.clock());
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        this.deps.log.error(`publishing revision ${next.revision} failed: ${String(error)}`);
      }
    }
  }
}
