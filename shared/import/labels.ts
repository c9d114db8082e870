/** Words for kinds, cue targets and roles in both languages (GLOSSARY.md), for sheets and screens. */
import type { Role } from '../commands';
import type { CUE_TARGETS, ItemKind } from '../programme';
import type { Lang } from '../time';

export const KIND_LABELS: Record<ItemKind, Record<Lang, string>> = {
  reception: { vi: 'Đón tiếp', en: 'Reception' },
  procedure: { vi: 'Nghi thức', en: 'Procedure' },
  film: { vi: 'Phim', en: 'Film' },
  speech: { vi: 'Phát biểu', en: 'Speech' },
  report: { vi: 'Báo cáo', en: 'Report' },
  discussion: { vi: 'Thảo luận', en: 'Discussion' },
  break: { vi: 'Giải lao', en: 'Break' },
  awards: { vi: 'Khen thưởng', en: 'Awards' },
  launch: { vi: 'Phát động', en: 'Launch' },
  closing: { vi: 'Bế mạc', en: 'Closing' },
  other: { vi: 'Khác', en: 'Other' },
};
export const SEGMENT_LABEL: Record<Lang, string> = { vi: 'Phần', en: 'Segment' };

export const CUE_TARGET_LABELS: Record<(typeof CUE_TARGETS)[number], Record<Lang, string>> = {
  av: { vi: 'AV', en: 'AV' },
  stage: { vi: 'Sân khấu', en: 'Stage' },
  broadcast: { vi: 'Truyền hình', en: 'Broadcast' },
  light: { vi: 'Ánh sáng', en: 'Light' },
  sound: { vi: 'Âm thanh', en: 'Sound' },
};

export const ROLE_LABELS: Record<Role, Record<Lang, string>> = {
  mc: { vi: 'MC / Điều hành', en: 'MC / Director' },
  av: { vi: 'AV', en: 'AV' },
  viewer: { vi: 'Xem', en: 'Viewer' },
};
