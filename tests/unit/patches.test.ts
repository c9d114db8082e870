import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { commandSchema, type Command, type CommandInput } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import { initialShowState, type ShowState } from '@shared/live';
import { forProtocol, snapshotForProtocol, stateMessage } from '@shared/messages';
import { applyPatch, canonicalJson, findHonourees, honoureesHash, honoureesRefOf, leanProgramme, programmeVersion } from '@shared/patch';
import type { Item, Programme } from '@shared/programme';
import type { Snapshot, StateMessage } from '@shared/protocol';
import { applyCommand } from '@shared/reducer';
import { nowAndNext } from '@shared/derive';
import { instant, zonedInstant } from '@shared/time';
import { applySnapshot, applyStateMessage, useShow } from '../../client/store';

const start = zonedInstant('2024-01-18', '07:25', 'Asia/Ho_Chi_Minh') as number;
const programme = defaultProgramme();
const ids = programme.items.map((i) => i.id);
const awards = programme.items.find((i) => i.kind === 'awards')!;

const titleArb = fc.constantFrom('Trao Huân chương Lao động', 'Phát biểu (sửa)', 'Giải lao', 'Văn nghệ chào mừng', 'Tiết mục mới');
const nameArb = fc.constantFrom('Nguyễn Văn An', 'Trần Thị Bình', 'Công ty CP Đầu tư Bắc Giang', 'Lê Hoàng Long');

/** One programme edit: a field of an existing item, an honouree of an award group, a new item, a removal, a move. */
const editArb = (p: () => Programme): fc.Arbitrary<(current: Programme) => CommandInput | null> =>
  fc.oneof(
    fc.record({ pick: fc.nat(), title: titleArb }).map(({ pick, title }) => (cur: Programme) => {
      const item = cur.items[pick % cur.items.length]!;
      return { type: 'upsertItem' as const, item: { ...item, title } };
    }),
    fc.record({ pick: fc.nat(), name: nameArb, drop: fc.boolean() }).map(({ pick, name, drop }) => (cur: Programme) => {
      const item = cur.items.filter((i) => i.segments.length > 0)[pick % Math.max(1, cur.items.filter((i) => i.segments.length > 0).length)];
      if (!item) return null;
      const s = pick % item.segments.length;
      const segments = item.segments.map((seg, k) =>
        k !== s ? seg : { ...seg, honourees: drop ? seg.honourees.slice(1) : [...seg.honourees, { name, award: 'Bằng khen' }] },
      );
      return { type: 'upsertItem' as const, item: { ...item, segments } };
    }),
    fc.record({ n: fc.nat(99), index: fc.nat(40), title: titleArb }).map(({ n, index, title }) => (cur: Programme) => ({
      type: 'upsertItem' as const,
      index: Math.min(index, cur.items.length),
      item: { id: `moi-${n}`, kind: 'other' as const, title, durationSec: 60 + n, ...(n % 3 === 0 ? { segments: [{ id: 's1', title: 'Nhóm 1', durationSec: 60, honourees: [{ name: `Đơn vị ${n}` }] }] } : {}) },
    })),
    fc.nat().map((pick) => (cur: Programme) => ({ type: 'removeItem' as const, itemId: cur.items[pick % cur.items.length]!.id })),
    fc.record({ pick: fc.nat(), to: fc.nat(40) }).map(({ pick, to }) => (cur: Programme) => ({
      type: 'moveItem' as const,
      itemId: cur.items[pick % cur.items.length]!.id,
      toIndex: to % cur.items.length,
    })),
    fc.constant(() => (p().items.length > 0 ? { type: 'next' as const } : null)),
  );

/** A server that takes commands and says what each screen form gets. */
function server() {
  let state: ShowState = initialShowState(programme);
  let now = start;
  const send = (input: CommandInput): StateMessage | null => {
    const command: Command = commandSchema.parse(input);
    now += 1000;
    const r = applyCommand(state, command, instant(now));
    if (!r.ok) return null;
    const message = stateMessage(state, r.state, command, now);
    state = r.state;
    return message;
  };
  const snapshot = (): Snapshot => ({ revision: state.revision, serverTime: now, programme: state.programme, live: state.live, record: state.record, ...nowAndNext(state.programme, state.live) });
  return { send, snapshot, get state() { return state; } };
}

