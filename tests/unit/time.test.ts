import { describe, expect, it } from 'vitest';
import { countdownSeconds, formatClockTime, formatCountdown, formatDate, formatLongDate, formatSeconds, formatTimeOfDay, instant, zonedInstant, duration } from '@shared/time';

// This file runs under several TZ values (see tests/unit/tz.test.ts): its output must never change.
const tz = 'Asia/Ho_Chi_Minh';
const start = zonedInstant('2024-01-18', '07:30', tz);

describe('time', () => {
  it('[T8] 07:30 in Bắc Giang is 00:30 UTC, whatever the machine zone', () => {
    expect(new Date(start).toISOString()).toBe('2024-01-18T00:30:00.000Z');
  });

  it('[T8] times and dates are shown in the event time zone, Vietnamese by default', () => {
    expect(formatTimeOfDay(start, tz)).toBe('07:30');
    expect(formatClockTime(instant(start + 5_000), tz)).toBe('07:30:05');
    expect(formatDate(start, tz)).toBe('18/01/2024');
    expect(formatLongDate(start, tz, 'vi')).toBe('Thứ Năm, 18/01/2024');
    expect(formatLongDate(start, tz, 'en')).toBe('Thursday, 18/01/2024');
    // an instant late in the UTC day is already the next day in Hanoi
    expect(formatDate(instant(Date.UTC(2024, 0, 18, 20, 0)), tz)).toBe('19/01/2024');
  });

  it('[T4] a countdown rounds up while time is left and reaches 0:00 exactly at zero', () => {
    expect(formatCountdown(duration(900_000))).toBe('15:00');
    expect(formatCountdown(duration(899_001))).toBe('15:00');
    expect(formatCountdown(duration(899_000))).toBe('14:59');
    expect(formatCountdown(duration(1))).toBe('0:01');
    expect(formatCountdown(duration(0))).toBe('0:00');
  });

  it('[T4] overtime counts up with a plus and never shows -0:00', () => {
    expect(formatCountdown(duration(-1))).toBe('+0:00');
    expect(formatCountdown(duration(-999))).toBe('+0:00');
    expect(formatCountdown(duration(-1000))).toBe('+0:01');
    expect(formatCountdown(duration(-65_000))).toBe('+1:05');
    expect(countdownSeconds(duration(-1500))).toBe(-1);
    expect(countdownSeconds(duration(1500))).toBe(2);
  });

  it('[T4] long durations show hours', () => {
    expect(formatSeconds(3900)).toBe('1:05:00');
    expect(formatSeconds(59)).toBe('0:59');
  });
});
