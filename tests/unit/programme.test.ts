import { describe, expect, it } from 'vitest';
import { defaultProgramme, isPlaceholder, PLACEHOLDER } from '@shared/default-programme';
import { describeIssues, programmeSchema } from '@shared/programme';
import { inFull } from '@shared/wording';

describe('programme', () => {
  it('[P1] the default programme is the plan: 10 items, 18/01/2024, Asia/Ho_Chi_Minh, 07:00 to 10:30', () => {
    const p = defaultProgramme();
    expect(p).toMatchObject({ date: '2024-01-18', timeZone: 'Asia/Ho_Chi_Minh', start: '07:00', end: '10:30' });
    expect(p.items.map((i) => i.kind)).toEqual(['reception', 'procedure', 'film', 'report', 'discussion', 'speech', 'break', 'awards', 'launch', 'closing']);
    expect(p.items[0]).toMatchObject({ title: 'Đón tiếp đại biểu', fixedStart: '07:00', durationSec: 1800 });
    expect(p.items[1]).toMatchObject({ fixedStart: '07:30' });
    const session = p.items.slice(1).reduce((s, i) => s + i.durationSec, 0);
    expect(session).toBeLessThanOrEqual(180 * 60);
  });

  it('[P1] the film is 15:00 with an AV standby cue; the directive speech shows only the time of day', () => {
    const p = defaultProgramme();
    const film = p.items.find((i) => i.kind === 'film')!;
    expect(film).toMatchObject({ durationSec: 900, mediaDurationSec: 900 });
    expect(film.cues.find((c) => c.target === 'av')!.leadSec).toBeGreaterThan(0);
    expect(p.items.find((i) => i.title === 'Phát biểu chỉ đạo')!.speakerView).toBe('timeOfDay');
  });

  it('[P1] five contributions and one segment per award group; unnamed people are marked placeholders', () => {
    const p = defaultProgramme();
    const discussion = p.items.find((i) => i.kind === 'discussion')!;
    const awards = p.items.find((i) => i.kind === 'awards')!;
    expect(discussion.segments).toHaveLength(5);
    expect(awards.segments.map((s) => s.title)).toEqual([
      'Đơn vị được tặng Cờ thi đua của Chính phủ năm 2022',
      'Tập thể, cá nhân được Chủ tịch nước, Thủ tướng Chính phủ khen thưởng năm 2023',
      'Khối thi đua doanh nghiệp III, Khối thi đua các hợp tác xã được Chủ tịch UBND tỉnh tặng Cờ thi đua, Bằng khen năm 2023',
    ]);
    for (const seg of [...discussion.segments, ...awards.segments]) expect(isPlaceholder(seg.presenter?.name)).toBe(true);
    expect(p.items.find((i) => i.kind === 'report')!.presenter).toEqual({ name: 'Đ/c Lê Ô Pích', title: 'Phó Chủ tịch UBND tỉnh' });
  });

  it('[P1] the launch item is for 2024 (the plan\'s "2023" is a slip)', () => {
    expect(defaultProgramme().items.find((i) => i.kind === 'launch')!.title).toBe('Phát động phong trào thi đua yêu nước năm 2024');
  });

  it('[P2] a bad programme is rejected with messages that name the item and the field', () => {
    const p = defaultProgramme() as unknown as { items: Record<string, unknown>[] };
    p.items[3] = { ...p.items[3], durationSec: -5 };
    p.items[5] = { ...p.items[5], kind: 'concert' };
    const r = programmeSchema.safeParse(p);
    expect(r.success).toBe(false);
    const messages = describeIssues(r.error!, p);
    expect(messages).toContain('item 4 (Kế hoạch thực hiện Nghị quyết của Chính phủ, Tỉnh ủy, HĐND tỉnh về phát triển kinh tế - xã hội năm 2024): duration must be a positive number of seconds');
    expect(messages.some((m) => m.startsWith('item 6 (Phát biểu chỉ đạo): kind must be one of'))).toBe(true);
  });

  it('[P2] bad dates, times, zones and thresholds are explained', () => {
    const base = defaultProgramme();
    const bad = { ...base, date: '18/01/2024', start: '7h30', timeZone: 'Mars/Olympus', items: [{ ...base.items[0]!, warningSec: 10, dangerSec: 20 }] };
    const r = programmeSchema.safeParse(bad);
    const messages = describeIssues(r.error!, bad).join('\n');
    expect(messages).toMatch(/date must be YYYY-MM-DD/);
    expect(messages).toMatch(/time must be HH:mm/);
    expect(messages).toMatch(/IANA/);
    expect(messages).toMatch(/item 1 \(Đón tiếp đại biểu\): danger threshold must not exceed the warning threshold/);
  });

  it('[P3] item ids and segment ids must be unique', () => {
    const p = defaultProgramme();
    const dup = { ...p, items: [...p.items, { ...p.items[0]! }] };
    const r = programmeSchema.safeParse(dup);
    expect(describeIssues(r.error!, dup).join()).toMatch(/item id "don-tiep" is used twice/);
  });

  it('[P5] hall screens write titles in full', () => {
    expect(inFull('Đ/c Lê Ô Pích')).toBe('Đồng chí Lê Ô Pích');
    expect(inFull('Phó Chủ tịch UBND tỉnh')).toBe('Phó Chủ tịch Ủy ban nhân dân tỉnh');
    expect(inFull('VP UBND tỉnh; Sở Nội vụ; Sở KH&ĐT')).toBe('Văn phòng Ủy ban nhân dân tỉnh; Sở Nội vụ; Sở Kế hoạch và Đầu tư');
    expect(inFull('Chủ tịch UBND tỉnh, Chủ tịch HĐTĐKT tỉnh')).toBe('Chủ tịch Ủy ban nhân dân tỉnh, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh');
    expect(inFull('Đài PT&TH tỉnh')).toBe('Đài Phát thanh và Truyền hình tỉnh');
    expect(inFull('HĐND tỉnh')).toBe('Hội đồng nhân dân tỉnh');
    expect(inFull('UBNDX')).toBe('UBNDX');
  });

  it('[P1] a real name is not taken for a placeholder, nor is a missing one', () => {
    const p = defaultProgramme();
    const named = p.items.find((i) => i.kind === 'report')!.presenter!.name;
    expect(isPlaceholder(named)).toBe(false);
    expect(isPlaceholder(undefined)).toBe(false);
    expect(isPlaceholder('')).toBe(false);
    expect(isPlaceholder(`Đại diện ${PLACEHOLDER}`)).toBe(false); // marked only when it starts with the mark
  });
});

