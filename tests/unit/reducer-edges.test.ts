import { describe, expect, it } from 'vitest';
import type { CommandInput } from '@shared/commands';
import { initialShowState } from '@shared/live';
import { itemSchema, type ProgrammeInput, programmeSchema } from '@shared/programme';
import { plannedSecondsAt, positionsOf } from '@shared/reducer';
import { show } from './helpers';

// A programme written for these tests: a plain item, an item with three segments, a film, a last item.
const input: ProgrammeInput = {
  title: 'Test day',
  date: '2024-03-05',
  start: '08:00',
  items: [
    { id: 'open', kind: 'procedure', title: 'Opening', durationSec: 600 },
    {
      id: 'talks', kind: 'discussion', title: 'Talks', durationSec: 900,
      segments: [
        { id: 't1', title: 'Talk 1', durationSec: 300 },
        { id: 't2', title: 'Talk 2', durationSec: 300 },
        { id: 't3', title: 'Talk 3', durationSec: 300 },
      ],
    },
    { id: 'film', kind: 'film', title: 'Film', durationSec: 240, cues: [{ id: 'roll', target: 'av', label: 'Roll', leadSec: 30 }] },
    { id: 'close', kind: 'closing', title: 'Closing', durationSec: 300 },
  ],
};
const programme = programmeSchema.parse(input);
const small = () => show(initialShowState(programme));
type Shown = ReturnType<typeof small>;

/** The refusal of `cmd` in the state `setup` leaves, asserting that nothing changed. */
function refusal(setup: (s: Shown) => void, cmd: CommandInput) {
  const s = small();
  setup(s);
  const before = s.state;
  const r = s.try(cmd);
  expect(s.state).toBe(before);
  if (r.ok) throw new Error(`${cmd.type} was accepted`);
  return r.error;
}

