import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultProgramme } from '@shared/default-programme';
import { initialShowState } from '@shared/live';
import { applyCommand } from '@shared/reducer';
import { stateMessage } from '@shared/messages';
import type { Instant } from '@shared/time';
import { Replica } from '../../server/scale/replica';
import { chooseRole } from '../../server/scale/role';
import { stateWire } from '../../server/scale/wire';

describe('scale-out roles', () => {
  it('[X7] no REDIS_URL, no WORKERS: one process; each variable picks exactly one role', () => {
    expect(chooseRole({})).toEqual({ kind: 'single' });
    expect(chooseRole({ WORKERS: '1' })).toEqual({ kind: 'single' });
    expect(chooseRole({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({ kind: 'writer', via: 'redis', worker: null });
    expect(chooseRole({ REDIS_URL: 'redis://h:6379', RELAY: '1' })).toEqual({ kind: 'relay', via: 'redis', worker: null });
    expect(chooseRole({ WORKERS: '2' })).toEqual({ kind: 'primary', workers: 2 });
    expect(chooseRole({ WORKERS: '2', BATON_NODE: 'relay', BATON_WORKER: '2' })).toEqual({ kind: 'relay', via: 'cluster', worker: 2 });
    expect(chooseRole({ RELAY: '1' })).toHaveProperty('error');
    expect(chooseRole({ WORKERS: 'many' })).toHaveProperty('error');
    expect(chooseRole({ REDIS_URL: 'http://x' })).toHaveProperty('error');
  });

  it('[X7] the server imports Redis, the adapters and sticky only on demand (dynamic import), never at start', () => {
    const root = fileURLToPath(new URL('../../server', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const staticImports = files.filter((f) => /^import [^(]*from '(redis|@socket\.io\/(redis-streams-adapter|sticky|cluster-adapter))'/m.test(readFileSync(join(root, f), 'utf8')));
    expect(staticImports).toEqual([]);
    expect(files.some((f) => readFileSync(join(root, f), 'utf8').includes("import('redis')"))).toBe(true);
  });
});

describe('relay replica', () => {
  const at = (ms: number) => ms as Instant;
  const s0 = initialShowState(defaultProgramme());
  const step = (state: typeof s0, command: Parameters<typeof applyCommand>[1], now: number) => {
    const out = applyCommand(state, command, at(now));
    if (!out.ok) throw new Error(out.error.message);
    const { now: _n, next: _x, ...rest } = stateMessage(state, out.state, command.type, now);
    return { state: out.state, wire: stateWire.parse({ epoch: 'epoch-0001', ...rest }) };
  };

  it('[X3] applies the next revision only: a duplicate is old, a skipped one or another epoch is a gap', () => {
    const r = new Replica();
    r.load('epoch-0001', s0);
    const a = step(s0, { type: 'start' }, 1_000);
    const b = step(a.state, { type: 'next' }, 2_000);
    expect(r.apply(b.wire).kind).toBe('gap');
    const applied = r.apply(a.wire);
    expect(applied.kind).toBe('applied');
    if (applied.kind === 'applied') expect(applied.message.now?.itemId).toBe(a.state.live.currentItemId);
    expect(r.apply(a.wire).kind).toBe('old');
    expect(r.apply({ ...b.wire, epoch: 'epoch-0002' }).kind).toBe('gap');
    expect(r.apply(b.wire).kind).toBe('applied');
    expect(r.state?.record).toEqual(b.state.record);
    expect(r.state?.live).toEqual(b.state.live);
  });
});
