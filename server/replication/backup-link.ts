/**
 * The backup's side of the pair: one Socket.IO connection to the primary (MC PIN), the journal
 * copied from where this store stopped, then every entry as the primary writes it, each durable
 * here before it is acknowledged. When the primary cannot be reached the backup says so, in the
 * log (once per change) and in its status, and keeps trying.
 */
import { io, type Socket } from 'socket.io-client';
import { type ClientToServerEvents, type JournalAck, PROTOCOL_VERSION, type ServerToClientEvents } from '@shared/protocol';
import { apiError } from '../errors';
import type { Logger } from '../log';
import type { ShowService } from '../show-service';
import type { ShowStore } from '../store/store';
import type { PairNode } from './node';
import { batchSchema, errorSchema, heartbeatSchema, parseBase, toRecord, welcomeSchema } from './wire';

/** Silence from the primary (which sends a heartbeat every 250 ms) before the link is called broken. */
const SILENCE_MS = 1500;

export interface BackupLinkDeps {
  service: ShowService;
  store: ShowStore;
  node: PairNode;
  log: Logger;
  pin: string;
  now: () => number;
  /** Screens must start again from a snapshot (a base replaced, entries discarded). */
  resnapshot: () => void;
}

export class BackupLink {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastHeard = 0;
  private following = false;
  private lastProblem: string | null = null;

  constructor(private readonly deps: BackupLinkDeps, readonly target: string) {}

  start(): void {
    const { node, pin } = this.deps;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(this.target, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 250,
      reconnectionDelayMax: 1000,
      timeout: 3000,
      auth: { protocol: PROTOCOL_VERSION, pin, label: `backup ${node.self ?? ''}`.trim() },
    });
    this.socket = socket;
    socket.on('connect', () => this.askToFollow(0));
    socket.on('connect_error', (error) => {
      const refused = /wrong PIN/i.test(error.message)
        ? 'the primary refused this backup\'s MC PIN: start the backup with the same MC_PIN as the primary'
        : `cannot reach the primary at ${this.target} (${error.message})`;
      this.problem(refused);
    });
    socket.on('disconnect', (reason) => {
      this.following = false;
      if (reason === 'io client disconnect') return;
      this.problem(`lost the primary at ${this.target} (${reason}); trying again`);
      // Socket.IO does not reconnect by itself after the server closed the socket (the primary
      // dropped this backup as lost); the backup must come back on its own once it can answer.
      if (reason === 'io server disconnect') setTimeout(() => this.socket === socket && socket.connect(), 500).unref();
    });
    socket.on('journal:entries', (raw, ack) => this.entries(raw, ack));
    socket.on('journal:heartbeat', (raw, ack) => {
      if (typeof ack !== 'function') return;
      const beat = heartbeatSchema.safeParse(raw);
      this.lastHeard = this.deps.now();
      if (beat.success && this.following) node.set({ behind: Math.max(0, beat.data.revision - this.deps.service.current.revision) });
      ack({ revision: this.deps.service.current.revision });
    });
    this.timer = setInterval(() => {
      if (this.following && this.deps.now() - this.lastHeard > SILENCE_MS) {
        this.problem(`the primary at ${this.target} has not answered for ${SILENCE_MS} ms; reconnecting`);
        socket.disconnect().connect();
      }
    }, 250);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.following = false;
    this.socket?.close();
    this.socket = undefined;
  }

  private askToFollow(round: number): void {
    const { service, store, node } = this.deps;
    const socket = this.socket;
    if (!socket) return;
    const revision = service.current.revision;
    const last = revision > 0 ? store.entries({ afterRevision: revision - 1, toRevision: revision })[0] : undefined;
    const request = { revision, lastAt: last?.at ?? null, epoch: node.epoch, url: node.self };
    socket.timeout(5000).emit('journal:follow', request, (timeout, reply) => {
      if (this.socket !== socket) return;
      if (timeout) return this.problem(`the primary at ${this.target} did not answer the follow request`);
      const refused = errorSchema.safeParse(reply);
      if (refused.success) return this.problem(`the primary at ${this.target} refused: ${refused.data.error.message}`);
      const welcome = welcomeSchema.safeParse(reply);
      if (!welcome.success) return this.problem(`the machine at ${this.target} answered something that is not Baton's journal`);
      const w = welcome.data;
      if (w.epoch < node.epoch) return this.problem(`the machine at ${this.target} is at epoch ${w.epoch}, this one at ${node.epoch}: it is an older primary, not followed`);
      if (w.truncateAfter !== undefined) {
        if (round > 0) return this.problem('the primary asked twice to discard entries; not following');
        const moved = store.discardAfter(w.truncateAfter);
        this.deps.log.warn(`${moved} journal entries after revision ${w.truncateAfter} were written here after another laptop became primary (never confirmed by a backup): taken out of the journal (kept in the "discarded" table)`);
        service.reload();
        this.deps.resnapshot();
        return this.askToFollow(round + 1);
      }
      if (revision === 0 && w.base !== undefined) {
        const base = parseBase(w.base);
        if (base && service.current.revision === 0) {
          store.saveSnapshot(base);
          service.reload();
          this.deps.resnapshot();
        }
      }
      node.save({ role: 'backup', epoch: w.epoch, epochs: w.epochs, primaryUrl: this.target });
      this.following = true;
      this.lastHeard = this.deps.now();
      this.lastProblem = null;
      node.set({ primaryReachable: true, problem: null, behind: Math.max(0, w.revision - service.current.revision) });
      this.deps.log.info(`following the primary at ${this.target} (epoch ${w.epoch}) from revision ${service.current.revision}; it is at ${w.revision}`);
    });
  }

  private entries(raw: unknown, ack: (reply: JournalAck) => void): void {
    if (typeof ack !== 'function') return;
    this.lastHeard = this.deps.now();
    if (!this.following) return ack(apiError('not_possible', 'not following yet'));
    const batch = batchSchema.safeParse(raw);
    if (!batch.success) {
      this.deps.log.error(`refused a journal batch from ${this.target}: ${batch.error.issues[0]?.message ?? 'invalid'}`);
      return ack(apiError('invalid_command', 'not a valid journal batch'));
    }
    const result = this.deps.service.follow(batch.data.entries.map(toRecord));
    if (!result.ok) {
      this.problem(`cannot copy the primary's journal: ${result.reason}`);
      return ack(apiError('not_possible', result.reason));
    }
    const revision = this.deps.service.current.revision;
    this.deps.node.set({ behind: Math.max(0, batch.data.revision - revision) });
    ack({ revision });
  }

  private problem(text: string): void {
    this.following = false;
    this.deps.node.set({ primaryReachable: false, problem: text });
    if (text !== this.lastProblem) this.deps.log.warn(`BACKUP: ${text}`);
    this.lastProblem = text;
  }
}
