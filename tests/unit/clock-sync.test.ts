import { describe, expect, it } from 'vitest';
import { bestEstimate, ClockSync, sampleOffset } from '@shared/clock-sync';
import type { TimeSyncReply } from '@shared/protocol';

// A simulated link with a manual local clock: the server is `skew` ms ahead of the device,
// each exchange takes `delay` ms each way and 1 ms on the server.
function link(skew: number, delays: number[]) {
  let local = 50_000;
  let n = 0;
  const send = async (t0: number): Promise<TimeSyncReply> => {
    const d = delays[n++ % delays.length] as number;
    local += d;
    const t1 = local + skew;
    local += 1;
    const t2 = local + skew;
    local += d;
    return { t0, t1, t2 };
  };
  return { send, now: () => local, advance: (ms: number) => (local += ms), sent: () => n };
}

describe('clock offset from time:sync exchanges', () => {
  it('[K1] offset = ((t1 − t0) + (t2 − t3)) / 2 and round trip = (t3 − t0) − (t2 − t1), for a client ahead of the server too', () => {
    // device 7 s ahead of the server: 30 ms out, 10 ms back (asymmetric), 4 ms on the server
    const s = { t0: 20_000, t1: 20_000 - 7000 + 30, t2: 20_000 - 7000 + 34, t3: 20_044 };
    // ((13 030 − 20 000) + (13 034 − 20 044)) / 2: the true −7 000 off by half the 20 ms asymmetry
    expect(sampleOffset(s)).toEqual({ offset: -6990, rtt: 40 });
  });

  it('[K1] a sample whose round trip is negative (a clock stepped mid-exchange) is discarded', () => {
    const stepped = { t0: 1000, t1: 5000, t2: 5000, t3: 990 }; // arrived before it left
    const honest = { t0: 2000, t1: 6050, t2: 6050, t3: 2100 };
    expect(bestEstimate([stepped])).toBeNull();
    expect(bestEstimate([stepped, honest])).toEqual({ offset: 4000, rtt: 100 });
  });

  it('[K1] a zero round trip is a valid sample, and of two equal round trips the first is kept', () => {
    const instant = { t0: 0, t1: 500, t2: 500, t3: 0 };
    expect(bestEstimate([instant])).toEqual({ offset: 500, rtt: 0 });
    const a = { t0: 0, t1: 110, t2: 110, t3: 20 };
    const b = { t0: 100, t1: 230, t2: 230, t3: 120 };
    expect(bestEstimate([a, b])).toEqual({ offset: 100, rtt: 20 });
    expect(bestEstimate([b, a])).toEqual({ offset: 120, rtt: 20 });
  });

  it('[K2] before any exchange the client uses its own clock; after one round it reads server time', async () => {
    const l = link(180_000, [40, 3, 25]);
    const sync = new ClockSync(l.send, l.now, 3);
    expect(sync.current).toBeNull();
    expect(sync.serverNow()).toBe(l.now());
    const e = await sync.sync();
    expect(l.sent()).toBe(3);
    expect(e).toEqual({ offset: 180_000, rtt: 6 });
    expect(sync.current).toEqual(e);
    l.advance(1234);
    expect(sync.serverNow()).toBe(l.now() + 180_000);
  });

  it('[K2] the round count defaults to 8 exchanges', async () => {
    const l = link(0, [5]);
    await new ClockSync(l.send, l.now).sync();
    expect(l.sent()).toBe(8);
  });

  it('[K2] a lost exchange or a reply to another request costs one sample, not the round', async () => {
    let local = 0;
    let n = 0;
    const sync = new ClockSync(
      async (t0) => {
        n++;
        local += 10;
        if (n === 1) throw new Error('lost');
        if (n === 2) return { t0: t0 - 1, t1: 0, t2: 0 }; // a stale reply: its t0 is not ours
        const reply = { t0, t1: local + 60_000, t2: local + 60_000 };
        local += 10;
        return reply;
      },
      () => local,
      3,
    );
    expect(await sync.sync()).toEqual({ offset: 60_000, rtt: 20 });
  });

  it('[K2] a round that yields no sample keeps the previous estimate', async () => {
    const l = link(-90_000, [8]);
    let down = false;
    const sync = new ClockSync(async (t0) => {
      if (down) throw new Error('offline');
      return l.send(t0);
    }, l.now, 2);
    const first = await sync.sync();
    expect(first).toEqual({ offset: -90_000, rtt: 16 });
    down = true;
    expect(await sync.sync()).toEqual(first);
    expect(sync.current).toEqual(first);
  });
});
