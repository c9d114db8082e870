/**
 * PIN → role, for sockets and HTTP alike. PINs are compared in constant time (hashed to equal
 * length first), wrong PINs are counted per client address, and no PIN ever leaves this module:
 * callers learn a role, never the PIN it came from.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role } from '@shared/commands';

export interface Pins {
  mc: string;
  av: string;
}

export type PinCheck = { ok: true; role: Role } | { ok: false; code: 'unauthorized' | 'too_many_attempts'; message: string };

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Constant time whatever the PIN: both sides are hashed to equal length first, so neither the
 * length nor the position of the first wrong digit shows in how long the answer takes.
 */
export function pinEquals(given: string, pin: string): boolean {
  return timingSafeEqual(digest(given), digest(pin));
}

export interface AuthOptions {
  /** Wrong PINs allowed per client address within `windowMs` before it is refused outright. */
  maxAttempts?: number;
  windowMs?: number;
  now?: () => number;
}

export function createAuth(pins: Pins, options: AuthOptions = {}) {
  const maxAttempts = options.maxAttempts ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  /** Times of recent wrong PINs, per client address. */
  const failures = new Map<string, number[]>();

  const recent = (address: string): number[] => {
    const since = now() - windowMs;
    const list = (failures.get(address) ?? []).filter((t) => t > since);
    if (list.length) failures.set(address, list);
    else failures.delete(address);
    return list;
  };

  const forget = () => {
    // Keep the table small: drop addresses whose failures have all expired.
    if (failures.size > 1000) for (const address of [...failures.keys()]) recent(address);
  };

  /** A missing PIN is a viewer and is never counted; a wrong one is, per address. */
  function check(pin: string | undefined | null, address: string): PinCheck {
    if (pin === undefined || pin === null || pin === '') return { ok: true, role: 'viewer' };
    if (recent(address).length >= maxAttempts) {
      return { ok: false, code: 'too_many_attempts', message: 'too many wrong PINs from this device: wait a minute, then try again' };
    }
    // Both comparisons always run, so timing does not tell which role (if any) matched.
    const isMc = pinEquals(String(pin), pins.mc);
    const isAv = pinEquals(String(pin), pins.av);
    if (isMc) return { ok: true, role: 'mc' };
    if (isAv) return { ok: true, role: 'av' };
    forget();
    failures.set(address, [...recent(address), now()]);
    return { ok: false, code: 'unauthorized', message: 'wrong PIN' };
  }

  return { check };
}
export type Auth = ReturnType<typeof createAuth>;

/** The PIN of an `Authorization: Bearer <PIN>` header, or undefined. */
export function bearerPin(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim();
}
