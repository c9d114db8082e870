/**
 * A programme → rows of a run sheet, in the column layout the importer reads back (so an exported
 * sheet, edited in Excel, imports again). Times are planned times in the event's time zone.
 */
import { plannedSchedule } from '../derive';
import type { Programme } from '../programme';
import { addTo, formatSeconds, formatTimeOfDay, type Lang, seconds } from '../time';
import { PROGRAMME_FIELDS, PROGRAMME_HEADERS } from './columns';
import { CUE_TARGET_LABELS, KIND_LABELS, SEGMENT_LABEL } from './labels';
import type { Cell } from './sheet';

export function programmeToSheet(programme: Programme, lang: Lang = 'vi'): Cell[][] {
  const header = PROGRAMME_FIELDS.map((f) => PROGRAMME_HEADERS[f][lang]);
  const plan = plannedSchedule(programme);
  const rows: Cell[][] = [header];
  const tod = (at: number) => formatTimeOfDay(at as never, programme.timeZone);
  programme.items.forEach((item, i) => {
    const start = plan[i]?.start;
    rows.push([
      String(i + 1), item.id, KIND_LABELS[item.kind][lang], item.title, item.presenter?.name ?? '', item.presenter?.title ?? '',
      start === undefined ? '' : tod(start), item.fixedStart ?? '', formatSeconds(item.durationSec),
      item.warningSec, item.dangerSec, item.script.join('\n'),
      item.cues.map((c) => `${CUE_TARGET_LABELS[c.target].vi}: ${c.label}${c.leadSec ? ` (${c.leadSec}s)` : ''}`).join('\n'),
      item.mediaDurationSec === undefined ? '' : formatSeconds(item.mediaDurationSec),
      item.speakerView === 'timeOfDay' ? (lang === 'vi' ? 'Giờ' : 'time of day') : '',
    ]);
    let segStart = start;
    item.segments.forEach((s, j) => {
      rows.push([
        `${i + 1}.${j + 1}`, s.id, SEGMENT_LABEL[lang], s.title, s.presenter?.name ?? '', s.presenter?.title ?? '',
        segStart === undefined ? '' : tod(segStart), '', formatSeconds(s.durationSec), '', '', s.script.join('\n'),
        s.cues.map((c) => `${CUE_TARGET_LABELS[c.target].vi}: ${c.label}${c.leadSec ? ` (${c.leadSec}s)` : ''}`).join('\n'), '', '',
      ]);
      if (segStart !== undefined) segStart = addTo(segStart, seconds(s.durationSec));
    });
  });
  return rows;
}
