/**
 * What a plan's row says, read as organisers write it: the kind of an item from the words of its
 * title (a plan has no Loại column), the film rule, and a performer cell split into a name and a
 * title. Every answer is a guess the director confirms in the preview.
 */
import type { ItemKind } from '../programme';
import { fold } from './sheet';

/** Folded phrases → kind. The phrase found earliest in the title wins ("Báo cáo … khen thưởng" is a report). */
const KIND_PHRASES: [string, ItemKind][] = [
  ['don tiep', 'reception'], ['tiep don', 'reception'], ['dang ky dai bieu', 'reception'], ['welcome', 'reception'], ['registration', 'reception'],
  ['tuyen bo ly do', 'procedure'], ['khai mac', 'procedure'], ['gioi thieu dai bieu', 'procedure'], ['chao co', 'procedure'],
  ['nghi thuc', 'procedure'], ['thu tuc', 'procedure'], ['opening', 'procedure'],
  ['phim', 'film'], ['video', 'film'], ['clip', 'film'], ['film', 'film'],
  ['bao cao', 'report'], ['ke hoach', 'report'], ['trinh bay', 'report'], ['quan triet', 'report'], ['thong qua', 'report'], ['report', 'report'],
  ['phat bieu', 'speech'], ['chi dao', 'speech'], ['dap tu', 'speech'], ['speech', 'speech'], ['remarks', 'speech'], ['address', 'speech'],
  ['thao luan', 'discussion'], ['tham luan', 'discussion'], ['discussion', 'discussion'], ['panel', 'discussion'],
  ['giai lao', 'break'], ['nghi giua gio', 'break'], ['break', 'break'],
  ['khen thuong', 'awards'], ['trao thuong', 'awards'], ['trao tang', 'awards'], ['vinh danh', 'awards'], ['award', 'awards'],
  ['phat dong', 'launch'], ['launch', 'launch'],
  ['ket thuc', 'closing'], ['be mac', 'closing'], ['closing', 'closing'],
];

/** Who makes and plays the film on the day: a report they deliver is a film. */
const BROADCASTERS = ['dai pt th', 'dai ptth', 'dai phat thanh', 'dai truyen hinh', 'truyen hinh', 'vtv'];

export function kindFromWords(title: string, performer: string): ItemKind {
  const t = ` ${fold(title)} `;
  let best: { at: number; length: number; kind: ItemKind } | null = null;
  for (const [phrase, kind] of KIND_PHRASES) {
    const at = t.indexOf(` ${phrase} `);
    if (at >= 0 && (best === null || at < best.at || (at === best.at && phrase.length > best.length))) best = { at, length: phrase.length, kind };
  }
  const kind = best?.kind ?? 'other';
  const p = ` ${fold(performer)} `;
  const byBroadcaster = BROADCASTERS.some((b) => p.includes(` ${b} `));
  if ((kind === 'report' || kind === 'other') && (byBroadcaster || / (phim|video) /.test(t))) return 'film';
  return kind;
}

export interface PersonGuess {
  name: string;
  title?: string;
  /** True when the cell was split into a name and a title (a guess to confirm). */
  split: boolean;
}

const HONORIFIC = /^(Đ\/c|Đ\/C|đ\/c|Đồng chí|đồng chí|Ông|Bà|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|GS\.?|PGS\.?|TS\.?|ThS\.?)\s+/u;

/**
 * `Đ/c Lê Ô Pích, Phó Chủ tịch UBND tỉnh` → name `Đ/c Lê Ô Pích`, title `Phó Chủ tịch UBND tỉnh`.
 * A Vietnamese personal name capitalises every syllable (Lê Ô Pích) while offices do not (Phó Chủ
 * tịch, Sở Nội vụ, Bí thư Tỉnh ủy); acronyms (UBND, VP) are offices. A title alone and a list of
 * offices stay as written.
 */
export function splitPerson(cell: string): PersonGuess {
  const text = cell.replace(/\s+/g, ' ').trim();
  if (text.includes(';')) return { name: text, split: false };
  const comma = text.indexOf(',');
  if (comma < 0) return { name: text, split: false };
  const head = text.slice(0, comma).trim();
  const rest = text.slice(comma + 1).trim();
  const honorific = HONORIFIC.exec(head)?.[0] ?? '';
  if (rest === '' || !looksLikeName(head.slice(honorific.length))) return { name: text, split: false };
  return { name: head, title: rest, split: true };
}

function looksLikeName(text: string): boolean {
  const words = text.split(' ').filter((x) => x !== '');
  if (words.length < 2 || words.length > 6) return false;
  return words.every((word) => {
    const letters = [...word];
    const first = letters[0] ?? '';
    if (!/^\p{Lu}$/u.test(first)) return false;
    const rest = letters.slice(1).join('');
    // "UBND", "VP": an acronym is an office, not a syllable of a name.
    return rest === '' || /^\p{Ll}+$/u.test(rest);
  });
}
