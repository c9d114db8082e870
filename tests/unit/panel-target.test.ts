/**
 * What a hardware panel reads (`GET /api/v1/status`, OSC out, Companion variables) and which item a
 * one-button AV key means — checked against numbers worked out by hand from the programme.
 */
import { describe, expect, it } from 'vitest';
import { avTarget } from '@shared/cue-target';
import { initialShowState } from '@shared/live';
import { panelStatus } from '@shared/panel';
import { type ProgrammeInput, programmeSchema } from '@shared/programme';
import { show } from './helpers';

// 08:00 on 5 March 2024 in Hanoi; two films with an AV cue, a stage cue between them.
const input: ProgrammeInput = {
  title: 'Panel day',
  date: '2024-03-05',
  start: '08:00',
  items: [
    { id: 'film1', kind: 'film', title: 'First film', durationSec: 300, cues: [{ id: 'r1', target: 'av', label: 'Roll 1', leadSec: 20 }] },
    { id: 'lights', kind: 'procedure', title: 'Lights', durationSec: 600, warningSec: 120, dangerSec: 30, cues: [{ id: 'l', target: 'stage', label: 'Lights up' }] },
    {
      id: 'talks', kind: 'discussion', title: 'Talks', durationSec: 600,
      segments: [
        { id: 't1', title: 'Talk 1', durationSec: 300 },
        { id: 't2', title: 'Talk 2', durationSec: 300 },
      ],
    },
    { id: 'film2', kind: 'film', title: 'Second film', durationSec: 240, cues: [{ id: 'r2', target: 'av', label: 'Roll 2' }] },
    { id: 'close', kind: 'closing', title: 'Closing', durationSec: 300 },
  ],
};
const programme = programmeSchema.parse(input);
const at0800 = Date.UTC(2024, 2, 5, 1, 0, 0); // 08:00 in Asia/Ho_Chi_Minh
const fresh = () => {
  const s = show(initialShowState(programme));
  s.clock.advance(at0800 - s.clock.now());
  return s;
};

describe('AV target of a one-button action', () => {
  it('[O2] standby skips items whose cues are for other desks and finds the next film after the one on now', () => {
    const s = fresh();
    expect(avTarget(s.state.programme, s.live, 'standby')).toBe('film1'); // before the start: the first film
    s.send({ type: 'start' });
    s.send({ type: 'next' }); // on "Lights", after the first film
    expect(avTarget(s.state.programme, s.live, 'standby')).toBe('film2'); // not the film already shown, not the stage cue
    s.send({ type: 'goto', itemId: 'talks', segmentIndex: 1 });
    expect(avTarget(s.state.programme, s.live, 'standby')).toBe('film2');
  });

  it('[O2] the film on now is still the one to stand by when no later item has an AV cue; after it, nothing', () => {
    const s = fresh();
    s.send({ type: 'start' }); // the first item is a film
    expect(avTarget(s.state.programme, s.live, 'standby')).toBe('film2'); // a later film exists: that one
    s.send({ type: 'goto', itemId: 'film2' });
    expect(avTarget(s.state.programme, s.live, 'standby')).toBe('film2'); // GO came first: its own cue
    s.send({ type: 'next' }); // on the closing, no film left
    expect(avTarget(s.state.programme, s.live, 'standby')).toBeNull();
  });

  it('[O2] the first item, a film, is on now and no later film: it is the standby target', () => {
    const single = programmeSchema.parse({ ...input, items: [input.items[0]!, input.items[4]!] });
    const s = show(initialShowState(single));
    s.send({ type: 'start' });
    expect(avTarget(s.state.programme, s.live, 'standby')).toBe('film1');
  });

  it('[O2] ready and rolled mean the cue on standby, whatever comes next; without one they mean nothing', () => {
    const s = fresh();
    s.send({ type: 'start' });
    expect(avTarget(s.state.programme, s.live, 'ready')).toBeNull();
    expect(avTarget(s.state.programme, s.live, 'rolled')).toBeNull();
    s.send({ type: 'standby', itemId: 'film2' });
    expect(avTarget(s.state.programme, s.live, 'ready')).toBe('film2');
    expect(avTarget(s.state.programme, s.live, 'rolled')).toBe('film2');
    s.send({ type: 'goto', itemId: 'film2' });
    s.send({ type: 'standby', itemId: 'film1' });
    // standby looks ahead of the item on now; ready follows the open call, here the first film
    expect(avTarget(s.state.programme, s.live, 'standby')).toBe('film2');
    expect(avTarget(s.state.programme, s.live, 'ready')).toBe('film1');
  });
});

