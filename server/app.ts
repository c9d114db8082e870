/**
 * createApp wires the pieces around one ShowService: HTTP (API + built client) and Socket.IO on
 * one server. startServer is the one way every test, benchmark and `server/index.ts` starts it.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ShowState } from '@shared/live';
import { type Instant, instant } from '@shared/time';
import { Admission, admissionLimits, type AdmissionLimits, openFileLimit } from './admission';
import { type Auth, createAuth, type Pins } from './auth';
import { lanAddresses } from './banner';
import { createHttpHandler } from './http/api';
import type { StatusExtras } from './http/status';
import { type Logger, silentLogger } from './log';
import { resolvePins } from './pins';
import { Pair, decideStart } from './replication/pair';
import { withPairRoutes } from './replication/http';
import { ShowService } from './show-service';
import { Roster } from './roster';
import { attachSockets, type BatonServer, type SocketDeps } from './socket';
import { openSqliteStore } from './store/sqlite';
import type { ShowStore } from './store/store';

export interface AppDeps {
  store: ShowStore;
  clock: () => Instant;
  log: Logger;
  pins: Pins;
  /** The built client (dist/client); screens answer 503 "not built" without it. */
  clientDir?: string | undefined;
  /** State of an empty store (default: the default programme). */
  seed?: () => ShowState;
  snapshotEvery?: number;
  /** Hardware double-press guard for plain `next` over HTTP, ms (default 1000; 0 disables). */
  plainGoGuardMs?: number;
  /** Wrong PINs per address per minute before 429 (default 10). */
  maxPinAttempts?: number;
  /** How long a wrong PIN counts against its address, ms (default 60 000: the minute of the rule). */
  pinWindowMs?: number;
  /**
   * A client must send its request headers within this many ms (default 10 s), so a guest's
   * phone dribbling headers (slowloris) cannot hold connections open. WebSockets are not affected.
   */
  headersTimeoutMs?: number;
  /** Connection budgets (default: VIEWERS_PER_ADDRESS 500, all viewers below the open-file limit). */
  admission?: Partial<AdmissionLimits>;
  /** Socket.IO adapter joining this writer to its relays (server/scale); default in-memory. */
  adapter?: SocketDeps['adapter'];
  /** How long a closed screen stays in the device roster as stale (default 5 min, RB5). */
  rosterForgetMs?: number;
}

export interface App {
  httpServer: HttpServer;
  io: BatonServer;
  service: ShowService;
  /** Primary/backup role, replication links, promotion (a lone laptop is a primary with no backup). */
  pair: Pair;
  store: ShowStore;
  auth: Auth;
  /** Counters optional parts (OSC) add to `GET /api/v1/status`. */
  status: StatusExtras;
  admission: Admission;
  /** Stop accepting, disconnect every client, close the store. */
  close(): Promise<void>;
}

export function createApp(deps: AppDeps): App {
  const { store, clock, log } = deps;
  const pair = new Pair({ store, log, pin: deps.pins.mc, now: () => Date.now() });
  const service = new ShowService({
    store,
    clock,
    log,
    gate: pair.gate,
    ...(deps.seed ? { seed: deps.seed } : {}),
    ...(deps.snapshotEvery !== undefined ? { snapshotEvery: deps.snapshotEvery } : {}),
    ...(deps.plainGoGuardMs !== undefined ? { plainGoGuardMs: deps.plainGoGuardMs } : {}),
  });
  const auth = createAuth(deps.pins, { maxAttempts: deps.maxPinAttempts ?? 10, ...(deps.pinWindowMs !== undefined ? { windowMs: deps.pinWindowMs } : {}) });
  const headersTimeout = deps.headersTimeoutMs ?? 10_000;
  const status: StatusExtras = {};
  const limits = { ...admissionLimits(openFileLimit(), deps.admission?.viewersPerAddress), ...deps.admission };
  const admission = new Admission(limits, log);
  status.connections = () => admission.stats();
  const info = () => ({ node: pair.status(), connections: admission.stats() });
  const httpServer = createServer(
    // requestTimeout leaves room for a 1 MB programme upload on poor Wi-Fi and Socket.IO's 25 s long-polls.
    // keepAliveTimeout 30 s (Node's default is 5 s): at doors open a phone on the hall's shared Wi-Fi
    // takes longer than 5 s to receive a response the server finished writing, and a connection
    // closed as idle meanwhile turns its next request into a new connection (W6, bench/doors.ts).
    { keepAliveTimeout: 30_000, headersTimeout, requestTimeout: 60_000, connectionsCheckingInterval: Math.min(2_000, headersTimeout) },
    withPairRoutes(createHttpHandler({ service, store, auth, clock, log, clientDir: deps.clientDir, status, info }), { pair, auth, log }));
  const roster = new Roster(clock, deps.rosterForgetMs);
  const io = attachSockets(httpServer, { service, auth, clock, log, admission, roster, ...(deps.adapter ? { adapter: deps.adapter } : {}) });
  pair.attach(service, io);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      pair.close();
      io.disconnectSockets(true);
      io.close(() => {
        store.close();
        resolve();
      });
      httpServer.closeAllConnections();
    }));
  return { httpServer, io, service, store, auth, pair, status, admission, close };
}

