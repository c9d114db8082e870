// A process holding many socket.io clients, so the clients' own work does not run on the
// benchmark driver. Timestamps use performance.timeOrigin + performance.now(): every process on
// this machine reads the same system clock, so send and receive instants are comparable.
import { io, type Socket } from 'socket.io-client';
import { ClockSync } from '../shared/clock-sync';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../shared/protocol';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const hr = () => performance.timeOrigin + performance.now();
const sockets: Client[] = [];
const received: { revision: number; at: number; complete: boolean; bytes?: number }[] = [];
let snapshots = 0;

process.on('message', async (msg: { cmd: string; url?: string; count?: number; skewsMs?: number[]; protocol?: number | null; bytes?: boolean }) => {
  if (msg.cmd === 'connect') {
    const start = hr();
    const firstSnapshotAt: number[] = [];
    await Promise.all(
      Array.from({ length: msg.count! }, (_, k) =>
        new Promise<void>((resolve, reject) => {
          // `protocol: null` connects as a protocol-less client (whole programmes), as third-party tools do.
          const protocol = msg.protocol === undefined ? PROTOCOL_VERSION : msg.protocol;
          const s: Client = io(msg.url!, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { ...(protocol === null ? {} : { protocol }), label: 'bench' } });
          s.once('show:snapshot', () => {
            firstSnapshotAt.push(hr());
            snapshots++;
            resolve();
          });
          s.on('connect_error', reject);
          s.on('show:state', (m) => {
            const at = hr();
            // With `bytes`: the size of the Socket.IO text frame this message came in (`42["show:state",…]`).
            // Every screen of one protocol gets the same frame: the first few of each worker measure it.
            const bytes = msg.bytes && k < 10 ? Buffer.byteLength(JSON.stringify(['show:state', m])) + 2 : undefined;
            received.push({ revision: m.revision, at, complete: m.now !== null ? m.next !== undefined : m.live.phase !== 'running', ...(bytes === undefined ? {} : { bytes }) });
          });
          sockets.push(s);
        }),
      ),
    );
    process.send?.({ type: 'connected', start, firstSnapshotAt });
  } else if (msg.cmd === 'received') {
    process.send?.({ type: 'received', received: received.splice(0) });
  } else if (msg.cmd === 'clock') {
    const skews = msg.skewsMs!;
    const errors = await Promise.all(
      sockets.slice(0, skews.length).map(async (s, i) => {
        const skew = skews[i]!;
        const sync = new ClockSync((t0) => new Promise((resolve) => s.emit('time:sync', t0, resolve)), () => Date.now() + skew, 8);
        const e = await sync.sync();
        return e === null ? null : e.offset + skew; // true offset is -skew
      }),
    );
    process.send?.({ type: 'clock', errors });
  } else if (msg.cmd === 'stop') {
    for (const s of sockets) s.disconnect();
    process.exit(0);
  }
});
process.send?.({ type: 'up', snapshots });
