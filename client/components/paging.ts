import type { Instant } from '@shared/time';

/**
 * The page of a long list to show now. Paging is derived from server time since the timer
 * started, so every stage screen and the broadcast show the same page at the same moment.
 */
export function pageAt<T>(list: readonly T[], perPage: number, pageMs: number, since: Instant | null, now: Instant) {
  const pages = Math.max(1, Math.ceil(list.length / perPage));
  const page = since === null ? 0 : Math.floor(Math.max(0, now - since) / pageMs) % pages;
  return { items: list.slice(page * perPage, page * perPage + perPage), page, pages };
}
