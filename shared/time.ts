/**
 * Branded time units and the event-time-zone conversions every screen uses.
 * The core never reads a clock: every function that needs "now" takes it as an argument.
 */
import { TZDate } from '@date-fns/tz';
import { lightFormat } from 'date-fns';

declare const instantBrand: unique symbol;
declare const durationBrand: unique symbol;
/** Milliseconds since the Unix epoch (server clock). */
export type Instant = number & { readonly [instantBrand]: true };
/** A span of milliseconds; negative means "before" / "over". */
export type Duration = number & { readonly [durationBrand]: true };
/** A wall-clock time in the event's time zone, `HH:mm` (24-hour). */
export type TimeOfDay = string;
/** A calendar date in the event's time zone, `YYYY-MM-DD`. */
export type CalendarDate = string;
export type Lang = 'vi' | 'en';

export const instant = (ms: number): Instant => ms as Instant;
export const duration = (ms: number): Duration => ms as Duration;
export const seconds = (s: number): Duration => (s * 1000) as Duration;
export const minutes = (m: number): Duration => (m * 60_000) as Duration;
export const ZERO = 0 as Duration;

export const addTo = (at: Instant, d: Duration): Instant => (at + d) as Instant;
export const between = (from: Instant, to: Instant): Duration => (to - from) as Duration;
export const sum = (...ds: Duration[]): Duration => ds.reduce((a, b) => a + b, 0) as Duration;
export const laterOf = (a: Instant, b: Instant): Instant => (a >= b ? a : b);

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The instant at which `date` + `time` happens in `timeZone` (DST-safe via @date-fns/tz). */
export function zonedInstant(date: CalendarDate, time: TimeOfDay, timeZone: string): Instant {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  if (!LONG_OFFSET) return instant(wallTimeToInstant(y, mo, d, h, mi, timeZone));
  return instant(new TZDate(y, mo - 1, d, h, mi, 0, 0, timeZone).getTime());
}

/**
 * Old browsers (rule L3): @date-fns/tz reads a zone's offset with Intl's `timeZoneName:
 * 'longOffset'`, which Chrome < 95, Safari < 15.4 and Firefox < 91 refuse — it then falls back to
 * parsing the zone's name as an offset, and "Asia/Ho_Chi_Minh" gives NaN (every time "NaN:NaN").
 * Those browsers get the offset from `formatToParts` (Chrome 57, Safari 11) and a fixed "+07:00"
 * zone for that one instant instead.
 */
const supportsLongOffset = (): boolean => {
  try {
    return /GMT[+-]\d\d:\d\d/.test(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Ho_Chi_Minh', timeZoneName: 'longOffset' }).format(0));
  } catch {
    return false;
  }
};
const LONG_OFFSET = supportsLongOffset();

const partsFormats = new Map<string, Intl.DateTimeFormat>();
/** Minutes east of UTC of `timeZone` at `at` (420 for Asia/Ho_Chi_Minh), from formatToParts alone. */
export function zoneOffsetMinutes(at: number, timeZone: string): number {
  let f = partsFormats.get(timeZone);
  if (!f) {
    const opts = { timeZone, hour12: false, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
    f = new Intl.DateTimeFormat('en-US', opts);
    partsFormats.set(timeZone, f);
  }
  const part: Record<string, number> = {};
  for (const p of f.formatToParts(at)) if (p.type !== 'literal') part[p.type] = Number(p.value);
  // Chrome < 80 writes midnight as "24" with hour12: false.
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour! % 24, part.minute!, part.second!);
  return Math.round((wall - (at - (((at % 1000) + 1000) % 1000))) / 60_000);
}

/** The instant a wall-clock time in `timeZone` happens (the same answer as TZDate's, DST too). */
export function wallTimeToInstant(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const first = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  const second = wall - zoneOffsetMinutes(first, timeZone) * 60_000;
  if (second + zoneOffsetMinutes(second, timeZone) * 60_000 === wall) return second;
  // A wall time the clocks skip (spring forward): the later reading, as TZDate gives it.
  return Math.max(first, second);
}

/** `+07:00`: a fixed-offset zone @date-fns/tz understands without Intl's longOffset. */
export const offsetZone = (minutes: number): string => {
  const m = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** Weekday names, Sunday first (the words date-fns's vi and en-GB locales use). */
const WEEKDAYS: Record<Lang, readonly string[]> = {
  vi: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
// date-fns's lightFormat (numbers only, no locale): its format() with the vi and en-GB locales was
// a fifth of the JavaScript every screen loads (W3), for five fixed patterns and two weekday lists.
const inZone = (at: Instant, timeZone: string) =>
  new TZDate(at, LONG_OFFSET ? timeZone : offsetZone(zoneOffsetMinutes(at, timeZone)));

/** The calendar date (`YYYY-MM-DD`) of an instant in the event's time zone. */
export const toCalendarDate = (at: Instant, timeZone: string): CalendarDate => lightFormat(inZone(at, timeZone), 'yyyy-MM-dd');

/** `07:30` in the event's time zone, whatever the device's own zone. */
export const formatTimeOfDay = (at: Instant, timeZone: string): string => lightFormat(inZone(at, timeZone), 'HH:mm');

/** `07:30:05` in the event's time zone. */
export const formatClockTime = (at: Instant, timeZone: string): string => lightFormat(inZone(at, timeZone), 'HH:mm:ss');

/** `18/01/2024`. */
export const formatDate = (at: Instant, timeZone: string): string => lightFormat(inZone(at, timeZone), 'dd/MM/yyyy');

/** `Thứ Năm, 18/01/2024` (vi) or `Thursday, 18/01/2024` (en). */
export const formatLongDate = (at: Instant, timeZone: string, lang: Lang): string => {
  const zoned = inZone(at, timeZone);
  return `${WEEKDAYS[lang][zoned.getDay()]}, ${lightFormat(zoned, 'dd/MM/yyyy')}`;
};

/** Whole seconds a countdown shows: it reaches 0 exactly at zero, so round up while positive. */
export const countdownSeconds = (remaining: Duration): number =>
  remaining >= 0 ? Math.ceil(remaining / 1000) : -Math.floor(-remaining / 1000);

/** `15:00`, `1:05:00`, `0:07` — a non-negative number of whole seconds as a clock. */
export function formatSeconds(totalSeconds: number): string {
  const s = Math.abs(Math.trunc(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * A countdown as displayed: `4:59` while time is left, `+0:12` once over.
 * Never shows `-0:00`: the instant of zero is `0:00`, and overtime counts up from `+0:00`.
 */
export function formatCountdown(remaining: Duration): string {
  if (remaining >= 0) return formatSeconds(Math.ceil(remaining / 1000));
  return `+${formatSeconds(Math.floor(-remaining / 1000))}`;
}

/** A signed span, rounded to the nearest second, for drift: `4:30` (sign handled by the caller). */
export const formatSpan = (d: Duration): string => formatSeconds(Math.round(Math.abs(d) / 1000));
