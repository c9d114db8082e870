// One process of the admission bench's flood: opens raw engine.io viewers from one loopback address
// (tests/faults/viewer-flood.ts), reports what the server did with them, holds them until told to stop.
import { viewerFlood, type FloodResult } from '../tests/faults/viewer-flood';

let flood: FloodResult | undefined;
process.on('message', async (msg: { cmd: 'flood'; url: string; from: string; count: number; concurrency: number; deadlineMs: number } | { cmd: 'stop' }) => {
  if (msg.cmd === 'stop') {
    flood?.close();
    process.exit(0);
  }
  const started = performance.now();
  flood = await viewerFlood(msg.url, { from: msg.from, count: msg.count, concurrency: msg.concurrency, deadlineMs: msg.deadlineMs });
  const { admitted, refusedSocket, refusedEngine, failed } = flood;
  process.send?.({ type: 'flooded', admitted, refusedSocket, refusedEngine, failed, ms: performance.now() - started });
});
process.send?.({ type: 'ready' });