export interface StartOptions {
  /** 0 (or omitted) picks a free port. */
  port?: number;
  /** Default 127.0.0.1; the composition root passes 0.0.0.0 for the venue network. */
  host?: string;
  /** SQLite database and pins.json live here (created if missing). */
  dataDir: string;
  /** Given PINs win over stored ones; missing ones are generated once and stored in dataDir. */
  mcPin?: string;
  avPin?: string;
  clientDir?: string;
  clock?: () => Instant;
  log?: Logger;
  /** Passed to createApp (tests tune them; production keeps the defaults). */
  snapshotEvery?: number;
  plainGoGuardMs?: number;
  maxPinAttempts?: number;
  pinWindowMs?: number;
  headersTimeoutMs?: number;
  /** `FOLLOW`: the primary's URL; this node starts as its read-only backup. */
  follow?: string;
  /** `BACKUP_URL`: this node's URL as the other laptop reaches it (default: derived from host and port). */
  selfUrl?: string;
  admission?: Partial<AdmissionLimits>;
  adapter?: AppDeps['adapter'];
  rosterForgetMs?: number;
}

export interface StartedServer {
  /** `http://<host>:<port>` — with the bound host (127.0.0.1 in tests). */
  url: string;
  port: number;
  app: App;
  /** The PINs in force (for tests and the start-up banner; never logged). */
  pins: Pins;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'baton.sqlite';

export async function startServer(opts: StartOptions): Promise<StartedServer> {
  const host = opts.host ?? '127.0.0.1';
  const { mc, av } = resolvePins(opts.dataDir, { mc: opts.mcPin, av: opts.avPin });
  const store = openSqliteStore(join(opts.dataDir, DATABASE_FILE));
  let app: App;
  try {
    app = createApp({
      store,
      clock: opts.clock ?? (() => instant(Date.now())),
      log: opts.log ?? silentLogger,
      pins: { mc, av },
      clientDir: opts.clientDir,
      ...(opts.snapshotEvery !== undefined ? { snapshotEvery: opts.snapshotEvery } : {}),
      ...(opts.plainGoGuardMs !== undefined ? { plainGoGuardMs: opts.plainGoGuardMs } : {}),
      ...(opts.maxPinAttempts !== undefined ? { maxPinAttempts: opts.maxPinAttempts } : {}),
      ...(opts.pinWindowMs !== undefined ? { pinWindowMs: opts.pinWindowMs } : {}),
      ...(opts.headersTimeoutMs !== undefined ? { headersTimeoutMs: opts.headersTimeoutMs } : {}),
      ...(opts.admission ? { admission: opts.admission } : {}),
      ...(opts.adapter ? { adapter: opts.adapter } : {}),
      ...(opts.rosterForgetMs !== undefined ? { rosterForgetMs: opts.rosterForgetMs } : {}),
    });
  } catch (error) {
    store.close();
    throw error;
  }
  // Before the port opens: an old primary asks its peers first, so it never takes a command that
  // a laptop promoted in its absence would not know about.
  try {
    app.pair.start(await decideStart(app.pair.node, opts.follow ?? null, opts.log ?? silentLogger));
  } catch (error) {
    await app.close();
    throw error;
  }
  await new Promise<void>((resolve, reject) => {
    app.httpServer.once('error', reject);
    app.httpServer.listen(opts.port ?? 0, host, () => {
      app.httpServer.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  const port = (app.httpServer.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  app.pair.run(opts.selfUrl ?? reachableUrl(host, port));
  return { url: `http://${urlHost}:${port}`, port, app, pins: { mc, av }, close: app.close };
}

/** This node's URL as the other laptop reaches it: the bound address, or the first LAN address for 0.0.0.0. */
function reachableUrl(host: string, port: number): string | null {
  if (host === '0.0.0.0' || host === '::') {
    const lan = lanAddresses()[0];
    return lan ? `http://${lan}:${port}` : null;
  }
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
