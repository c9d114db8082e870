/**
 * The link between nodes: Socket.IO's `serverSideEmit` on the adapter that joins them, without
 * its acknowledgements. An acknowledged serverSideEmit resolves only when *every* other node has
 * answered (socket.io-adapter counts the nodes it knows: Redis NUMSUB, or cluster heartbeats), so
 * one relay killed a moment ago would hold every relay's commands until the timeout. Requests
 * carry an id and the asker's uid instead; the writer answers with one `baton:reply` that every
 * relay hears and only the asker keeps.
 */
import type { BatonServer } from '../socket';

export interface Bus {
  /** This node's id on the adapter (unique per process and boot). */
  readonly uid: string;
  send(event: string, payload: unknown): void;
  on(event: string, handler: (raw: unknown) => void): void;
}

interface Untyped {
  serverSideEmit(event: string, payload: unknown): boolean;
  on(event: string, handler: (raw: unknown) => void): unknown;
  of(nsp: string): { adapter: { uid?: string } };
}

export function adapterBus(io: BatonServer): Bus {
  // The inter-node events are this module's own contract (./wire), parsed on arrival, so the
  // public Socket.IO event maps in shared/protocol.ts stay what screens speak.
  const raw = io as unknown as Untyped;
  const uid = raw.of('/').adapter.uid ?? `node-${process.pid}`;
  return {
    uid,
    send: (event, payload) => void raw.serverSideEmit(event, payload),
    on: (event, handler) => void raw.on(event, handler),
  };
}
