/**
 * This machine's place in the pair: the one role value (primary or backup) decided at the
 * composition root and changed only by promotion or fencing, the durable epoch, and the live
 * health figures every screen sees as `node:status`. It publishes a status only when something
 * other than the revision changed: never per command, never per second.
 */
import type { EpochStart, NodeStatus } from '@shared/protocol';
import type { Logger } from '../log';
import type { NodeRecord, ShowStore } from '../store/store';

type Live = Pick<NodeStatus, 'backupUrls' | 'backupLost' | 'primaryReachable' | 'behind' | 'problem'>;

export const FRESH_NODE: NodeRecord = { role: 'primary', epoch: 1, epochs: [{ epoch: 1, fromRevision: 0 }], primaryUrl: null, peers: [] };

export class PairNode {
  private record: NodeRecord;
  private live: Live = { backupUrls: [], backupLost: false, primaryReachable: false, behind: null, problem: null };
  private selfUrl: string | null = null;
  private readonly listeners = new Set<(status: NodeStatus) => void>();
  private lastKey = '';

  constructor(private readonly deps: { store: ShowStore; log: Logger; revision: () => number }) {
    this.record = deps.store.readNode() ?? FRESH_NODE;
  }

  get role(): NodeRecord['role'] {
    return this.record.role;
  }
  get epoch(): number {
    return this.record.epoch;
  }
  get epochs(): EpochStart[] {
    return this.record.epochs;
  }
  get primaryUrl(): string | null {
    return this.record.primaryUrl;
  }
  get peers(): string[] {
    return this.record.peers;
  }
  get self(): string | null {
    return this.selfUrl;
  }

  setSelf(url: string | null): void {
    this.selfUrl = url;
    this.changed();
  }

  status(): NodeStatus {
    const { role, epoch, primaryUrl } = this.record;
    return { role, epoch, self: this.selfUrl, primaryUrl: role === 'backup' ? primaryUrl : null, ...this.live, revision: this.deps.revision() };
  }

  onStatus(listener: (status: NodeStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Health figures (not durable). */
  set(patch: Partial<Live>): void {
    this.live = { ...this.live, ...patch };
    this.changed();
  }

  /** Role, epoch, primary or peers: written durably before anyone is told (throws StorageError). */
  save(patch: Partial<NodeRecord>): void {
    const next = { ...this.record, ...patch };
    const peers = [...new Set(next.peers.filter((p) => p && p !== this.selfUrl))].slice(-20);
    const record = { ...next, peers };
    if (JSON.stringify(record) === JSON.stringify(this.record)) return;
    this.deps.store.writeNode(record);
    this.record = record;
    this.changed();
  }

  /** Keep a peer's URL for fencing; a failed write only costs that memory, never the show. */
  remember(url: string | null): void {
    if (!url || url === this.selfUrl || this.record.peers.includes(url)) return;
    try {
      this.save({ peers: [...this.record.peers, url] });
    } catch (error) {
      this.deps.log.warn(`could not remember the peer ${url}: ${String(error)}`);
    }
  }

  private changed(): void {
    const { revision: _revision, ...rest } = this.status();
    const key = JSON.stringify(rest);
    if (key === this.lastKey) return;
    this.lastKey = key;
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
