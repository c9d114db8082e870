/**
 * The one state message a change produces: live part, now and next together, the run record as
 * a delta, and the programme only when the change edited it. Pure, so the server sends exactly
 * what the tests build.
 */
import { PROGRAMME_COMMANDS, READINESS_COMMANDS, type CommandType } from './commands';
import { readinessOf } from './readiness';
import { nowAndNext } from './derive';
import type { ShowState } from './live';
import type { StateMessage } from './protocol';

export function stateMessage(previous: ShowState, next: ShowState, type: CommandType, serverTime: number): StateMessage {
  const message: StateMessage = { revision: next.revision, serverTime, live: next.live, ...nowAndNext(next.programme, next.live) };
  if (next.record !== previous.record) {
    // Visits only ever append or close the last one, so the tail from the previous last visit is enough.
    const from = next.record.runId === previous.record.runId ? Math.max(0, previous.record.visits.length - 1) : 0;
    message.recordTail = { runId: next.record.runId, from, visits: next.record.visits.slice(from) };
  }
  if (PROGRAMME_COMMANDS.includes(type)) message.programme = next.programme;
  if (READINESS_COMMANDS.includes(type)) message.readiness = readinessOf(next);
  return message;
}