describe('refusals say why, in words', () => {
  const running = (s: Shown) => s.send({ type: 'start' });
  const finished = (s: Shown) => {
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'close' });
    s.send({ type: 'next' });
  };
  const cases: [string, (s: Shown) => void, CommandInput, string, RegExp][] = [
    ['C1 start twice', running, { type: 'start' }, 'not_possible', /running/],
    ['C2 GO before start', () => {}, { type: 'next' }, 'not_possible', /ready/],
    ['C3 back after the end', finished, { type: 'previous' }, 'not_possible', /finished/],
    ['C3 back at the first item', running, { type: 'previous' }, 'not_possible', /first/],
    ['C4 goto before start', () => {}, { type: 'goto', itemId: 'film' }, 'not_possible', /ready/],
    ['C4 goto an unknown item', running, { type: 'goto', itemId: 'ghost' }, 'unknown_item', /"ghost"/],
    ['C4 goto a missing segment', running, { type: 'goto', itemId: 'talks', segmentIndex: 3 }, 'not_possible', /"Talks".*segment 4/],
    ['C4 goto a segment of an item without any', running, { type: 'goto', itemId: 'film', segmentIndex: 1 }, 'not_possible', /"Film".*segment 2/],
    ['C5 pause before start', () => {}, { type: 'pause' }, 'not_possible', /ready/],
    ['C5 resume while running', running, { type: 'resume' }, 'not_possible', /running/],
    ['C6 add time before start', () => {}, { type: 'addTime', seconds: 30 }, 'not_possible', /ready/],
    ['C6 take all the time away', running, { type: 'addTime', seconds: -600 }, 'not_possible', /time/],
    ['C8 standby after the end', finished, { type: 'standby', itemId: 'film' }, 'not_possible', /finished/],
    ['C8 standby for an unknown item', () => {}, { type: 'standby', itemId: 'ghost' }, 'unknown_item', /"ghost"/],
    ['C8 ready for an unknown item', () => {}, { type: 'ready', itemId: 'ghost' }, 'unknown_item', /"ghost"/],
    ['C8 ready with no standby open', () => {}, { type: 'ready', itemId: 'film' }, 'not_possible', /STANDBY/],
    ['C8 rolled for an unknown item', running, { type: 'rolled', itemId: 'ghost' }, 'unknown_item', /"ghost"/],
    ['C8 rolled before start', () => {}, { type: 'rolled', itemId: 'film' }, 'not_possible', /ready/],
    ['C8 rolled during another item', running, { type: 'rolled', itemId: 'film' }, 'not_possible', /own item/],
    ['C10 remove an unknown item', () => {}, { type: 'removeItem', itemId: 'ghost' }, 'unknown_item', /"ghost"/],
    ['C10 remove the item on now', running, { type: 'removeItem', itemId: 'open' }, 'not_possible', /on now/],
    ['C10 move an unknown item', () => {}, { type: 'moveItem', itemId: 'ghost', toIndex: 0 }, 'unknown_item', /"ghost"/],
    ['C10 move past the end', () => {}, { type: 'moveItem', itemId: 'open', toIndex: 4 }, 'not_possible', /position 5/],
    ['C10 replace while running', running, { type: 'replaceProgramme', programme: input }, 'not_possible', /reset/],
    ['C11 stale revision', () => {}, { type: 'start', expectedRevision: 3 }, 'stale', /expected revision 3, it is 0/],
    ['C11 stale position', running, { type: 'next', from: { itemId: 'talks', segmentIndex: 0 } }, 'stale', /moved/],
  ];
  for (const [name, setup, cmd, code, words] of cases) {
    it(`[${name.split(' ')[0]}] ${name.slice(name.indexOf(' ') + 1)}: ${code}, with a message that says why`, () => {
      const error = refusal(setup, cmd);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(words);
    });
  }

  it('[C10] the last item of a programme cannot be removed', () => {
    const one = programmeSchema.parse({ ...input, items: [input.items[0]] });
    const s = show(initialShowState(one));
    expect(s.try({ type: 'removeItem', itemId: 'open' })).toMatchObject({ ok: false, error: { code: 'not_possible', message: expect.stringMatching(/at least one item/) } });
  });

  it('[C1] a programme with no items cannot start', () => {
    const s = show(initialShowState({ ...programme, items: [] }));
    expect(s.try({ type: 'start' })).toMatchObject({ ok: false, error: { code: 'not_possible', message: expect.stringMatching(/no items/) } });
  });
});

