/**
 * The live state: small (a few hundred bytes), sent to every screen on every change.
 * It holds server timestamps only — never a countdown value (screens derive those).
 */
import type { Instant, Duration } from './time';
import type { Programme } from './programme';
import type { RunRecord } from './record';
import type { Readiness } from './readiness';

export const PHASES = ['ready', 'running', 'paused', 'finished'] as const;
export type Phase = (typeof PHASES)[number];

/** Where the show is: an item, and a segment of it when the item has segments. */
export interface Position {
  itemId: string;
  segmentIndex: number | null;
}

export type AvStatus = 'standby' | 'ready' | 'rolled';
export interface AvCue {
  itemId: string;
  status: AvStatus;
  standbyAt: Instant;
  readyAt: Instant | null;
  rolledAt: Instant | null;
}

/** How the broadcast lower third behaves: follows GO (`auto`), or is held on/off by the TV operator. */
export type LowerThirdMode = 'auto' | 'show' | 'hide';

export interface SpeakerMessage {
  text: string;
  at: Instant;
}

export interface LiveState {
  runId: string;
  phase: Phase;
  currentItemId: string | null;
  segmentIndex: number | null;
  /** When the run started (first `start`). */
  runStartedAt: Instant | null;
  /** When the current item was entered (first visit of this stay). */
  itemStartedAt: Instant | null;
  /** When the current timer (segment, or item without segments) started. */
  startedAt: Instant | null;
  /** Set while paused: the instant the timer froze. */
  pausedAt: Instant | null;
  /** Total pause of the current timer before `pausedAt`. */
  pausedMs: Duration;
  /** Time added (or removed, negative) to the current timer. */
  addedMs: Duration;
  finishedAt: Instant | null;
  message: SpeakerMessage | null;
  blackout: boolean;
  av: AvCue | null;
  lowerThird: LowerThirdMode;
}

/** Everything the core needs to decide a command; the server persists it as the snapshot. */
export interface ShowState {
  revision: number;
  runNumber: number;
  programme: Programme;
  live: LiveState;
  record: RunRecord;
  /** The readiness board (RB1); absent = the default checks, none ticked. */
  readiness?: Readiness;
}

export const positionOf = (live: LiveState): Position | null =>
  live.currentItemId === null ? null : { itemId: live.currentItemId, segmentIndex: live.segmentIndex };

export const samePosition = (a: Position | null, b: Position | null): boolean =>
  a === null || b === null ? a === b : a.itemId === b.itemId && a.segmentIndex === b.segmentIndex;

export const runIdFor = (runNumber: number): string => `run-${runNumber}`;

export function readyLive(runId: string): LiveState {
  return {
    runId,
    phase: 'ready',
    currentItemId: null,
    segmentIndex: null,
    runStartedAt: null,
    itemStartedAt: null,
    startedAt: null,
    pausedAt: null,
    pausedMs: 0 as Duration,
    addedMs: 0 as Duration,
    finishedAt: null,
    message: null,
    blackout: false,
    av: null,
    lowerThird: 'auto',
  };
}

/** A fresh show: revision 0, run 1, ready, with this programme. */
export function initialShowState(programme: Programme): ShowState {
  const runId = runIdFor(1);
  return { revision: 0, runNumber: 1, programme, live: readyLive(runId), record: { runId, visits: [] } };
}
