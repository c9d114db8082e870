/**
 * The device roster (rules RB5–RB7): every screen connected to this node — role, label, address,
 * the page it shows, its measured clock offset and when it was last heard from. A closed screen
 * stays in the list as stale (with its last-seen time) for `forgetAfterMs`, then goes. Only MC
 * sockets may read it (`roster:get`). Memory is bounded: at most `maxEntries` screens are kept.
 */
import type { Role } from '@shared/commands';
import type { RosterEntry, RosterReply } from '@shared/protocol';
import type { Instant } from '@shared/time';

export const ROSTER_FORGET_MS = 5 * 60_000;
const MAX_ENTRIES = 2000;
/** Rows sent to a console: plenty for every device a hall has, bounded for a thousand phones. */
const MAX_ROWS = 300;

interface Entry {
  id: string;
  role: Role;
  label: string;
  address: string;
  page: string | null;
  connectedAt: number;
  lastSeen: number;
  offsetMs: number | null;
  rttMs: number | null;
  closedAt: number | null;
}

export class Roster {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: () => Instant, private readonly forgetAfterMs = ROSTER_FORGET_MS, private readonly maxEntries = MAX_ENTRIES) {}

  joined(id: string, info: { role: Role; label: string; address: string }): void {
    const now = this.clock();
    this.prune(now);
    if (this.entries.size >= this.maxEntries) return; // a flood of phones: the consoles and booth came first
    this.entries.set(id, { id, ...info, page: null, connectedAt: now, lastSeen: now, offsetMs: null, rttMs: null, closedAt: null });
  }

  /** Anything heard from the screen (an event, a transport pong). */
  seen(id: string): void {
    const e = this.entries.get(id);
    if (e && e.closedAt === null) e.lastSeen = this.clock();
  }

  /** What the screen says of itself after a clock sync; untrusted, so only sane numbers are kept. */
  report(id: string, raw: unknown): void {
    const e = this.entries.get(id);
    if (!e || typeof raw !== 'object' || raw === null) return;
    const r = raw as { offsetMs?: unknown; rttMs?: unknown; page?: unknown };
    const sane = (v: unknown, max: number) => (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= max ? Math.round(v) : null);
    const offset = sane(r.offsetMs, 366 * 24 * 3600_000);
    const rtt = sane(r.rttMs, 600_000);
    if (offset !== null) e.offsetMs = offset;
    if (rtt !== null && rtt >= 0) e.rttMs = rtt;
    if (typeof r.page === 'string') e.page = r.page.replace(/[^\w/.-]/g, '').slice(0, 40) || null;
    e.lastSeen = this.clock();
  }

  left(id: string): void {
    const e = this.entries.get(id);
    if (e) e.closedAt = e.lastSeen = this.clock();
  }

  list(): RosterReply {
    const now = this.clock();
    this.prune(now);
    const all = [...this.entries.values()];
    const rows = all
      .sort((a, b) => rank(a) - rank(b) || a.connectedAt - b.connectedAt)
      .slice(0, MAX_ROWS)
      .map((e): RosterEntry => ({
        id: e.id,
        role: e.role,
        label: e.label,
        address: e.address,
        page: e.page,
        connected: e.closedAt === null,
        connectedAt: e.connectedAt,
        lastSeen: e.lastSeen,
        offsetMs: e.offsetMs,
        rttMs: e.rttMs,
      }));
    return { serverTime: now, forgetAfterMs: this.forgetAfterMs, total: all.length, connected: all.filter((e) => e.closedAt === null).length, screens: rows };
  }

  private prune(now: number): void {
    for (const [id, e] of this.entries) if (e.closedAt !== null && now - e.closedAt >= this.forgetAfterMs) this.entries.delete(id);
  }
}

/** Consoles first, then the booth, then screens. */
const rank = (e: Entry) => (e.role === 'mc' ? 0 : e.role === 'av' ? 1 : 2);
