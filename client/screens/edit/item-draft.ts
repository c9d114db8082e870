/**
 * The item form's model: an item with its numbers as the text the director types ("15:00"),
 * and the way back to an item — checked by the same itemSchema the server uses, each problem
 * keyed by the form field it belongs to.
 */
import { localize } from '@shared/import/messages';
import { slug } from '@shared/import/programme-rows';
import { parseDuration } from '@shared/import/values';
import { type Cue, type Honouree, type Item, type ItemKind, itemSchema, type SpeakerView } from '@shared/programme';
import { formatSeconds, type Lang } from '@shared/time';

export interface CueDraft { id: string; target: Cue['target']; label: string; lead: string; note: string }
export interface SegmentDraft {
  id: string; title: string; presenterName: string; presenterTitle: string; duration: string; script: string;
  honourees: Honouree[]; cues: CueDraft[];
}
export interface ItemDraft {
  id: string; isNew: boolean; kind: ItemKind; title: string; presenterName: string; presenterTitle: string;
  duration: string; fixedStart: string; warning: string; danger: string; script: string; cues: CueDraft[];
  media: string; speakerView: SpeakerView; segments: SegmentDraft[];
  /** The duration text as imported when it was an estimate; null once someone sets the duration. */
  estimatedDuration: string | null;
}
/** Form field path ("duration", "segments.1.title", "cues.0.lead") → message. */
export type FieldErrors = Record<string, string>;

const cueDraft = (c: Cue): CueDraft => ({ id: c.id, target: c.target, label: c.label, lead: String(c.leadSec), note: c.note ?? '' });

export function toDraft(item: Item): ItemDraft {
  return {
    id: item.id, isNew: false, kind: item.kind, title: item.title,
    presenterName: item.presenter?.name ?? '', presenterTitle: item.presenter?.title ?? '',
    duration: formatSeconds(item.durationSec), fixedStart: item.fixedStart ?? '',
    warning: String(item.warningSec), danger: String(item.dangerSec), script: item.script.join('\n'),
    cues: item.cues.map(cueDraft), media: item.mediaDurationSec === undefined ? '' : formatSeconds(item.mediaDurationSec),
    speakerView: item.speakerView,
    estimatedDuration: item.durationEstimated ? formatSeconds(item.durationSec) : null,
    segments: item.segments.map((s) => ({
      id: s.id, title: s.title, presenterName: s.presenter?.name ?? '', presenterTitle: s.presenter?.title ?? '',
      duration: formatSeconds(s.durationSec), script: s.script.join('\n'), honourees: s.honourees, cues: s.cues.map(cueDraft),
    })),
  };
}

export function newDraft(takenIds: readonly string[]): ItemDraft {
  return {
    id: freeId('noi-dung-moi', takenIds), isNew: true, kind: 'other', title: '', presenterName: '', presenterTitle: '',
    duration: '10:00', fixedStart: '', warning: '120', danger: '30', script: '', cues: [], media: '', speakerView: 'countdown', segments: [], estimatedDuration: null,
  };
}

export function freeId(wanted: string, taken: readonly string[]): string {
  const base = wanted || 'muc';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new item takes its id from its title when saved. */
export const idFor = (d: ItemDraft, taken: readonly string[]): string => (d.isNew ? freeId(slug(d.title) || d.id, taken) : d.id);

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
const person = (name: string, title: string) => (name.trim() || title.trim() ? { name, ...(title.trim() ? { title } : {}) } : undefined);

/** The draft as an item, or the problems keyed by field (in `lang`). */
export function fromDraft(d: ItemDraft, id: string, lang: Lang): { ok: true; item: Item } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const seconds = (text: string, field: string, unit: 'min' | 'sec', what: string): number | undefined => {
    const p = parseDuration(text, unit, what);
    if (p === null) return undefined;
    if (p.ok) return p.value;
    errors[field] = localize(p.reason, lang);
    return undefined;
  };
  const cues = (list: CueDraft[], prefix: string) =>
    list.map((c, i) => ({ id: c.id, target: c.target, label: c.label, leadSec: seconds(c.lead, `${prefix}cues.${i}.lead`, 'sec', 'cue lead time') ?? 0, ...(c.note.trim() ? { note: c.note } : {}) }));
  const input = {
    id, kind: d.kind, title: d.title, presenter: person(d.presenterName, d.presenterTitle),
    durationSec: seconds(d.duration, 'duration', 'min', 'duration'),
    fixedStart: d.fixedStart.trim() || undefined,
    warningSec: seconds(d.warning, 'warning', 'sec', 'warning threshold'),
    dangerSec: seconds(d.danger, 'danger', 'sec', 'danger threshold'),
    script: lines(d.script), cues: cues(d.cues, ''),
    mediaDurationSec: seconds(d.media, 'media', 'min', 'media duration'),
    speakerView: d.speakerView,
    // An estimate stays marked until the duration is set (changed, or kept on purpose).
    ...(d.estimatedDuration !== null && d.duration.trim() === d.estimatedDuration ? { durationEstimated: true } : {}),
    segments: d.segments.map((s, i) => ({
      id: s.id, title: s.title, presenter: person(s.presenterName, s.presenterTitle),
      durationSec: seconds(s.duration, `segments.${i}.duration`, 'min', 'duration'),
      script: lines(s.script), honourees: s.honourees, cues: cues(s.cues, `segments.${i}.`),
    })),
  };
  const parsed = itemSchema.safeParse(input);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, item: parsed.data };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      errors[field] ??= localize(issue.message, lang);
    }
  }
  return { ok: false, errors };
}

const FIELD: Record<string, string> = {
  durationSec: 'duration', warningSec: 'warning', dangerSec: 'danger', mediaDurationSec: 'media', leadSec: 'lead',
};

/** zod path → form field: ["segments", 1, "presenter", "name"] → "segments.1.presenterName". */
export function fieldOf(path: readonly PropertyKey[]): string {
  const out: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (key === 'presenter') {
      out.push(path[i + 1] === 'title' ? 'presenterTitle' : 'presenterName');
      break;
    }
    if (key === 'script' || key === 'honourees') {
      out.push(String(key));
      break;
    }
    out.push(typeof key === 'number' ? String(key) : FIELD[String(key)] ?? String(key));
  }
  return out.join('.');
}
