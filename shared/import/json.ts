/**
 * The whole programme as JSON: export, and import with the same checks as every other way in.
 * The round trip is exact: importing an export gives back an equal programme.
 */
import { hasForbiddenKey } from '../commands';
import { describeIssues, type Programme, programmeSchema } from '../programme';
import { type ImportResult, issue } from './issues';

export const PROGRAMME_FORMAT = 'baton-programme';
export const PROGRAMME_FORMAT_VERSION = 1;

export function programmeToJson(programme: Programme): string {
  return `${JSON.stringify({ format: PROGRAMME_FORMAT, version: PROGRAMME_FORMAT_VERSION, programme }, null, 2)}\n`;
}

/** Accepts an export (with its envelope) or a bare programme object. */
export function programmeFromJson(text: string): ImportResult<Programme> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, issues: [issue(null, `the file is not valid JSON (${(e as Error).message.slice(0, 120)})`)] };
  }
  if (hasForbiddenKey(raw)) return { ok: false, issues: [issue(null, 'the file holds a forbidden key (__proto__, constructor or prototype)')] };
  const envelope = raw as { format?: unknown; version?: unknown; programme?: unknown } | null;
  if (envelope && typeof envelope === 'object' && envelope.format === PROGRAMME_FORMAT) {
    if (envelope.version !== PROGRAMME_FORMAT_VERSION) {
      return { ok: false, issues: [issue(null, `this file is format version ${String(envelope.version)}; this Baton reads version ${PROGRAMME_FORMAT_VERSION}`)] };
    }
    raw = envelope.programme;
  }
  const parsed = programmeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: describeIssues(parsed.error, raw).map((m) => issue(null, m)) };
  return { ok: true, value: parsed.data };
}
