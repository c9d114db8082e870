import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '@shared/import/csv';
import { auditToSheet, reportToSheet } from '@shared/import/report-sheet';
import { buildReport } from '@shared/report';
import { show } from './helpers';

/** 07:30 start, reception 1 min, opening 13 min with a 1-min pause, then the discussion, then the end. */
function scriptedRun() {
  const s = show();
  s.send({ type: 'start' });
  s.clock.advance(60_000);
  s.send({ type: 'next' });
  s.clock.advance(12 * 60_000);
  s.send({ type: 'pause' });
  s.clock.advance(60_000);
  s.send({ type: 'resume' });
  s.send({ type: 'goto', itemId: 'thao-luan' });
  s.clock.advance(9 * 60_000);
  s.send({ type: 'addTime', seconds: 60 });
  s.send({ type: 'next' });
  s.clock.advance(7 * 60_000);
  s.send({ type: 'goto', itemId: 'ket-thuc' });
  s.clock.advance(2 * 3600_000);
  s.send({ type: 'next' });
  return s;
}

describe('report and audit CSV', () => {
  it('[E2] the report CSV has planned vs actual for items and segments, totals and the end against 10:30', () => {
    const s = scriptedRun();
    const report = buildReport(s.state.programme, s.state.record);
    const text = toCsv(reportToSheet(report, 'vi'));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text).rows;
    expect(rows[0]!.slice(0, 4)).toEqual(['STT', 'Nội dung', 'Phần', 'Người thực hiện']);
    const opening = rows.find((r) => r[1] === 'Tuyên bố lý do, giới thiệu đại biểu')!;
    // planned 07:30 for 10:00; ran 07:31:00–07:44:00 (13:00, 1:00 of it paused): +3:00, 1 min late
    expect(opening.slice(4, 14)).toEqual(['07:30', '07:31:00', '07:44:00', '10:00', '13:00', '+3:00', '+1:00', '1:00', '', '1']);
    const first = rows.find((r) => r[0] === '5.1')!;
    expect(first.slice(1, 3)).toEqual(['', 'Tham luận 1']);
    // planned 08:15 (07:30 + 10 + 15 + 20 min before the discussion), started at 07:44:00: 31 min early
    expect(first.slice(4, 6)).toEqual(['08:15', '07:44:00']);
    expect(first.slice(8, 13)).toEqual(['9:00', '+1:00', '-31:00', '', '+1:00']);
    const skipped = rows.find((r) => r[1]?.startsWith('Báo cáo tổng kết'))!;
    expect(skipped.slice(5, 10)).toEqual(['', '', '15:00', '', '']);
    const end = rows.find((r) => r[1] === 'Kết thúc (kế hoạch / thực tế)')!;
    expect(end.slice(2)).toEqual(['10:30 / 10:00:00', '-30:00']);
    expect(rows.find((r) => r[1] === 'Tổng chênh lệch')![2]).toMatch(/^[+-]\d+:\d\d/);
    expect(reportToSheet(report, 'en')[0]![4]).toBe('Planned start');
  });

  it('[E3] the audit CSV: when, role, client label, command, details, revision', () => {
    const s = scriptedRun();
    const lines = s.entries.map((e) => ({ revision: e.revision, at: e.at, role: 'mc' as const, label: 'MC console 1', type: e.command.type, command: e.command, from: e.from, to: e.to }));
    const rows = parseCsv(toCsv(auditToSheet(lines, 'Asia/Ho_Chi_Minh', 'vi'))).rows;
    expect(rows[0]).toEqual(['Thời điểm', 'Ngày', 'Vai trò', 'Máy', 'Lệnh', 'Chi tiết', 'Từ', 'Đến', 'Phiên bản']);
    expect(rows[1]).toEqual(['07:30:00', '18/01/2024', 'MC / Điều hành', 'MC console 1', 'start', '', '', 'don-tiep', '1']);
    expect(rows.find((r) => r[4] === 'addTime')!.slice(5, 7)).toEqual(['+60 s', 'thao-luan #1']);
    expect(rows.find((r) => r[4] === 'goto')![5]).toBe('thao-luan');
  });
});
