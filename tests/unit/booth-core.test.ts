/** The pure parts the booth tools share: OSC address table, AV cue target, panel status. */
import { describe, expect, it } from 'vitest';
import { avTarget } from '@shared/cue-target';
import { defaultProgramme } from '@shared/default-programme';
import { initialShowState, type ShowState } from '@shared/live';
import { panelStatus } from '@shared/panel';
import { applyCommand } from '@shared/reducer';
import { instant } from '@shared/time';
import type { Command } from '@shared/commands';
import { translate } from '../../server/osc/commands';
import { decode } from '../../server/osc/packet';

const T0 = instant(Date.UTC(2024, 0, 18, 0, 0, 0));
function run(...commands: Command[]): ShowState {
  let state = initialShowState(defaultProgramme());
  for (const c of commands) {
    const r = applyCommand(state, c, T0);
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
  }
  return state;
}

describe('OSC address table', () => {
  it('[O2] /baton/go is start before the show and next after; addresses are case-insensitive', () => {
    expect(translate('/baton/go', [], run())).toEqual({ kind: 'command', command: { type: 'start' } });
    expect(translate('/BATON/GO/', [1], run({ type: 'start' }))).toEqual({ kind: 'command', command: { type: 'next' } });
    expect(translate('/baton/nope', [], run())).toBeNull();
  });

  it('[O3] a release value (0, false) is not a press', () => {
    expect(translate('/baton/go', [0], run())).toEqual({ kind: 'release' });
    expect(translate('/baton/pause', [false], run())).toEqual({ kind: 'release' });
  });

  it('[O4] wrong arguments are invalid, not commands', () => {
    expect(translate('/baton/addtime', [], run())).toMatchObject({ kind: 'invalid' });
    expect(translate('/baton/addtime', [Number.NaN], run())).toMatchObject({ kind: 'invalid' });
    expect(translate('/baton/addtime', [59.6], run())).toEqual({ kind: 'command', command: { type: 'addTime', seconds: 60 } });
    expect(translate('/baton/go', ['now'], run())).toMatchObject({ kind: 'invalid' });
    expect(translate('/baton/message', [null], run())).toMatchObject({ kind: 'invalid' });
  });

  it('[O4] decode drops what is not OSC and never throws', () => {
    expect(decode(Buffer.alloc(0))).toMatchObject({ ok: false });
    expect(decode(Buffer.from([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false });
    expect(decode(Buffer.alloc(4097, 0x2f))).toMatchObject({ ok: false });
  });
});

describe('AV target of a one-button action', () => {
  it('[O2] standby means the next item with an AV cue; ready and rolled the cue on standby', () => {
    const ready = run();
    expect(avTarget(ready.programme, ready.live, 'standby')).toBe('phim-bao-cao');
    expect(avTarget(ready.programme, ready.live, 'ready')).toBeNull();
    const onFilm = run({ type: 'start' }, { type: 'goto', itemId: 'phim-bao-cao' });
    expect(avTarget(onFilm.programme, onFilm.live, 'standby')).toBe('phim-bao-cao'); // GO came first: still its cue
    const standing = run({ type: 'start' }, { type: 'standby', itemId: 'phim-bao-cao' });
    expect(avTarget(standing.programme, standing.live, 'rolled')).toBe('phim-bao-cao');
  });
});

describe('panel status', () => {
  it('[O1] after the show: finished, nothing on, no countdown', () => {
    let state = run({ type: 'start' });
    while (state.live.phase !== 'finished') {
      const r = applyCommand(state, { type: 'next' }, T0);
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    }
    expect(panelStatus(state, T0)).toMatchObject({ phase: 'finished', now: null, next: null, remainingSec: null, level: null, driftSec: null });
  });
});
