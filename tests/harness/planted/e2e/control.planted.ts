// Control, and (with PLANT=interrupt) a test still running when the run is stopped.
import { expect, test } from '@playwright/test';

test('passes', () => {
  expect(1 + 1).toBe(2);
});

test('is skipped on purpose', () => {
  test.skip(true, 'planted: this machine lacks what the test needs');
});

test('is still running when the run is stopped', async () => {
  test.skip(process.env.PLANT !== 'interrupt', 'only when the interruption is planted');
  test.setTimeout(120_000);
  await new Promise((r) => setTimeout(r, 110_000));
});
