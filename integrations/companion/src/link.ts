/**
 * The module's one connection to Baton: Socket.IO with the MC or AV PIN, the show kept from the
 * snapshot plus one `show:state` per change (a revision gap asks for a fresh snapshot), and the
 * server's clock estimated with Baton's own time:sync exchange, so time left reads as on the screens.
 * Nothing here knows Companion: main.ts wires it to InstanceBase, the tests drive it directly.
 */
import { io, type Socket } from 'socket.io-client';
import { ClockSync } from '../../../shared/clock-sync';
import type { Role } from '../../../shared/commands';
import type { LiveState } from '../../../shared/live';
import type { Programme } from '../../../shared/programme';
import { type ClientToServerEvents, type CommandAck, type ServerToClientEvents, type Snapshot, type StateMessage, WHOLE_PROGRAMME_PROTOCOL } from '../../../shared/protocol';

export interface ShowView {
  revision: number;
  programme: Programme;
  live: LiveState;
}

export type LinkStatus = 'connecting' | 'ok' | 'refused' | 'disconnected';

export interface LinkOptions {
  /** `http://192.168.1.20:4310` */
  url: string;
  /** MC or AV PIN; none = read only (variables and feedbacks still work). */
  pin?: string;
  label?: string;
  /** Called after every change of the show (or of the connection). */
  onChange?: () => void;
  onStatus?: (status: LinkStatus, message?: string) => void;
  /** Keep retrying after a drop (default true; tests turn it off). */
  reconnection?: boolean;
}

const ACK_TIMEOUT_MS = 5000;

export class BatonLink {
  show: ShowView | null = null;
  role: Role | null = null;
  status: LinkStatus = 'connecting';
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly clock: ClockSync;

  constructor(private readonly options: LinkOptions) {
    this.socket = io(options.url, {
      // The module is built from Baton's own shared/ code, so it names the protocol it was built
      // with: a later, incompatible Baton refuses it with a reason instead of being misread.
      // [D3] Protocol 1: whole programmes (Companion needs no patches; an edit is rare for it).
      auth: { protocol: WHOLE_PROGRAMME_PROTOCOL, ...(options.pin ? { pin: options.pin } : {}), label: options.label ?? 'Companion' },
      transports: ['websocket'],
      reconnection: options.reconnection ?? true,
      forceNew: true,
    });
    this.clock = new ClockSync((t0) => this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('time:sync', t0), Date.now, 5);
    this.socket.on('session:role', ({ role }) => (this.role = role));
    this.socket.on('show:snapshot', (s) => this.takeSnapshot(s));
    this.socket.on('show:state', (m) => this.apply(m));
    this.socket.on('connect', () => {
      this.setStatus('ok');
      void this.clock.sync();
    });
    this.socket.on('disconnect', () => this.setStatus('disconnected'));
    this.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      // A wrong PIN or protocol will not fix itself by retrying.
      const final = error.data?.code === 'unauthorized' || error.data?.code === 'protocol_mismatch';
      if (final) this.socket.disconnect();
      this.setStatus(final ? 'refused' : 'disconnected', error.message);
    });
  }

  /** Server time now, as this link best knows it. */
  serverNow(): number {
    return this.clock.serverNow();
  }

  /** Send one command; resolves with Baton's acknowledgement (the HTTP answer's shape). */
  async send(command: unknown): Promise<CommandAck> {
    if (!this.socket.connected) return { error: { code: 'not_possible', message: 'not connected to Baton' } };
    try {
      return await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('show:command', command);
    } catch {
      return { error: { code: 'not_possible', message: 'Baton did not answer within 5 s' } };
    }
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private takeSnapshot(s: Snapshot): void {
    this.show = { revision: s.revision, programme: s.programme, live: s.live };
    this.options.onChange?.();
  }

  private apply(m: StateMessage): void {
    if (!this.show || m.revision <= this.show.revision) return;
    if (m.revision !== this.show.revision + 1) {
      this.socket.emit('show:resync', (s) => this.takeSnapshot(s));
      return;
    }
    this.show = { revision: m.revision, programme: m.programme ?? this.show.programme, live: m.live };
    this.options.onChange?.();
  }

  private setStatus(status: LinkStatus, message?: string): void {
    this.status = status;
    this.options.onStatus?.(status, message);
  }
}
