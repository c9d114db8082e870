// Planted: a fixtures module with an import that cannot be resolved.
import { test as base } from '@playwright/test';
import { gone } from './no-such-module';

export const test = base.extend<{ gone: unknown }>({
  // eslint-disable-next-line no-empty-pattern
  gone: async ({}, use) => use(gone),
});
