import { describe, expect, it } from 'vitest';
import { defaultProgramme } from '@shared/default-programme';
import { programmeFromJson, programmeToJson } from '@shared/import/json';
import { formatIssue, localize } from '@shared/import/messages';

describe('JSON export and import', () => {
  it('[E1] the round trip is exact, with honourees, cues and fixed starts', () => {
    const p = defaultProgramme();
    p.items[7]!.segments[0]!.honourees = [{ name: 'Sở Nội vụ', unit: 'tỉnh Bắc Giang', award: 'Cờ thi đua', kind: 'collective' }];
    const text = programmeToJson(p);
    const back = programmeFromJson(text);
    expect(back).toEqual({ ok: true, value: p });
    if (back.ok) expect(programmeToJson(back.value)).toBe(text);
    expect(programmeFromJson(JSON.stringify(p))).toEqual({ ok: true, value: p }); // a bare programme too
  });

  it('[E1] a bad file is refused with reasons that name the item, in either language', () => {
    const p = JSON.parse(programmeToJson(defaultProgramme()));
    p.programme.items[3].durationSec = 0;
    const r = programmeFromJson(JSON.stringify(p));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.message).toMatch(/^item 4 \(Kế hoạch thực hiện.*\): duration must be a positive number of seconds$/);
    expect(formatIssue(r.issues[0]!, 'vi')).toMatch(/^nội dung 4 \(Kế hoạch thực hiện.*\): thời lượng phải là một số giây dương$/);
    expect(programmeFromJson('{"a":').ok).toBe(false);
    expect(programmeFromJson('{"__proto__":{"x":1}}')).toMatchObject({ ok: false, issues: [{ message: expect.stringMatching(/forbidden key/) }] });
    expect(programmeFromJson('{"format":"baton-programme","version":2}')).toMatchObject({ ok: false });
  });

  it('[E1] messages the catalogue does not know stay English', () => {
    expect(localize('something new', 'vi')).toBe('something new');
    expect(localize('segment 2 (Tham luận 2): segment title is required', 'vi')).toBe('phần 2 (Tham luận 2): cần nhập tiêu đề phần');
  });
});
