/**
 * Scenario 3, reconnect storm: N screens connected (as the browser client connects: polling, then
 * WebSocket; its own reconnection delays), the server is killed and started again on the same
 * port, a GO is pressed as soon as it answers, and every screen must be back on that latest
 * revision. Measured: the time from the kill to the last screen on the latest revision.
 */
import { getState, postCommand, sleep } from './api';
import { AV_PIN, MC_PIN, spawnServer, tempDataDir } from './child-server';
import { type Screen, openScreen } from './sockets';

export interface StormOptions {
  clients: number;
  /** Odd-numbered restarts are graceful (SIGTERM), the others SIGKILL. */
  restarts?: number;
  deadlineMs: number;
  log?: (l: string) => void;
}

export interface StormReport {
  clients: number;
  connectMs: number;
  restarts: number;
  /** Per restart: kill → server answering again, and kill → every screen on the latest revision. */
  downMs: number[];
  recoverMs: number[];
  behind: number;
  failures: string[];
}

async function until(pred: () => boolean, deadline: number): Promise<boolean> {
  while (!pred()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

export async function runStorm(opts: StormOptions): Promise<StormReport> {
  const report: StormReport = { clients: opts.clients, connectMs: 0, restarts: 0, downMs: [], recoverMs: [], behind: 0, failures: [] };
  const fail = (why: string) => {
    report.failures.push(why);
    opts.log?.(`FAIL ${why}`);
  };
  const data = tempDataDir('storm');
  let server = await spawnServer({ dataDir: data.dir }).catch((error: unknown) => {
    data.remove();
    throw error;
  });
  const screens: Screen[] = [];
  try {
    const t0 = Date.now();
    for (let i = 0; i < opts.clients; i++) {
      const pin = i % 100 === 0 ? MC_PIN : i % 50 === 0 ? AV_PIN : undefined;
      screens.push(openScreen(server.url, { ...(pin ? { pin } : {}), label: `screen ${i}`, likeBrowser: true }));
    }
    const started = await postCommand(server.url, MC_PIN, { type: 'start' });
    if (started.status !== 200) throw new Error(`start → ${started.status}`);
    const all = (revision: number) => () => screens.every((s) => s.socket.connected && s.revision >= revision);
    if (!(await until(all(started.revision as number), Date.now() + opts.deadlineMs))) {
      fail(`only ${screens.filter(all(started.revision as number)).length} of ${opts.clients} screens connected within ${opts.deadlineMs} ms`);
      return report;
    }
    report.connectMs = Date.now() - t0;
    opts.log?.(`${opts.clients} screens connected and on revision ${started.revision} in ${report.connectMs} ms`);

    for (let k = 0; k < (opts.restarts ?? 1); k++) {
      // Alternately a power cut (SIGKILL) and an operator's Ctrl+C (SIGTERM: a graceful close).
      const graceful = k % 2 === 1;
      const killAt = Date.now();
      await (graceful ? server.stop() : server.kill());
      server = await spawnServer({ dataDir: data.dir, port: server.port, readyTimeoutMs: opts.deadlineMs });
      report.downMs.push(Date.now() - killAt);
      const before = await getState(server.url);
      const go = await postCommand(server.url, MC_PIN, { type: 'next', from: { itemId: before.live.currentItemId, segmentIndex: before.live.segmentIndex } });
      if (go.status !== 200) throw new Error(`GO after restart → ${go.status} ${go.code ?? ''}`);
      const latest = go.revision as number;
      const ok = await until(all(latest), killAt + opts.deadlineMs);
      const recovered = Date.now() - killAt;
      report.restarts++;
      if (!ok) {
        report.behind = screens.filter((s) => !(s.socket.connected && s.revision >= latest)).length;
        fail(`restart ${k + 1}: ${report.behind} of ${opts.clients} screens not on revision ${latest} after ${opts.deadlineMs} ms`);
        break;
      }
      report.recoverMs.push(recovered);
      opts.log?.(`restart ${k + 1} (${graceful ? 'SIGTERM' : 'SIGKILL'}): server back after ${report.downMs.at(-1)} ms; all ${opts.clients} screens on revision ${latest} after ${recovered} ms`);
      // And the server still answers promptly with everyone connected.
      const t = Date.now();
      await getState(server.url);
      if (Date.now() - t > 2000) fail(`GET /api/v1/state took ${Date.now() - t} ms with ${opts.clients} screens connected`);
    }
  } finally {
    for (const s of screens) s.socket.close();
    await server.kill();
    data.remove();
  }
  return report;
}
