/**
 * Times as organisers write them in a plan: `7h00 - 7h30`, `7h30- 10h30`, `07 giờ 30`, `-10h30`,
 * `Từ 7h30 đến 10h30`. A range on one row followed by rows without a time (or with the same
 * range, filled down from a merged cell) is a block: its rows share it in order, its end is kept,
 * and the durations the table does not give are estimated — a default per kind, scaled so the
 * block is filled exactly. Pure and deterministic: the same rows always give the same minutes.
 */
import type { ItemKind } from '../programme';

export interface TimeRange {
  start: string | null;
  end: string | null;
}

const TIME = /(\d{1,2})\s*(?:giờ|gio|h|g|:|\.)\s*(\d{2})?(?:\s*(?:phút|phut|p)\b)?|(\d{1,2})\s*(?=$|\s*[-–—]|\s+đến|\s+den)/giu;

/** Null when the text holds no time at all (an empty cell, a note). */
export function parseRange(text: string): TimeRange | null {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (t === '') return null;
  const times: { at: number; end: number; value: string }[] = [];
  for (const m of t.matchAll(TIME)) {
    const h = Number(m[1] ?? m[3]);
    const min = Number(m[2] ?? 0);
    if (h > 23 || min > 59) continue;
    // "7" alone is a time only when "h"/"giờ"/":" or a range dash says so.
    if (m[1] === undefined && !/[-–—]|đến|den/iu.test(t)) continue;
    times.push({ at: m.index, end: m.index + m[0].length, value: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` });
  }
  const [first, second] = times;
  if (!first) return null;
  if (second) return { start: first.value, end: second.value };
  // "-10h30" (until), "7h30-" (from): a dash before the only time makes it an end.
  const before = t.slice(0, first.at);
  return /[-–—]|đến|den/iu.test(before) ? { start: null, end: first.value } : { start: first.value, end: null };
}

export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const fromMinutes = (m: number): string => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Minutes per kind when a plan gives none: the organisers' own estimate for the Bắc Giang
 * conference (opening 10, film 15, plan 20, discussion 45, directive speech 20, break 15,
 * awards 35, launch 10, close 5), reception as the usual half hour.
 */
export const DEFAULT_MINUTES: Record<ItemKind, number> = {
  reception: 30, procedure: 10, film: 15, report: 20, speech: 20, discussion: 45,
  break: 15, awards: 35, launch: 10, closing: 5, other: 10,
};

export interface TimedRow {
  /** The time cell's text ('' when empty). */
  time: string;
  kind: ItemKind;
  /** Seconds the table (or the director, in the preview) gives for this row. */
  givenSec: number | null;
}

export interface RowTime {
  /** The fixed start of a block's first row. */
  fixedStart: string | null;
  durationSec: number;
  /** True when the duration is an estimate, not written anywhere. */
  estimated: boolean;
}

export interface Timing {
  rows: RowTime[];
  /** The first time the table gives: the programme's start. */
  start: string | null;
  /** The last block's end, when the table gives one. */
  end: string | null;
}

/** Splits the rows into blocks and gives each row its start and duration. */
export function timeRows(rows: readonly TimedRow[]): Timing {
  const ranges = rows.map((r) => parseRange(r.time));
  const out: RowTime[] = [];
  let start: string | null = null;
  let end: string | null = null;
  let i = 0;
  while (i < rows.length) {
    const opener = ranges[i] ?? null;
    let j = i + 1;
    let blockEnd = opener?.end ?? null;
    // The block goes on over rows with no time, or the same text (a merged cell filled down);
    // a row holding only an end ("-10h30") closes it.
    while (j < rows.length) {
      const r = ranges[j];
      if (r && rows[j]?.time === rows[i]?.time) j++;
      else if (r === null) j++;
      else if (r?.start === null && r.end !== null && blockEnd === null) {
        blockEnd = r.end;
        j++;
        break;
      } else break;
    }
    const blockStart = opener?.start ?? null;
    const next = ranges[j]?.start ?? null;
    blockEnd ??= next !== null && blockStart !== null ? next : null;
    start ??= blockStart;
    if (blockEnd !== null) end = blockEnd;
    out.push(...fillBlock(rows.slice(i, j), blockStart, blockEnd));
    i = j;
  }
  return { rows: out, start, end };
}

function fillBlock(rows: readonly TimedRow[], start: string | null, end: string | null): RowTime[] {
  const length = start !== null && end !== null ? toMinutes(end) - toMinutes(start) : null;
  const fixed = (k: number) => (k === 0 ? start : null);
  if (length !== null && length > 0 && rows.length === 1 && rows[0]?.givenSec == null) {
    return [{ fixedStart: start, durationSec: length * 60, estimated: false }];
  }
  const givenMin = rows.reduce((s, r) => s + (r.givenSec ?? 0) / 60, 0);
  const open = rows.map((r, k) => (r.givenSec == null ? k : -1)).filter((k) => k >= 0);
  const defaults = open.map((k) => DEFAULT_MINUTES[(rows[k] as TimedRow).kind]);
  const room = length === null ? null : length - givenMin;
  const minutes = room !== null && room >= open.length ? scaleToFill(defaults, room) : defaults;
  return rows.map((r, k) => {
    if (r.givenSec != null) return { fixedStart: fixed(k), durationSec: r.givenSec, estimated: false };
    return { fixedStart: fixed(k), durationSec: (minutes[open.indexOf(k)] as number) * 60, estimated: true };
  });
}

/**
 * Whole minutes in proportion to `weights` that add up to `total` exactly (largest remainder;
 * ties go to the earlier row), at least one minute each.
 */
export function scaleToFill(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, x) => s + x, 0);
  if (weights.length === 0 || sum <= 0) return weights.map(() => 1);
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = exact.map((x, k) => ({ k, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.k - b.k);
  for (let n = 0; left > 0; n = (n + 1) % order.length, left--) (out[(order[n] as { k: number }).k] as number)++;
  for (let k = out.length - 1; left < 0 && k >= 0; k--) {
    const take = Math.min(-left, (out[k] as number) - 1);
    out[k] = (out[k] as number) - take;
    left += take;
  }
  return out;
}
