// Planted: the suite's set-up (a server that will not start) throws, so its tests never run.
import { beforeAll, describe, expect, it } from 'vitest';

describe('a suite whose server cannot start', () => {
  beforeAll(() => {
    throw new Error('planted: beforeAll threw');
  });
  it('one', () => expect(1).toBe(1));
  it('two', () => expect(2).toBe(2));
});
