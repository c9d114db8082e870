// Control: a passing test, and one its environment cannot run (skipped the way F7 skips without tmpfs).
import { expect, it } from 'vitest';

it('passes', () => expect(1 + 1).toBe(2));

it('needs what this machine lacks', (ctx) => {
  ctx.skip('planted: this machine cannot mount what the test needs');
  expect.unreachable();
});
