import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// [T8] Formatting is identical whatever the machine's own time zone: run the time tests and a
// formatting probe under several TZ values and compare.
const probe = `
import { zonedInstant, formatTimeOfDay, formatLongDate, formatDate } from './shared/time.ts';
import { defaultProgramme } from './shared/default-programme.ts';
import { plannedSchedule } from './shared/derive.ts';
const p = defaultProgramme();
const out = plannedSchedule(p).map((s) => formatTimeOfDay(s.start, p.timeZone) + '-' + formatTimeOfDay(s.end, p.timeZone));
const t = zonedInstant('2024-01-18', '23:59', p.timeZone);
console.log(JSON.stringify({ out, date: formatDate(t, p.timeZone), long: formatLongDate(t, p.timeZone, 'vi') }));
`;

describe('time zones', () => {
  it('[T8] the same programme prints the same times under TZ=UTC, America/Los_Angeles and Asia/Tokyo', () => {
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Ho_Chi_Minh'].map((TZ) =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { env: { ...process.env, TZ }, encoding: 'utf8' }),
    );
    const first = JSON.parse(results[0]!);
    expect(first.out[0]).toBe('07:00-07:30');
    expect(first.out[1]).toBe('07:30-07:40');
    expect(first.long).toBe('Thứ Năm, 18/01/2024');
    for (const r of results) expect(r).toBe(results[0]);
  }, 60_000); // four child processes, each loading tsx: slow on a busy 2-core machine
});
