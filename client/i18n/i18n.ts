/** The screen language: Vietnamese unless the URL says `?lang=en`. Fixed for the page's life. */
import { duration, formatSpan, type Duration, type Lang } from '@shared/time';
import { en } from './en';
import { vi, type Dict } from './vi';

export const lang: Lang = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'vi';
export const t: Dict = lang === 'en' ? en : vi;

/** A signed drift as words: "Chậm 4:30 so với kế hoạch" / "Sớm …" / "Đúng kế hoạch" (within 30 s). */
export function driftWords(drift: Duration): string {
  if (Math.abs(drift) < ON_TIME_MS) return t.onTime;
  const span = formatSpan(duration(Math.abs(drift)));
  return drift > 0 ? t.behind(span) : t.ahead(span);
}

/** Drift smaller than this reads "on time". */
export const ON_TIME_MS = 30_000;
