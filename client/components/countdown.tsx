import type { Level } from '@shared/derive';
import { type Duration, formatCountdown } from '@shared/time';

/** A countdown in its level colour; over time counts up with "+" and flashes. */
export function Countdown({ remaining, level, paused = false, className = '' }: { remaining: Duration; level: Level; paused?: boolean; className?: string }) {
  return (
    <span className={`countdown level-${level}${paused ? ' is-paused' : ''} ${className}`} data-level={level} data-testid="countdown">
      {formatCountdown(remaining)}
    </span>
  );
}
