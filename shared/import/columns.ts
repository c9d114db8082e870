/**
 * The column-mapping step: which column of a sheet holds which field. Headers are recognised in
 * Vietnamese and English, with or without diacritics ("Thời lượng (phút)", "thoi luong", "Duration");
 * the director can correct the guess before anything is imported.
 */
import { type Cell, cellText, fold } from './sheet';

export const PROGRAMME_FIELDS = [
  'no', 'id', 'kind', 'title', 'presenter', 'presenterTitle', 'start', 'fixedStart', 'duration',
  'warning', 'danger', 'script', 'cues', 'mediaDuration', 'speakerView',
] as const;
export type ProgrammeField = (typeof PROGRAMME_FIELDS)[number];

export const HONOUREE_FIELDS = ['name', 'unit', 'award', 'kind', 'group'] as const;
export type HonoureeField = (typeof HONOUREE_FIELDS)[number];

/** Folded header spellings for each field; the first one is the canonical header (vi / en). */
export const PROGRAMME_HEADERS: Record<ProgrammeField, { vi: string; en: string; aliases: string[] }> = {
  no: { vi: 'STT', en: 'No.', aliases: ['stt', 'tt', 'so thu tu', 'no', 'number', 'order', '#'] },
  id: { vi: 'Mã', en: 'ID', aliases: ['ma', 'ma muc', 'id', 'item id'] },
  kind: { vi: 'Loại', en: 'Kind', aliases: ['loai', 'loai noi dung', 'kind', 'type', 'category'] },
  title: { vi: 'Nội dung', en: 'Title', aliases: ['noi dung', 'ten noi dung', 'tieu de', 'muc', 'title', 'item', 'content', 'name'] },
  presenter: {
    vi: 'Người thực hiện',
    en: 'Presenter',
    aliases: ['nguoi thuc hien', 'thuc hien', 'don vi thuc hien', 'nguoi trinh bay', 'presenter', 'speaker', 'by', 'who'],
  },
  presenterTitle: { vi: 'Chức vụ', en: 'Presenter title', aliases: ['chuc vu', 'chuc danh', 'presenter title', 'position', 'role', 'job title'] },
  start: { vi: 'Giờ bắt đầu', en: 'Start', aliases: ['gio bat dau', 'bat dau', 'thoi gian', 'gio', 'start', 'start time', 'time', 'from'] },
  fixedStart: { vi: 'Giờ cố định', en: 'Fixed start', aliases: ['gio co dinh', 'co dinh', 'fixed start', 'fixed'] },
  duration: { vi: 'Thời lượng (phút)', en: 'Duration (min)', aliases: ['thoi luong', 'thoi gian thuc hien', 'so phut', 'duration', 'length', 'minutes', 'mins'] },
  warning: { vi: 'Cảnh báo (giây)', en: 'Warning (s)', aliases: ['canh bao', 'nguong canh bao', 'warning', 'warn'] },
  danger: { vi: 'Khẩn (giây)', en: 'Danger (s)', aliases: ['khan', 'nguong khan', 'bao dong', 'danger', 'critical'] },
  script: { vi: 'Lời dẫn', en: 'MC script', aliases: ['loi dan', 'kich ban', 'loi dan mc', 'script', 'mc script', 'mc'] },
  cues: { vi: 'Cue', en: 'Cues', aliases: ['cue', 'cues', 'hieu lenh', 'ky thuat', 'am thanh anh sang', 'av'] },
  mediaDuration: {
    vi: 'Thời lượng phim (phút)',
    en: 'Media duration (min)',
    aliases: ['thoi luong phim', 'phim', 'media', 'media duration', 'film duration', 'film length'],
  },
  speakerView: { vi: 'Màn hình người nói', en: 'Speaker view', aliases: ['man hinh nguoi noi', 'dong ho', 'speaker view', 'speaker screen'] },
};

export const HONOUREE_HEADERS: Record<HonoureeField, { vi: string; en: string; aliases: string[] }> = {
  name: {
    vi: 'Tên tập thể, cá nhân',
    en: 'Name',
    aliases: ['ten tap the ca nhan', 'tap the ca nhan', 'ho va ten', 'ho ten', 'ten', 'ten don vi', 'name', 'full name', 'honouree', 'honoree'],
  },
  unit: { vi: 'Đơn vị', en: 'Unit', aliases: ['don vi', 'don vi cong tac', 'co quan', 'chuc vu don vi', 'unit', 'organisation', 'organization', 'agency'] },
  award: {
    vi: 'Hình thức khen thưởng',
    en: 'Award',
    aliases: ['hinh thuc khen thuong', 'hinh thuc', 'danh hieu', 'khen thuong', 'award', 'distinction'],
  },
  kind: { vi: 'Loại', en: 'Kind', aliases: ['loai', 'doi tuong', 'kind', 'type', 'collective individual'] },
  group: { vi: 'Lượt trao thưởng', en: 'Award group', aliases: ['luot trao thuong', 'luot', 'dot', 'award group', 'group'] },
};

/** Field → 0-based column, or null when no column holds it. */
export type Mapping<F extends string> = Record<F, number | null>;

export interface Detected<F extends string> {
  /** 0-based index of the header row in the sheet. */
  headerRow: number;
  headers: string[];
  mapping: Mapping<F>;
}

export type Headers<F extends string> = Record<F, { vi: string; en: string; aliases: string[] }>;

/**
 * Finds the header row among the first rows (title lines above it are common in office
 * spreadsheets) and maps columns to fields. Exact spellings win over prefixes ("Thời lượng phim"
 * is the film, not the duration). Null when no row names the required field.
 */
export function detectColumns<F extends string>(
  sheet: readonly (readonly Cell[])[],
  fields: readonly F[],
  headers: Headers<F>,
  required: F,
): Detected<F> | null {
  let best: Detected<F> | null = null;
  let bestScore = 0;
  for (let r = 0; r < Math.min(sheet.length, 15); r++) {
    const row = (sheet[r] ?? []).map(cellText);
    const mapping = mapHeaders(row, fields, headers);
    const score = fields.filter((f) => mapping[f] !== null).length;
    if (mapping[required] !== null && score > bestScore) {
      best = { headerRow: r, headers: row, mapping };
      bestScore = score;
    }
  }
  return best;
}

export function mapHeaders<F extends string>(row: readonly string[], fields: readonly F[], headers: Headers<F>): Mapping<F> {
  const mapping = Object.fromEntries(fields.map((f) => [f, null])) as Mapping<F>;
  const folded = row.map((h) => fold(h));
  const aliasesOf = (f: F) => [fold(headers[f].vi), fold(headers[f].en), ...headers[f].aliases];
  const taken = new Set<number>();
  for (const f of fields) {
    const col = folded.findIndex((h, i) => !taken.has(i) && h !== '' && aliasesOf(f).includes(h));
    if (col >= 0) {
      mapping[f] = col;
      taken.add(col);
    }
  }
  // "Thời lượng phim (giây)": a header may add a unit or a note after the name; the longest
  // matching name wins, so the film's duration is not taken for the item's.
  folded.forEach((h, col) => {
    if (taken.has(col) || h === '') return;
    let best: { f: F; length: number } | null = null;
    for (const f of fields) {
      if (mapping[f] !== null) continue;
      for (const a of aliasesOf(f)) if (h.startsWith(`${a} `) && a.length > (best?.length ?? 0)) best = { f, length: a.length };
    }
    if (best) {
      mapping[best.f] = col;
      taken.add(col);
    }
  });
  return mapping;
}
