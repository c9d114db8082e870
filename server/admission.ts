/**
 * Admission control at the edge: budgets for connections are checked where a connection arrives
 * (the engine.io handshake, then the Socket.IO handshake), before any per-socket state exists, and
 * never inside the single writer. One device (a leaking signage player, a script on a phone) can
 * hold at most its address's budget; viewers together stay below the process's open-file limit, so
 * the MC, the AV booth and the HTTP API always find a file descriptor.
 */
import { readFileSync } from 'node:fs';
import type { Role } from '@shared/commands';
import type { Logger } from './log';

/** Viewer sockets one address may hold (a hall's Wi-Fi behind one NAT address is hundreds of phones). */
export const DEFAULT_VIEWERS_PER_ADDRESS = 500;
/** Connections (sockets before their role is known, MC and AV consoles) one address may add on top of its viewers. */
export const EXTRA_PER_ADDRESS = 16;
/** File descriptors kept out of the viewers' reach: HTTP API, MC/AV sockets, the database, logs. */
export const HEADROOM_FDS = 256;
/** Room for PIN roles above the viewers' global budget, at the engine level. */
export const PIN_RESERVE = 64;

export interface AdmissionLimits {
  viewersPerAddress: number;
  /** All viewer sockets together. */
  viewerBudget: number;
}

/** The soft open-file limit of this process (Linux /proc); `fallback` where it cannot be read. */
export function openFileLimit(fallback = 1024): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    if (soft === 'unlimited') return Number.MAX_SAFE_INTEGER;
    const n = Number(soft);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  } catch {
    return fallback;
  }
}

/** Budgets from the open-file limit and VIEWERS_PER_ADDRESS. */
export function admissionLimits(fdLimit: number, viewersPerAddress = DEFAULT_VIEWERS_PER_ADDRESS): AdmissionLimits {
  return { viewersPerAddress, viewerBudget: Math.max(32, fdLimit - HEADROOM_FDS - PIN_RESERVE) };
}

export interface AdmissionStats {
  viewers: number;
  connections: number;
  viewerBudget: number;
  viewersPerAddress: number;
  /** Refusals since start: at the engine handshake (address or global budget) and of viewer sockets. */
  refused: { engine: number; viewers: number };
  /** The addresses holding the most connections, most first. */
  top: { address: string; connections: number; viewers: number }[];
}

const REFUSAL_LOG_EVERY_MS = 60_000;

export class Admission {
  private readonly connections = new Map<string, number>();
  private readonly viewers = new Map<string, number>();
  private totalConnections = 0;
  private totalViewers = 0;
  private readonly refused = { engine: 0, viewers: 0 };
  private readonly lastLogged = new Map<string, number>();

  constructor(
    readonly limits: AdmissionLimits,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new engine.io connection from `address`: null to admit it, else why not. */
  refuseConnection(address: string): string | null {
    const mine = this.connections.get(address) ?? 0;
    const reason =
      mine >= this.limits.viewersPerAddress + EXTRA_PER_ADDRESS
        ? `too_many_connections: ${address} already holds ${mine} connections`
        : this.totalConnections >= this.limits.viewerBudget + PIN_RESERVE
          ? 'too_many_connections: the server is at its connection budget'
          : null;
    if (reason) this.noteRefusal('engine', address, reason);
    return reason;
  }

  connected(address: string): () => void {
    this.totalConnections++;
    bump(this.connections, address, 1);
    return () => {
      this.totalConnections--;
      bump(this.connections, address, -1);
    };
  }

  /** A Socket.IO handshake with its role decided: null to admit it, else why not (PIN roles always pass). */
  refuseSocket(address: string, role: Role): string | null {
    if (role !== 'viewer') return null;
    const mine = this.viewers.get(address) ?? 0;
    const reason =
      mine >= this.limits.viewersPerAddress
        ? `this address already has ${mine} screens open (the limit is ${this.limits.viewersPerAddress}): close some, or raise VIEWERS_PER_ADDRESS`
        : this.totalViewers >= this.limits.viewerBudget
          ? `the server already serves ${this.totalViewers} screens, its limit on this machine: try again shortly`
          : null;
    if (reason) this.noteRefusal('viewers', address, reason);
    return reason;
  }

  viewerJoined(address: string): () => void {
    this.totalViewers++;
    bump(this.viewers, address, 1);
    return () => {
      this.totalViewers--;
      bump(this.viewers, address, -1);
    };
  }

  stats(top = 5): AdmissionStats {
    const rows = [...this.connections].sort((a, b) => b[1] - a[1]).slice(0, top);
    return {
      viewers: this.totalViewers,
      connections: this.totalConnections,
      viewerBudget: this.limits.viewerBudget,
      viewersPerAddress: this.limits.viewersPerAddress,
      refused: { ...this.refused },
      top: rows.map(([address, connections]) => ({ address, connections, viewers: this.viewers.get(address) ?? 0 })),
    };
  }

  /** Counted every time; logged once a minute per address, so a flood cannot flood the log. */
  private noteRefusal(kind: 'engine' | 'viewers', address: string, reason: string): void {
    this.refused[kind]++;
    const now = this.now();
    const last = this.lastLogged.get(address);
    if (last !== undefined && now - last < REFUSAL_LOG_EVERY_MS) return;
    this.lastLogged.set(address, now);
    if (this.lastLogged.size > 10_000) this.lastLogged.clear();
    this.log.warn(`refused a connection from ${address}: ${reason} (${this.refused.engine + this.refused.viewers} refused since start)`);
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const value = (map.get(key) ?? 0) + by;
  if (value > 0) map.set(key, value);
  else map.delete(key);
}
