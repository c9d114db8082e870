import { describe, expect, it } from 'vitest';
import { applyCommand, positionsOf } from '@shared/reducer';
import { commandSchema } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import { initialShowState } from '@shared/live';
import { itemSchema } from '@shared/programme';
import { show } from './helpers';

const filmId = 'phim-bao-cao';
const discussionId = 'thao-luan';

describe('commands', () => {
  it('[C1] start runs the first item from ready, and only from ready', () => {
    const s = show();
    expect(s.live.phase).toBe('ready');
    s.send({ type: 'start' });
    const first = s.state.programme.items[0]!;
    expect(s.live).toMatchObject({ phase: 'running', currentItemId: first.id, segmentIndex: null, startedAt: s.clock.now(), runStartedAt: s.clock.now() });
    expect(s.try({ type: 'start' })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
  });

  it('[C1] start on a programme whose first item has segments starts at segment 0', () => {
    const p = defaultProgramme();
    const discussion = p.items.find((i) => i.id === discussionId)!;
    const s = show(initialShowState({ ...p, items: [discussion, ...p.items.filter((i) => i !== discussion)] }));
    s.send({ type: 'start' });
    expect(s.live).toMatchObject({ currentItemId: discussionId, segmentIndex: 0 });
  });

  it('[C2] GO walks through segments, then to the next item at segment 0, restarting the timer', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'ke-hoach-2024' });
    s.clock.advance(1000);
    s.send({ type: 'next' });
    expect(s.live).toMatchObject({ currentItemId: discussionId, segmentIndex: 0, startedAt: s.clock.now(), itemStartedAt: s.clock.now() });
    const itemStart = s.clock.now();
    s.clock.advance(5000);
    s.send({ type: 'next' });
    expect(s.live).toMatchObject({ currentItemId: discussionId, segmentIndex: 1, startedAt: s.clock.now(), itemStartedAt: itemStart });
  });

  it('[C2] GO from paused runs the next item, clears the speaker message, and the last GO finishes', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'message', text: 'Còn 1 phút' });
    s.send({ type: 'pause' });
    s.send({ type: 'next' });
    expect(s.live).toMatchObject({ phase: 'running', pausedAt: null, message: null });
    const last = s.state.programme.items.at(-1)!;
    s.send({ type: 'goto', itemId: last.id });
    s.clock.advance(300_000);
    s.send({ type: 'next' });
    expect(s.live).toMatchObject({ phase: 'finished', currentItemId: null, finishedAt: s.clock.now() });
    expect(s.try({ type: 'next' })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
  });

  it('[C3] back returns to the previous segment or item; the record keeps both visits', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: discussionId });
    s.send({ type: 'previous' });
    expect(s.live).toMatchObject({ currentItemId: 'ke-hoach-2024', segmentIndex: null });
    s.send({ type: 'next' });
    s.send({ type: 'next' });
    s.send({ type: 'previous' });
    expect(s.live).toMatchObject({ currentItemId: discussionId, segmentIndex: 0 });
    const visits = s.state.record.visits.map((v) => `${v.itemId}:${v.segmentIndex}`);
    expect(visits).toEqual(['don-tiep:null', `${discussionId}:0`, 'ke-hoach-2024:null', `${discussionId}:0`, `${discussionId}:1`, `${discussionId}:0`]);
  });

  it('[C3] back at the first item is refused', () => {
    const s = show();
    s.send({ type: 'start' });
    expect(s.try({ type: 'previous' })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
  });

  it('[C4] goto jumps to an item or a segment; an unknown item or segment is refused', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'khen-thuong', segmentIndex: 2 });
    expect(s.live).toMatchObject({ currentItemId: 'khen-thuong', segmentIndex: 2 });
    expect(s.try({ type: 'goto', itemId: 'nope' })).toMatchObject({ ok: false, error: { code: 'unknown_item' } });
    expect(s.try({ type: 'goto', itemId: 'khen-thuong', segmentIndex: 3 })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
    expect(s.try({ type: 'goto', itemId: filmId, segmentIndex: 1 })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
  });

  it('[C4] goto before start is refused', () => {
    expect(show().try({ type: 'goto', itemId: filmId })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
  });

  it('[C5] pause freezes, resume continues; a second pause or a resume while running is refused', () => {
    const s = show();
    s.send({ type: 'start' });
    s.clock.advance(2000);
    s.send({ type: 'pause' });
    expect(s.live).toMatchObject({ phase: 'paused', pausedAt: s.clock.now() });
    expect(s.try({ type: 'pause' })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
    s.clock.advance(7000);
    s.send({ type: 'resume' });
    expect(s.live).toMatchObject({ phase: 'running', pausedAt: null, pausedMs: 7000 });
    expect(s.try({ type: 'resume' })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
  });

  it('[C6] add time adds and removes, only while running or paused, never below zero', () => {
    const s = show();
    expect(s.try({ type: 'addTime', seconds: 60 })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
    s.send({ type: 'start' });
    s.send({ type: 'addTime', seconds: 60 });
    s.send({ type: 'addTime', seconds: -90 });
    expect(s.live.addedMs).toBe(-30_000);
    const planned = s.state.programme.items[0]!.durationSec;
    expect(s.try({ type: 'addTime', seconds: -planned })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
    expect(commandSchema.safeParse({ type: 'addTime', seconds: 0 }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'addTime', seconds: 3601 }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'addTime', seconds: 1.5 }).success).toBe(false);
  });

  it('[C7] message, clearMessage and blackout work in any phase', () => {
    const s = show();
    s.send({ type: 'message', text: '  Đề nghị đồng chí kết thúc phần trình bày ' });
    expect(s.live.message).toEqual({ text: 'Đề nghị đồng chí kết thúc phần trình bày', at: s.clock.now() });
    s.send({ type: 'blackout', on: true });
    expect(s.live.blackout).toBe(true);
    s.send({ type: 'clearMessage' });
    expect(s.live.message).toBeNull();
    expect(commandSchema.safeParse({ type: 'message', text: 'x'.repeat(201) }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'message', text: '   ' }).success).toBe(false);
  });

  it('[C8] AV: standby, then ready for that item, then rolled during it', () => {
    const s = show();
    expect(s.try({ type: 'ready', itemId: filmId })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
    s.send({ type: 'standby', itemId: filmId });
    expect(s.live.av).toEqual({ itemId: filmId, status: 'standby', standbyAt: s.clock.now(), readyAt: null, rolledAt: null });
    expect(s.try({ type: 'ready', itemId: 'ke-hoach-2024' })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
    s.clock.advance(4000);
    s.send({ type: 'ready', itemId: filmId });
    expect(s.live.av).toMatchObject({ status: 'ready', readyAt: s.clock.now() });
    s.send({ type: 'start' });
    expect(s.try({ type: 'rolled', itemId: filmId })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
    s.send({ type: 'goto', itemId: filmId });
    s.send({ type: 'rolled', itemId: filmId });
    expect(s.live.av).toMatchObject({ status: 'rolled', rolledAt: s.clock.now() });
    expect(s.try({ type: 'rolled', itemId: filmId })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
    s.send({ type: 'next' });
    expect(s.live.av).toBeNull();
  });

  it('[C8] standby for an unknown item or after the show is refused', () => {
    const s = show();
    expect(s.try({ type: 'standby', itemId: 'ghost' })).toMatchObject({ ok: false, error: { code: 'unknown_item' } });
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: 'ket-thuc' });
    s.send({ type: 'next' });
    expect(s.try({ type: 'standby', itemId: filmId })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
  });

  it('[C9] reset starts a new run from ready with a new run id', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'next' });
    s.send({ type: 'blackout', on: true });
    const before = s.live.runId;
    s.send({ type: 'reset' });
    expect(s.live).toMatchObject({ phase: 'ready', currentItemId: null, blackout: false });
    expect(s.live.runId).not.toBe(before);
    expect(s.state.record).toEqual({ runId: s.live.runId, visits: [] });
    // start, next, blackout and the reset itself belong to the run that was reset
    expect(s.entries.filter((e) => e.runId === before)).toHaveLength(4);
  });

  it('[C10] upsertItem adds and changes; the current item may change but its segment on now cannot vanish', () => {
    const s = show();
    const extra = itemSchema.parse({ id: 'van-nghe', kind: 'other', title: 'Văn nghệ chào mừng', durationSec: 300 });
    s.send({ type: 'upsertItem', item: extra, index: 1 });
    expect(s.state.programme.items[1]!.id).toBe('van-nghe');
    s.send({ type: 'start' });
    s.send({ type: 'goto', itemId: discussionId, segmentIndex: 3 });
    const discussion = s.state.programme.items.find((i) => i.id === discussionId)!;
    s.send({ type: 'upsertItem', item: { ...discussion, title: 'Thảo luận' } });
    expect(s.state.programme.items.find((i) => i.id === discussionId)!.title).toBe('Thảo luận');
    expect(s.try({ type: 'upsertItem', item: { ...discussion, segments: discussion.segments.slice(0, 2) } })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
  });

  it('[C10] removeItem refuses the current item and unknown ids; moveItem reorders', () => {
    const s = show();
    s.send({ type: 'start' });
    const current = s.live.currentItemId!;
    expect(s.try({ type: 'removeItem', itemId: current })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
    expect(s.try({ type: 'removeItem', itemId: 'ghost' })).toMatchObject({ ok: false, error: { code: 'unknown_item' } });
    s.send({ type: 'removeItem', itemId: 'giai-lao' });
    expect(s.state.programme.items.map((i) => i.id)).not.toContain('giai-lao');
    s.send({ type: 'moveItem', itemId: 'ket-thuc', toIndex: 2 });
    expect(s.state.programme.items[2]!.id).toBe('ket-thuc');
    expect(s.try({ type: 'moveItem', itemId: 'ket-thuc', toIndex: 99 })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
  });

  it('[C10] replaceProgramme is refused while a run is under way', () => {
    const s = show();
    const p = defaultProgramme();
    s.send({ type: 'replaceProgramme', programme: { ...p, title: 'Diễn tập' } });
    expect(s.state.programme.title).toBe('Diễn tập');
    s.send({ type: 'start' });
    expect(s.try({ type: 'replaceProgramme', programme: p })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
    s.send({ type: 'pause' });
    expect(s.try({ type: 'replaceProgramme', programme: p })).toMatchObject({ ok: false, error: { code: 'not_possible' } });
  });

  it('[C11] expectedRevision must equal the current revision; any change moves it', () => {
    const s = show();
    s.send({ type: 'start', expectedRevision: 0 });
    expect(s.state.revision).toBe(1);
    s.send({ type: 'blackout', on: true });
    expect(s.try({ type: 'next', expectedRevision: 1 })).toMatchObject({ ok: false, error: { code: 'stale' } });
    s.send({ type: 'next', expectedRevision: 2 });
    expect(s.state.revision).toBe(3);
  });

  it('[C11] from must equal the current position: a second GO from the same place is stale, an AV ready in between is not', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'standby', itemId: filmId });
    const from = { itemId: s.live.currentItemId!, segmentIndex: s.live.segmentIndex };
    s.send({ type: 'ready', itemId: filmId });
    s.send({ type: 'next', from });
    const second = s.try({ type: 'next', from });
    expect(second).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect(s.live.currentItemId).toBe(s.state.programme.items[1]!.id);
  });

  it('[C11] a refused command changes nothing, not even the revision', () => {
    const s = show();
    const before = s.state;
    const r = applyCommand(before, commandSchema.parse({ type: 'pause' }), s.clock.now());
    expect(r.ok).toBe(false);
    expect(s.state).toBe(before);
  });

  it('[C14] the lower third can be held by hand and follows GO again after the next move', () => {
    const s = show();
    s.send({ type: 'start' });
    s.send({ type: 'lowerThird', mode: 'hide' });
    expect(s.live.lowerThird).toBe('hide');
    s.send({ type: 'next' });
    expect(s.live.lowerThird).toBe('auto');
  });
});

describe('record', () => {
  it('[R1] every visit has its actual start and end; pause and added time are kept', () => {
    const s = show();
    const t0 = s.clock.now();
    s.send({ type: 'start' });
    s.clock.advance(10_000);
    s.send({ type: 'pause' });
    s.clock.advance(3000);
    s.send({ type: 'resume' });
    s.send({ type: 'addTime', seconds: 60 });
    s.clock.advance(2000);
    s.send({ type: 'next' });
    const [first, second] = s.state.record.visits;
    expect(first).toMatchObject({ startedAt: t0, endedAt: t0 + 15_000, pausedMs: 3000, addedMs: 60_000 });
    expect(second).toMatchObject({ startedAt: t0 + 15_000, endedAt: null });
  });

  it('[R2] walking the default programme with GO logs every item and segment in order and finishes', () => {
    const s = show();
    s.send({ type: 'start' });
    const expected = positionsOf(s.state.programme);
    for (let i = 1; i < expected.length; i++) {
      s.clock.advance(60_000);
      s.send({ type: 'next' });
    }
    s.clock.advance(60_000);
    s.send({ type: 'next' });
    expect(s.live.phase).toBe('finished');
    const visited = s.state.record.visits.map((v) => ({ itemId: v.itemId, segmentIndex: v.segmentIndex }));
    expect(visited).toEqual(expected);
    expect(s.state.record.visits.every((v) => v.endedAt !== null && v.endedAt - v.startedAt === 60_000)).toBe(true);
    expect(s.entries.map((e) => e.revision)).toEqual(s.entries.map((_, i) => i + 1));
    expect(new Set(visited.map((v) => v.itemId)).size).toBe(s.state.programme.items.length);
  });

  it('[R2] replaying the journal entries from the initial state gives the same state', () => {
    const s = show();
    s.send({ type: 'start' });
    s.clock.advance(1234);
    s.send({ type: 'pause' });
    s.clock.advance(99);
    s.send({ type: 'next' });
    s.send({ type: 'message', text: 'Còn 1 phút' });
    let replayed = initialShowState(defaultProgramme());
    for (const e of s.entries) {
      const r = applyCommand(replayed, e.command, e.at);
      if (!r.ok) throw new Error(r.error.message);
      replayed = r.state;
    }
    expect(replayed).toEqual(s.state);
  });
});
