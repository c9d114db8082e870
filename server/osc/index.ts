/**
 * OSC in and out around the single writer, started by the composition root only when OSC_PORT
 * or OSC_OUT is set. Its counters join `GET /api/v1/status` so a booth can see what arrived.
 */
import type { Instant } from '@shared/time';
import type { StatusExtras } from '../http/status';
import type { Logger } from '../log';
import type { ShowService } from '../show-service';
import { type OscIn, type OscInCounters, startOscIn } from './in';
import { type OscOut, type OscOutCounters, type OscTarget, startOscOut } from './out';

export interface OscCounters {
  in: (OscInCounters & { port: number; role: 'mc' | 'av' }) | null;
  out: OscOutCounters | null;
}

export interface Osc {
  /** The bound UDP port (the real one when 0 was asked), or null when OSC in is off. */
  port: number | null;
  counters(): OscCounters;
  close(): Promise<void>;
}

export interface OscOptions {
  /** UDP port for OSC in (0 = any free port); null = OSC in off. */
  port: number | null;
  host: string;
  role: 'mc' | 'av';
  out: OscTarget | null;
  outIntervalMs?: number;
}

export async function startOsc(deps: { service: ShowService; clock: () => Instant; log: Logger; status?: StatusExtras }, options: OscOptions): Promise<Osc> {
  const { service, clock, log } = deps;
  const oscIn: OscIn | null = options.port === null ? null : await startOscIn({ service, log, role: options.role, host: options.host, port: options.port });
  const oscOut: OscOut | null = options.out === null
    ? null
    : startOscOut({ service, clock, log, target: options.out, ...(options.outIntervalMs ? { intervalMs: options.outIntervalMs } : {}) });
  const counters = (): OscCounters => ({
    in: oscIn && { ...oscIn.counters(), port: oscIn.port, role: options.role },
    out: oscOut && oscOut.counters(),
  });
  if (deps.status) deps.status.osc = counters;
  let closing: Promise<void> | undefined;
  if (oscIn) log.info(`OSC in on udp ${options.host}:${oscIn.port} as ${options.role.toUpperCase()} (no PIN: anyone who reaches this port has that role)`);
  if (oscOut) log.info(`OSC out to ${options.out?.host}:${options.out?.port}`);
  return {
    port: oscIn?.port ?? null,
    counters,
    // Idempotent: the composition root and a failing start may both close it.
    close: () =>
      (closing ??= (async () => {
        if (deps.status) delete deps.status.osc;
        await Promise.all([oscIn?.close(), oscOut?.close()]);
      })()),
  };
}