describe('programme patches (property-based)', () => {
  beforeEach(() => useShow.setState({ programme: null, programmeVersion: null, live: null, record: null, revision: -1, now: null, next: null }));

  it('[D2] random edit sequences applied as patches on a screen copy give exactly the server\'s programme (lean and whole)', () => {
    fc.assert(
      fc.property(fc.array(editArb(() => programme), { minLength: 1, maxLength: 30 }), (edits) => {
        const srv = server();
        srv.send({ type: 'start' });
        // A current-protocol screen (lean programme, patches) and a relay (whole programme, the same patches).
        let lean = snapshotForProtocol(srv.snapshot(), true);
        let leanVersion = lean.programmeVersion!;
        let screen = lean.programme;
        let whole = srv.state.programme;
        let wholeVersion = programmeVersion(whole);
        let patches = 0;
        for (const edit of edits) {
          const input = edit(srv.state.programme);
          if (!input) continue;
          const message = srv.send(input);
          if (!message) continue;
          const sent = forProtocol(message, true);
          if (sent.patch) {
            patches++;
            expect(sent.programme).toBeUndefined();
            const a = applyPatch(screen, leanVersion, sent.patch);
            const b = applyPatch(whole, wholeVersion, message.patch!);
            expect(a.ok && b.ok).toBe(true);
            if (a.ok) [screen, leanVersion] = [a.programme, a.version];
            if (b.ok) [whole, wholeVersion] = [b.programme, b.version];
          } else if (sent.programme) {
            [screen, leanVersion] = [sent.programme, sent.programmeVersion!];
          }
          expect(canonicalJson(screen)).toBe(canonicalJson(leanProgramme(srv.state.programme)));
          expect(leanVersion).toBe(programmeVersion(srv.state.programme));
          expect(canonicalJson(whole)).toBe(canonicalJson(srv.state.programme));
          expect(programmeVersion(whole)).toBe(wholeVersion);
        }
        lean = snapshotForProtocol(srv.snapshot(), true);
        expect(canonicalJson(lean.programme)).toBe(canonicalJson(screen));
        return patches >= 0;
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('[D2] the client store applies patches in order, and a missed patch is a base mismatch: it asks for a snapshot, then ends equal', () => {
    fc.assert(
      fc.property(fc.array(editArb(() => programme), { minLength: 2, maxLength: 20 }), fc.nat(), (edits, dropAt) => {
        useShow.setState({ programme: null, programmeVersion: null, live: null, record: null, revision: -1 });
        const srv = server();
        applySnapshot(snapshotForProtocol(srv.snapshot(), true));
        const messages = edits.map((e) => e(srv.state.programme)).map((input) => (input ? srv.send(input) : null)).filter((m): m is StateMessage => m !== null);
        const patchIndexes = messages.flatMap((m, i) => (m.patch ? [i] : []));
        const dropped = patchIndexes.length ? patchIndexes[dropAt % patchIndexes.length]! : -1;
        let asked = false;
        for (const [i, m] of messages.entries()) {
          if (i === dropped) {
            // The screen misses this patch, but the revision of the next message says nothing: the
            // tests renumber so only the base can tell (a server that skipped a patch for a screen).
            continue;
          }
          const sent = forProtocol(m, true);
          const renumbered = dropped >= 0 && i > dropped ? { ...sent, revision: sent.revision - 1 } : sent;
          if (!applyStateMessage(renumbered)) {
            asked = true;
            break;
          }
        }
        const laterPatch = patchIndexes.some((i) => i > dropped);
        const changed = dropped >= 0 && messages[dropped]!.patch!.base !== messages[dropped]!.patch!.version;
        if (changed && laterPatch) expect(asked).toBe(true);
        if (asked || dropped >= 0) applySnapshot(snapshotForProtocol(srv.snapshot(), true));
        expect(canonicalJson(useShow.getState().programme)).toBe(canonicalJson(leanProgramme(srv.state.programme)));
        expect(useShow.getState().programmeVersion).toBe(programmeVersion(srv.state.programme));
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

describe('programme patches (examples)', () => {
  it('[D1] a version names content: equal programmes, equal versions whatever the key order; any edit changes it', () => {
    const copy = JSON.parse(JSON.stringify(programme)) as Programme;
    const { items, ...rest } = copy;
    const reordered = { items, ...rest } as Programme;
    expect(programmeVersion(reordered)).toBe(programmeVersion(programme));
    const edited = { ...programme, items: programme.items.map((i, k) => (k === 3 ? { ...i, title: `${i.title}.` } : i)) };
    expect(programmeVersion(edited)).not.toBe(programmeVersion(programme));
  });

  it('[D2] a patch on another base is refused and changes nothing', () => {
    const srv = server();
    const m = srv.send({ type: 'upsertItem', item: { ...programme.items[0]!, title: 'Đón tiếp (sửa)' } })!;
    expect(m.patch).toMatchObject({ op: 'upsert', index: 0, base: programmeVersion(programme) });
    const other = { ...programme, title: 'Khác' };
    expect(applyPatch(other, programmeVersion(other), m.patch!)).toEqual({ ok: false, reason: 'base' });
    expect(applyPatch(programme, null, m.patch!)).toEqual({ ok: false, reason: 'base' });
  });

  it('[D3] protocol 1 gets the message exactly as before (whole programme, no patch); replaceProgramme is whole for both', () => {
    const srv = server();
    const m = srv.send({ type: 'moveItem', itemId: ids[2]!, toIndex: 0 })!;
    const old = forProtocol(m, false);
    expect(old.patch).toBeUndefined();
    expect(old.programmeVersion).toBeUndefined();
    expect(old.programme).toBe(srv.state.programme);
    expect(snapshotForProtocol(srv.snapshot(), false).programmeVersion).toBeUndefined();
    const replaced = srv.send({ type: 'replaceProgramme', programme: { ...programme, title: 'Chương trình mới' } })!;
    expect(forProtocol(replaced, true).patch).toBeUndefined();
    expect(forProtocol(replaced, true).programme?.title).toBe('Chương trình mới');
    expect(forProtocol(replaced, true).programmeVersion).toBe(programmeVersion(srv.state.programme));
  });

  it('[D4] lean programmes carry each honourees list as hash and count; the hash finds the list', () => {
    const lean = leanProgramme(programme);
    const seg = awards.segments[0]!;
    const leanSeg = lean.items.find((i) => i.id === awards.id)!.segments[0]!;
    expect(leanSeg.honourees).toEqual([]);
    expect(honoureesRefOf(leanSeg)).toEqual({ hash: honoureesHash(seg.honourees), count: seg.honourees.length });
    expect(findHonourees(programme, honoureesHash(seg.honourees))).toBe(seg.honourees);
    expect(findHonourees(programme, '0000000000000000')).toBeUndefined();
    const sameContent = JSON.parse(JSON.stringify(seg.honourees)) as typeof seg.honourees;
    expect(honoureesHash(sameContent)).toBe(honoureesHash(seg.honourees));
    // Lean bytes: the awards item without its lists.
    const item: Item = lean.items.find((i) => i.id === awards.id)!;
    expect(JSON.stringify(item).length).toBeLessThan(JSON.stringify(awards).length + 200 * awards.segments.length);
  });
});
