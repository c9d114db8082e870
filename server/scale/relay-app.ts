/**
 * A relay node: the same HTTP handler and Socket.IO set-up as the writer (createHttpHandler,
 * attachSockets), around a RelayService instead of the ShowService. PINs are checked here with
 * the same auth module and the same PIN sources (MC_PIN/AV_PIN, or DATA_DIR/pins.json); the
 * writer checks the role again in its submit path.
 *
 * Out of sync (Redis down, the writer gone, a gap being repaired) a relay never shows its copy as
 * current: its screens are disconnected and new ones refused until the fresh snapshot is in, so
 * each screen shows "reconnecting" and keeps counting from its last state, exactly as it does
 * when a one-laptop server restarts; `/api/v1/state` answers 503.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { instant, type Instant } from '@shared/time';
import { Admission, admissionLimits, type AdmissionLimits, openFileLimit } from '../admission';
import { createAuth } from '../auth';
import { apiError, statusOf } from '../errors';
import { createHttpHandler } from '../http/api';
import { type Logger, silentLogger } from '../log';
import { resolvePins } from '../pins';
import { attachSockets, type BatonServer, emitSnapshot, type SocketDeps } from '../socket';
import type { ShowStore } from '../store/store';
import { adapterBus } from './bus';
import { RelayService } from './relay-service';

export interface RelayOptions {
  port?: number;
  host?: string;
  dataDir: string;
  mcPin?: string;
  avPin?: string;
  clientDir?: string;
  clock?: () => Instant;
  log?: Logger;
  adapter: NonNullable<SocketDeps['adapter']>;
  staleAfterMs?: number;
  requestTimeoutMs?: number;
  /** Skip listening (a cluster worker gets its connections from the primary). */
  listen?: boolean;
  /** Connection budgets of this node's own screens (A1–A2): each node admits its own. */
  admission?: Partial<AdmissionLimits>;
}

export interface StartedRelay {
  url: string;
  port: number;
  io: BatonServer;
  httpServer: HttpServer;
  service: RelayService;
  close(): Promise<void>;
}

/** Reports come from the writer's journal; a relay has none, so nothing may reach this store. */
const NO_STORE = new Proxy({} as ShowStore, {
  get: () => () => {
    throw new Error('a relay has no journal: reads that need one are forwarded to the writer');
  },
});

const UNSYNCED = apiError('storage_unavailable', 'this relay is not in touch with the show\'s writer right now: try again in a moment');

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), 'cache-control': 'no-store' });
  res.end(json);
}

export async function startRelay(opts: RelayOptions): Promise<StartedRelay> {
  const clock = opts.clock ?? (() => instant(Date.now()));
  const log = opts.log ?? silentLogger;
  const pins = resolvePins(opts.dataDir, { mc: opts.mcPin, av: opts.avPin });
  const auth = createAuth({ mc: pins.mc, av: pins.av });
  const httpServer = createServer({ keepAliveTimeout: 5_000, headersTimeout: 10_000, requestTimeout: 60_000, connectionsCheckingInterval: 2_000 });
  const service = new RelayService({
    clock,
    log,
    ...(opts.staleAfterMs !== undefined ? { staleAfterMs: opts.staleAfterMs } : {}),
    ...(opts.requestTimeoutMs !== undefined ? { requestTimeoutMs: opts.requestTimeoutMs } : {}),
  });
  const handler = createHttpHandler({ service, store: NO_STORE, auth, clock, log, clientDir: opts.clientDir });
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (reading && (path === '/api/v1/state' || path === '/api/v1/status' || path === '/api/v1/report' || path === '/api/v1/runs' || path?.startsWith('/api/v1/honourees/')) && !service.synced) {
      return sendJson(res, statusOf(UNSYNCED), UNSYNCED);
    }
    if (reading && (path === '/api/v1/report' || path === '/api/v1/runs')) {
      const runId = new URL(req.url ?? '/', 'http://baton.invalid').searchParams.get('runId') ?? undefined;
      void service.read(path === '/api/v1/report' ? 'report' : 'runs', runId).then((body) => {
        if (body === undefined) return sendJson(res, statusOf(UNSYNCED), UNSYNCED);
        const error = (body as { error?: { code?: string } }).error;
        sendJson(res, error ? statusOf(body as Parameters<typeof statusOf>[0]) : 200, body);
      });
      return;
    }
    handler(req, res);
  });
  const limits = { ...admissionLimits(openFileLimit(), opts.admission?.viewersPerAddress), ...opts.admission };
  const io = attachSockets(httpServer, { service, auth, clock, log, admission: new Admission(limits, log), adapter: opts.adapter });
  service.follow(adapterBus(io));
  io.use((_socket, next) => {
    if (service.synced) return next();
    next(Object.assign(new Error(UNSYNCED.error.message), { data: UNSYNCED.error }));
  });
  service.watch((event) => {
    if (event.kind === 'lost') {
      if (event.closeScreens) io.local.disconnectSockets(true);
    } else emitSnapshot(io, event.snapshot);
  });

  if (opts.listen !== false) {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  }
  const bound = opts.listen !== false ? (httpServer.address() as AddressInfo).port : 0;
  const host = opts.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      service.close();
      io.disconnectSockets(true);
      io.close(() => resolve());
      httpServer.closeAllConnections();
    }));
  return { url: `http://${urlHost}:${bound}`, port: bound, io, httpServer, service, close };
}
