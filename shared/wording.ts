/**
 * Hall wording: screens that the hall or the TV audience sees write titles in full
 * ("Đồng chí", "Ủy ban nhân dân tỉnh"); operator screens may keep the plan's abbreviations.
 */
/** Matches `abbr` as a whole word; JavaScript's \b is ASCII-only, so Vietnamese letters need \p{L}. */
const word = (abbr: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])${abbr.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');

const EXPANSIONS: [RegExp, string][] = [
  [word('Đ/c'), 'Đồng chí'],
  [word('đ/c'), 'đồng chí'],
  [word('VP UBND'), 'Văn phòng Ủy ban nhân dân'],
  [word('UBND'), 'Ủy ban nhân dân'],
  [word('HĐND'), 'Hội đồng nhân dân'],
  [word('HĐTĐKT'), 'Hội đồng Thi đua - Khen thưởng'],
  [word('Sở KH&ĐT'), 'Sở Kế hoạch và Đầu tư'],
  [word('Đài PT&TH'), 'Đài Phát thanh và Truyền hình'],
  [word('Đài PTTH'), 'Đài Phát thanh và Truyền hình'],
  [word('KT-XH'), 'kinh tế - xã hội'],
  [word('TP'), 'thành phố'],
];

/** The full form of a title or name for the hall and the broadcast. */
export function inFull(text: string): string {
  return EXPANSIONS.reduce((s, [pattern, full]) => s.replace(pattern, full), text);
}
