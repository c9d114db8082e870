import { beforeEach, describe, expect, it } from 'vitest';
import { applySnapshot, applyStateMessage, connectedTo, useShow } from '../../client/store';
import { commandSchema, type CommandInput } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import { nowAndNext } from '@shared/derive';
import { initialShowState, type ShowState } from '@shared/live';
import { stateMessage } from '@shared/messages';
import type { StateMessage } from '@shared/protocol';
import { applyCommand } from '@shared/reducer';
import { instant } from '@shared/time';

// [S18] A screen applies state messages in revision order only: a gap makes it ask for a snapshot
// (and change nothing meanwhile), a duplicate is ignored, and record deltas rebuild the run record.
const at = instant(1_705_537_800_000);
function step(state: ShowState, input: CommandInput): { state: ShowState; message: StateMessage } {
  const command = commandSchema.parse(input);
  const r = applyCommand(state, command, at);
  if (!r.ok) throw new Error(r.error.message);
  return { state: r.state, message: stateMessage(state, r.state, command.type, at) };
}

describe('client store', () => {
  // Each test is a fresh connection: its first snapshot sets the revision baseline [B21].
  beforeEach(() => connectedTo('http://127.0.0.1:4310'));

  it('[S18] applies messages in order, refuses a gap without changing anything, ignores duplicates', () => {
    const s0 = initialShowState(defaultProgramme());
    applySnapshot({ revision: 0, serverTime: at, programme: s0.programme, live: s0.live, record: s0.record, ...nowAndNext(s0.programme, s0.live) });
    const a = step(s0, { type: 'start' });
    const b = step(a.state, { type: 'next' });
    const c = step(b.state, { type: 'next' });
    expect(applyStateMessage(a.message)).toBe(true);
    expect(useShow.getState().revision).toBe(1);
    expect(applyStateMessage(c.message)).toBe(false); // revision 3 after 1: a gap
    expect(useShow.getState().revision).toBe(1);
    expect(useShow.getState().live).toEqual(a.state.live);
    expect(applyStateMessage(b.message)).toBe(true);
    expect(applyStateMessage(b.message)).toBe(true); // duplicate: ignored
    expect(applyStateMessage(c.message)).toBe(true);
    expect(useShow.getState()).toMatchObject({ revision: 3, live: c.state.live, now: c.message.now, next: c.message.next });
    expect(useShow.getState().record).toEqual(c.state.record);
  });

  it('[S18] a reset starts the record of the new run from its deltas', () => {
    const s0 = initialShowState(defaultProgramme());
    applySnapshot({ revision: 0, serverTime: at, programme: s0.programme, live: s0.live, record: s0.record, ...nowAndNext(s0.programme, s0.live) });
    const a = step(s0, { type: 'start' });
    const b = step(a.state, { type: 'reset' });
    const c = step(b.state, { type: 'start' });
    for (const m of [a.message, b.message, c.message]) expect(applyStateMessage(m)).toBe(true);
    expect(useShow.getState().record).toEqual(c.state.record);
    expect(useShow.getState().record?.runId).toBe('run-2');
  });
});
