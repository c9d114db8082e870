/**
 * The programme: items, their segments, honourees and cues — and the zod schemas that guard
 * every boundary where a programme enters (import, editor, HTTP, database).
 */
import { z } from 'zod';
import { CALENDAR_DATE, TIME_OF_DAY } from './time';

export const ITEM_KINDS = [
  'reception', 'procedure', 'film', 'speech', 'report', 'discussion',
  'break', 'awards', 'launch', 'closing', 'other',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

const MAX_DURATION_SEC = 24 * 3600;
const id = z
  .string({ error: 'must be a text id' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: 'id may hold only letters, digits, - and _ (at most 64)' });
const text = (max: number, what: string) =>
  z.string({ error: `${what} must be text` }).trim().max(max, { error: `${what} is longer than ${max} characters` });
const required = (max: number, what: string) => text(max, what).min(1, { error: `${what} is required` });
const durationSec = z
  .number({ error: 'duration must be a positive number of seconds' })
  .int({ error: 'duration must be a whole number of seconds' })
  .positive({ error: 'duration must be a positive number of seconds' })
  .max(MAX_DURATION_SEC, { error: 'duration must be at most 24 hours' });
const thresholdSec = z
  .number({ error: 'threshold must be a number of seconds' })
  .int({ error: 'threshold must be a whole number of seconds' })
  .min(0, { error: 'threshold cannot be negative' })
  .max(MAX_DURATION_SEC, { error: 'threshold must be at most 24 hours' });
const timeOfDay = z.string({ error: 'time must be HH:mm' }).regex(TIME_OF_DAY, { error: 'time must be HH:mm, 24-hour (e.g. 07:30)' });
const scriptLines = z.array(text(2000, 'script line'), { error: 'script must be a list of lines' }).max(200).default([]);

export const personSchema = z.object({
  name: required(200, 'name'),
  title: text(300, 'title').optional(),
});
export type Person = z.infer<typeof personSchema>;

export const honoureeSchema = z.object({
  name: required(300, 'honouree name'),
  unit: text(300, 'unit').optional(),
  award: text(300, 'award').optional(),
  kind: z.enum(['collective', 'individual'], { error: 'kind must be collective or individual' }).optional(),
});
export type Honouree = z.infer<typeof honoureeSchema>;

export const CUE_TARGETS = ['av', 'stage', 'broadcast', 'light', 'sound'] as const;
export const cueSchema = z.object({
  id,
  target: z.enum(CUE_TARGETS, { error: `cue target must be one of ${CUE_TARGETS.join(', ')}` }),
  label: required(200, 'cue label'),
  leadSec: thresholdSec.default(0),
  note: text(1000, 'cue note').optional(),
});
export type Cue = z.infer<typeof cueSchema>;

export const segmentSchema = z.object({
  id,
  title: required(300, 'segment title'),
  presenter: personSchema.optional(),
  durationSec,
  script: scriptLines,
  honourees: z.array(honoureeSchema).max(2000).default([]),
  cues: z.array(cueSchema).max(50).default([]),
});
export type Segment = z.infer<typeof segmentSchema>;

export const SPEAKER_VIEWS = ['countdown', 'timeOfDay'] as const;
export type SpeakerView = (typeof SPEAKER_VIEWS)[number];

export const itemSchema = z
  .object({
    id,
    kind: z.enum(ITEM_KINDS, { error: `kind must be one of ${ITEM_KINDS.join(', ')}` }),
    title: required(500, 'title'),
    presenter: personSchema.optional(),
    durationSec,
    /** The duration is an estimate (an import from a plan guessed it); the editor shows it marked until someone sets it. */
    durationEstimated: z.boolean({ error: 'durationEstimated must be true or false' }).optional(),
    fixedStart: timeOfDay.optional(),
    warningSec: thresholdSec.default(120),
    dangerSec: thresholdSec.default(30),
    script: scriptLines,
    cues: z.array(cueSchema).max(50).default([]),
    mediaDurationSec: durationSec.optional(),
    speakerView: z.enum(SPEAKER_VIEWS, { error: 'speaker view must be countdown or timeOfDay' }).default('countdown'),
    segments: z.array(segmentSchema).max(200).default([]),
  })
  .superRefine((item, ctx) => {
    if (item.dangerSec > item.warningSec) {
      ctx.addIssue({ code: 'custom', path: ['dangerSec'], message: 'danger threshold must not exceed the warning threshold' });
    }
    const seen = new Set<string>();
    item.segments.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['segments', i, 'id'], message: `segment id "${s.id}" is used twice` });
      seen.add(s.id);
    });
  });
export type Item = z.infer<typeof itemSchema>;
export type ItemInput = z.input<typeof itemSchema>;

export const programmeSchema = z
  .object({
    title: required(500, 'programme title'),
    venue: text(300, 'venue').default(''),
    date: z.string({ error: 'date must be YYYY-MM-DD' }).regex(CALENDAR_DATE, { error: 'date must be YYYY-MM-DD (e.g. 2024-01-18)' }),
    timeZone: z
      .string()
      .default('Asia/Ho_Chi_Minh')
      .refine(isTimeZone, { error: 'time zone must be an IANA name such as Asia/Ho_Chi_Minh' }),
    start: timeOfDay,
    end: timeOfDay.optional(),
    items: z.array(itemSchema, { error: 'items must be a list' }).min(1, { error: 'the programme needs at least one item' }).max(500),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `item id "${item.id}" is used twice` });
      seen.add(item.id);
    });
  });
export type Programme = z.infer<typeof programmeSchema>;
export type ProgrammeInput = z.input<typeof programmeSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * zod issues in words a director can act on: `item 4 (Phát biểu chỉ đạo): duration must be a
 * positive number of seconds`. Paths are 1-based, the way people count.
 */
export function describeIssues(error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => `${describePath(issue.path, input)}${issue.message}`);
}

function describePath(path: readonly PropertyKey[], input: unknown): string {
  const parts: string[] = [];
  let node: unknown = input;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as string] : undefined;
    if ((key === 'items' || key === 'segments' || key === 'honourees' || key === 'cues') && typeof next === 'number') {
      const element: unknown = Array.isArray(node) ? node[next] : undefined;
      const label = element !== null && typeof element === 'object' ? (element as { title?: unknown; name?: unknown }).title ?? (element as { name?: unknown }).name : undefined;
      const noun = { items: 'item', segments: 'segment', honourees: 'honouree', cues: 'cue' }[key];
      parts.push(`${noun} ${next + 1}${typeof label === 'string' && label ? ` (${label})` : ''}`);
      node = element;
      i++;
    }
  }
  return parts.length ? `${parts.join(', ')}: ` : '';
}

export { findItem, findItemIndex } from './lookup';
