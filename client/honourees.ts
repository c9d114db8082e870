/**
 * [D4][D6] Honourees lists on demand. Current-protocol screens receive each list as a reference
 * (content hash and count); the screens that show lists fetch them here, by hash, from
 * `GET /api/v1/honourees/<hash>` — once per page (kept in memory) and once per browser (a hash
 * names one content for ever: the server marks it immutable). The stage and broadcast screens
 * prefetch the lists of the item that is next, so nothing waits when it becomes current.
 * `/agenda` never imports this module.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { honoureesRefOf, type LeanSegment } from '@shared/patch';
import type { Honouree, Programme, Segment } from '@shared/programme';
import { useShow } from './store';

const lists = new Map<string, Honouree[]>();
const inFlight = new Map<string, Promise<void>>();
const failures = new Map<string, number>();
const listeners = new Set<() => void>();
let version = 0;

const RETRY_MS = [500, 1000, 2000, 4000, 8000];

function changed(): void {
  version++;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const base = (): string => useShow.getState().server.url || window.location.origin;

/** Fetch one list (no-op when held or on its way); retried with a growing pause while it fails. */
export function loadHonourees(hash: string): Promise<void> {
  if (lists.has(hash)) return Promise.resolve();
  const running = inFlight.get(hash);
  if (running) return running;
  const attempt = fetch(`${base()}/api/v1/honourees/${encodeURIComponent(hash)}`)
    .then(async (res) => {
      const body = (res.ok ? await res.json() : null) as { honourees?: unknown } | null;
      if (!body || !Array.isArray(body.honourees)) throw new Error(`honourees ${hash}: HTTP ${res.status}`);
      lists.set(hash, body.honourees as Honouree[]);
      failures.delete(hash);
      changed();
    })
    .catch(() => {
      const n = failures.get(hash) ?? 0;
      failures.set(hash, n + 1);
      // A list the programme no longer holds (404) is replaced by the next patch's reference; keep
      // trying a while for a server that is briefly out of reach.
      const wait = RETRY_MS[n];
      if (wait !== undefined) window.setTimeout(() => void loadHonourees(hash), wait);
    })
    .finally(() => inFlight.delete(hash));
  inFlight.set(hash, attempt);
  return attempt;
}

/** The list a segment carries inline, or the fetched one for its reference (null while loading). */
export function honoureesOf(segment: Segment | undefined): Honouree[] | null {
  if (!segment) return [];
  const ref = honoureesRefOf(segment);
  if (!ref) return segment.honourees;
  return lists.get(ref.hash) ?? null;
}

/** Start fetching every list of these segments (the item that is on now, or next). */
export function prefetchHonourees(segments: readonly Segment[] | undefined): void {
  for (const s of segments ?? []) {
    const ref = honoureesRefOf(s);
    if (ref) void loadHonourees(ref.hash);
  }
}

/** A segment's honourees for a screen: [] when it has none, null while its list is loading. */
export function useHonourees(segment: Segment | undefined): Honouree[] | null {
  useSyncExternalStore(subscribe, () => version);
  const hash = honoureesRefOf(segment)?.hash;
  useEffect(() => {
    if (hash) void loadHonourees(hash);
  }, [hash]);
  return honoureesOf(segment);
}

/** [D6] Fetch the lists of the current item and of the next one, whenever either changes. */
export function usePrefetchHonourees(programme: Programme | null, itemIds: readonly (string | null | undefined)[]): void {
  const key = programme
    ? itemIds
        .map((id) => programme.items.find((i) => i.id === id))
        .flatMap((item) => item?.segments.map((s) => honoureesRefOf(s)?.hash ?? '') ?? [])
        .filter(Boolean)
        .join(',')
    : '';
  useEffect(() => {
    for (const hash of key ? key.split(',') : []) void loadHonourees(hash);
  }, [key]);
}

/**
 * [D4] The whole programme with every list in place (for the editor: it edits, exports and sends
 * whole items), or null while a list is still loading. Segments carry no reference afterwards.
 */
export function hydrate(programme: Programme): Programme | null {
  let missing = false;
  const items = programme.items.map((item) => {
    if (!item.segments.some((s) => honoureesRefOf(s))) return item;
    return {
      ...item,
      segments: item.segments.map((s) => {
        const ref = honoureesRefOf(s);
        if (!ref) return s;
        const list = lists.get(ref.hash);
        if (!list) missing = true;
        const { honoureesRef: _ref, ...rest } = s as LeanSegment;
        return { ...rest, honourees: list ?? [] };
      }),
    };
  });
  return missing ? null : { ...programme, items };
}

/** [D4] `hydrate` as a hook: fetches what is missing and answers null until everything is in. */
export function useHydratedProgramme(programme: Programme | null): Programme | null {
  const v = useSyncExternalStore(subscribe, () => version);
  const hashes = useMemo(
    () => (programme ? programme.items.flatMap((i) => i.segments.map((s) => honoureesRefOf(s)?.hash ?? '')).filter(Boolean) : []),
    [programme],
  );
  useEffect(() => {
    for (const hash of hashes) void loadHonourees(hash);
  }, [hashes]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (programme ? hydrate(programme) : null), [programme, v]);
}
