/**
 * applyCommand(state, command, now) → the next state and its journal entry, or a coded refusal.
 * Pure and total: it never throws for a bad command and never reads a clock.
 */
import type { Command } from './commands';
import { type LiveState, type Position, type ShowState, positionOf, readyLive, runIdFor, samePosition } from './live';
import { findItem, findItemIndex } from './lookup';
import type { Item, Programme } from './programme';
import { closeVisit, openVisit } from './record';
import { editChecks, markCheck, readinessOf } from './readiness';
import { type Duration, type Instant, between } from './time';

export type RefusalCode = 'stale' | 'unknown_item' | 'not_possible';
export interface Refusal {
  ok: false;
  error: { code: RefusalCode; message: string };
}

/** What the journal keeps of an accepted command (the server adds who sent it). */
export interface JournalEntry {
  revision: number;
  at: Instant;
  runId: string;
  command: Command;
  from: Position | null;
  to: Position | null;
}

export interface Applied {
  ok: true;
  state: ShowState;
  entry: JournalEntry;
}
export type Outcome = Applied | Refusal;

const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, error: { code, message } });
const assertNever = (x: never): never => {
  throw new Error(`unhandled command ${JSON.stringify(x)}`);
};

/** Every position GO walks through, in order: each segment of an item, or the item itself. */
export function positionsOf(programme: Programme): Position[] {
  return programme.items.flatMap((item): Position[] =>
    item.segments.length === 0
      ? [{ itemId: item.id, segmentIndex: null }]
      : item.segments.map((_, segmentIndex) => ({ itemId: item.id, segmentIndex })),
  );
}

export function applyCommand(state: ShowState, command: Command, now: Instant): Outcome {
  if (command.expectedRevision !== undefined && command.expectedRevision !== state.revision) {
    return refuse('stale', `the show has moved on: expected revision ${command.expectedRevision}, it is ${state.revision}`);
  }
  if (command.from !== undefined && !samePosition(command.from, positionOf(state.live))) {
    return refuse('stale', 'the show is no longer where this command was pressed (already moved by someone else)');
  }
  const result = decide(state, command, now);
  if ('ok' in result) return result;
  const next: ShowState = { ...result, revision: state.revision + 1 };
  return {
    ok: true,
    state: next,
    entry: {
      revision: next.revision,
      at: now,
      runId: state.live.runId,
      command,
      from: positionOf(state.live),
      to: positionOf(next.live),
    },
  };
}

type Decision = Omit<ShowState, 'revision'> | Refusal;

