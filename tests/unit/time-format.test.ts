/**
 * shared/time formats with date-fns's lightFormat and its own weekday words (W3: format() and its
 * locales were too heavy for the phones' first load). date-fns's format() stays the oracle here: for any
 * instant, in zones either side of UTC and
 * across DST, the light text is what date-fns would have written.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, vi } from 'date-fns/locale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDate, formatLongDate, formatTimeOfDay, instant, toCalendarDate } from '@shared/time';

const ZONES = ['Asia/Ho_Chi_Minh', 'UTC', 'America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Kiritimati'];

describe("formatting in the event zone with date-fns's lightFormat", () => {
  it('[W3] every pattern matches date-fns for any instant and zone', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...ZONES), (ms, tz) => {
        const at = instant(ms);
        const z = new TZDate(ms, tz);
        const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
        expect(toCalendarDate(at, tz)).toBe(format(z, 'yyyy-MM-dd'));
        expect(formatTimeOfDay(at, tz)).toBe(format(z, 'HH:mm'));
        expect(formatClockTime(at, tz)).toBe(format(z, 'HH:mm:ss'));
        expect(formatDate(at, tz)).toBe(format(z, 'dd/MM/yyyy'));
        expect(formatLongDate(at, tz, 'vi')).toBe(cap(format(z, 'EEEE, dd/MM/yyyy', { locale: vi })));
        expect(formatLongDate(at, tz, 'en')).toBe(cap(format(z, 'EEEE, dd/MM/yyyy', { locale: enGB })));
      }),
      { numRuns: 500 },
    );
  });
});