describe('panel status', () => {
  it('[O1] before the start: ready, the first item next, no countdown, no drift, no cue, no message', () => {
    const s = fresh();
    expect(panelStatus(s.state, s.clock.now())).toEqual({
      revision: 0,
      serverTime: s.clock.now(),
      phase: 'ready',
      now: null,
      next: { itemId: 'film1', title: 'First film', segmentTitle: null },
      remainingSec: null,
      remainingText: null,
      level: null,
      driftSec: null,
      av: null,
      message: null,
    });
  });

  it('[O1] running: the countdown as the speaker sees it, its level, and the drift in whole seconds', () => {
    const s = fresh();
    s.clock.advance(95_000); // started 95 s late
    s.send({ type: 'start' });
    s.clock.advance(60_400);
    const p = panelStatus(s.state, s.clock.now());
    // 300 s planned, 60.4 s gone: 239.6 s left, shown rounded up
    expect(p).toMatchObject({ phase: 'running', revision: 1, remainingSec: 240, remainingText: '4:00', level: 'normal' });
    expect(p.now).toEqual({ itemId: 'film1', title: 'First film', segmentTitle: null });
    expect(p.next).toEqual({ itemId: 'lights', title: 'Lights', segmentTitle: null });
    expect(p.driftSec).toBe(95); // "Lights" now starts at 08:06:35 instead of 08:05:00
  });

  it('[O1] paused: still under way, the drift grows with the pause; warning and overtime levels', () => {
    const s = fresh();
    s.send({ type: 'start' });
    s.send({ type: 'next' }); // Lights: 600 s, warning at 120 s, danger at 30 s
    s.clock.advance(500_000);
    s.send({ type: 'pause' });
    s.clock.advance(40_000);
    const p = panelStatus(s.state, s.clock.now());
    expect(p).toMatchObject({ phase: 'paused', remainingSec: 100, remainingText: '1:40', level: 'warning' });
    // Lights began at 08:00 (planned 08:05) and has 100 s left at 08:09:00: it ends at 08:10:40,
    // so Talks starts 260 s before its planned 08:15:00
    expect(p.driftSec).toBe(-260);
    s.clock.advance(30_000); // every second of pause pushes the rest of the show
    expect(panelStatus(s.state, s.clock.now())).toMatchObject({ remainingSec: 100, driftSec: -230 });
    s.send({ type: 'resume' });
    s.clock.advance(160_000);
    const over = panelStatus(s.state, s.clock.now());
    expect(over).toMatchObject({ phase: 'running', remainingSec: -60, remainingText: '+1:00', level: 'over' });
  });

  it('[O1] a segment shows the item and segment titles; the AV call and the speaker message are passed on', () => {
    const s = fresh();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'talks', segmentIndex: 1 });
    s.send({ type: 'standby', itemId: 'film2' });
    s.send({ type: 'message', text: 'Còn 2 phút' });
    const p = panelStatus(s.state, s.clock.now());
    expect(p.now).toEqual({ itemId: 'talks', title: 'Talks', segmentTitle: 'Talk 2' });
    expect(p.next).toEqual({ itemId: 'film2', title: 'Second film', segmentTitle: null });
    expect(p.av).toEqual({ itemId: 'film2', status: 'standby' });
    expect(p.message).toBe('Còn 2 phút');
    expect(p.revision).toBe(s.state.revision);
  });
});
