/**
 * Hostile payloads for scenario 4, generated with fast-check from a seed: malformed JSON, unknown
 * and look-alike types, wrong field types, NaN/Infinity/negative/huge numbers, 1 MB strings, deep
 * nesting, `__proto__`/`constructor`/`prototype` keys, odd Unicode, binary — and valid commands
 * with one field swapped or extra keys added, so some get through and move the show.
 */
import fc from 'fast-check';
import { EXAMPLES, EVERY_COMMAND_TYPE } from './examples';

export const MB = 1024 * 1024;
const ITEM = { id: 'them-muc', kind: 'other', title: 'Mục thêm', durationSec: 300 };

export const ODD_UNICODE = [
  '\uD800', 'a\uDFFFb', '\u202Enext', '\u200B', 'nex\u200Dt', '\u0000', 'e\u0301'.repeat(500), '👩‍👩‍👧‍👦'.repeat(50),
  '\uFEFFnext', '\uFFFF', 'nеxt' /* Cyrillic е */, 'NEXT', ' next ', 'next\u0000', 'Đề nghị đồng chí kết thúc', 'Đề nghị'.normalize('NFD'),
  '\u0085\u2028\u2029', '\t\r\n', '%00', '<script>alert(1)</script>', "'; DROP TABLE journal; --", '${process.exit()}', '../../etc/passwd',
];

/** Deeply nested arrays or objects, built without recursion. */
export function deep(depth: number, kind: 'array' | 'object' = 'array'): unknown {
  let v: unknown = kind === 'array' ? [] : {};
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}
export const deepJson = (depth: number, kind: 'array' | 'object' = 'array') =>
  kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '{}' + '}'.repeat(depth);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
/** An object carrying a prototype key as an own property, as JSON.parse makes it. */
export const withKey = (base: object, key: string, value: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(base).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(value)},`)) as Record<string, unknown>;

const weirdNumber = fc.constantFrom(NaN, Infinity, -Infinity, -1, -0, 0, 0.5, -3601, 3601, 1e308, -1e308, 2 ** 53 + 1, Number.MIN_VALUE, 999999999999);
const weirdScalar = fc.oneof(
  weirdNumber,
  fc.constantFrom('', ' ', '0', 'true', 'null', null, true, false, [], {}, [[]], [null]),
  fc.constantFrom(...ODD_UNICODE),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const weirdValue = fc.oneof(
  { arbitrary: weirdScalar, weight: 12 },
  { arbitrary: fc.integer({ min: 20, max: 3000 }).map((d) => deep(d, d % 2 ? 'array' : 'object')), weight: 1 },
  { arbitrary: fc.constantFrom(...PROTO_KEYS).map((k) => withKey({ x: 1 }, k, { polluted: true })), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
);

const example = fc.constantFrom(...EVERY_COMMAND_TYPE).map((t) => structuredClone(EXAMPLES[t]) as Record<string, unknown>);

/** A command-shaped value (what a socket emits, or what an HTTP body encodes). */
export const commandLike = fc.oneof(
  // A valid command with one field swapped for something odd.
  { arbitrary: fc.tuple(example, weirdValue, fc.nat()).map(([c, v, n]) => {
      const keys = Object.keys(c);
      c[keys[n % keys.length] as string] = v;
      return c;
    }), weight: 6 },
  // A valid command with an odd extra field (or guard).
  { arbitrary: fc.tuple(example, fc.constantFrom('expectedRevision', 'from', 'extra', 'id', 'role', 'revision'), weirdValue).map(([c, k, v]) => ({ ...c, [k]: v })), weight: 3 },
  // A prototype key smuggled in next to a valid command.
  { arbitrary: fc.tuple(example, fc.constantFrom(...PROTO_KEYS)).map(([c, k]) => withKey(c, k, { type: 'reset', role: 'mc' })), weight: 1 },
  // Unknown or look-alike types.
  { arbitrary: fc.oneof(fc.constantFrom(...ODD_UNICODE), fc.string({ maxLength: 20 }), weirdValue).map((type) => ({ type })), weight: 2 },
  // A valid command unchanged (odd Unicode in its text where it has one).
  { arbitrary: fc.tuple(example, fc.constantFrom(...ODD_UNICODE)).map(([c, u]) => (c.type === 'message' ? { ...c, text: `Còn 1 phút ${u}`.slice(0, 200) } : c)), weight: 2 },
  // Anything at all.
  { arbitrary: fc.anything({ maxDepth: 3 }), weight: 2 },
);

/** Raw HTTP bodies: text that is not JSON, or not UTF-8, or very large. */
export const malformedBody = fc.oneof(
  fc.constantFrom(
    '', ' ', 'null', 'true', '42', '"next"', '[]', '{', '{"type":', '{"type":"next",}', "{'type':'next'}", '{type:"next"}',
    '{"type":"addTime","seconds":NaN}', '{"type":"addTime","seconds":Infinity}', '{"type":"addTime","seconds":-Infinity}',
    '{"type":"addTime","seconds":1e999}', '\uFEFF{"type":"next"}', '{"type":"next"}{"type":"next"}', '{"type":"next"}\u0000',
    '{"type":"message","text":"\\ud800"}', '{"type":"message","text":"\\u0000"}', '{"__proto__":{"type":"reset"}}',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ maxLength: 60 }).map((s) => `{"type":"message","text":"${s}`),
);

/** Bytes that are not UTF-8 at all. */
export const notUtf8 = fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => Uint8Array.from([0x7b, 0xff, 0xfe, ...b]));

/** Big ones, kept rare: 1 MB strings and deep nesting, as text (HTTP) so the client never recurses. */
export function bigBodies(): { name: string; body: string }[] {
  const mb = 'x'.repeat(MB);
  return [
    { name: '1 MB message text', body: JSON.stringify({ type: 'message', text: mb }) },
    { name: '1 MB unknown type', body: JSON.stringify({ type: mb }) },
    { name: '1 MB script line in an item', body: JSON.stringify({ type: 'upsertItem', item: { ...ITEM, script: [mb] } }) },
    { name: '~1 MB item of many lines', body: JSON.stringify({ type: 'upsertItem', item: { ...ITEM, script: Array(500).fill('y'.repeat(1990)) } }) },
    { name: '2 MB body', body: JSON.stringify({ type: 'next', pad: 'z'.repeat(2 * MB) }) },
    { name: '5000-deep type', body: `{"type":${deepJson(5000)}}` },
    { name: '30000-deep type', body: `{"type":${deepJson(30000)}}` },
    { name: '300000-deep body', body: deepJson(300000) },
    { name: '20000-deep text', body: `{"type":"message","text":${deepJson(20000, 'object')}}` },
    { name: '100000-deep item', body: `{"type":"upsertItem","item":${deepJson(100000)}}` },
    { name: '5000-deep expectedRevision', body: `{"type":"next","expectedRevision":${deepJson(5000)}}` },
    { name: '200000 keys', body: `{"type":"next",${Array.from({ length: 60000 }, (_, i) => `"k${i}":1`).join(',')}}` },
    { name: '1 MB of __proto__', body: `{"type":"upsertItem","item":{"id":"x",${Array.from({ length: 40000 }, (_, i) => `"__proto__${i}":1`).join(',')},"__proto__":{"a":1}}}` },
  ];
}

export const sampleOf = <T>(arb: fc.Arbitrary<T>, n: number, seed: number): T[] => fc.sample(arb, { numRuns: n, seed });