describe('programme refusals point at the field', () => {
  const base = () => structuredClone(defaultProgramme()) as unknown as { items: Record<string, unknown>[] };
  const issuesOf = (raw: unknown) => {
    const r = programmeSchema.safeParse(raw);
    if (r.success) throw new Error('accepted');
    return r.error;
  };

  it('[P2] equal warning and danger thresholds are allowed; danger above warning is refused at the danger field', () => {
    const p = base();
    p.items[0] = { ...p.items[0], warningSec: 60, dangerSec: 60 };
    expect(programmeSchema.safeParse(p).success).toBe(true);
    p.items[0] = { ...p.items[0], warningSec: 60, dangerSec: 61 };
    const error = issuesOf(p);
    expect(error.issues.map((i) => i.path)).toEqual([['items', 0, 'dangerSec']]); // the editor shows it beside "danger"
  });

  it('[P3] a segment id used twice in an item is refused, naming the item, the segment and the id', () => {
    const p = base();
    const talks = p.items.findIndex((i) => i.id === 'thao-luan');
    const segments = p.items[talks]!.segments as Record<string, unknown>[];
    segments[3] = { ...segments[3], id: segments[1]!.id };
    const error = issuesOf(p);
    expect(error.issues.map((i) => i.path)).toEqual([['items', talks, 'segments', 3, 'id']]);
    expect(describeIssues(error, p)).toEqual([`item ${talks + 1} (${String(p.items[talks]!.title)}), segment 4 (Tham luận 4): segment id "tham-luan-2" is used twice`]);
    segments[3] = { ...segments[3], id: 'tham-luan-4' };
    expect(programmeSchema.safeParse(p).success).toBe(true);
  });

  it('[P3] a repeated item id is refused at the second item\'s id field', () => {
    const p = base();
    p.items.push({ ...p.items[0] });
    expect(issuesOf(p).issues.map((i) => i.path)).toEqual([['items', 10, 'id']]);
  });

  it('[P2] lists that are not items, segments, honourees or cues are not named as if they were', () => {
    const p = base();
    p.items[0] = { ...p.items[0], script: ['fine', 'x'.repeat(2001)] };
    expect(describeIssues(issuesOf(p), p)).toEqual(['item 1 (Đón tiếp đại biểu): script line is longer than 2000 characters']);
  });

  it('[P2] an element with no usable title is named by its number alone; a null or missing one too', () => {
    const p = base();
    p.items[0] = { ...p.items[0], title: 42 };
    expect(describeIssues(issuesOf(p), p)).toEqual(['item 1: title must be text']);
    const empty = { ...base(), items: [null] };
    expect(describeIssues(issuesOf(empty), empty)[0]).toMatch(/^item 1: /);
    const hole = { ...base(), items: [undefined] };
    expect(describeIssues(issuesOf(hole), hole)[0]).toMatch(/^item 1: /);
  });

  it('[P2] issues described against an input that lacks the place they point at still read, by number', () => {
    const p = base();
    p.items[3] = { ...p.items[3], durationSec: 0 };
    const error = issuesOf(p);
    expect(describeIssues(error, {})).toEqual(['item 4: duration must be a positive number of seconds']);
    expect(describeIssues(error, null)).toEqual(['item 4: duration must be a positive number of seconds']);
    expect(describeIssues(error, { items: 'not a list' })).toEqual(['item 4: duration must be a positive number of seconds']);
  });
});

