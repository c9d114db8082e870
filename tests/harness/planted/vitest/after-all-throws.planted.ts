// Planted: every test passes, then the clean-up throws.
import { afterAll, describe, expect, it } from 'vitest';

describe('a suite whose clean-up fails', () => {
  afterAll(() => {
    throw new Error('planted: afterAll threw');
  });
  it('passes', () => expect(1).toBe(1));
});