describe('moves', () => {
  it('[C3] back from an item returns to the last segment of the item before it', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'film' });
    s.send({ type: 'previous' });
    expect(s.live).toMatchObject({ currentItemId: 'talks', segmentIndex: 2 });
  });

  it('[C4] goto an item with segments starts at segment 0; segment 0 of an item without segments is the item', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'talks' });
    expect(s.live).toMatchObject({ currentItemId: 'talks', segmentIndex: 0 });
    s.send({ type: 'goto', itemId: 'film', segmentIndex: 0 });
    expect(s.live).toMatchObject({ currentItemId: 'film', segmentIndex: null });
    s.send({ type: 'goto', itemId: 'talks', segmentIndex: 2 });
    expect(s.live).toMatchObject({ currentItemId: 'talks', segmentIndex: 2 });
  });

  it('[C2] every move restarts the timer from zero: no pause, no added time, the lower third back to auto', () => {
    const s = small();
    s.send({ type: 'start' });
    s.clock.advance(1000);
    s.send({ type: 'pause' });
    s.send({ type: 'addTime', seconds: 60 });
    s.send({ type: 'lowerThird', mode: 'show' });
    s.clock.advance(2000);
    s.send({ type: 'next' });
    expect(s.live).toMatchObject({ phase: 'running', startedAt: s.clock.now(), itemStartedAt: s.clock.now(), pausedAt: null, pausedMs: 0, addedMs: 0, lowerThird: 'auto' });
  });

  it('[R1] GO during a pause closes the visit with the pause counted up to that moment', () => {
    const s = small();
    const t0 = s.clock.now();
    s.send({ type: 'start' });
    s.clock.advance(1000);
    s.send({ type: 'pause' });
    s.clock.advance(5000);
    s.send({ type: 'resume' });
    s.clock.advance(1000);
    s.send({ type: 'pause' });
    s.clock.advance(2000);
    s.send({ type: 'addTime', seconds: 30 });
    s.send({ type: 'next' });
    expect(s.state.record.visits[0]).toEqual({ itemId: 'open', segmentIndex: null, startedAt: t0, endedAt: t0 + 9000, pausedMs: 7000, addedMs: 30_000 });
  });

  it('[C2] the last GO finishes: no position, no timer, no cue, and the last visit is closed with its pause', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'close' });
    s.send({ type: 'standby', itemId: 'film' });
    s.send({ type: 'message', text: 'Hết giờ' });
    s.send({ type: 'lowerThird', mode: 'hide' });
    s.clock.advance(1000);
    s.send({ type: 'pause' });
    s.clock.advance(4000);
    s.send({ type: 'next' });
    expect(s.live).toMatchObject({
      phase: 'finished', currentItemId: null, segmentIndex: null, itemStartedAt: null, startedAt: null, pausedAt: null,
      pausedMs: 0, addedMs: 0, finishedAt: s.clock.now(), message: null, av: null, lowerThird: 'auto',
    });
    expect(s.state.record.visits.at(-1)).toMatchObject({ itemId: 'close', endedAt: s.clock.now(), pausedMs: 4000 });
  });

  it('[C11] the journal entry names the revision, time, run and the positions before and after', () => {
    const s = small();
    s.send({ type: 'start' });
    s.clock.advance(500);
    s.send({ type: 'next' });
    s.send({ type: 'blackout', on: true });
    expect(s.entries.map((e) => ({ revision: e.revision, runId: e.runId, from: e.from, to: e.to }))).toEqual([
      { revision: 1, runId: 'run-1', from: null, to: { itemId: 'open', segmentIndex: null } },
      { revision: 2, runId: 'run-1', from: { itemId: 'open', segmentIndex: null }, to: { itemId: 'talks', segmentIndex: 0 } },
      { revision: 3, runId: 'run-1', from: { itemId: 'talks', segmentIndex: 0 }, to: { itemId: 'talks', segmentIndex: 0 } },
    ]);
    expect(s.entries[1]!.at).toBe(s.clock.now());
    expect(s.entries[2]!.command).toMatchObject({ type: 'blackout', on: true });
  });

  it('[C11] a from that matches the current position is accepted', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'next', from: { itemId: 'open', segmentIndex: null } });
    s.send({ type: 'next', from: { itemId: 'talks', segmentIndex: 0 }, expectedRevision: 2 });
    expect(s.live).toMatchObject({ currentItemId: 'talks', segmentIndex: 1 });
  });
});

