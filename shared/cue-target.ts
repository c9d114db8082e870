/**
 * Which item a one-button AV action means. A Stream Deck key or an OSC `/baton/standby` carries no
 * item id, so the target follows the show: STANDBY the next item that has an AV cue; READY and
 * ROLLED the cue already on standby. Shared by OSC and the Companion module so both agree.
 */
import type { LiveState } from './live';
import type { Programme } from './programme';

export type AvAction = 'standby' | 'ready' | 'rolled';

export function avTarget(programme: Programme, live: LiveState, action: AvAction): string | null {
  if (action !== 'standby') return live.av?.itemId ?? null;
  const hasAvCue = (i: number) => programme.items[i]?.cues.some((c) => c.target === 'av') ?? false;
  const current = programme.items.findIndex((i) => i.id === live.currentItemId);
  for (let i = current + 1; i < programme.items.length; i++) if (hasAvCue(i)) return programme.items[i]?.id ?? null;
  // The film may already be on (GO came first): its own cue is still the one to stand by.
  return current >= 0 && hasAvCue(current) ? (programme.items[current]?.id ?? null) : null;
}
