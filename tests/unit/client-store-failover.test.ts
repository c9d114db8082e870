import { describe, expect, it } from 'vitest';
import { applySnapshot, applyStateMessage, connectedTo, useShow } from '../../client/store';
import { commandSchema, type CommandInput } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import { nowAndNext } from '@shared/derive';
import { initialShowState, type ShowState } from '@shared/live';
import { stateMessage } from '@shared/messages';
import type { Snapshot, StateMessage } from '@shared/protocol';
import { applyCommand } from '@shared/reducer';
import { instant } from '@shared/time';

const at = instant(1_705_537_800_000);
const PRIMARY = 'http://127.0.0.1:4310';
const BACKUP = 'http://127.0.0.1:4311';

function step(state: ShowState, input: CommandInput): { state: ShowState; message: StateMessage } {
  const command = commandSchema.parse(input);
  const r = applyCommand(state, command, at);
  if (!r.ok) throw new Error(r.error.message);
  return { state: r.state, message: stateMessage(state, r.state, command.type, at) };
}
const snapshotOf = (s: ShowState): Snapshot => ({
  revision: s.revision, serverTime: at, programme: s.programme, live: s.live, record: s.record, ...nowAndNext(s.programme, s.live),
});

describe('client store across a failover', () => {
  it('[B21] after switching server the new snapshot is taken even with a lower revision (an unacknowledged GO lost), and messages follow it', () => {
    // Revision 3 reached this screen from the primary; the backup only ever got revision 2.
    const s0 = initialShowState(defaultProgramme());
    const r1 = step(s0, { type: 'start' });
    const r2 = step(r1.state, { type: 'next' });
    const r3 = step(r2.state, { type: 'next' });
    connectedTo(PRIMARY);
    applySnapshot(snapshotOf(r2.state));
    expect(applyStateMessage(r3.message)).toBe(true);
    expect(useShow.getState().revision).toBe(3);

    connectedTo(BACKUP);
    // Until the snapshot arrives the screen keeps what it had, so its countdown runs on.
    expect(useShow.getState().live).toEqual(r3.state.live);
    expect(useShow.getState().server.url).toBe(BACKUP);
    expect(applySnapshot(snapshotOf(r2.state))).toBe(true);
    expect(useShow.getState()).toMatchObject({ revision: 2, live: r2.state.live });

    // The promoted backup's own GO is revision 3 again: a different change, and it must be applied.
    const b3 = step(r2.state, { type: 'pause' });
    expect(applyStateMessage(b3.message)).toBe(true);
    expect(useShow.getState()).toMatchObject({ revision: 3, live: b3.state.live });
  });

  it('[B21] without a new connection an older snapshot (a late resync answer) changes nothing', () => {
    const s0 = initialShowState(defaultProgramme());
    const r1 = step(s0, { type: 'start' });
    const r2 = step(r1.state, { type: 'next' });
    connectedTo(PRIMARY);
    applySnapshot(snapshotOf(r1.state));
    expect(applyStateMessage(r2.message)).toBe(true);
    expect(applySnapshot(snapshotOf(r1.state))).toBe(false);
    expect(useShow.getState()).toMatchObject({ revision: 2, live: r2.state.live });
    // A message older than the baseline of a fresh connection is a gap, not a duplicate: ask for a snapshot.
    connectedTo(PRIMARY);
    expect(applyStateMessage(r1.message)).toBe(false);
  });

  it('[B21] the node status belongs to its server: a switch forgets it, a reconnect to the same server keeps it', () => {
    connectedTo(PRIMARY);
    useShow.setState({ server: { ...useShow.getState().server, node: { role: 'primary', epoch: 1, self: PRIMARY, primaryUrl: null, backupUrls: [BACKUP], backupLost: false, primaryReachable: false, behind: null, revision: 2, problem: null } } });
    connectedTo(PRIMARY);
    expect(useShow.getState().server.node?.role).toBe('primary');
    connectedTo(BACKUP);
    expect(useShow.getState().server.node).toBeNull();
  });
});
