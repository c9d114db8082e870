import { expect } from '@playwright/test';
import { test } from './broken-fixtures';

test('would pass if its fixtures loaded', () => {
  expect(1).toBe(1);
});
