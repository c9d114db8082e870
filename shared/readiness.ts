/**
 * The readiness board (rules RB1–RB4): the morning-of checks for this event, each ticked or
 * unticked by a named person at a time, kept in the journal like every other command. It lives
 * beside the programme and the live state (never inside `live`: GO must stay small) and survives
 * a reset — it is about the day, not about one run. A state without it has the default checks,
 * none ticked (snapshots written before the board existed load unchanged).
 */
import type { Instant } from './time';

export interface ReadyCheck {
  id: string;
  /** Vietnamese, as the crew says it. */
  label: string;
  /** English for `?lang=en`; the Vietnamese label when absent. */
  labelEn?: string | undefined;
  done: boolean;
  /** Who ticked (or unticked) it last, and when; null while nobody has. */
  by: string | null;
  at: Instant | null;
}

export interface Readiness {
  checks: ReadyCheck[];
}

/** The plan's section IV (Tổ chức thực hiện), as checks for the morning of the day. */
export const DEFAULT_CHECKS: readonly { id: string; label: string; labelEn: string }[] = [
  { id: 'phim', label: 'Phim báo cáo đã nhận và đã duyệt (Đài PT&TH tỉnh)', labelEn: 'Report film delivered and approved (provincial TV station)' },
  { id: 'khen-thuong', label: 'Hiện vật khen thưởng và danh sách tập thể, cá nhân được khen thưởng đã kiểm tra', labelEn: 'Award items and the honourees list checked' },
  { id: 'tham-luan', label: 'Các đơn vị tham luận đã xác nhận, đã nhận bài tham luận', labelEn: 'Contributing units confirmed, contributions received' },
  { id: 'dien', label: 'Phương án bảo đảm cung cấp điện đã xác nhận (Công ty Điện lực)', labelEn: 'Power supply plan confirmed (power company)' },
  { id: 'chu-chay', label: 'Chữ chạy tên (lower third) đã soát đúng chính tả', labelEn: 'Lower thirds spelled right' },
  { id: 'man-hinh', label: 'Mọi màn hình đã kết nối (LED, người phát biểu, truyền hình)', labelEn: 'Every screen connected (LED, speaker, broadcast)' },
  { id: 'giay-moi', label: 'Giấy mời đã gửi, hội trường đã trang trí khánh tiết', labelEn: 'Invitations sent, hall decorated' },
];

export function defaultReadiness(): Readiness {
  return { checks: DEFAULT_CHECKS.map((c) => ({ ...c, done: false, by: null, at: null })) };
}

/** The board a state holds: its own, or the default one. */
export const readinessOf = (state: { readiness?: Readiness | undefined }): Readiness => state.readiness ?? defaultReadiness();

export const readyCount = (r: Readiness): { done: number; total: number } => ({ done: r.checks.filter((c) => c.done).length, total: r.checks.length });

/** Tick or untick one check; null when there is no such check. */
export function markCheck(r: Readiness, checkId: string, done: boolean, by: string, at: Instant): Readiness | null {
  if (!r.checks.some((c) => c.id === checkId)) return null;
  return { checks: r.checks.map((c) => (c.id === checkId ? { ...c, done, by, at } : c)) };
}

/** A new list of checks: a check that keeps its id keeps its tick, who and when; new ones start unticked. */
export function editChecks(r: Readiness, list: readonly { id: string; label: string; labelEn?: string | undefined }[]): Readiness {
  const old = new Map(r.checks.map((c) => [c.id, c]));
  return {
    checks: list.map((c) => {
      const was = old.get(c.id);
      const check: ReadyCheck = { id: c.id, label: c.label, done: was?.done ?? false, by: was?.by ?? null, at: was?.at ?? null };
      if (c.labelEn !== undefined) check.labelEn = c.labelEn;
      return check;
    }),
  };
}
