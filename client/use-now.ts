/**
 * The one ticking clock of the page: server time = Date.now() + the measured offset, read on every
 * animation frame and handed to React in steps (10 Hz by default), so countdowns are smooth and
 * every screen shows the same second. It never runs backwards for a small correction: a re-sync
 * that moves the offset back by less than two seconds holds the clock until real time catches up.
 */
import { useSyncExternalStore } from 'react';
import { type Instant, instant } from '@shared/time';
import { useShow } from './store';

const HOLD_LIMIT_MS = 2000;
const listeners = new Set<() => void>();
let last = 0;
let frame = 0;
let hiddenTimer = 0;

/** Server time now, monotone for small corrections. */
export function serverNow(): Instant {
  const raw = Date.now() + useShow.getState().clock.offset;
  if (raw < last && last - raw < HOLD_LIMIT_MS) return instant(last);
  last = raw;
  return instant(raw);
}

function tick(): void {
  listeners.forEach((l) => l());
  frame = listeners.size ? requestAnimationFrame(tick) : 0;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!frame) frame = requestAnimationFrame(tick);
  // rAF stops in a hidden tab; a slow timer keeps state (and tests of background pages) current.
  if (!hiddenTimer) hiddenTimer = window.setInterval(() => document.hidden && listeners.forEach((l) => l()), 250);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      cancelAnimationFrame(frame);
      window.clearInterval(hiddenTimer);
      frame = 0;
      hiddenTimer = 0;
    }
  };
}

/**
 * Server time, re-rendering the caller every `stepMs` (100 ms = 10 Hz). The value is read at
 * render time, not rounded to the step, so a countdown turns exactly when its second ends.
 */
export function useNow(stepMs = 100): Instant {
  useSyncExternalStore(subscribe, () => Math.floor(serverNow() / stepMs));
  return serverNow();
}
