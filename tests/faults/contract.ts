/**
 * The public contract written out by hand — ARCHITECTURE.md's command table, docs/api.md, README
 * C12–C14 — as the tests' own oracle. Nothing here is imported from shared/ or server/: a wrong
 * role table, schema, forbidden-key check or body limit in production cannot agree with itself.
 * Where the contract does not decide (an item's fields beyond id/title/duration, a message that
 * is only whitespace, a body between 64 000 and 65 536 bytes) the model says `either` and the
 * tests accept a coded refusal or an acceptance.
 */
export const CONTRACT_COMMANDS = [
  'start', 'next', 'previous', 'goto', 'pause', 'resume', 'addTime', 'message', 'clearMessage', 'blackout',
  'standby', 'ready', 'rolled', 'lowerThird', 'reset', 'upsertItem', 'removeItem', 'moveItem', 'replaceProgramme',
  // Issue 13 (readiness board, RB1): additions, MC only.
  'readyTick', 'readyUntick', 'readyEdit',
] as const;
export type ContractCommand = (typeof CONTRACT_COMMANDS)[number];
export type ContractRole = 'mc' | 'av' | 'viewer';

/** [C12] the MC PIN sends everything, the AV PIN these three, a viewer nothing. */
export const MAY_SEND: Record<ContractRole, readonly ContractCommand[]> = {
  mc: CONTRACT_COMMANDS,
  av: ['ready', 'rolled', 'lowerThird'],
  viewer: [],
};
/** [C13] keys that make a payload `invalid_command` wherever they appear. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const KB = 1024;
/** "64 KB for a command; 1 MB for upsertItem and replaceProgramme" — KB read as 1000 or 1024. */
const LIMITS = { small: [64_000, 64 * KB], large: [1_000_000, KB * KB] } as const;
const LARGE: readonly string[] = ['upsertItem', 'replaceProgramme'];

export type Judgement = 'valid' | 'refused' | 'either';
type Check = (v: unknown) => Judgement;

const all = (...js: Judgement[]): Judgement => (js.includes('refused') ? 'refused' : js.includes('either') ? 'either' : 'valid');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (check: Check): Check => (v) => (v === undefined ? 'valid' : check(v));
/** A whole number from `min`; above `max` (or past exact integers) refused, or `either` when the contract gives no bound. */
const whole = (min: number, max = Number.MAX_SAFE_INTEGER, soft = false): Check => (v) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) return 'refused';
  if (!Number.isSafeInteger(v) || v > max) return soft ? 'either' : 'refused';
  return 'valid';
};
/** Ids are text; the contract gives no length, so a very long one may go either way. */
const id: Check = (v) => (typeof v !== 'string' || v.length === 0 ? 'refused' : v.length > 64 ? 'either' : 'valid');
const position: Check = (v) => (isObject(v) ? all(id(v.itemId), v.segmentIndex === null ? 'valid' : whole(0, 999, true)(v.segmentIndex)) : 'refused');

/** "text (1–200 chars)": characters read as code points or UTF-16 units, surrounding space kept or trimmed. */
const textUpTo = (max: number): Check => (v) => {
  if (typeof v !== 'string') return 'refused';
  const readings = [v, v.trim()].flatMap((t) => [t.length, [...t].length]);
  const fits = readings.map((n) => n >= 1 && n <= max);
  return fits.every(Boolean) ? 'valid' : fits.some(Boolean) ? 'either' : 'refused';
};
const text = textUpTo(200);
/** A readiness board's list: the contract names its entries' id and label; anything more is the schema's to judge. */
const checks: Check = (v) => (Array.isArray(v) ? 'either' : 'refused');

/** JSON text, or undefined for a value too deep to write out (hostile payloads nest 100,000 deep). */
const json = (v: unknown): string | undefined => {
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
};
/** Items and programmes the tests send as known-good; anything else is judged on what the contract names. */
const KNOWN_GOOD = new Set<string>();
export const knownGood = (value: unknown) => KNOWN_GOOD.add(json(value) ?? '');
const isKnownGood = (v: unknown) => isObject(v) && KNOWN_GOOD.has(json(v) ?? '\0');

function item(v: unknown): Judgement {
  if (isKnownGood(v)) return 'valid';
  if (!isObject(v)) return 'refused';
  const named = all(id(v.id), typeof v.title === 'string' ? 'valid' : 'refused');
  const duration = typeof v.durationSec === 'number' && Number.isFinite(v.durationSec) && v.durationSec > 0 ? 'valid' : 'refused';
  return all(named, duration) === 'refused' ? 'refused' : 'either';
}
const programme: Check = (v) => (isKnownGood(v) ? 'valid' : isObject(v) && Array.isArray(v.items) ? 'either' : 'refused');

