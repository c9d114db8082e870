/**
 * Durations and times of day as people type them in a spreadsheet. Each parser returns a value or
 * a reason in plain words; a value that parses but is out of range (0, negative) is passed on so
 * that the programme schema names the rule it breaks.
 */
import { type Cell, cellText } from './sheet';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
export type Unit = 'min' | 'sec';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/**
 * Seconds from `15` (in the column's unit), `7,5`, `15:00` (m:ss), `1:05:00` (h:mm:ss),
 * `15 phút` / `15'` / `15 min`, `90 giây` / `90s`, or an Excel time cell. Null for an empty cell.
 */
export function parseDuration(cell: Cell | undefined, unit: Unit, what = 'duration'): Parsed<number> | null {
  if (cell instanceof Date) return ok(cell.getUTCHours() * 3600 + cell.getUTCMinutes() * 60 + cell.getUTCSeconds());
  if (typeof cell === 'number') return ok(Math.round(unit === 'min' ? cell * 60 : cell));
  const text = cellText(cell);
  if (text === '') return null;
  const clock = /^(-)?(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (clock) {
    const [, minus, a, b, c] = clock;
    const s = c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);
    return ok(minus ? -s : s);
  }
  const m = /^(-?\d+(?:[.,]\d+)?)\s*(phút|phut|p|min|mins|minutes?|'|giây|giay|gi|s|sec|secs|seconds?|")?$/iu.exec(text);
  if (m) {
    const n = Number((m[1] as string).replace(',', '.'));
    const suffix = (m[2] ?? '').toLowerCase();
    const inUnit: Unit = suffix === '' ? unit : /^(giây|giay|gi|s|sec|secs|seconds?|")$/u.test(suffix) ? 'sec' : 'min';
    return ok(Math.round(inUnit === 'min' ? n * 60 : n));
  }
  return bad(`${what} "${text.slice(0, 40)}" is not a duration: write 15 (minutes), 15:00 or 1:05:00`);
}

/** `07:30` from `7:30`, `07:30`, `7h30`, `7h`, `7.30`, an Excel time cell or a fraction of a day. */
export function parseTimeOfDay(cell: Cell | undefined, what = 'start'): Parsed<string> | null {
  if (cell instanceof Date) return ok(hhmm(cell.getUTCHours(), cell.getUTCMinutes()));
  if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    const minutes = Math.round(cell * 24 * 60);
    return ok(hhmm(Math.floor(minutes / 60) % 24, minutes % 60));
  }
  // "07:30 - 07:40": a time slot gives its start.
  const text = cellText(cell).split(/\s*[-–—]\s*/)[0] ?? '';
  if (text === '') return null;
  const m = /^(\d{1,2})\s*(?:[:hg.]\s*(\d{2})?)?(?::\d{2})?$/iu.exec(text);
  if (m && (m[2] !== undefined || /h|g/i.test(text))) {
    const h = Number(m[1]);
    const mi = Number(m[2] ?? 0);
    if (h < 24 && mi < 60) return ok(hhmm(h, mi));
  }
  return bad(`${what} "${text.slice(0, 40)}" is not a time of day: write 07:30`);
}

const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

/** The unit a column header asks for: "(phút)"/"(min)" → minutes, "(giây)"/"(s)" → seconds. */
export function unitOfHeader(folded: string, fallback: Unit): Unit {
  if (/\b(phut|min|mins|minutes?)\b/.test(folded)) return 'min';
  if (/\b(giay|s|sec|secs|seconds?)\b/.test(folded)) return 'sec';
  return fallback;
}