function decide(state: ShowState, command: Command, now: Instant): Decision {
  const { live, programme } = state;
  const phase = live.phase;
  const moving = phase === 'running' || phase === 'paused';
  const withLive = (patch: Partial<LiveState>): Decision => ({ ...state, live: { ...live, ...patch } });

  switch (command.type) {
    case 'start': {
      if (phase !== 'ready') return refuse('not_possible', `the show cannot start while ${phase}`);
      const first = positionsOf(programme)[0];
      if (!first) return refuse('not_possible', 'the programme has no items');
      return enter({ ...state, live: { ...live, runStartedAt: now } }, first, now);
    }
    case 'next': {
      if (!moving) return refuse('not_possible', `GO needs a running or paused show (it is ${phase})`);
      const list = positionsOf(programme);
      const i = indexOfPosition(list, positionOf(live));
      const target = list[i + 1];
      return target ? enter(state, target, now) : finish(state, now);
    }
    case 'previous': {
      if (!moving) return refuse('not_possible', `back needs a running or paused show (it is ${phase})`);
      const list = positionsOf(programme);
      const target = list[indexOfPosition(list, positionOf(live)) - 1];
      if (!target) return refuse('not_possible', 'already at the first item');
      return enter(state, target, now);
    }
    case 'goto': {
      if (!moving) return refuse('not_possible', `goto needs a running or paused show (it is ${phase})`);
      const item = findItem(programme, command.itemId);
      if (!item) return refuse('unknown_item', `no item with id "${command.itemId}"`);
      const segmentIndex = targetSegment(item, command.segmentIndex);
      if (segmentIndex === undefined) return refuse('not_possible', `item "${item.title}" has no segment ${(command.segmentIndex ?? 0) + 1}`);
      return enter(state, { itemId: item.id, segmentIndex }, now);
    }
    case 'pause':
      if (phase !== 'running') return refuse('not_possible', `pause needs a running show (it is ${phase})`);
      return withLive({ phase: 'paused', pausedAt: now });
    case 'resume':
      if (phase !== 'paused' || live.pausedAt === null) return refuse('not_possible', `resume needs a paused show (it is ${phase})`);
      return withLive({ phase: 'running', pausedAt: null, pausedMs: (live.pausedMs + between(live.pausedAt, now)) as Duration });
    case 'addTime': {
      if (!moving) return refuse('not_possible', `time can be added only while the show runs (it is ${phase})`);
      const addedMs = (live.addedMs + command.seconds * 1000) as Duration;
      const planned = plannedSecondsAt(programme, positionOf(live)) * 1000;
      if (planned + addedMs <= 0) return refuse('not_possible', 'cannot remove more time than the item has');
      return withLive({ addedMs });
    }
    case 'message':
      return withLive({ message: { text: command.text, at: now } });
    case 'clearMessage':
      return withLive({ message: null });
    case 'blackout':
      return withLive({ blackout: command.on });
    case 'lowerThird':
      return withLive({ lowerThird: command.mode });
    case 'standby': {
      if (phase === 'finished') return refuse('not_possible', 'the show has finished');
      if (!findItem(programme, command.itemId)) return refuse('unknown_item', `no item with id "${command.itemId}"`);
      return withLive({ av: { itemId: command.itemId, status: 'standby', standbyAt: now, readyAt: null, rolledAt: null } });
    }
    case 'ready': {
      if (!findItem(programme, command.itemId)) return refuse('unknown_item', `no item with id "${command.itemId}"`);
      if (live.av?.itemId !== command.itemId || live.av.status !== 'standby') {
        return refuse('not_possible', 'READY answers a STANDBY call for this item, and none is open');
      }
      return withLive({ av: { ...live.av, status: 'ready', readyAt: now } });
    }
    case 'rolled': {
      if (!findItem(programme, command.itemId)) return refuse('unknown_item', `no item with id "${command.itemId}"`);
      if (phase !== 'running') return refuse('not_possible', `the film can roll only while the show runs (it is ${phase})`);
      if (live.currentItemId !== command.itemId) return refuse('not_possible', 'the film can roll only during its own item');
      if (live.av?.itemId === command.itemId && live.av.status === 'rolled') return refuse('not_possible', 'the film is already rolling');
      const av = live.av?.itemId === command.itemId ? live.av : { itemId: command.itemId, standbyAt: now, readyAt: null };
      return withLive({ av: { ...av, status: 'rolled', rolledAt: now } });
    }
    case 'reset': {
      const runNumber = state.runNumber + 1;
      const runId = runIdFor(runNumber);
      return { ...state, runNumber, live: readyLive(runId), record: { runId, visits: [] } };
    }
    case 'upsertItem':
      return upsertItem(state, command.item, command.index);
    case 'removeItem': {
      const index = findItemIndex(programme, command.itemId);
      if (index < 0) return refuse('unknown_item', `no item with id "${command.itemId}"`);
      if (live.currentItemId === command.itemId) return refuse('not_possible', 'the item on now cannot be removed');
      if (programme.items.length === 1) return refuse('not_possible', 'the programme needs at least one item');
      const items = programme.items.filter((i) => i.id !== command.itemId);
      const av = live.av?.itemId === command.itemId ? null : live.av;
      return { ...state, programme: { ...programme, items }, live: { ...live, av } };
    }
    case 'moveItem': {
      const index = findItemIndex(programme, command.itemId);
      if (index < 0) return refuse('unknown_item', `no item with id "${command.itemId}"`);
      if (command.toIndex >= programme.items.length) return refuse('not_possible', `position ${command.toIndex + 1} is past the end of the programme`);
      const items = [...programme.items];
      const [moved] = items.splice(index, 1);
      items.splice(command.toIndex, 0, moved as Item);
      return { ...state, programme: { ...programme, items } };
    }
    case 'replaceProgramme':
      if (moving) return refuse('not_possible', 'the programme cannot be replaced while a run is under way (reset first)');
      return { ...state, programme: command.programme, live: { ...live, av: null } };
    case 'readyTick':
    case 'readyUntick': {
      const readiness = markCheck(readinessOf(state), command.checkId, command.type === 'readyTick', command.by, now);
      if (!readiness) return refuse('unknown_item', `no check with id "${command.checkId}"`);
      return { ...state, readiness };
    }
    case 'readyEdit':
      return { ...state, readiness: editChecks(readinessOf(state), command.checks) };
    default:
      return assertNever(command);
  }
}

