/**
 * A relay stands in for the writer towards its own screens and HTTP clients: it offers the same
 * port (current, snapshot, submit, onChange) as ShowService, from a replica kept current by the
 * writer's change messages, and forwards commands to the writer's submit path.
 *
 * It is either in sync (a snapshot of the writer's current epoch loaded, no gap since, a beat
 * heard within `staleAfterMs`) or not; when not, it says so (see `synced`) instead of serving a
 * copy that may be behind, and keeps asking the writer for a snapshot until it is in sync again.
 */
import { randomUUID } from 'node:crypto';
import type { ShowState } from '@shared/live';
import type { CommandAck, Snapshot, StateMessage } from '@shared/protocol';
import { nowAndNext } from '@shared/derive';
import type { Instant } from '@shared/time';
import { apiError } from '../errors';
import type { Logger } from '../log';
import { LARGE_COMMAND_LIMIT_BYTES, type ShowPort, type SubmitOptions } from '../show-service';
import type { Actor } from '../store/store';
import type { Bus } from './bus';
import { Replica } from './replica';
import { readinessOf } from '@shared/readiness';
import { asState, beatWire, commandReply, readReply, replyWire, snapshotReply, stateWire, WIRE } from './wire';

export interface RelayDeps {
  clock: () => Instant;
  log: Logger;
  /** No beat from the writer for this long: out of sync (default 5 s). */
  staleAfterMs?: number;
  /** A forwarded command or read with no reply after this long is answered with an error (default 5 s). */
  requestTimeoutMs?: number;
}

type Answer = { epoch: string; body: unknown } | undefined;
type Pending = { resolve(answer: Answer): void; timer: NodeJS.Timeout };
/** `closeScreens`: the link itself is gone (no fresh state is coming soon), not just one message. */
export type RelayEvent = { kind: 'lost'; why: string; closeScreens: boolean } | { kind: 'synced'; snapshot: Snapshot };

const UNSYNCED = 'this relay has lost touch with the show\'s writer (Redis or the writer is unreachable): nothing was sent, try again in a moment';

export class RelayService implements ShowPort {
  private readonly replica = new Replica();
  private readonly listeners = new Set<(message: StateMessage) => void>();
  private readonly watchers = new Set<(event: RelayEvent) => void>();
  private readonly pending = new Map<string, Pending>();
  private lastBeat = 0;
  private inSync = false;
  private asking = false;
  private timer: NodeJS.Timeout | undefined;
  private bus: Bus | undefined;

  constructor(private readonly deps: RelayDeps) {}

  /** Start following the writer over this bus (it exists only once Socket.IO, which needs this service, does). */
  follow(bus: Bus): void {
    this.bus = bus;
    bus.on(WIRE.state, (raw) => this.onState(raw));
    bus.on(WIRE.beat, (raw) => this.onBeat(raw));
    bus.on(WIRE.reply, (raw) => this.onReply(raw));
    const staleAfter = this.deps.staleAfterMs ?? 5000;
    const silent = () => this.inSync && Date.now() - this.lastBeat > staleAfter;
    this.timer = setInterval(() => {
      // After this process was busy (a connect storm), timers run before the beats waiting in the
      // socket: look again after the I/O phase before calling the writer silent.
      if (silent()) setImmediate(() => silent() && this.lose(`no word from the writer for ${staleAfter} ms`, true));
      if (!this.inSync) this.resync();
    }, Math.max(100, Math.min(1000, staleAfter / 3)));
    this.timer.unref();
    this.resync();
  }

  /** True while the replica is the writer's current state (screens and reads may be served). */
  get synced(): boolean {
    return this.inSync;
  }

  get current(): ShowState {
    const state = this.replica.state;
    if (!state) throw new Error('relay has no copy of the show yet');
    return state;
  }

  snapshot(): Snapshot {
    const { revision, programme, live, record } = this.current;
    return { revision, serverTime: this.deps.clock(), programme, live, record, ...nowAndNext(programme, live), readiness: readinessOf(this.current) };
  }

