// The floor under any broadcast on this machine: plain TCP writes of a state-message-sized buffer
// to N loopback sockets read by two other processes, without Socket.IO or WebSocket framing.
// The GO fan-out cannot beat this; the difference is what Socket.IO and ws add.
import { fork } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { percentiles, type Percentiles } from './stats';

if (process.argv[2] === 'reader') {
  const [port, count] = [Number(process.argv[3]), Number(process.argv[4])];
  for (let i = 0; i < count; i++) net.connect(port, '127.0.0.1').on('data', () => {}).on('error', () => {});
}

export async function measureWriteFloor(n: number, rounds: number, bytes = 1200): Promise<Percentiles> {
  const payload = Buffer.alloc(bytes, 'x');
  const conns: net.Socket[] = [];
  const server = net.createServer((s) => {
    s.setNoDelay(true);
    s.on('error', () => {});
    conns.push(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const self = fileURLToPath(import.meta.url);
  const readers = [Math.ceil(n / 2), Math.floor(n / 2)].map((count) =>
    fork(self, ['reader', String(port), String(count)], { execArgv: ['--import', 'tsx'], stdio: 'ignore' }),
  );
  try {
    const deadline = Date.now() + 30_000;
    while (conns.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const times: number[] = [];
    for (let k = 0; k < rounds; k++) {
      const t = performance.now();
      for (const s of conns) s.write(payload);
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
    return percentiles(times);
  } finally {
    for (const r of readers) r.kill();
    for (const s of conns) s.destroy();
    server.close();
  }
}
