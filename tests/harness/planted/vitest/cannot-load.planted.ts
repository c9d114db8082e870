// Planted: a test file whose helper cannot load.
import { expect, it } from 'vitest';
import { helper } from './no-such-helper';

it('would pass if its file loaded', () => {
  expect(helper()).toBe(1);
});
