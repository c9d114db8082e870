/**
 * The primary's side of the pair: each attached backup gets the journal from where its own store
 * stopped, then every accepted entry as it is written. Semi-synchronous: once a backup has caught
 * up, a command's ack waits until the backup says the entry is durable there. A backup that does
 * not answer for LOST_MS is dropped ("backup lost"): the primary goes on alone until it is back.
 */
import type { Socket } from 'socket.io';
import type { ApiError, JournalAck, JournalFollow, JournalWelcome } from '@shared/protocol';
import { apiError } from '../errors';
import type { Logger } from '../log';
import type { ShowService } from '../show-service';
import type { JournalRecord, ShowStore } from '../store/store';
import type { PairNode } from './node';
import { MAX_BATCH } from './wire';

/** The product rule: more than 1 s without an answer and the primary carries on alone. */
export const LOST_MS = 1000;
const HEARTBEAT_MS = 250;
/** A backup still catching up (not yet gating acks) gets longer before it is cut off. */
const CATCH_UP_SILENCE_MS = 10_000;

interface Waiter {
  revision: number;
  resolve: (refusal: ApiError | null) => void;
}

class Follower {
  ackedThrough: number;
  synced = false;
  lastAnswerAt: number;
  readonly waiters: Waiter[] = [];
  constructor(readonly socket: Socket, readonly url: string | null, from: number, readonly syncTarget: number, now: number) {
    this.ackedThrough = from;
    this.lastAnswerAt = now;
  }
  settle(through: number, refusal: ApiError | null = null): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i] as Waiter;
      if (w.revision <= through) {
        this.waiters.splice(i, 1);
        w.resolve(refusal);
      }
    }
  }
}

export interface PrimaryLinkDeps {
  service: ShowService;
  store: ShowStore;
  node: PairNode;
  log: Logger;
  now: () => number;
}

