import { describe, expect, it } from 'vitest';
import { type CommandInput, type CommandType, commandSchema, hasForbiddenKey, mayRoleSend, type Role } from '@shared/commands';
import { initialShowState, positionOf, samePosition, type ShowState } from '@shared/live';
import { stateMessage } from '@shared/messages';
import { describeIssues, type ProgrammeInput, programmeSchema } from '@shared/programme';
import { isApiError } from '@shared/protocol';
import { applyCommand } from '@shared/reducer';
import { instant } from '@shared/time';

const input: ProgrammeInput = {
  title: 'Test day',
  date: '2024-03-05',
  start: '08:00',
  items: [
    { id: 'open', kind: 'procedure', title: 'Opening', durationSec: 600 },
    { id: 'talks', kind: 'discussion', title: 'Talks', durationSec: 900, segments: [{ id: 't1', title: 'Talk 1', durationSec: 300 }] },
  ],
};
const programme = programmeSchema.parse(input);
const now = instant(1_709_600_000_000);

function step(state: ShowState, cmd: CommandInput) {
  const command = commandSchema.parse(cmd);
  const r = applyCommand(state, command, now);
  if (!r.ok) throw new Error(r.error.message);
  return { state: r.state, message: stateMessage(state, r.state, command.type, now) };
}

describe('state messages', () => {
  it('[S1] one message per change: the revision, server time, live part and now/next; no programme unless edited', () => {
    const s0 = initialShowState(programme);
    const a = step(s0, { type: 'start' });
    expect(a.message).toMatchObject({ revision: 1, serverTime: now, live: a.state.live, now: { itemId: 'open' }, next: { itemId: 'talks', segmentIndex: 0 } });
    expect(a.message.programme).toBeUndefined();
    const b = step(a.state, { type: 'blackout', on: true });
    expect(b.message.recordTail).toBeUndefined(); // the record did not change
    const up = step(b.state, { type: 'upsertItem', item: { id: 'x', kind: 'other', title: 'X', durationSec: 60 } });
    expect(up.message.programme).toEqual(up.state.programme);
    const moved = step(up.state, { type: 'moveItem', itemId: 'x', toIndex: 0 });
    expect(moved.message.programme).toEqual(moved.state.programme);
    const removed = step(moved.state, { type: 'removeItem', itemId: 'x' });
    expect(removed.message.programme).toEqual(removed.state.programme);
    const r = step(initialShowState(programme), { type: 'replaceProgramme', programme: input });
    expect(r.message.programme).toEqual(r.state.programme);
  });

  it('[S18] the record travels as a tail: from the previous last visit (it may just have closed), or from 0 for a new run', () => {
    const s0 = initialShowState(programme);
    const a = step(s0, { type: 'start' });
    expect(a.message.recordTail).toEqual({ runId: 'run-1', from: 0, visits: a.state.record.visits });
    const b = step(a.state, { type: 'next' });
    expect(b.message.recordTail).toEqual({ runId: 'run-1', from: 0, visits: b.state.record.visits.slice(0) });
    const c = step(b.state, { type: 'next' }); // finishes: closes visit 2 (index 1)
    expect(c.message.recordTail).toEqual({ runId: 'run-1', from: 1, visits: c.state.record.visits.slice(1) });
    const d = step(c.state, { type: 'reset' });
    expect(d.message.recordTail).toEqual({ runId: 'run-2', from: 0, visits: [] });
  });
});

describe('roles and forbidden keys', () => {
  // C12, written out here rather than taken from the code under test.
  const ALL: CommandType[] = [
    'start', 'next', 'previous', 'goto', 'pause', 'resume', 'addTime', 'message', 'clearMessage', 'blackout', 'standby',
    'ready', 'rolled', 'lowerThird', 'reset', 'upsertItem', 'removeItem', 'moveItem', 'replaceProgramme',
    'readyTick', 'readyUntick', 'readyEdit',
  ];
  const AV_MAY: CommandType[] = ['ready', 'rolled', 'lowerThird'];

  it('[C12] the MC may send every command, AV only ready, rolled and lowerThird, a viewer nothing', () => {
    const table = (role: Role) => ALL.filter((t) => mayRoleSend(role, t));
    expect(table('mc')).toEqual(ALL);
    expect(table('av')).toEqual(AV_MAY);
    expect(table('viewer')).toEqual([]);
  });

  it('[C12] the answer is a plain yes or no for every role and command', () => {
    for (const t of ALL) {
      expect(mayRoleSend('viewer', t)).toBe(false);
      expect(mayRoleSend('mc', t)).toBe(true);
      expect(mayRoleSend('av', t)).toBe(AV_MAY.includes(t));
    }
  });

  it('[S8] an unknown command type is refused as such; a known one with a bad field names the field', () => {
    const unknown = commandSchema.safeParse({ type: 'dance' });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues.map((i) => i.message)).toEqual(['unknown command type']);
    for (const notAnObject of [42, 'next', null, []]) {
      const m = commandSchema.safeParse(notAnObject).error?.issues.map((i) => i.message) ?? [];
      expect(m).toHaveLength(1);
      expect(m[0]).not.toBe('unknown command type'); // it is not a command at all
      expect(m[0]).toMatch(/object/);
    }
    const bad = commandSchema.safeParse({ type: 'addTime', seconds: 0 });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['seconds must not be 0']);
  });

  it('[C13] __proto__, constructor and prototype keys are found at any depth, in objects and arrays', () => {
    expect(hasForbiddenKey({ type: 'next' })).toBe(false);
    expect(hasForbiddenKey(null)).toBe(false);
    expect(hasForbiddenKey('constructor')).toBe(false); // a value, not a key
    expect(hasForbiddenKey({ a: { b: [{ c: 1 }, { d: ['constructor'] }] } })).toBe(false);
    expect(hasForbiddenKey(JSON.parse('{"__proto__":{"x":1}}'))).toBe(true);
    expect(hasForbiddenKey({ item: { segments: [{ id: 's', constructor: 1 }] } })).toBe(true);
    expect(hasForbiddenKey([{}, [{ prototype: null }]])).toBe(true);
    expect(hasForbiddenKey({ a: 1, b: { c: { d: { e: { prototype: 0 } } } } })).toBe(true);
  });

  it('[C13] a value too large to inspect is refused rather than let through', () => {
    const wide = { list: Array.from({ length: 10 }, () => ({})) }; // 11 objects + the list itself
    expect(hasForbiddenKey(wide, 12)).toBe(false);
    expect(hasForbiddenKey(wide, 11)).toBe(true);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) deep = { next: deep };
    expect(hasForbiddenKey(deep)).toBe(false); // deep nesting does not overflow the stack
  });
});

