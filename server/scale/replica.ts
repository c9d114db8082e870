/**
 * A relay's copy of the writer's state, kept current from the writer's change messages. It only
 * ever moves one revision at a time within one writer epoch: anything else is a gap, and the
 * relay must load a fresh snapshot before it shows this copy as current again.
 */
import { nowAndNext } from '@shared/derive';
import type { ShowState } from '@shared/live';
import { applyPatch, type ProgrammePatch, programmeVersion } from '@shared/patch';
import type { Programme } from '@shared/programme';
import type { RecordTail, StateMessage } from '@shared/protocol';
import type { RunRecord } from '@shared/record';
import { asLive, asRecord, type StateWire } from './wire';

export type ApplyResult = { kind: 'applied'; message: StateMessage } | { kind: 'old' } | { kind: 'gap' };

/** Folds a record delta in; undefined when it does not fit what we hold (a gap). */
function mergeTail(record: RunRecord, tail: RecordTail): RunRecord | undefined {
  if (record.runId !== tail.runId) return tail.from === 0 ? { runId: tail.runId, visits: tail.visits } : undefined;
  if (tail.from > record.visits.length) return undefined;
  return { runId: record.runId, visits: [...record.visits.slice(0, tail.from), ...tail.visits] };
}

const RUN_NUMBER = /^run-(\d+)$/;

export class Replica {
  private held: { epoch: string; state: ShowState } | null = null;

  get state(): ShowState | null {
    return this.held?.state ?? null;
  }

  get epoch(): string | null {
    return this.held?.epoch ?? null;
  }

  load(epoch: string, state: ShowState): void {
    this.held = { epoch, state };
  }

  /** Forget the copy (the writer is out of reach: nothing here is known to be current). */
  drop(): void {
    this.held = null;
  }

  /** Is this beat news to us (a later revision, or another writer boot)? */
  isBehind(epoch: string, revision: number): boolean {
    return !this.held || this.held.epoch !== epoch || this.held.state.revision < revision;
  }

  apply(m: StateWire): ApplyResult {
    const held = this.held;
    if (!held || held.epoch !== m.epoch) return { kind: 'gap' };
    const { state } = held;
    if (m.revision <= state.revision) return { kind: 'old' };
    if (m.revision !== state.revision + 1) return { kind: 'gap' };
    const recordTail = m.recordTail ? { runId: m.recordTail.runId, from: m.recordTail.from, visits: asRecord(m.recordTail).visits } : undefined;
    const record = recordTail ? mergeTail(state.record, recordTail) : state.record;
    if (!record) return { kind: 'gap' };
    const live = asLive(m.live);
    let programme: Programme = m.programme ?? state.programme;
    const patch = m.patch as ProgrammePatch | undefined;
    if (patch) {
      // [D2] The patch must fit the copy we hold and land on the writer's version, else resync.
      const patched = applyPatch(state.programme, programmeVersion(state.programme), patch);
      if (!patched.ok || programmeVersion(patched.programme) !== patch.version) return { kind: 'gap' };
      programme = patched.programme;
    }
    const runNumber = Number(RUN_NUMBER.exec(live.runId)?.[1] ?? state.runNumber);
    const readiness = (m.readiness as ShowState['readiness']) ?? state.readiness;
    this.held = { epoch: m.epoch, state: { revision: m.revision, runNumber, programme, live, record, ...(readiness ? { readiness } : {}) } };
    // The same message the writer's own screens got: now and next derived from the same state.
    const message: StateMessage = { revision: m.revision, serverTime: m.serverTime, live, ...nowAndNext(programme, live) };
    if (recordTail) message.recordTail = recordTail;
    if (m.programme || patch) message.programme = programme;
    if (patch) message.patch = patch;
    if (m.readiness) message.readiness = m.readiness as NonNullable<StateMessage['readiness']>;
    return { kind: 'applied', message };
  }
}