export class PrimaryLink {
  private readonly followers = new Set<Follower>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: PrimaryLinkDeps) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Stop, dropping every backup; pending acks settle with `refusal` (or go on alone when null). */
  stop(refusal: ApiError | null): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const f of [...this.followers]) this.drop(f, null, refusal);
    this.deps.node.set({ backupUrls: [], backupLost: false });
  }

  /** `journal:follow` from a socket that passed the MC PIN check. */
  follow(socket: Socket, request: JournalFollow, ack: (reply: JournalWelcome | ApiError) => void): void {
    const { node, store, service, log } = this.deps;
    const current = service.current.revision;
    const welcome = { epoch: node.epoch, epochs: node.epochs, revision: current };
    if (request.epoch > node.epoch) {
      node.remember(request.url);
      return ack(apiError('not_possible', `this laptop is primary at epoch ${node.epoch} but the backup has seen epoch ${request.epoch}: another laptop was promoted after this one`));
    }
    if (request.epoch < node.epoch) {
      // The follower lived through an older epoch: what it wrote after the next epoch began on this
      // lineage was never confirmed here (an old primary's unreplicated tail). It keeps the shared prefix.
      const next = node.epochs.find((e) => e.epoch > request.epoch);
      if (next && request.revision > next.fromRevision) return ack({ ...welcome, truncateAfter: next.fromRevision });
    }
    if (request.revision > current) {
      return ack(apiError('not_possible', `the backup holds revision ${request.revision}, this primary only ${current}: its data is newer than the primary's (promote it, or give it an empty DATA_DIR)`));
    }
    if (request.revision > 0) {
      const mine = store.entries({ afterRevision: request.revision - 1, toRevision: request.revision })[0];
      if (!mine || mine.at !== request.lastAt) {
        return ack(apiError('not_possible', `the backup's revision ${request.revision} is not this show's: start the backup with an empty DATA_DIR`));
      }
    }
    const f = new Follower(socket, request.url, request.revision, current, this.deps.now());
    for (const old of [...this.followers]) if (old.url !== null && old.url === request.url) this.drop(old, 'replaced by a new connection');
    this.followers.add(f);
    node.remember(request.url);
    ack(request.revision === 0 ? { ...welcome, base: store.snapshotAtOrBefore(0) ?? undefined } : welcome);
    log.info(`backup ${request.url ?? socket.handshake.address} attached at revision ${request.revision} (primary at ${current})`);
    // Read and sent in this one tick, so no live entry can slip between the catch-up and the stream.
    const backlog = store.entries({ afterRevision: request.revision });
    for (let i = 0; i < backlog.length; i += MAX_BATCH) this.send(f, backlog.slice(i, i + MAX_BATCH));
    if (backlog.length === 0) this.markSynced(f);
    this.publishUrls();
  }

  /** The gate's half: send the entry to every backup; wait for those that are in sync. */
  replicate(record: JournalRecord): Promise<ApiError | null> | null {
    const waits: Promise<ApiError | null>[] = [];
    for (const f of this.followers) {
      this.send(f, [record]);
      if (f.synced) waits.push(new Promise((resolve) => f.waiters.push({ revision: record.revision, resolve })));
    }
    if (waits.length === 0) return null;
    return Promise.all(waits).then((results) => results.find((r) => r !== null) ?? null);
  }

  private send(f: Follower, entries: JournalRecord[]): void {
    f.socket.emit('journal:entries', { entries, revision: this.deps.service.current.revision }, (reply: JournalAck) => this.answered(f, reply));
  }

  private answered(f: Follower, reply: JournalAck): void {
    if (!this.followers.has(f)) return;
    if (typeof reply !== 'object' || reply === null || !('revision' in reply) || typeof reply.revision !== 'number') {
      const why = typeof reply === 'object' && reply !== null && 'error' in reply ? reply.error.message : 'a malformed answer';
      return this.drop(f, `it refused the journal: ${String(why).slice(0, 200)}`);
    }
    f.lastAnswerAt = this.deps.now();
    f.ackedThrough = Math.max(f.ackedThrough, reply.revision);
    f.settle(f.ackedThrough);
    if (!f.synced && f.ackedThrough >= f.syncTarget) this.markSynced(f);
  }

  private markSynced(f: Follower): void {
    f.synced = true;
    this.deps.log.info(`backup ${f.url ?? '(no URL)'} is in sync at revision ${f.ackedThrough}: commands are acknowledged once it holds them`);
    this.deps.node.set({ backupLost: false });
  }

  private tick(): void {
    const now = this.deps.now();
    const revision = this.deps.service.current.revision;
    for (const f of [...this.followers]) {
      const silent = now - f.lastAnswerAt;
      if (f.synced ? silent > LOST_MS : silent > CATCH_UP_SILENCE_MS) {
        this.drop(f, `no answer for ${silent} ms`);
        continue;
      }
      f.socket.emit('journal:heartbeat', { revision, epoch: this.deps.node.epoch }, (reply: JournalAck) => this.answered(f, reply));
    }
  }

  /** Forget a backup; its pending acks go on alone (or settle with `refusal`). */
  private drop(f: Follower, why: string | null, refusal: ApiError | null = null): void {
    if (!this.followers.delete(f)) return;
    f.settle(Number.POSITIVE_INFINITY, refusal);
    f.socket.disconnect(true);
    if (why !== null) {
      this.deps.log.warn(`BACKUP LOST: ${f.url ?? 'the backup'} (${why}); this laptop goes on alone until it is back`);
      if (f.synced) this.deps.node.set({ backupLost: true });
    }
    this.publishUrls();
  }

  /** A backup's socket closed (its laptop died, the cable, a restart). */
  disconnected(socket: Socket): void {
    for (const f of this.followers) if (f.socket === socket) this.drop(f, 'its connection closed');
  }

  private publishUrls(): void {
    this.deps.node.set({ backupUrls: [...new Set([...this.followers].map((f) => f.url).filter((u): u is string => u !== null))] });
  }
}