describe('time, AV and run', () => {
  it('[C6] added time may leave one second, not zero, and applies to the segment on now, also while paused', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'talks', segmentIndex: 1 }); // 300 s
    s.send({ type: 'pause' });
    expect(s.try({ type: 'addTime', seconds: -300 })).toMatchObject({ ok: false });
    s.send({ type: 'addTime', seconds: -299 });
    expect(s.live.addedMs).toBe(-299_000);
    expect(s.try({ type: 'addTime', seconds: -1 })).toMatchObject({ ok: false });
    s.send({ type: 'addTime', seconds: 1 });
    expect(s.live.addedMs).toBe(-298_000);
  });

  it('[C8] standby may be called while paused; a second ready is refused; rolled without standby opens the cue itself', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'pause' });
    s.send({ type: 'standby', itemId: 'film' });
    s.send({ type: 'ready', itemId: 'film' });
    expect(s.try({ type: 'ready', itemId: 'film' })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
    s.send({ type: 'standby', itemId: 'close' }); // a new call replaces the old one
    expect(s.live.av).toMatchObject({ itemId: 'close', status: 'standby', readyAt: null });
    s.send({ type: 'goto', itemId: 'film' });
    s.clock.advance(700);
    s.send({ type: 'rolled', itemId: 'film' });
    expect(s.live.av).toEqual({ itemId: 'film', status: 'rolled', standbyAt: s.clock.now(), readyAt: null, rolledAt: s.clock.now() });
    s.send({ type: 'pause' });
    expect(s.try({ type: 'rolled', itemId: 'film' })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
  });

  it('[C8] rolled after standby and ready keeps when they happened', () => {
    const s = small();
    const t0 = s.clock.now();
    s.send({ type: 'standby', itemId: 'film' });
    s.clock.advance(1000);
    s.send({ type: 'ready', itemId: 'film' });
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'film' });
    s.clock.advance(1000);
    s.send({ type: 'rolled', itemId: 'film' });
    expect(s.live.av).toEqual({ itemId: 'film', status: 'rolled', standbyAt: t0, readyAt: t0 + 1000, rolledAt: t0 + 2000 });
  });

  it('[C8] leaving the film ends its cue; leaving another item keeps a standby for the film', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'standby', itemId: 'film' });
    s.send({ type: 'next' });
    expect(s.live.av).toMatchObject({ itemId: 'film', status: 'standby' });
    s.send({ type: 'goto', itemId: 'film' });
    s.send({ type: 'rolled', itemId: 'film' });
    s.send({ type: 'goto', itemId: 'film' }); // restarting the film's own item keeps it rolling
    expect(s.live.av).toMatchObject({ status: 'rolled' });
    s.send({ type: 'next' });
    expect(s.live.av).toBeNull();
  });

  it('[C9] reset numbers the runs and clears the live state, the programme stays', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'message', text: 'x' });
    s.send({ type: 'reset' });
    expect(s.state.runNumber).toBe(2);
    expect(s.live).toMatchObject({ runId: 'run-2', phase: 'ready', runStartedAt: null, message: null, av: null, finishedAt: null });
    expect(s.state.programme).toBe(programme);
    s.send({ type: 'reset' });
    expect(s.live.runId).toBe('run-3');
  });

  it('[C10] removing the item of the open cue ends the cue; removing another keeps it', () => {
    const s = small();
    s.send({ type: 'standby', itemId: 'film' });
    s.send({ type: 'removeItem', itemId: 'close' });
    expect(s.live.av).toMatchObject({ itemId: 'film' });
    s.send({ type: 'removeItem', itemId: 'film' });
    expect(s.live.av).toBeNull();
    expect(s.state.programme.items.map((i) => i.id)).toEqual(['open', 'talks']);
  });

  it('[C10] moveItem to the last position, and to the first', () => {
    const s = small();
    s.send({ type: 'moveItem', itemId: 'open', toIndex: 3 });
    expect(s.state.programme.items.map((i) => i.id)).toEqual(['talks', 'film', 'close', 'open']);
    s.send({ type: 'moveItem', itemId: 'close', toIndex: 0 });
    expect(s.state.programme.items.map((i) => i.id)).toEqual(['close', 'talks', 'film', 'open']);
  });

  it('[C10] replaceProgramme after the end is allowed and ends any cue', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'close' });
    s.send({ type: 'next' });
    const other = programmeSchema.parse({ ...input, title: 'Next day' });
    s.send({ type: 'replaceProgramme', programme: other });
    expect(s.state.programme).toEqual(other);
    const t = small();
    t.send({ type: 'standby', itemId: 'film' });
    t.send({ type: 'replaceProgramme', programme: other });
    expect(t.live.av).toBeNull();
  });

  it('[C10] upsertItem: a new item goes where asked (or last); the current item may gain or lose its segments', () => {
    const s = small();
    const extra = itemSchema.parse({ id: 'music', kind: 'other', title: 'Music', durationSec: 120 });
    s.send({ type: 'upsertItem', item: extra });
    expect(s.state.programme.items.at(-1)!.id).toBe('music');
    s.send({ type: 'upsertItem', item: { ...extra, id: 'music-2' }, index: 99 });
    expect(s.state.programme.items.at(-1)!.id).toBe('music-2');
    s.send({ type: 'upsertItem', item: { ...extra, id: 'music-0' }, index: 0 });
    expect(s.state.programme.items[0]!.id).toBe('music-0');

    s.send({ type: 'start' }); // music-0
    s.send({ type: 'goto', itemId: 'talks', segmentIndex: 2 });
    const talks = s.state.programme.items.find((i) => i.id === 'talks')!;
    s.send({ type: 'upsertItem', item: { ...talks, segments: [] } });
    expect(s.live).toMatchObject({ currentItemId: 'talks', segmentIndex: null });
    s.send({ type: 'upsertItem', item: talks });
    expect(s.live).toMatchObject({ currentItemId: 'talks', segmentIndex: 0 });
    s.send({ type: 'goto', itemId: 'talks', segmentIndex: 2 });
    s.send({ type: 'upsertItem', item: { ...extra, title: 'Music!' } }); // another item: the position stays
    expect(s.live).toMatchObject({ currentItemId: 'talks', segmentIndex: 2 });
    const refused = s.try({ type: 'upsertItem', item: { ...talks, segments: talks.segments.slice(0, 2) } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_possible', message: expect.stringMatching(/segment 3/) } });
    s.send({ type: 'upsertItem', item: { ...talks, segments: talks.segments.slice(0, 3).reverse() } }); // still three
    expect(s.live.segmentIndex).toBe(2);
  });

  it('[C2] positions: one per segment, or the item itself', () => {
    expect(positionsOf(programme)).toEqual([
      { itemId: 'open', segmentIndex: null },
      { itemId: 'talks', segmentIndex: 0 }, { itemId: 'talks', segmentIndex: 1 }, { itemId: 'talks', segmentIndex: 2 },
      { itemId: 'film', segmentIndex: null },
      { itemId: 'close', segmentIndex: null },
    ]);
  });

  it('[C8] a film left before it rolled keeps its standby or ready: the AV desk is still set for it', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'film' }); // GO came before the film was called
    s.send({ type: 'standby', itemId: 'film' });
    s.send({ type: 'next' });
    expect(s.live.av).toMatchObject({ itemId: 'film', status: 'standby' });
    s.send({ type: 'ready', itemId: 'film' });
    s.send({ type: 'previous' }); // back to the film
    s.send({ type: 'previous' }); // and past it again, still not rolled
    expect(s.live.av).toMatchObject({ itemId: 'film', status: 'ready' });
  });

  it('[C8] a second rolled for a film already rolling is refused, and says so', () => {
    const s = small();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'film' });
    s.send({ type: 'rolled', itemId: 'film' });
    expect(s.try({ type: 'rolled', itemId: 'film' })).toMatchObject({ ok: false, error: { code: 'not_possible', message: expect.stringMatching(/already rolling/) } });
  });

  it('[C10] upsertItem of an existing item, the first one included, changes it in place and leaves the others alone', () => {
    const s = small();
    const before = s.state.programme.items;
    const open = { ...before[0]!, title: 'Welcome', durationSec: 420 };
    s.send({ type: 'upsertItem', item: open });
    expect(s.state.programme.items.map((i) => i.id)).toEqual(['open', 'talks', 'film', 'close']);
    expect(s.state.programme.items[0]).toMatchObject({ title: 'Welcome', durationSec: 420 });
    expect(s.state.programme.items.slice(1)).toEqual(before.slice(1));
    const film = { ...before[2]!, title: 'The film' };
    s.send({ type: 'upsertItem', item: film, index: 0 }); // an existing item stays where it is
    expect(s.state.programme.items.map((i) => i.title)).toEqual(['Welcome', 'Talks', 'The film', 'Closing']);
  });

  it('[T1] a position that is not in the programme has no planned time', () => {
    expect(plannedSecondsAt(programme, null)).toBe(0);
    expect(plannedSecondsAt(programme, { itemId: 'ghost', segmentIndex: null })).toBe(0);
    expect(plannedSecondsAt(programme, { itemId: 'talks', segmentIndex: 1 })).toBe(300);
    expect(plannedSecondsAt(programme, { itemId: 'talks', segmentIndex: null })).toBe(900);
  });
});
