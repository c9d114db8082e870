/**
 * The one state message a change produces: live part, now and next together, the run record as
 * a delta, and the programme only when the change edited it (with the patch that made the change,
 * for an item edit, removal or move). Pure, so the server sends exactly what the tests build.
 *
 * `forProtocol` gives each audience its form: protocol 1 (and protocol-less clients) the message
 * exactly as protocol 1 defined it — the whole programme, honourees inline; protocol 2 the patch
 * alone, or a lean programme (honourees by reference) with its version.
 */
import { type Command, PROGRAMME_COMMANDS, READINESS_COMMANDS, type CommandType } from './commands';
import { readinessOf } from './readiness';
import { nowAndNext } from './derive';
import type { ShowState } from './live';
import { leanPatch, leanProgramme, patchFor, type ProgrammePatch, programmeVersion } from './patch';
import { PROTOCOL_VERSION, type Snapshot, type StateMessage } from './protocol';

export function stateMessage(previous: ShowState, next: ShowState, command: Command | CommandType, serverTime: number): StateMessage {
  const type = typeof command === 'string' ? command : command.type;
  const message: StateMessage = { revision: next.revision, serverTime, live: next.live, ...nowAndNext(next.programme, next.live) };
  if (next.record !== previous.record) {
    // Visits only ever append or close the last one, so the tail from the previous last visit is enough.
    const from = next.record.runId === previous.record.runId ? Math.max(0, previous.record.visits.length - 1) : 0;
    message.recordTail = { runId: next.record.runId, from, visits: next.record.visits.slice(from) };
  }
  if (PROGRAMME_COMMANDS.includes(type)) {
    message.programme = next.programme;
    const patch = typeof command === 'string' ? null : programmePatch(previous, next, command);
    if (patch) message.patch = patch;
  }
  if (READINESS_COMMANDS.includes(type)) message.readiness = readinessOf(next);
  return message;
}

/** [D2] The patch for an item edit, removal or move; null for any other command. */
export function programmePatch(previous: ShowState, next: ShowState, command: Command): ProgrammePatch | null {
  switch (command.type) {
    case 'upsertItem':
      return patchFor(previous.programme, next.programme, { op: 'upsert', item: command.item, index: 0 });
    case 'removeItem':
      return patchFor(previous.programme, next.programme, { op: 'remove', itemId: command.itemId });
    case 'moveItem':
      return patchFor(previous.programme, next.programme, { op: 'move', itemId: command.itemId, toIndex: command.toIndex });
    default:
      return null;
  }
}

/** True when a socket that announced `protocol` (undefined: none) gets patches and lean programmes. */
export const speaksPatches = (protocol: unknown): boolean => protocol === PROTOCOL_VERSION;

/**
 * [D3] A state message in the form a protocol's clients get. The writer's message carries both
 * `programme` (whole) and `patch`; protocol 1 drops the patch, protocol 2 drops the programme
 * when a patch says the same, and gets honourees by reference either way.
 */
export function forProtocol(message: StateMessage, patches: boolean): StateMessage {
  if (!patches) {
    if (!message.patch && message.programmeVersion === undefined) return message;
    const { patch: _patch, programmeVersion: _version, ...legacy } = message;
    return legacy;
  }
  if (!message.programme && !message.patch) return message;
  const { programme, patch, ...rest } = message;
  if (patch) return { ...rest, patch: leanPatch(patch) };
  return programme ? { ...rest, programme: leanProgramme(programme), programmeVersion: programmeVersion(programme) } : rest;
}

/** [D3] A snapshot in the form a protocol's clients get. */
export function snapshotForProtocol(snapshot: Snapshot, patches: boolean): Snapshot {
  if (!patches) {
    if (snapshot.programmeVersion === undefined) return snapshot;
    const { programmeVersion: _version, ...legacy } = snapshot;
    return legacy;
  }
  return { ...snapshot, programme: leanProgramme(snapshot.programme), programmeVersion: programmeVersion(snapshot.programme) };
}
