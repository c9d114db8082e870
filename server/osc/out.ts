/**
 * OSC out: `/baton/now`, `/baton/next` and `/baton/remaining` to one host:port (QLab, a vision
 * mixer), once per accepted change and once a second while a timer runs. It has its own UDP
 * socket and its own timer and only reads the service: the screens' sockets never see a tick (S2).
 */
import { createSocket, type Socket } from 'node:dgram';
import { toBuffer, type OscMessageInput } from 'osc-min';
import { panelStatus, type PanelLine } from '@shared/panel';
import type { Instant } from '@shared/time';
import type { Logger } from '../log';
import type { ShowService } from '../show-service';

export interface OscTarget {
  host: string;
  port: number;
}

export interface OscOutCounters {
  target: string;
  /** Rounds sent (each round is the three messages). */
  rounds: number;
  sendErrors: number;
}

export interface OscOut {
  counters(): OscOutCounters;
  close(): Promise<void>;
}

const str = (value: string) => ({ type: 'string' as const, value });
const lineArgs = (l: PanelLine | null) => [str(l?.title ?? ''), str(l?.segmentTitle ?? ''), str(l?.itemId ?? '')];

/** The three messages for one moment; empty strings (and 0) where nothing is on. */
export function outMessages(service: ShowService, now: Instant): OscMessageInput[] {
  const s = panelStatus(service.current, now);
  return [
    { address: '/baton/now', args: lineArgs(s.now) },
    { address: '/baton/next', args: lineArgs(s.next) },
    { address: '/baton/remaining', args: [{ type: 'integer', value: s.remainingSec ?? 0 }, str(s.remainingText ?? ''), str(s.level ?? ''), str(s.phase)] },
  ];
}

export function startOscOut(deps: { service: ShowService; clock: () => Instant; log: Logger; target: OscTarget; intervalMs?: number }): OscOut {
  const { service, clock, log, target } = deps;
  const counters: OscOutCounters = { target: `${target.host}:${target.port}`, rounds: 0, sendErrors: 0 };
  const socket: Socket = createSocket({ type: target.host.includes(':') ? 'udp6' : 'udp4' });
  socket.on('error', (error) => log.error(`OSC out: ${error.message}`));
  let loggedError = false;
  let closed = false;

  const sendRound = () => {
    if (closed) return;
    counters.rounds++;
    for (const message of outMessages(service, clock())) {
      const view = toBuffer(message);
      socket.send(Buffer.from(view.buffer, view.byteOffset, view.byteLength), target.port, target.host, (error) => {
        if (!error) return;
        counters.sendErrors++;
        // The receiver being off is normal before the booth starts QLab: say it once, then count.
        if (!loggedError) log.warn(`OSC out to ${counters.target}: ${error.message} (further errors are only counted)`);
        loggedError = true;
      });
    }
  };

  let ticker: NodeJS.Timeout | undefined;
  const follow = () => {
    const running = service.current.live.phase === 'running';
    if (running && !ticker) ticker = setInterval(sendRound, deps.intervalMs ?? 1000);
    if (!running && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
  const unsubscribe = service.onChange(() => {
    sendRound();
    follow();
  });
  sendRound();
  follow();

  return {
    counters: () => ({ ...counters }),
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        unsubscribe();
        if (ticker) clearInterval(ticker);
        socket.close(() => resolve());
      }),
  };
}
