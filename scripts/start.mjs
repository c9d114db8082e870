// `npm start`: install what is missing, build the screens and the server bundle if their sources
// changed, then serve. The server runs in this same process (one PID to stop).
import { ensureClientBuild, ensureDependencies, ensureServerBuild } from './setup.mjs';

ensureDependencies();
ensureClientBuild();
ensureServerBuild();
await import('../dist/server/index.mjs');
