/**
 * The bench's MC console: one Socket.IO connection with the MC PIN that keeps the latest live
 * state and sends timed GOs. Every row that measures a GO (fan-out, scale-out, doors open, the
 * backup laptop, edit + GO) drives the show through this one client.
 */
import { io, type Socket } from 'socket.io-client';
import type { LiveState } from '../shared/live';
import { type CommandAck, PROTOCOL_VERSION, type StateMessage } from '../shared/protocol';

/** The MC PIN every bench server is started with. */
export const MC_PIN = '424242';
export const hr = () => performance.timeOrigin + performance.now();

/** A timed GO: the revision it made, when it was sent (epoch ms, sub-ms) and how long the ack took. */
export interface TimedGo {
  revision: number;
  sentAt: number;
  ackMs: number;
}

export interface BenchMc {
  send(command: object): Promise<CommandAck>;
  /** The live state of the latest snapshot or state message. */
  live(): LiveState | undefined;
  /**
   * GO from the current position, timed from send to ack. A show that is not running (ready or
   * finished) is reset and started instead, untimed: the answer is then null.
   */
  go(): Promise<TimedGo | null>;
  close(): void;
}

export async function connectMc(url: string, pin = MC_PIN): Promise<BenchMc> {
  const socket: Socket = io(url, { transports: ['websocket'], forceNew: true, auth: { protocol: PROTOCOL_VERSION, pin, label: 'bench MC' } });
  let live: LiveState | undefined;
  socket.on('show:state', (m: StateMessage) => (live = m.live));
  await new Promise<void>((resolve) => socket.once('show:snapshot', (s: { live: LiveState }) => ((live = s.live), resolve())));
  const send = (command: object) => new Promise<CommandAck>((resolve) => socket.emit('show:command', command, resolve));
  return {
    send,
    live: () => live,
    async go() {
      const l = live;
      if (!l || l.phase === 'ready' || l.phase === 'finished') {
        if (l?.phase === 'finished') await send({ type: 'reset' });
        await send({ type: 'start' });
        return null;
      }
      const sentAt = hr();
      const ack = await send({ type: 'next', from: { itemId: l.currentItemId, segmentIndex: l.segmentIndex } });
      const ackMs = hr() - sentAt;
      return 'revision' in ack ? { revision: ack.revision, sentAt, ackMs } : null;
    },
    close: () => void socket.disconnect(),
  };
}
