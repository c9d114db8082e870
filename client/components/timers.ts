/**
 * timerView / filmClock as screens show them. A clock estimate a few milliseconds behind the
 * server would otherwise show a just-started timer as 10:01 for an instant: elapsed never goes
 * below zero on screen.
 */
import { filmClock, timerView, type FilmClock, type TimerView } from '@shared/derive';
import type { LiveState } from '@shared/live';
import type { Programme } from '@shared/programme';
import { duration, type Instant } from '@shared/time';

export function shownTimer(programme: Programme, live: LiveState, now: Instant): TimerView | null {
  const view = timerView(programme, live, now);
  if (!view || view.elapsed >= 0) return view;
  return { ...view, elapsed: duration(0), remaining: view.allotted };
}

export function shownFilm(programme: Programme, live: LiveState, now: Instant): FilmClock | null {
  const film = filmClock(programme, live, now);
  if (!film || film.elapsed >= 0) return film;
  return { ...film, elapsed: duration(0), remaining: film.total };
}
