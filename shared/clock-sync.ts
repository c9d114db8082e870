/**
 * NTP-style clock offset estimation. A client sends t0 (its clock), the server answers with
 * t1 (receive) and t2 (send) on its clock, the client notes t3 on arrival. The sample with the
 * smallest round trip is the least disturbed by queueing, so it wins.
 */
import type { TimeSyncReply } from './protocol';

export interface SyncSample {
  t0: number;
  t1: number;
  t2: number;
  t3: number;
}

export interface OffsetEstimate {
  /** Add to the local clock to get server time. */
  offset: number;
  /** Network round trip, server processing excluded. */
  rtt: number;
}

export function sampleOffset(s: SyncSample): OffsetEstimate {
  return { offset: (s.t1 - s.t0 + (s.t2 - s.t3)) / 2, rtt: s.t3 - s.t0 - (s.t2 - s.t1) };
}

export function bestEstimate(samples: readonly SyncSample[]): OffsetEstimate | null {
  let best: OffsetEstimate | null = null;
  for (const s of samples) {
    const e = sampleOffset(s);
    if (e.rtt < 0) continue; // a clock that stepped mid-sample: discard
    if (best === null || e.rtt < best.rtt) best = e;
  }
  return best;
}

/**
 * Runs a round of `rounds` exchanges through an injected transport and clock, so the same code
 * serves the browser, the benchmark clients and the tests (with a manual clock).
 */
export class ClockSync {
  private estimate: OffsetEstimate | null = null;

  constructor(
    private readonly send: (t0: number) => Promise<TimeSyncReply>,
    private readonly localNow: () => number,
    private readonly rounds = 8,
  ) {}

  get current(): OffsetEstimate | null {
    return this.estimate;
  }

  /** Server time as this client best knows it. */
  serverNow(): number {
    return this.localNow() + (this.estimate?.offset ?? 0);
  }

  async sync(): Promise<OffsetEstimate | null> {
    const samples: SyncSample[] = [];
    for (let i = 0; i < this.rounds; i++) {
      const t0 = this.localNow();
      try {
        const reply = await this.send(t0);
        if (reply.t0 !== t0) continue;
        samples.push({ t0, t1: reply.t1, t2: reply.t2, t3: this.localNow() });
      } catch {
        // a lost exchange just gives one sample fewer
      }
    }
    const next = bestEstimate(samples);
    if (next) this.estimate = next;
    return this.estimate;
  }
}