  onChange(listener: (message: StateMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Lost and regained sync: the composition closes screens, or sends them the fresh snapshot. */
  watch(watcher: (event: RelayEvent) => void): void {
    this.watchers.add(watcher);
  }

  /** The link to Redis (or the cluster primary) broke: what we hold may already be behind. */
  linkDown(why: string): void {
    this.lose(why, true);
  }

  /** The same contract as the writer's submit; the decision is the writer's. */
  async submit(raw: unknown, actor: Actor, options: SubmitOptions): Promise<CommandAck> {
    if (actor.role === 'viewer') return apiError('unauthorized', 'this screen has no PIN: enter the MC or AV PIN to send commands');
    if (options.bytes > LARGE_COMMAND_LIMIT_BYTES) return apiError('too_large', `the command is ${options.bytes} bytes; the limit is ${LARGE_COMMAND_LIMIT_BYTES} bytes`);
    if (!this.inSync) return apiError('storage_unavailable', UNSYNCED);
    const answer = await this.ask({ kind: 'command', command: raw, actor, bytes: options.bytes, guardPlainGo: options.guardPlainGo ?? false });
    if (answer === undefined) return apiError('not_possible', 'the writer did not answer within 5 s: look at the show before sending this again (it may have been applied)');
    const ack = commandReply.safeParse(answer.body);
    return ack.success ? (ack.data as CommandAck) : apiError('not_possible', 'the writer\'s answer could not be read');
  }

  /** A read only the writer can answer (reports come from its journal); undefined if unreachable. */
  async read(kind: 'report' | 'runs', runId?: string): Promise<unknown> {
    if (!this.inSync) return undefined;
    const answer = await this.ask(kind === 'report' ? { kind, ...(runId !== undefined ? { runId } : {}) } : { kind });
    const parsed = readReply.safeParse(answer?.body);
    return parsed.success ? parsed.data : undefined;
  }

  close(): void {
    clearInterval(this.timer);
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve(undefined);
    }
    this.pending.clear();
  }

  private ask(request: Record<string, unknown>, timeoutMs = this.deps.requestTimeoutMs ?? 5000): Promise<Answer> {
    const id = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      this.bus?.send(WIRE.request, { ...request, id, from: this.bus.uid });
    });
  }

  private onReply(raw: unknown): void {
    const reply = replyWire.safeParse(raw);
    if (!reply.success || reply.data.to !== this.bus?.uid) return;
    const pending = this.pending.get(reply.data.id);
    if (!pending) return;
    this.pending.delete(reply.data.id);
    clearTimeout(pending.timer);
    pending.resolve({ epoch: reply.data.epoch, body: reply.data.body });
  }

  private onState(raw: unknown): void {
    const parsed = stateWire.safeParse(raw);
    if (!parsed.success) return this.deps.log.warn(`relay: a state message from the writer could not be read (${parsed.error.issues[0]?.message})`);
    if (!this.inSync) return; // the snapshot being fetched will carry it
    const result = this.replica.apply(parsed.data);
    if (result.kind === 'gap') return this.lose(`revision ${parsed.data.revision} arrived after ${this.replica.state?.revision ?? 'nothing'}`, false);
    if (result.kind === 'applied') for (const listener of this.listeners) listener(result.message);
  }

  private onBeat(raw: unknown): void {
    const beat = beatWire.safeParse(raw);
    if (!beat.success) return;
    this.lastBeat = Date.now();
    if (this.inSync && this.replica.isBehind(beat.data.epoch, beat.data.revision)) {
      this.lose(this.replica.epoch !== beat.data.epoch ? 'the writer restarted' : `the writer is at revision ${beat.data.revision}, this relay at ${this.replica.state?.revision}`, false);
    }
    if (!this.inSync) this.resync();
  }

  private lose(why: string, closeScreens: boolean): void {
    const wasInSync = this.inSync;
    this.inSync = false;
    if (!wasInSync) return;
    this.deps.log.warn(`relay: out of sync (${why}); ${closeScreens ? 'screens closed until' : 'screens wait for'} a fresh snapshot`);
    for (const watcher of this.watchers) watcher({ kind: 'lost', why, closeScreens });
    this.resync();
  }

  /** Ask the writer for its state; one question at a time. */
  private resync(): void {
    if (this.asking || this.inSync) return;
    this.asking = true;
    // A short wait: a question asked before this node's subscription was ready is simply asked again.
    void this.ask({ kind: 'snapshot' }, 1000)
      .then((answer) => {
        const parsed = snapshotReply.safeParse(answer?.body);
        if (!answer || !parsed.success) return;
        this.replica.load(answer.epoch, asState(parsed.data));
        this.inSync = true;
        this.lastBeat = Date.now();
        const snapshot = this.snapshot();
        this.deps.log.info(`relay: in sync with the writer at revision ${snapshot.revision}`);
        for (const watcher of this.watchers) watcher({ kind: 'synced', snapshot });
      })
      .finally(() => {
        this.asking = false;
      });
  }
}