function indexOfPosition(list: Position[], pos: Position | null): number {
  return list.findIndex((p) => samePosition(p, pos));
}

function targetSegment(item: Item, requested: number | undefined): number | null | undefined {
  if (item.segments.length === 0) return requested === undefined || requested === 0 ? null : undefined;
  const index = requested ?? 0;
  return index < item.segments.length ? index : undefined;
}

/** The planned seconds of a position: its segment's duration, or the item's. */
export function plannedSecondsAt(programme: Programme, pos: Position | null): number {
  const item = pos && findItem(programme, pos.itemId);
  if (!item) return 0;
  const segment = pos.segmentIndex === null ? undefined : item.segments[pos.segmentIndex];
  return segment ? segment.durationSec : item.durationSec;
}

/** Move to `pos`: close the running visit, open a new one, restart the timer running. */
function enter(state: ShowState, pos: Position, now: Instant): Decision {
  const { live } = state;
  const record = openVisit(closeVisit(state.record, now, timerPause(live, now), live.addedMs), pos.itemId, pos.segmentIndex, now);
  const sameItem = live.currentItemId === pos.itemId && live.itemStartedAt !== null;
  const leftItem = live.currentItemId !== null && live.currentItemId !== pos.itemId ? live.currentItemId : null;
  const av = live.av && live.av.itemId === leftItem && live.av.status === 'rolled' ? null : live.av;
  return {
    ...state,
    record,
    live: {
      ...live,
      phase: 'running',
      currentItemId: pos.itemId,
      segmentIndex: pos.segmentIndex,
      itemStartedAt: sameItem ? live.itemStartedAt : now,
      startedAt: now,
      pausedAt: null,
      pausedMs: 0 as Duration,
      addedMs: 0 as Duration,
      message: null,
      av,
      lowerThird: 'auto',
    },
  };
}

function finish(state: ShowState, now: Instant): Decision {
  const { live } = state;
  const record = closeVisit(state.record, now, timerPause(live, now), live.addedMs);
  return {
    ...state,
    record,
    live: {
      ...live,
      phase: 'finished',
      currentItemId: null,
      segmentIndex: null,
      itemStartedAt: null,
      startedAt: null,
      pausedAt: null,
      pausedMs: 0 as Duration,
      addedMs: 0 as Duration,
      finishedAt: now,
      message: null,
      av: null,
      lowerThird: 'auto',
    },
  };
}

/** Total pause of the current timer as of `now` (an ongoing pause counts up to now). */
function timerPause(live: LiveState, now: Instant): Duration {
  return (live.pausedMs + (live.pausedAt === null ? 0 : between(live.pausedAt, now))) as Duration;
}

function upsertItem(state: ShowState, item: Item, index: number | undefined): Decision {
  const { programme, live } = state;
  const at = findItemIndex(programme, item.id);
  if (at < 0) {
    const items = [...programme.items];
    items.splice(Math.min(index ?? items.length, items.length), 0, item);
    return { ...state, programme: { ...programme, items } };
  }
  let segmentIndex = live.segmentIndex;
  if (live.currentItemId === item.id) {
    if (item.segments.length === 0) segmentIndex = null;
    else if (segmentIndex === null) segmentIndex = 0;
    else if (segmentIndex >= item.segments.length) {
      return refuse('not_possible', `segment ${segmentIndex + 1} is on now and cannot be removed`);
    }
  }
  const items = programme.items.map((old) => (old.id === item.id ? item : old));
  return { ...state, programme: { ...programme, items }, live: { ...live, segmentIndex } };
}
