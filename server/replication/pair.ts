/**
 * The backup-laptop feature as one adapter around the single writer. The composition root decides
 * the role once (`decideStart`); from then on only promotion (a person pressing promote) and
 * fencing (a higher epoch seen on a peer) change it. The writer sees only the generic WriterGate.
 */
import type { Socket } from 'socket.io';
import type { ApiError, NodeStatus } from '@shared/protocol';
import { apiError } from '../errors';
import type { Logger } from '../log';
import type { ShowService, WriterGate } from '../show-service';
import { type BatonServer, emitSnapshot } from '../socket';
import type { ShowStore } from '../store/store';
import { BackupLink } from './backup-link';
import { PairNode } from './node';
import { higherPrimary } from './peers';
import { PrimaryLink } from './primary-link';
import { followSchema } from './wire';

/** How long a peer probe may take, and how often a primary asks its peers for a higher epoch. */
const PROBE_TIMEOUT_MS = 1500;
const PROBE_EVERY_MS = 2000;

export interface PairDeps {
  store: ShowStore;
  log: Logger;
  /** This node's MC PIN: a backup presents it to its primary. */
  pin: string;
  now: () => number;
}

export class Pair {
  readonly node: PairNode;
  private service!: ShowService;
  private io!: BatonServer;
  private primary: PrimaryLink | undefined;
  private backup: BackupLink | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private target: string | null = null;
  private closed = false;

  constructor(private readonly deps: PairDeps) {
    this.node = new PairNode({ store: deps.store, log: deps.log, revision: () => this.service?.current.revision ?? 0 });
  }

  readonly gate: WriterGate = {
    refusal: () => {
      if (this.node.role === 'primary') return null;
      const where = this.node.primaryUrl ? `the primary at ${this.node.primaryUrl}` : 'the primary laptop';
      return apiError('not_possible', `this laptop is the backup (read-only): send commands to ${where}, or promote this one if the primary is dead`);
    },
    replicate: (record) => this.primary?.replicate(record) ?? null,
  };

  /** Wire to the app once it exists; `follow` is where to go as a backup (null: be primary). */
  attach(service: ShowService, io: BatonServer): void {
    this.service = service;
    this.io = io;
    this.node.onStatus((status) => io.emit('node:status', status));
    io.on('connection', (socket) => {
      socket.emit('node:status', this.node.status());
      socket.on('journal:follow', (raw, ack) => this.onFollow(socket, raw, ack));
      socket.on('disconnect', () => this.primary?.disconnected(socket));
    });
  }

  /**
   * Take the role decided at the composition root, before the port opens (so a node meant to be a
   * backup never accepts a command); the links start with `run` once this node's URL is known.
   */
  start(follow: string | null): void {
    this.target = follow;
    if (follow) this.node.save({ role: 'backup', primaryUrl: follow });
    else if (this.node.role === 'backup') this.node.save({ role: 'primary', primaryUrl: null });
  }

  run(self: string | null): void {
    this.node.setSelf(self);
    if (this.target) this.becomeBackup(this.target);
    else this.becomePrimary();
  }

  status(): NodeStatus {
    return this.node.status();
  }

  /** POST /api/v1/promote: a backup becomes the primary at the revision it holds. */
  promote(): { node: NodeStatus } | ApiError {
    if (this.node.role === 'primary') return apiError('not_possible', 'already primary: this laptop is the primary');
    const former = this.node.primaryUrl;
    const revision = this.service.current.revision;
    const epoch = Math.max(this.node.epoch, ...this.node.epochs.map((e) => e.epoch)) + 1;
    this.backup?.stop();
    this.backup = undefined;
    try {
      this.node.save({ role: 'primary', epoch, epochs: [...this.node.epochs, { epoch, fromRevision: revision }], peers: [...this.node.peers, ...(former ? [former] : [])] });
    } catch (error) {
      this.deps.log.error(`promotion NOT saved: ${String(error)}`);
      if (former) this.becomeBackup(former);
      return apiError('storage_unavailable', 'the promotion could not be saved (storage unavailable): this laptop is still the backup');
    }
    this.deps.log.warn(`PROMOTED: this laptop is now the primary (epoch ${epoch}) at revision ${revision}; it stopped following ${former ?? 'its primary'}`);
    this.becomePrimary();
    return { node: this.node.status() };
  }

