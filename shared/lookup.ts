/**
 * Lookups over a programme. Kept apart from programme.ts (which builds the zod schemas when it
 * loads) so that display screens, which never validate anything, do not carry zod in their bundle.
 */
import type { Item, Programme } from './programme';

export const findItemIndex = (p: Programme, itemId: string): number => p.items.findIndex((i) => i.id === itemId);
export const findItem = (p: Programme, itemId: string | null): Item | undefined =>
  itemId === null ? undefined : p.items.find((i) => i.id === itemId);
