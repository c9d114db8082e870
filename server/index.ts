/**
 * Composition root: configuration from the environment, then startServer, then the banner.
 * PORT (4310), HOST (0.0.0.0), DATA_DIR (./data), MC_PIN, AV_PIN, VIEWERS_PER_ADDRESS (500).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_VIEWERS_PER_ADDRESS, openFileLimit } from './admission';
import { DATABASE_FILE, startServer } from './app';
import { bannerLines } from './banner';
import { consoleLogger } from './log';
import { resolvePins } from './pins';

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
const dataDir = resolve(env('DATA_DIR') ?? './data');
const given = { mc: env('MC_PIN'), av: env('AV_PIN') };
const pins = resolvePins(dataDir, given);

const server = await startServer({
  port,
  host,
  dataDir,
  ...(given.mc ? { mcPin: given.mc } : {}),
  ...(given.av ? { avPin: given.av } : {}),
  clientDir: resolve(root, 'dist/client'),
  log: consoleLogger,
  admission: { viewersPerAddress },
}).catch((error: unknown) => {
  console.error(`Baton could not start: ${(error as Error).message}`);
  process.exit(1);
});

const { limits } = server.app.admission;
const screens = { ...limits, openFiles: openFileLimit() };
console.log(bannerLines({ host, port: server.port, pins, dataDir, databaseFile: resolve(dataDir, DATABASE_FILE), screens }).join('\n'));

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  consoleLogger.info(`${signal}: closing connections and the database`);
  const force = setTimeout(() => process.exit(1), 5_000);
  force.unref();
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
