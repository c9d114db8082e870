/**
 * OSC in: a UDP socket on OSC_PORT whose packets become commands through the one writer
 * (`service.submit`), exactly like HTTP: same parse, same role check, same double-press guard
 * (S13, keyed by the sender's address). Every packet is counted; nothing a packet holds can
 * throw out of here. OSC carries no PIN, so the role is the operator's choice (OSC_ROLE).
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import type { Role } from '@shared/commands';
import type { Logger } from '../log';
import type { ShowService } from '../show-service';
import { translate } from './commands';
import { limitedWarn } from './log-limiter';
import { decode } from './packet';

/** `received` and `malformed` count datagrams; the others count messages (a bundle holds several). */
export interface OscInCounters {
  /** Datagrams that reached the socket (the kernel may drop more under a flood: those never arrive). */
  received: number;
  accepted: number;
  /** Valid commands the show refused (wrong role, stale, not possible now…). */
  refused: number;
  /** Known address, wrong arguments. */
  invalid: number;
  unknownAddress: number;
  /** Not OSC at all, or too large. */
  malformed: number;
  /** Button releases (`0` / `false` after a press), ignored on purpose. */
  released: number;
  /** Commands dropped because too many were already waiting for the writer. */
  dropped: number;
}

export interface OscIn {
  port: number;
  counters(): OscInCounters;
  close(): Promise<void>;
}

/** Commands waiting for the writer; past this a flood is dropped instead of queued without bound. */
export const MAX_WAITING = 64;

export async function startOscIn(deps: { service: ShowService; log: Logger; role: Exclude<Role, 'viewer'>; host: string; port: number }): Promise<OscIn> {
  const { service, log, role } = deps;
  const counters: OscInCounters = { received: 0, accepted: 0, refused: 0, invalid: 0, unknownAddress: 0, malformed: 0, released: 0, dropped: 0 };
  const warn = limitedWarn(log);
  let waiting = 0;
  // One chain, so each packet's command is translated against the state its predecessor left.
  let chain: Promise<void> = Promise.resolve();

  const handle = (datagram: Buffer, from: RemoteInfo): void => {
    counters.received++;
    const sender = `${from.address}:${from.port}`;
    const decoded = decode(datagram);
    if (!decoded.ok) {
      counters.malformed++;
      return warn(`OSC: dropped a malformed packet from ${sender}: ${decoded.reason}`);
    }
    for (const { address, args } of decoded.messages) {
      if (waiting >= MAX_WAITING) {
        counters.dropped++;
        warn(`OSC: dropped ${address.slice(0, 60)} from ${sender}: ${MAX_WAITING} commands already waiting`);
        continue;
      }
      waiting++;
      chain = chain
        .then(() => submit(address, args, from, datagram.length))
        .catch((error: unknown) => log.error(`OSC ${address.slice(0, 60)} from ${sender} failed: ${String(error)}`))
        .finally(() => void waiting--);
    }
  };

  async function submit(address: string, args: Parameters<typeof translate>[1], from: RemoteInfo, bytes: number): Promise<void> {
    const shown = JSON.stringify(address.slice(0, 60));
    const t = translate(address, args, service.current);
    if (t === null) {
      counters.unknownAddress++;
      return warn(`OSC: unknown address ${shown} from ${from.address}`);
    }
    if (t.kind === 'release') return void counters.released++;
    if (t.kind !== 'command') {
      counters[t.kind === 'invalid' ? 'invalid' : 'refused']++;
      return warn(`OSC ${shown} from ${from.address} refused: ${t.message}`);
    }
    const actor = { role, label: `OSC ${from.address}`, address: from.address };
    const ack = await service.submit(t.command, actor, { bytes, guardPlainGo: true });
    if ('error' in ack) {
      counters.refused++;
      warn(`OSC ${shown} from ${from.address} refused (${ack.error.code}): ${ack.error.message}`);
    } else counters.accepted++;
  }

  const socket: Socket = createSocket({ type: deps.host.includes(':') ? 'udp6' : 'udp4' });
  socket.on('message', (datagram, from) => {
    try {
      handle(datagram, from);
    } catch (error) {
      // Defence in depth: decode and translate do not throw, but a bad packet must never take the server down.
      counters.malformed++;
      log.error(`OSC: packet from ${from.address} could not be handled: ${String(error)}`);
    }
  });
  socket.on('error', (error) => log.error(`OSC socket: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(deps.port, deps.host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return {
    port: socket.address().port,
    counters: () => ({ ...counters }),
    close: () =>
      new Promise<void>((resolve) => {
        warn.flush();
        socket.close(() => resolve());
      }).then(() => chain),
  };
}
