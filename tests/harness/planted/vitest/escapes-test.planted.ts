// Planted: an error thrown from a timer escapes the test that started it; the test itself passes.
import { expect, it } from 'vitest';

it('passes while its timer throws', async () => {
  setTimeout(() => {
    throw new Error('planted: escaped the test');
  }, 0);
  await new Promise((r) => setTimeout(r, 100));
  expect(1).toBe(1);
});