describe('positions and errors', () => {
  it('[C14] a new show and a new run start with the lower third following GO, no message, no blackout, no cue', () => {
    const fresh = initialShowState(programme);
    expect(fresh).toMatchObject({ revision: 0, runNumber: 1, record: { runId: 'run-1', visits: [] } });
    expect(fresh.live).toEqual({
      runId: 'run-1', phase: 'ready', currentItemId: null, segmentIndex: null, runStartedAt: null, itemStartedAt: null, startedAt: null,
      pausedAt: null, pausedMs: 0, addedMs: 0, finishedAt: null, message: null, blackout: false, av: null, lowerThird: 'auto',
    });
    const held = step(fresh, { type: 'lowerThird', mode: 'show' }).state;
    expect(step(held, { type: 'reset' }).state.live.lowerThird).toBe('auto');
  });

  it('[C11] positions are equal when item and segment are; null only equals null', () => {
    expect(samePosition(null, null)).toBe(true);
    expect(samePosition(null, { itemId: 'a', segmentIndex: null })).toBe(false);
    expect(samePosition({ itemId: 'a', segmentIndex: null }, null)).toBe(false);
    expect(samePosition({ itemId: 'a', segmentIndex: 1 }, { itemId: 'a', segmentIndex: 1 })).toBe(true);
    expect(samePosition({ itemId: 'a', segmentIndex: 1 }, { itemId: 'a', segmentIndex: 2 })).toBe(false);
    expect(samePosition({ itemId: 'a', segmentIndex: null }, { itemId: 'b', segmentIndex: null })).toBe(false);
    expect(positionOf(initialShowState(programme).live)).toBeNull();
  });

  it('[S8] an API error is an object with an error code in words', () => {
    expect(isApiError({ error: { code: 'stale', message: 'moved' } })).toBe(true);
    expect(isApiError({ revision: 3, live: {} })).toBe(false);
    expect(isApiError({ error: 'stale' })).toBe(false);
    expect(isApiError({ error: null })).toBe(false);
    expect(isApiError(null)).toBe(false);
    expect(isApiError('error')).toBe(false);
  });
});

describe('validation messages name the place', () => {
  const issues = (raw: unknown) => {
    const r = programmeSchema.safeParse(raw);
    if (r.success) throw new Error('accepted');
    return describeIssues(r.error, raw);
  };

  it('[P2] a segment, an honouree and a cue are named by number and title or name, inside their item', () => {
    const bad = structuredClone(input) as { items: Record<string, unknown>[] };
    bad.items[1] = {
      ...bad.items[1],
      segments: [
        { id: 't1', title: 'Talk 1', durationSec: 300, honourees: [{ name: 'A' }, { name: '' }] },
        { id: 't2', title: 'Talk 2', durationSec: 0 },
      ],
      cues: [{ id: 'c', target: 'moon', label: 'Lights' }],
    };
    const m = issues(bad);
    expect(m).toContain('item 2 (Talks), segment 1 (Talk 1), honouree 2: honouree name is required');
    expect(m).toContain('item 2 (Talks), segment 2 (Talk 2): duration must be a positive number of seconds');
    expect(m.some((x) => x.startsWith('item 2 (Talks), cue 1: cue target must be one of'))).toBe(true);
  });

  it('[P2] an element without a title or name is named by number alone; a programme field has no prefix', () => {
    const bad = structuredClone(input) as { title: string; items: Record<string, unknown>[] };
    bad.items[0] = { ...bad.items[0], title: '' };
    bad.title = '';
    const m = issues(bad);
    expect(m).toContain('item 1: title is required');
    expect(m).toContain('programme title is required');
    expect(issues({ ...input, items: 'none' })).toEqual(['items must be a list']);
  });

  it('[P2] a time zone that is not an IANA name is refused, a real one accepted', () => {
    expect(programmeSchema.safeParse({ ...input, timeZone: 'Europe/Paris' }).success).toBe(true);
    expect(issues({ ...input, timeZone: 'Nowhere/Town' })).toEqual(['time zone must be an IANA name such as Asia/Ho_Chi_Minh']);
  });
});
