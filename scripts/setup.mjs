// Set-up shared by `npm start` and `npm test`: install what is missing, build the client when its
// sources changed. Node built-ins only: this runs before node_modules exists.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

const hashFiles = (files) => {
  const h = createHash('sha256');
  for (const f of files.sort()) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
};

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** `npm install` when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const stamp = join(root, 'node_modules', '.baton-installed');
  const want = hashFiles([join(root, 'package.json'), join(root, 'package-lock.json')]);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  console.log('Installing dependencies (first run builds better-sqlite3 from source, about a minute)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
  writeFileSync(stamp, want);
}

/** Build the client into dist/client only when its sources (or the lockfile) changed. */
export function ensureClientBuild() {
  const sources = [
    ...walk(join(root, 'client')),
    ...walk(join(root, 'shared')),
    join(root, 'vite.config.ts'),
    join(root, 'scripts', 'precompress.ts'),
    join(root, 'package-lock.json'),
  ];
  const want = hashFiles(sources);
  const stamp = join(root, 'dist', 'client', '.build-hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  console.log('Building the screens…');
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
  writeFileSync(stamp, want);
}

/**
 * Bundle the server (esbuild, dependencies left external) into dist/server/index.mjs when its
 * sources changed. The production server runs this bundle with plain node: no TypeScript loader
 * in memory (tsx alone costs ~55 MB of RSS) and a faster start on the day.
 */
export function ensureServerBuild() {
  const sources = [...walk(join(root, 'server')), ...walk(join(root, 'shared')), join(root, 'package-lock.json'), join(root, 'tsconfig.json')];
  const want = hashFiles(sources);
  const stamp = join(root, 'dist', 'server', '.build-hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  run('npx', ['esbuild', 'server/index.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20', '--packages=external', '--log-level=warning', '--outfile=dist/server/index.mjs']);
  writeFileSync(stamp, want);
}

/**
 * Debian packages the tests drive for real (a browser, a Redis server, a Python Socket.IO client,
 * PDF tools…): one table, so every test tool is installed the same way.
 */
export const TEST_PACKAGES = [
  { pkg: 'chromium', file: CHROMIUM, for: 'browser tests' },
  // Debian's /usr/bin/python3 sees these (a pyenv or venv python does not); the test runs that one.
  { pkg: 'python3-socketio', file: '/usr/lib/python3/dist-packages/socketio/client.py', for: 'the Python client test' },
  { pkg: 'python3-websocket', file: '/usr/lib/python3/dist-packages/websocket/__init__.py', for: "the Python client's WebSocket transport" },
  { pkg: 'poppler-utils', file: '/usr/bin/pdftotext', for: 'PDF checks (A4 prints, the plan PDF fixtures)' },
  { pkg: 'redis-server', file: '/usr/bin/redis-server', for: 'relay tests' },
  { pkg: 'firefox-esr', file: '/usr/bin/firefox-esr', for: 'the display screens in Firefox ESR (tests/e2e/firefox-esr.spec.ts)' },
];

/** Install the missing ones with apt-get when we are root; otherwise print the one-line instruction. */
export function ensureDebianPackages(wanted = TEST_PACKAGES) {
  const missing = wanted.filter((p) => !existsSync(p.file));
  if (missing.length === 0) return true;
  const names = missing.map((p) => p.pkg);
  if (process.getuid?.() === 0) {
    console.log(`Installing from Debian (apt-get install -y ${names.join(' ')}) for ${missing.map((p) => p.for).join(', ')}…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', ...names], { env });
    return missing.every((p) => existsSync(p.file));
  }
  console.log(`Some tests need Debian packages: run \`sudo apt-get install -y ${names.join(' ')}\`, then \`npm test\` again.`);
  return false;
}

/** Debian's Chromium for the browser tests: installed via apt-get when absent and we are root. */
export const ensureChromium = () => ensureDebianPackages(TEST_PACKAGES.filter((p) => p.pkg === 'chromium'));
