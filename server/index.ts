/**
 * Composition root: configuration from the environment, then startServer, then the banner.
 * PORT (4310), HOST (0.0.0.0), DATA_DIR (./data), MC_PIN, AV_PIN, VIEWERS_PER_ADDRESS (500); OSC_PORT, OSC_ROLE, OSC_OUT (off unless set);
 * FOLLOW (the primary's URL: start as its backup), BACKUP_URL (this laptop's URL as the other one reaches it).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_VIEWERS_PER_ADDRESS, openFileLimit } from './admission';
import { DATABASE_FILE } from './app';
import { bannerLines } from './banner';
import { consoleLogger } from './log';
import { instant } from '@shared/time';
import { oscConfigFrom } from './osc/config';
import type { Osc } from './osc/index';
import { resolvePins } from './pins';
import { chooseRole } from './scale/role';
import { startNode } from './scale/start-node';

const env = (name: string): string | undefined => {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
};

/** The project folder (holding package.json): from server/ in development, from dist/server/ when bundled. */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..');
  }
}
const root = projectRoot(dirname(fileURLToPath(import.meta.url)));
const port = Number(env('PORT') ?? 4310);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a number from 0 to 65535 (got "${process.env.PORT}")`);
  process.exit(2);
}
const host = env('HOST') ?? '0.0.0.0';
const viewersPerAddress = Number(env('VIEWERS_PER_ADDRESS') ?? DEFAULT_VIEWERS_PER_ADDRESS);
if (!Number.isInteger(viewersPerAddress) || viewersPerAddress < 1) {
  console.error(`VIEWERS_PER_ADDRESS must be a whole number of screens, at least 1 (got "${process.env.VIEWERS_PER_ADDRESS}")`);
  process.exit(2);
}
for (const name of ['FOLLOW', 'BACKUP_URL']) {
  const value = env(name);
  if (value && !/^https?:\/\/[^/\s]+\/?$/.test(value)) {
    console.error(`${name} must be a URL like http://192.168.1.20:4310 (got "${value}")`);
    process.exit(2);
  }
}
const dataDir = resolve(env('DATA_DIR') ?? './data');
const given = { mc: env('MC_PIN'), av: env('AV_PIN') };
const pins = resolvePins(dataDir, given);
const osc = oscConfigFrom(process.env);
if (!osc.ok) {
  console.error(`Baton could not start: ${osc.message}`);
  process.exit(2);
}

// One process (default), a writer or a relay over Redis, or a cluster of workers: decided once, here.
const role = chooseRole(process.env);
if ('error' in role) {
  console.error(role.error);
  process.exit(2);
}
const server = await startNode(role, {
  exec: fileURLToPath(import.meta.url),
  ...(env('REDIS_URL') ? { redisUrl: env('REDIS_URL') } : {}),
  port,
  host,
  dataDir,
  ...(given.mc ? { mcPin: given.mc } : {}),
  ...(given.av ? { avPin: given.av } : {}),
  clientDir: resolve(root, 'dist/client'),
  ...(env('FOLLOW') ? { follow: env('FOLLOW') } : {}),
  ...(env('BACKUP_URL') ? { selfUrl: env('BACKUP_URL') } : {}),
  log: consoleLogger,
  admission: { viewersPerAddress },
}).catch((error: unknown) => {
  console.error(`Baton could not start: ${(error as Error).message}`);
  process.exit(1);
});

// OSC binds HOST like the web server; it starts only when the booth asked for it, on the writer
// (the one process that decides: the only one, worker 1, or the REDIS_URL writer).
let oscParts: Osc | undefined;
const oscAsked = osc.config.port !== null || osc.config.out !== null;
if (oscAsked && !server.app && role.kind !== 'primary') consoleLogger.warn('OSC_PORT/OSC_OUT are served by the writer, not by a relay: ignored here');
if (oscAsked && server.app) {
  const app = server.app;
  // Loaded only when asked for: a show without OSC starts exactly as before.
  const { startOsc } = await import('./osc/index');
  oscParts = await startOsc(
    { service: app.service, clock: () => instant(Date.now()), log: consoleLogger, status: app.status },
    { port: osc.config.port, host, role: osc.config.role, out: osc.config.out },
  ).catch(async (error: unknown) => {
    console.error(`Baton could not start OSC on udp ${host}:${osc.config.port}: ${(error as Error).message}`);
    await server.close();
    process.exit(1);
  });
}

if (server.ownsPort) {
  const screens = server.app ? { ...server.app.admission.limits, openFiles: openFileLimit() } : undefined;
  console.log(bannerLines({ host, port: server.port, pins, dataDir, databaseFile: resolve(dataDir, DATABASE_FILE), ...(screens ? { screens } : {}) }).join('\n'));
  if (role.kind !== 'single') consoleLogger.info(`this node: ${role.kind === 'primary' ? `${role.workers} workers` : `${role.kind} over ${role.via}`}`);
}
// The backup pair (FOLLOW=) lives in the writer's app: a relay or a cluster primary has none.
if (server.app && server.ownsPort) {
  const node = server.app.pair.status();
  console.log(node.role === 'backup'
    ? `  BACKUP of ${node.primaryUrl}: read-only, copying its journal. If the primary dies, press PROMOTE on this laptop's /mc.`
    : `  Primary (epoch ${node.epoch}). A backup laptop: FOLLOW=${node.self ?? 'http://<this laptop>:' + server.port} npm start`);
}

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  consoleLogger.info(`${signal}: closing connections and the database`);
  const force = setTimeout(() => process.exit(1), 5_000);
  force.unref();
  void Promise.resolve(oscParts?.close()).then(() => server.close()).then(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
