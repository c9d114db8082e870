/**
 * The HTTP side as a hardware controller sees it: one command per request, timed on the test's
 * clock (the same machine's clock as the server's), so "acknowledged" has an exact meaning.
 */
import type { LiveState } from '@shared/live';
import type { Programme } from '@shared/programme';
import { ERROR_CODES, HTTP_STATUS } from '@shared/protocol';

export interface Sent {
  /** What went over the wire (an object, or raw text for malformed bodies). */
  body: unknown;
  pin: string | undefined;
  sentAt: number;
  /** Set once an answer arrived (any status). */
  answeredAt?: number;
  status?: number;
  revision?: number;
  live?: LiveState;
  code?: string;
  /** The response body as received. */
  text?: string;
  /** The request failed at the transport (server killed while it was in flight). */
  lost?: boolean;
}

export interface ServerState {
  revision: number;
  serverTime: number;
  programme: Programme;
  live: LiveState;
}

export async function postCommand(url: string, pin: string | undefined, body: unknown, raw = false, timeoutMs = 10_000): Promise<Sent> {
  const sent: Sent = { body, pin, sentAt: Date.now() };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (pin !== undefined) headers.authorization = `Bearer ${pin}`;
  try {
    const res = await fetch(`${url}/api/v1/commands`, {
      method: 'POST',
      headers,
      body: raw ? (body as BodyInit) : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    sent.answeredAt = Date.now();
    sent.status = res.status;
    sent.text = text;
    const json = JSON.parse(text) as { revision?: number; live?: LiveState; error?: { code: string } };
    if (res.status === 200) {
      sent.revision = json.revision;
      sent.live = json.live;
    } else sent.code = json.error?.code;
  } catch {
    if (sent.status === undefined) sent.lost = true;
  }
  return sent;
}

export async function getState(url: string): Promise<ServerState> {
  const res = await fetch(`${url}/api/v1/state`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET /api/v1/state → ${res.status}`);
  return (await res.json()) as ServerState;
}

/** A refusal must carry a code of the contract and the status the contract gives that code. */
export function isCodedRefusal(s: Sent): boolean {
  return (
    s.status !== undefined &&
    s.code !== undefined &&
    (ERROR_CODES as readonly string[]).includes(s.code) &&
    HTTP_STATUS[s.code as keyof typeof HTTP_STATUS] === s.status
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small seeded PRNG (mulberry32): every run prints its seed and can be replayed with it. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export const seedFromEnv = (): number => Number(process.env.FAULTS_SEED ?? 0) || (Date.now() % 1_000_000_007);