  close(): void {
    this.closed = true;
    clearInterval(this.probeTimer);
    this.primary?.stop(null);
    this.backup?.stop();
  }

  private becomePrimary(): void {
    this.node.set({ primaryReachable: false, behind: null, problem: null });
    this.primary = new PrimaryLink({ ...this.deps, service: this.service, node: this.node });
    this.primary.start();
    this.probeTimer ??= setInterval(() => void this.probePeers(), PROBE_EVERY_MS);
    this.probeTimer.unref();
  }

  private becomeBackup(target: string): void {
    clearInterval(this.probeTimer);
    this.probeTimer = undefined;
    this.primary?.stop(apiError('not_possible', 'another laptop became primary before a backup confirmed this command: it was not kept'));
    this.primary = undefined;
    this.node.save({ role: 'backup', primaryUrl: target });
    this.node.set({ backupUrls: [], backupLost: false, primaryReachable: false, behind: null });
    this.backup = new BackupLink(
      { ...this.deps, service: this.service, node: this.node, resnapshot: () => emitSnapshot(this.io, this.service.snapshot()) },
      target,
    );
    this.backup.start();
  }

  /** Fencing while primary: a peer that is primary at a higher epoch makes this one its backup. */
  private async probePeers(): Promise<void> {
    if (this.probing || this.node.role !== 'primary') return;
    this.probing = true;
    try {
      const attached = new Set(this.node.status().backupUrls);
      const higher = await higherPrimary(this.node.peers.filter((p) => !attached.has(p)), this.node.epoch, PROBE_TIMEOUT_MS);
      if (higher && this.node.role === 'primary' && !this.closed) {
        this.deps.log.warn(`FENCED: ${higher.url} is primary at epoch ${higher.epoch} (this laptop: ${this.node.epoch}); this one stops taking commands and follows it`);
        this.becomeBackup(higher.url);
      }
    } finally {
      this.probing = false;
    }
  }

  private onFollow(socket: Socket, raw: unknown, ack: unknown): void {
    if (typeof ack !== 'function') return;
    const reply = ack as (r: unknown) => void;
    if (socket.data.role !== 'mc') return reply(apiError('unauthorized', 'a backup must connect with the MC PIN'));
    const request = followSchema.safeParse(raw);
    if (!request.success) return reply(apiError('invalid_command', 'not a valid follow request'));
    if (!this.primary) {
      return reply(apiError('not_possible', `this laptop is a backup itself${this.node.primaryUrl ? ` (of ${this.node.primaryUrl})` : ''}: follow the primary`));
    }
    this.primary.follow(socket, request.data, reply);
  }
}

/**
 * The role to start in: a promoted laptop stays primary across restarts; a backup (or `FOLLOW`)
 * follows. Either way, a peer found primary at a higher epoch wins: an old primary coming back
 * follows the laptop promoted in its absence, and takes no command before it has asked.
 */
export async function decideStart(node: PairNode, follow: string | null, log: Logger): Promise<string | null> {
  const candidates = [...node.peers, ...(follow ? [follow] : []), ...(node.primaryUrl ? [node.primaryUrl] : [])];
  if (candidates.length === 0) return follow;
  const higher = await higherPrimary(candidates, node.role === 'primary' ? node.epoch : node.epoch - 1, PROBE_TIMEOUT_MS);
  if (higher) {
    if (node.role === 'primary') log.warn(`FENCED: ${higher.url} became primary (epoch ${higher.epoch}) while this laptop was away; it starts as its backup`);
    return higher.url;
  }
  if (node.role === 'backup') return follow ?? node.primaryUrl;
  if (follow && node.epoch > 1) log.warn(`FOLLOW=${follow} ignored: this laptop was promoted (epoch ${node.epoch}) and no peer is primary at a higher epoch`);
  return node.epoch > 1 ? null : follow;
}
