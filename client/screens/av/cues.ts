import type { LiveState } from '@shared/live';
import type { Cue, Programme } from '@shared/programme';

export interface CueRow {
  cue: Cue;
  itemId: string;
  itemTitle: string;
  segmentIndex: number | null;
  segmentTitle: string | null;
  /** Index in GO order of the position the cue belongs to (an item's own cues come before its first segment). */
  order: number;
}

/** Every cue of the programme in running order. */
export function cueList(programme: Programme): CueRow[] {
  const rows: CueRow[] = [];
  let order = 0;
  for (const item of programme.items) {
    const first = order;
    for (const cue of item.cues) rows.push({ cue, itemId: item.id, itemTitle: item.title, segmentIndex: null, segmentTitle: null, order: first });
    if (item.segments.length === 0) order++;
    item.segments.forEach((seg, i) => {
      for (const cue of seg.cues) rows.push({ cue, itemId: item.id, itemTitle: item.title, segmentIndex: i, segmentTitle: seg.title, order });
      order++;
    });
  }
  return rows;
}

/** Position of the show in GO order (−1 before the start, Infinity after the end). */
export function currentOrder(programme: Programme, live: LiveState): number {
  if (live.phase === 'finished') return Infinity;
  let order = 0;
  for (const item of programme.items) {
    if (item.id === live.currentItemId) return order + (item.segments.length ? live.segmentIndex ?? 0 : 0);
    order += Math.max(1, item.segments.length);
  }
  return -1;
}
