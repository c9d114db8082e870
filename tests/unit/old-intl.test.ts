import { afterEach, describe, expect, it, vi } from 'vitest';
import { TZDate } from '@date-fns/tz';
import * as modern from '../../shared/time';

// [L3] Old browsers' Intl (Chrome < 95, Safari < 15.4, Firefox < 91) refuses timeZoneName
// 'longOffset', which @date-fns/tz needs; shared/time.ts then reads offsets from formatToParts.
// Here Node's Intl is made to refuse it the same way, shared/time.ts is loaded afresh, and every
// time it shows must equal what the modern path shows.
const ZONES = ['Asia/Ho_Chi_Minh', 'Europe/Berlin', 'America/New_York', 'Australia/Adelaide', 'Asia/Kolkata', 'UTC'];
// A year of instants, every 29 h 13 min, plus both sides of Europe's and America's 2024 DST changes.
const INSTANTS = [
  ...Array.from({ length: 300 }, (_, i) => Date.UTC(2024, 0, 1) + i * (29 * 3_600_000 + 13 * 60_000) + 17_321),
  Date.UTC(2024, 2, 31, 0, 59, 59), Date.UTC(2024, 2, 31, 1, 0, 0), Date.UTC(2024, 9, 27, 0, 59, 59), Date.UTC(2024, 9, 27, 1, 0, 0),
  Date.UTC(2024, 2, 10, 6, 59, 59), Date.UTC(2024, 2, 10, 7, 0, 0), Date.UTC(2024, 10, 3, 5, 59, 59), Date.UTC(2024, 10, 3, 6, 0, 0),
  -1500, // before the epoch, not on a whole second
];

async function loadWithOldIntl(): Promise<typeof modern> {
  const Real = Intl.DateTimeFormat;
  const Old = function (this: unknown, locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    if ((options?.timeZoneName as string | undefined) === 'longOffset') throw new RangeError('Value longOffset out of range for Intl.DateTimeFormat options property timeZoneName');
    return new Real(locales, options);
  } as unknown as typeof Intl.DateTimeFormat;
  Object.assign(Old, { supportedLocalesOf: Real.supportedLocalesOf });
  Object.defineProperty(Old, 'prototype', { value: Real.prototype });
  vi.stubGlobal('Intl', { ...Intl, DateTimeFormat: Old });
  vi.resetModules();
  return import('../../shared/time');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('[L3] event times without Intl longOffset (old browsers)', () => {
  it('[L3] the stubbed Intl really breaks @date-fns/tz (so the check below can fail)', async () => {
    await loadWithOldIntl();
    expect(Number.isNaN(new TZDate(0, 'Asia/Ho_Chi_Minh').getTime()) || Number.isNaN(new TZDate(0, 'Asia/Ho_Chi_Minh').getHours())).toBe(true);
  });

  // The modern answers are taken before Intl is stubbed (the stub is global: it breaks them too).
  it('[L3] times of day, clock times, dates and long dates are the same as on a modern browser', { timeout: 30_000 }, async () => {
    const long = modern.instant(Date.UTC(2024, 0, 18, 1));
    const want = ZONES.map((tz) => ({
      clock: INSTANTS.map((at) => modern.formatClockTime(modern.instant(at), tz)),
      date: INSTANTS.map((at) => modern.toCalendarDate(modern.instant(at), tz)),
      long: modern.formatLongDate(long, tz, 'vi'),
    }));
    const old = await loadWithOldIntl();
    for (const [z, tz] of ZONES.entries()) {
      expect(INSTANTS.map((at) => old.formatClockTime(old.instant(at), tz)), tz).toEqual(want[z]!.clock);
      expect(INSTANTS.map((at) => old.toCalendarDate(old.instant(at), tz)), tz).toEqual(want[z]!.date);
      expect(old.formatLongDate(long, tz, 'vi'), tz).toBe(want[z]!.long);
    }
    expect(old.formatTimeOfDay(old.instant(Date.UTC(2024, 0, 18, 0, 30)), 'Asia/Ho_Chi_Minh')).toBe('07:30');
  });

  it('[L3] a programme time (date + HH:mm in the zone) is the same instant as on a modern browser, DST included', async () => {
    const dates = ['2024-01-18', '2024-03-10', '2024-03-31', '2024-06-30', '2024-10-27', '2024-11-03', '2024-12-31'];
    const times = ['00:00', '01:30', '02:30', '03:00', '07:30', '12:00', '23:59'];
    const cases = ZONES.flatMap((tz) => dates.flatMap((d) => times.map((t) => [d, t, tz] as const)));
    const want = cases.map(([d, t, tz]) => modern.zonedInstant(d, t, tz));
    const old = await loadWithOldIntl();
    const got = cases.map(([d, t, tz]) => old.zonedInstant(d, t, tz));
    expect(cases.filter((_, i) => got[i] !== want[i]).map((c) => c.join(" "))).toEqual([]);
  });

  it('[L3] offsets from formatToParts: Hanoi +07:00, Kolkata +05:30, New York −05:00 in winter', () => {
    expect(modern.offsetZone(modern.zoneOffsetMinutes(Date.UTC(2024, 0, 18), 'Asia/Ho_Chi_Minh'))).toBe('+07:00');
    expect(modern.offsetZone(modern.zoneOffsetMinutes(Date.UTC(2024, 0, 18), 'Asia/Kolkata'))).toBe('+05:30');
    expect(modern.offsetZone(modern.zoneOffsetMinutes(Date.UTC(2024, 0, 18), 'America/New_York'))).toBe('-05:00');
  });
});