const FIELDS: Record<ContractCommand, Record<string, Check>> = {
  start: {},
  next: {},
  previous: {},
  goto: { itemId: id, segmentIndex: optional(whole(0, 999, true)) },
  pause: {},
  resume: {},
  addTime: { seconds: (v) => (whole(-3600, 3600)(v) === 'valid' && v !== 0 ? 'valid' : 'refused') },
  message: { text },
  clearMessage: {},
  blackout: { on: (v) => (typeof v === 'boolean' ? 'valid' : 'refused') },
  standby: { itemId: id },
  ready: { itemId: id },
  rolled: { itemId: id },
  lowerThird: { mode: (v) => (v === 'auto' || v === 'show' || v === 'hide' ? 'valid' : 'refused') },
  reset: {},
  upsertItem: { item, index: optional(whole(0, 10_000, true)) },
  removeItem: { itemId: id },
  moveItem: { itemId: id, toIndex: whole(0, 10_000, true) },
  replaceProgramme: { programme },
  // A check id is text of 1–64 characters; whether surrounding space counts is the schema's choice.
  readyTick: { checkId: textUpTo(64), by: textUpTo(60) },
  readyUntick: { checkId: textUpTo(64), by: textUpTo(60) },
  readyEdit: { checks },
};
/** Any command may carry the guards. */
const GUARDS: Record<string, Check> = { expectedRevision: optional(whole(0)), from: optional(position) };

export function hasForbidden(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) return true;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return false;
}

/** Is this value (as the server parsed it), `bytes` long, a command this role may have accepted? */
export function judge(value: unknown, bytes: number, role: ContractRole): Judgement {
  if (!isObject(value) || typeof value.type !== 'string' || !(CONTRACT_COMMANDS as readonly string[]).includes(value.type)) return 'refused';
  const type = value.type as ContractCommand;
  if (!MAY_SEND[role].includes(type)) return 'refused';
  if (hasForbidden(value)) return 'refused';
  const [atMost, atLeast] = LARGE.includes(type) ? LIMITS.large : LIMITS.small;
  const size: Judgement = bytes <= atMost ? 'valid' : bytes > atLeast ? 'refused' : 'either';
  // Keys the contract does not name are not the command's: they neither make nor break it.
  const fields = { ...GUARDS, ...FIELDS[type] };
  return all(size, ...Object.entries(fields).map(([k, check]) => check(value[k])));
}

const same = (a: unknown, b: unknown) => a === b || (json(a) !== undefined && json(a) === json(b));
/** An item as stored holds what was sent of the fields the contract names (it may add defaults). */
const sameItem = (stored: unknown, sent: unknown) =>
  isObject(stored) && isObject(sent) && ['id', 'title', 'kind', 'durationSec'].every((k) => sent[k] === undefined || same(stored[k], sent[k]));

/**
 * Why a journal entry is not the command that was accepted, or null: it holds exactly the fields
 * the contract names that were sent (a message's text may be trimmed), and nothing else.
 */
export function journalMismatch(stored: unknown, sent: unknown): string | null {
  if (!isObject(stored) || !isObject(sent)) return 'not a command';
  const type = sent.type as ContractCommand;
  const names = ['type', ...Object.keys(GUARDS), ...Object.keys(FIELDS[type] ?? {})];
  const extra = Object.keys(stored).filter((k) => !names.includes(k));
  if (extra.length) return `fields the command does not have: ${extra.join(', ')}`;
  for (const k of names) {
    const [a, b] = [stored[k], sent[k]];
    const ok =
      k === 'item' ? sameItem(a, b)
      : k === 'programme' ? isObject(a) && isObject(b) && same((a.items as unknown[] | undefined)?.map((i) => (i as { id?: unknown }).id), (b.items as unknown[]).map((i) => (i as { id?: unknown }).id))
      : (k === 'text' || k === 'by' || k === 'checkId') && typeof b === 'string' ? a === b || a === b.trim()
      : k === 'from' && isObject(a) && isObject(b) ? a.itemId === b.itemId && a.segmentIndex === b.segmentIndex
      : same(a, b);
    if (!ok) return `${k} is ${json(a)?.slice(0, 80)}, was sent as ${json(b)?.slice(0, 80)}`;
  }
  return null;
}
