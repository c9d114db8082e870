/**
 * Refusals are logged, but a flood of bad packets must not become a flood of log lines: at most
 * `perWindow` lines per window, then one line at the window's end saying how many were left out.
 */
import type { Logger } from '../log';

export interface LimitedWarn {
  (message: string): void;
  /** Write the pending summary now (on close), and stop its timer. */
  flush(): void;
}

export function limitedWarn(log: Logger, options: { perWindow?: number; windowMs?: number } = {}): LimitedWarn {
  const perWindow = options.perWindow ?? 5;
  const windowMs = options.windowMs ?? 10_000;
  let written = 0;
  let suppressed = 0;
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (suppressed > 0) log.warn(`OSC: ${suppressed} more refusals within ${Math.round(windowMs / 1000)} s were not logged one by one`);
    written = 0;
    suppressed = 0;
  };

  const warn = (message: string): void => {
    // The window opens with the first line and closes on its own timer: no clock reads per packet.
    if (!timer) timer = setTimeout(flush, windowMs).unref();
    if (written < perWindow) {
      written++;
      log.warn(message);
    } else suppressed++;
  };
  return Object.assign(warn, { flush });
}
