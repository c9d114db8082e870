import { describe, expect, it } from 'vitest';
import {
  addTo, between, countdownSeconds, duration, formatClockTime, formatCountdown, formatLongDate, formatSeconds, formatSpan,
  formatTimeOfDay, instant, laterOf, minutes, seconds, sum, toCalendarDate, zonedInstant,
} from '@shared/time';

// Plain arithmetic on branded units, and the clock strings every screen shows (T4, T8).
describe('time units', () => {
  it('[T1] seconds and minutes are milliseconds; instants move by durations; between is signed', () => {
    expect(seconds(1.5)).toBe(1500);
    expect(minutes(2)).toBe(120_000);
    const t = instant(1_000_000);
    expect(addTo(t, duration(-250))).toBe(999_750);
    expect(between(t, instant(1_000_400))).toBe(400);
    expect(between(instant(1_000_400), t)).toBe(-400);
    expect(sum()).toBe(0);
    expect(sum(duration(1000), duration(-300), duration(50))).toBe(750);
  });

  it('[T7] laterOf picks the later instant, whichever side it is on', () => {
    expect(laterOf(instant(5), instant(9))).toBe(9);
    expect(laterOf(instant(9), instant(5))).toBe(9);
    expect(laterOf(instant(7), instant(7))).toBe(7);
  });

  it('[T8] the event zone decides the wall clock and the date, across a daylight-saving change too', () => {
    // Paris springs forward on 31/03/2024 at 02:00 → 03:00 (UTC+1 → UTC+2)
    const before = zonedInstant('2024-03-31', '01:30', 'Europe/Paris');
    const after = zonedInstant('2024-03-31', '03:30', 'Europe/Paris');
    expect(new Date(before).toISOString()).toBe('2024-03-31T00:30:00.000Z');
    expect(new Date(after).toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(between(before, after)).toBe(minutes(60));
    expect(formatTimeOfDay(after, 'Europe/Paris')).toBe('03:30');
    expect(formatClockTime(instant(after + 59_999), 'Europe/Paris')).toBe('03:30:59');
    // 23:30 UTC on the 17th is already the 18th at 06:30 in Hanoi, still the 17th in Los Angeles
    const late = instant(Date.UTC(2024, 0, 17, 23, 30));
    expect(toCalendarDate(late, 'Asia/Ho_Chi_Minh')).toBe('2024-01-18');
    expect(toCalendarDate(late, 'America/Los_Angeles')).toBe('2024-01-17');
    expect(zonedInstant('2024-12-31', '23:59', 'UTC')).toBe(Date.UTC(2024, 11, 31, 23, 59));
  });

  it('[T8] the long date starts with a capital in both languages', () => {
    const t = zonedInstant('2024-01-20', '09:00', 'Asia/Ho_Chi_Minh'); // a Saturday
    expect(formatLongDate(t, 'Asia/Ho_Chi_Minh', 'en')).toBe('Saturday, 20/01/2024');
    expect(formatLongDate(t, 'Asia/Ho_Chi_Minh', 'vi')).toMatch(/^Thứ [Bb]ảy, 20\/01\/2024$/);
  });
});

describe('countdown strings', () => {
  it('[T4] whole seconds shown: rounded up while time is left, exactly 0 at zero, counted up once over', () => {
    expect(countdownSeconds(duration(1))).toBe(1);
    expect(countdownSeconds(duration(1000))).toBe(1);
    expect(countdownSeconds(duration(1001))).toBe(2);
    expect(countdownSeconds(duration(0))).toBe(0);
    expect(countdownSeconds(duration(-1)) === 0).toBe(true); // the first second over still reads 0
    expect(countdownSeconds(duration(-999)) === 0).toBe(true);
    expect(countdownSeconds(duration(-1000))).toBe(-1);
    expect(countdownSeconds(duration(-1999))).toBe(-1);
    expect(countdownSeconds(duration(-2000))).toBe(-2);
  });

  it('[T4] a clock of whole seconds: m:ss under an hour, h:mm:ss from an hour, fractions cut, sign dropped', () => {
    expect(formatSeconds(0)).toBe('0:00');
    expect(formatSeconds(5)).toBe('0:05');
    expect(formatSeconds(600)).toBe('10:00');
    expect(formatSeconds(3599)).toBe('59:59');
    expect(formatSeconds(3600)).toBe('1:00:00');
    expect(formatSeconds(3605)).toBe('1:00:05');
    expect(formatSeconds(36_000 + 61)).toBe('10:01:01');
    expect(formatSeconds(61.9)).toBe('1:01');
    expect(formatSeconds(-65)).toBe('1:05');
  });

  it('[T4] a countdown over an hour shows hours; overtime over an hour too', () => {
    expect(formatCountdown(duration(3_600_000))).toBe('1:00:00');
    expect(formatCountdown(duration(3_599_001))).toBe('1:00:00');
    expect(formatCountdown(duration(-3_661_000))).toBe('+1:01:01');
  });

  it('[T6] a drift span is rounded to the nearest second and unsigned', () => {
    expect(formatSpan(duration(270_000))).toBe('4:30');
    expect(formatSpan(duration(-270_000))).toBe('4:30');
    expect(formatSpan(duration(4499))).toBe('0:04');
    expect(formatSpan(duration(4500))).toBe('0:05');
    expect(formatSpan(duration(-4500))).toBe('0:05');
  });
});
