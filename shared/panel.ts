/**
 * What a hardware panel (a Stream Deck, QLab, a tally box) shows, as one small value computed by
 * the same derive functions the screens use: nothing here re-does the time math.
 * `GET /api/v1/status`, OSC out and the Companion module's variables all read this one shape.
 */
import { type Level, nowAndNext, project, type Slot, timerView } from './derive';
import type { AvStatus, LiveState, Phase } from './live';
import type { Programme } from './programme';
import { countdownSeconds, formatCountdown, type Instant } from './time';

export interface PanelLine {
  itemId: string;
  title: string;
  segmentTitle: string | null;
}

export interface PanelStatus {
  revision: number;
  serverTime: number;
  phase: Phase;
  now: PanelLine | null;
  next: PanelLine | null;
  /** Whole seconds the countdown shows at `serverTime` (rounded up while time is left; negative = over). */
  remainingSec: number | null;
  /** The countdown as the speaker screen draws it: `4:59`, `0:00`, `+1:05`. */
  remainingText: string | null;
  level: Level | null;
  /** Projected start of the next item minus its plan, whole seconds (positive = behind plan). */
  driftSec: number | null;
  av: { itemId: string; status: AvStatus } | null;
  message: string | null;
}

const line = (slot: Slot | null): PanelLine | null =>
  slot && { itemId: slot.itemId, title: slot.itemTitle, segmentTitle: slot.segmentTitle };

export function panelStatus(state: { revision: number; programme: Programme; live: LiveState }, now: Instant): PanelStatus {
  const { programme, live } = state;
  const pair = nowAndNext(programme, live);
  const timer = timerView(programme, live, now);
  const underWay = live.phase === 'running' || live.phase === 'paused';
  return {
    revision: state.revision,
    serverTime: now,
    phase: live.phase,
    now: line(pair.now),
    next: line(pair.next),
    remainingSec: timer && countdownSeconds(timer.remaining),
    remainingText: timer && formatCountdown(timer.remaining),
    level: timer?.level ?? null,
    driftSec: underWay ? Math.round(project(programme, live, now).drift / 1000) : null,
    av: live.av && { itemId: live.av.itemId, status: live.av.status },
    message: live.message?.text ?? null,
  };
}
