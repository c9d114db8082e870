/**
 * Programme patches and heavy data (issue 19, rules D1–D6). Pure: no clock, no I/O.
 *
 * - A programme's version is a content hash: the writer, its backup and every relay compute the
 *   same version from the same programme without keeping any extra state.
 * - An item edit, removal or move travels as a `ProgrammePatch` naming the version it applies to
 *   (`base`) and the version it produces (`version`); a screen whose programme is not at `base`
 *   asks for a snapshot instead of applying it.
 * - Honourees lists travel to current-protocol screens as a reference (content hash and count);
 *   the screens that show them fetch them by hash (`GET /api/v1/honourees/<hash>`).
 */
import type { Honouree, Item, Programme, Segment } from './programme';

/** Where a segment's honourees can be fetched, and how many there are. */
export interface HonoureesRef {
  hash: string;
  count: number;
}

/** A segment as current-protocol screens receive it: `honourees` empty, `honoureesRef` names the list. */
export type LeanSegment = Segment & { honoureesRef?: HonoureesRef };

export type PatchOp =
  | { op: 'upsert'; item: Item; index: number }
  | { op: 'remove'; itemId: string }
  | { op: 'move'; itemId: string; toIndex: number };

/** One programme change: `base` is the version it applies to, `version` the one it produces. */
export type ProgrammePatch = PatchOp & { base: string; version: string };

export type PatchResult = { ok: true; programme: Programme; version: string } | { ok: false; reason: 'base' | 'shape' };

// ---- Content hashes ----

/** JSON with object keys sorted, so equal content gives an equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** 64 bits of two independent 32-bit FNV-1a-style hashes over UTF-16 code units, as 16 hex digits. */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b);
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

// Programmes, items and lists are never mutated (the reducer builds new ones): hash each once.
const hashes = new WeakMap<object, string>();
const memoHash = (value: object): string => {
  let h = hashes.get(value);
  if (h === undefined) {
    h = hashText(canonicalJson(value));
    hashes.set(value, h);
  }
  return h;
};

/** [D4] The content hash an honourees list is fetched by. */
export const honoureesHash = (list: readonly Honouree[]): string => memoHash(list);

/** An item's hash: its fields, with each honourees list by its own hash (so a list is hashed once per array). */
function itemHash(item: Item): string {
  let h = hashes.get(item);
  if (h === undefined) {
    const segments = item.segments.map((s) => ({ ...s, honourees: s.honourees.length ? honoureesHash(s.honourees) : '' }));
    h = hashText(canonicalJson({ ...item, segments }));
    hashes.set(item, h);
  }
  return h;
}

/**
 * [D1] The programme's version: a hash of its whole content (honourees included), built from one
 * hash per item, so an edit costs the hashing of the item it changed, not of the programme.
 */
export function programmeVersion(programme: Programme): string {
  let h = hashes.get(programme);
  if (h === undefined) {
    const { items, ...head } = programme;
    h = hashText(`${canonicalJson(head)}|${items.map(itemHash).join(',')}`);
    hashes.set(programme, h);
  }
  return h;
}

/** True for the shape of a content hash (what `GET /api/v1/honourees/<hash>` accepts). */
export const isContentHash = (text: string): boolean => /^[0-9a-f]{16}$/.test(text);

// ---- Patches ----

/**
 * [D2] The patch that turns `previous` into `next` for a programme command, or null for any
 * other command (`replaceProgramme` always travels whole).
 */
export function patchFor(previous: Programme, next: Programme, op: PatchOp): ProgrammePatch | null {
  const base = programmeVersion(previous);
  const version = programmeVersion(next);
  switch (op.op) {
    case 'upsert': {
      const index = next.items.findIndex((i) => i.id === op.item.id);
      const item = next.items[index];
      return item ? { op: 'upsert', item, index, base, version } : null;
    }
    case 'remove':
      return { op: 'remove', itemId: op.itemId, base, version };
    case 'move':
      return { op: 'move', itemId: op.itemId, toIndex: op.toIndex, base, version };
  }
}

/**
 * [D2] Apply a patch to the programme a screen holds at `version`. Works on full and lean
 * programmes alike (the item replaces whatever was there). `base` mismatch, or a patch that does
 * not fit (an item that is not there), is `ok: false`: the screen must ask for a snapshot.
 */
export function applyPatch<P extends Programme>(programme: P, version: string | null, patch: ProgrammePatch): PatchResult {
  if (version === null || version !== patch.base) return { ok: false, reason: 'base' };
  const items = [...programme.items];
  switch (patch.op) {
    case 'upsert': {
      const at = items.findIndex((i) => i.id === patch.item.id);
      if (at >= 0) items.splice(at, 1);
      if (patch.index > items.length) return { ok: false, reason: 'shape' };
      items.splice(patch.index, 0, patch.item);
      break;
    }
    case 'remove': {
      const at = items.findIndex((i) => i.id === patch.itemId);
      if (at < 0 || items.length === 1) return { ok: false, reason: 'shape' };
      items.splice(at, 1);
      break;
    }
    case 'move': {
      const at = items.findIndex((i) => i.id === patch.itemId);
      if (at < 0 || patch.toIndex >= items.length) return { ok: false, reason: 'shape' };
      const [moved] = items.splice(at, 1);
      items.splice(patch.toIndex, 0, moved as Item);
      break;
    }
  }
  return { ok: true, programme: { ...programme, items }, version: patch.version };
}

// ---- Heavy data on demand ----

const leanSegment = (segment: Segment): LeanSegment =>
  segment.honourees.length === 0 ? segment : { ...segment, honourees: [], honoureesRef: { hash: honoureesHash(segment.honourees), count: segment.honourees.length } };

const leanItems = new WeakMap<Item, Item>();
/** [D4] The item as current-protocol screens receive it: each honourees list replaced by its reference. */
export function leanItem(item: Item): Item {
  let lean = leanItems.get(item);
  if (!lean) {
    lean = item.segments.some((s) => s.honourees.length > 0) ? { ...item, segments: item.segments.map(leanSegment) } : item;
    leanItems.set(item, lean);
  }
  return lean;
}

const leanProgrammes = new WeakMap<Programme, Programme>();
/** [D4] The programme as current-protocol screens receive it (built once per programme). */
export function leanProgramme(programme: Programme): Programme {
  let lean = leanProgrammes.get(programme);
  if (!lean) {
    lean = { ...programme, items: programme.items.map(leanItem) };
    leanProgrammes.set(programme, lean);
  }
  return lean;
}

/** The patch as current-protocol screens receive it (its item lean). */
export const leanPatch = (patch: ProgrammePatch): ProgrammePatch => (patch.op === 'upsert' ? { ...patch, item: leanItem(patch.item) } : patch);

/** The reference of a segment's honourees, when the list travelled apart from it. */
export const honoureesRefOf = (segment: Segment | undefined): HonoureesRef | undefined => (segment as LeanSegment | undefined)?.honoureesRef;

/** Every honourees list of a programme by hash (what the honourees route answers from). */
export function findHonourees(programme: Programme, hash: string): Honouree[] | undefined {
  for (const item of programme.items) {
    for (const segment of item.segments) {
      if (segment.honourees.length > 0 && honoureesHash(segment.honourees) === hash) return segment.honourees;
    }
  }
  return undefined;
}
