/**
 * The server half of clock sync: stamp the request on arrival (t1) and the reply as it leaves
 * (t2), both on the server's injected clock. The client (shared/clock-sync.ts) does the rest.
 */
import type { TimeSyncReply } from '@shared/protocol';
import type { Instant } from '@shared/time';

export function timeSyncReply(t0: number, clock: () => Instant): TimeSyncReply {
  const t1 = clock();
  return { t0, t1, t2: clock() };
}
