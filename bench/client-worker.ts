// A process holding many socket.io clients, so the clients' own work does not run on the
// benchmark driver. Timestamps use performance.timeOrigin + performance.now(): every process on
// this machine reads the same system clock, so send and receive instants are comparable.
import { io, type Socket } from 'socket.io-client';
import { ClockSync } from '../shared/clock-sync';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../shared/protocol';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const hr = () => performance.timeOrigin + performance.now();
const sockets: Client[] = [];
const received: { revision: number; at: number; complete: boolean }[] = [];
let snapshots = 0;

process.on('message', async (msg: { cmd: string; url?: string; count?: number; skewsMs?: number[] }) => {
  if (msg.cmd === 'connect') {
    const start = hr();
    const firstSnapshotAt: number[] = [];
    await Promise.all(
      Array.from({ length: msg.count! }, () =>
        new Promise<void>((resolve, reject) => {
          const s: Client = io(msg.url!, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION, label: 'bench' } });
          s.once('show:snapshot', () => {
            firstSnapshotAt.push(hr());
            snapshots++;
            resolve();
          });
          s.on('connect_error', reject);
          s.on('show:state', (m) => received.push({ revision: m.revision, at: hr(), complete: m.now !== null ? m.next !== undefined : m.live.phase !== 'running' }));
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
