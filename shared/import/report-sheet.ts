/**
 * The run report and the audit log as sheets (→ CSV with a BOM, so Excel shows Vietnamese).
 * Times are in the event's time zone; spans are signed clocks: `+3:00` ran long, `-1:30` short.
 */
import type { Command, Role } from '../commands';
import type { Position } from '../live';
import type { ReportRow, RunReport } from '../report';
import { formatClockTime, formatDate, formatSeconds, type Instant, type Lang } from '../time';
import { ROLE_LABELS } from './labels';
import type { Cell } from './sheet';

const REPORT_HEADERS: Record<Lang, string[]> = {
  vi: ['STT', 'Nội dung', 'Phần', 'Người thực hiện', 'Bắt đầu (kế hoạch)', 'Bắt đầu (thực tế)', 'Kết thúc (thực tế)',
    'Thời lượng (kế hoạch)', 'Thời lượng (thực tế)', 'Chênh lệch', 'Bắt đầu chậm', 'Tạm dừng', 'Thêm/bớt giờ', 'Số lần'],
  en: ['No.', 'Item', 'Segment', 'Presenter', 'Planned start', 'Actual start', 'Actual end',
    'Planned duration', 'Actual duration', 'Overrun', 'Start delay', 'Paused', 'Time added', 'Visits'],
};

/** `+3:00`, `-1:30`, `0:00`; empty when unknown. */
export const signedSpan = (ms: number | null): string =>
  ms === null ? '' : `${ms > 0 ? '+' : ms < 0 ? '-' : ''}${formatSeconds(Math.round(Math.abs(ms) / 1000))}`;

export function reportToSheet(report: RunReport, lang: Lang = 'vi'): Cell[][] {
  const time = (at: Instant | null) => (at === null ? '' : formatClockTime(at, report.timeZone));
  const line = (r: ReportRow, no: string, seg: boolean): Cell[] => [
    no, seg ? '' : r.title, seg ? r.title : '', r.presenter ?? '', formatClockTime(r.plannedStart, report.timeZone).slice(0, 5),
    time(r.actualStart), time(r.actualEnd), formatSeconds(r.plannedDurationSec),
    r.actualMs === null ? '' : formatSeconds(Math.round(r.actualMs / 1000)), signedSpan(r.overrunMs), signedSpan(r.startDelayMs),
    r.pausedMs ? formatSeconds(Math.round(r.pausedMs / 1000)) : '', r.addedMs ? signedSpan(r.addedMs) : '', r.visits,
  ];
  const rows: Cell[][] = [REPORT_HEADERS[lang]];
  report.items.forEach((item, i) => {
    rows.push(line(item, String(i + 1), false));
    item.segments.forEach((s, j) => rows.push(line(s, `${i + 1}.${j + 1}`, true)));
  });
  const words = lang === 'vi'
    ? { total: 'Tổng chênh lệch', end: 'Kết thúc (kế hoạch / thực tế)', run: 'Lượt chạy' }
    : { total: 'Total overrun', end: 'End (planned / actual)', run: 'Run' };
  rows.push([]);
  rows.push(['', words.run, report.runId]);
  rows.push(['', words.total, signedSpan(report.totalOverrunMs)]);
  rows.push(['', words.end, `${formatClockTime(report.plannedEnd, report.timeZone).slice(0, 5)} / ${time(report.actualEnd)}`, signedSpan(report.endDriftMs)]);
  return rows;
}

/** One line of the audit log, as `GET /api/v1/report` gives it. */
export interface AuditLine {
  revision: number;
  at: number;
  role: Role;
  label: string;
  type: Command['type'];
  command?: Command;
  from?: Position | null;
  to?: Position | null;
}

const AUDIT_HEADERS: Record<Lang, string[]> = {
  vi: ['Thời điểm', 'Ngày', 'Vai trò', 'Máy', 'Lệnh', 'Chi tiết', 'Từ', 'Đến', 'Phiên bản'],
  en: ['Time', 'Date', 'Role', 'Client', 'Command', 'Details', 'From', 'To', 'Revision'],
};

export function auditToSheet(lines: readonly AuditLine[], timeZone: string, lang: Lang = 'vi'): Cell[][] {
  const pos = (p: Position | null | undefined) => (p ? `${p.itemId}${p.segmentIndex === null ? '' : ` #${p.segmentIndex + 1}`}` : '');
  return [
    AUDIT_HEADERS[lang],
    ...lines.map((l): Cell[] => [
      formatClockTime(l.at as Instant, timeZone), formatDate(l.at as Instant, timeZone), ROLE_LABELS[l.role]?.[lang] ?? l.role, l.label,
      l.type, l.command ? commandDetails(l.command) : '', pos(l.from), pos(l.to), l.revision,
    ]),
  ];
}

/** The part of a command that says what it did, in a few words. */
export function commandDetails(c: Command): string {
  switch (c.type) {
    case 'goto': return `${c.itemId}${c.segmentIndex === undefined ? '' : ` #${c.segmentIndex + 1}`}`;
    case 'addTime': return `${c.seconds > 0 ? '+' : ''}${c.seconds} s`;
    case 'message': return c.text;
    case 'blackout': return c.on ? 'on' : 'off';
    case 'standby': case 'ready': case 'rolled': case 'removeItem': return c.itemId;
    case 'lowerThird': return c.mode;
    case 'upsertItem': return `${c.item.id}: ${c.item.title}`;
    case 'moveItem': return `${c.itemId} → ${c.toIndex + 1}`;
    case 'replaceProgramme': return `${c.programme.items.length} items`;
    case 'readyTick': return `✓ ${c.checkId} · ${c.by}`;
    case 'readyUntick': return `✗ ${c.checkId} · ${c.by}`;
    case 'readyEdit': return `${c.checks.length} checks`;
    case 'start': case 'next': case 'previous': case 'pause': case 'resume': case 'clearMessage': case 'reset':
      return '';
  }
}
