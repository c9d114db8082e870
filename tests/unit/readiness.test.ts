import { describe, expect, it } from 'vitest';
import { commandSchema } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import { initialShowState } from '@shared/live';
import { stateMessage } from '@shared/messages';
import { defaultReadiness, readinessOf, readyCount } from '@shared/readiness';
import { applyCommand } from '@shared/reducer';
import { show } from './helpers';

describe('readiness board', () => {
  it('[RB1] a state without a board has the plan\'s section IV checks, none ticked: film, awards, power, lower thirds, screens, invitations', () => {
    const state = initialShowState(defaultProgramme());
    expect(state.readiness).toBeUndefined(); // snapshots from before the board load unchanged
    const board = readinessOf(state);
    expect(board).toEqual(defaultReadiness());
    expect(readyCount(board)).toEqual({ done: 0, total: 7 });
    const text = board.checks.map((c) => c.label).join(' | ');
    for (const word of ['Phim báo cáo', 'khen thưởng', 'điện', 'Chữ chạy tên', 'màn hình', 'Giấy mời']) expect(text).toContain(word);
    expect(board.checks.every((c) => c.labelEn && !c.done && c.by === null && c.at === null)).toBe(true);
  });

  it('[RB2] a tick records who and when; an untick too; each moves the revision by one and leaves the show as it was', () => {
    const s = show();
    s.send({ type: 'start' });
    const live = s.live;
    s.clock.advance(1234);
    s.send({ type: 'readyTick', checkId: 'phim', by: '  Nguyễn Văn Mẫu ' });
    expect(s.live).toBe(live);
    expect(readinessOf(s.state).checks[0]).toMatchObject({ id: 'phim', done: true, by: 'Nguyễn Văn Mẫu', at: s.clock.now() });
    expect(readyCount(readinessOf(s.state)).done).toBe(1);
    const revision = s.state.revision;
    s.clock.advance(60_000);
    s.send({ type: 'readyUntick', checkId: 'phim', by: 'Trần Thị Mẫu' });
    expect(s.state.revision).toBe(revision + 1);
    expect(readinessOf(s.state).checks[0]).toMatchObject({ done: false, by: 'Trần Thị Mẫu', at: s.clock.now() });
  });

  it('[RB2] an unknown check is refused (unknown_item) and changes nothing; a tick needs a name of 1–60 characters', () => {
    const s = show();
    const before = s.state;
    const r = s.try({ type: 'readyTick', checkId: 'khong-co', by: 'A' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unknown_item');
    expect(s.state).toBe(before);
    expect(commandSchema.safeParse({ type: 'readyTick', checkId: 'phim', by: '   ' }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'readyTick', checkId: 'phim' }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'readyTick', checkId: 'phim', by: 'x'.repeat(61) }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'readyTick', checkId: 'phim', by: 'x'.repeat(60) }).success).toBe(true);
  });

  it('[RB3] editing the list keeps the ticks of checks that keep their id; new checks start unticked; ids must be unique', () => {
    const s = show();
    s.send({ type: 'readyTick', checkId: 'dien', by: 'Điện lực' });
    const at = s.clock.now();
    s.send({ type: 'readyEdit', checks: [{ id: 'dien', label: 'Điện: máy phát dự phòng đã chạy thử' }, { id: 'wifi', label: 'Mạng Wi-Fi hội trường', labelEn: 'Hall Wi-Fi' }] });
    const board = readinessOf(s.state);
    expect(board.checks).toEqual([
      { id: 'dien', label: 'Điện: máy phát dự phòng đã chạy thử', done: true, by: 'Điện lực', at },
      { id: 'wifi', label: 'Mạng Wi-Fi hội trường', labelEn: 'Hall Wi-Fi', done: false, by: null, at: null },
    ]);
    expect(commandSchema.safeParse({ type: 'readyEdit', checks: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'readyEdit', checks: [{ id: 'a', label: '' }] }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'readyEdit', checks: Array.from({ length: 41 }, (_, i) => ({ id: `c${i}`, label: 'x' })) }).success).toBe(false);
  });

  it('[RB2] the board is about the day, not a run: a reset keeps it; replaying the journal gives the same board', () => {
    const s = show();
    s.send({ type: 'readyTick', checkId: 'phim', by: 'A' });
    s.send({ type: 'start' });
    s.send({ type: 'readyTick', checkId: 'man-hinh', by: 'B' });
    s.send({ type: 'reset' });
    expect(readyCount(readinessOf(s.state)).done).toBe(2);
    let replayed = initialShowState(defaultProgramme());
    for (const entry of s.entries) {
      const r = applyCommand(replayed, entry.command, entry.at);
      if (!r.ok) throw new Error(r.error.message);
      replayed = r.state;
    }
    expect(replayed).toEqual(s.state);
  });

  it('[RB2] the state message carries the whole board only for a board command, never with GO', () => {
    const s = show();
    const a = s.state;
    s.send({ type: 'readyTick', checkId: 'phim', by: 'A' });
    const tick = stateMessage(a, s.state, 'readyTick', 0);
    expect(tick.readiness).toEqual(readinessOf(s.state));
    expect(tick.programme).toBeUndefined();
    const b = s.state;
    s.send({ type: 'start' });
    expect(stateMessage(b, s.state, 'start', 0).readiness).toBeUndefined();
  });
});
