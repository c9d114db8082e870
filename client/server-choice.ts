/**
 * Which server a screen follows when its own has gone (issue 10; rules B20, B22). Pure — no
 * window, no fetch — so the choice is unit-tested without a browser; client/socket.ts does the
 * probing and the switching.
 *
 * Only a server that says it is the primary is followed: a backup lags and refuses commands, and
 * following one would show a frozen show as if it were live. Among primaries the newest promotion
 * (highest epoch) wins, so an old primary that comes back before it learns it was replaced is not
 * followed; on a tie the page stays where it is.
 */
import type { NodeStatus } from '@shared/protocol';

/** A screen hears of a handful of servers; the cap keeps probing cheap whatever a URL says. */
export const MAX_SERVERS = 8;

/** What probing one address found: its node status, or null when it did not answer usefully. */
export interface Probe {
  url: string;
  node: NodeStatus | null;
}

/** `http://host:port` of an address, or null when it is not an http(s) URL. */
export function normaliseUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The `?servers=url1,url2` option, for screens opened somewhere that does not list the backups. */
export function serversOption(search: string): string[] {
  const raw = new URLSearchParams(search).get('servers');
  return raw ? mergeServers([], raw.split(',')) : [];
}

/** Known addresses plus more, normalised, each once, in order of first mention, at most MAX_SERVERS. */
export function mergeServers(known: readonly string[], more: readonly (string | null | undefined)[]): string[] {
  const out = [...known];
  for (const raw of more) {
    const url = raw ? normaliseUrl(raw) : null;
    if (url && !out.includes(url) && out.length < MAX_SERVERS) out.push(url);
  }
  return out;
}

/** Every address a node names: itself, the primary it follows, its backups. */
export const addressesOf = (node: NodeStatus): (string | null)[] => [node.self, node.primaryUrl, ...node.backupUrls];

/**
 * The node status in a `GET /api/v1/info` answer. A server from before backups existed has none
 * and is a one-laptop primary (epoch 0); anything malformed counts as no answer.
 */
export function nodeFromInfo(body: unknown): NodeStatus | null {
  if (typeof body !== 'object' || body === null) return null;
  const { node, protocol } = body as { node?: unknown; protocol?: unknown };
  if (node === undefined && typeof protocol === 'number') {
    return { role: 'primary', epoch: 0, self: null, primaryUrl: null, backupUrls: [], backupLost: false, primaryReachable: false, behind: null, revision: 0, problem: null };
  }
  if (typeof node !== 'object' || node === null) return null;
  const n = node as Partial<NodeStatus>;
  if ((n.role !== 'primary' && n.role !== 'backup') || typeof n.epoch !== 'number') return null;
  return {
    role: n.role,
    epoch: n.epoch,
    self: typeof n.self === 'string' ? n.self : null,
    primaryUrl: typeof n.primaryUrl === 'string' ? n.primaryUrl : null,
    backupUrls: Array.isArray(n.backupUrls) ? n.backupUrls.filter((u): u is string => typeof u === 'string') : [],
    backupLost: n.backupLost === true,
    primaryReachable: n.primaryReachable === true,
    behind: typeof n.behind === 'number' ? n.behind : null,
    revision: typeof n.revision === 'number' ? n.revision : 0,
    problem: typeof n.problem === 'string' ? n.problem : null,
  };
}

/**
 * The server to follow now that `current` is gone, or null to keep looking (and keep counting).
 * `minEpoch` is the newest promotion this page has seen: a primary below it has been replaced.
 */
export function chooseServer(current: string, probes: readonly Probe[], minEpoch: number): string | null {
  let best: { url: string; epoch: number } | null = null;
  for (const { url, node } of probes) {
    if (!node || node.role !== 'primary' || node.epoch < minEpoch) continue;
    if (!best || node.epoch > best.epoch || (node.epoch === best.epoch && url === current)) best = { url, epoch: node.epoch };
  }
  return best?.url ?? null;
}
