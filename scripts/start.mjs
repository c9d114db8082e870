// `npm start`: install what is missing, build the screens if they changed, then serve.
// The server runs in this same process (one PID to stop).
import { ensureClientBuild, ensureDependencies } from './setup.mjs';

ensureDependencies();
ensureClientBuild();
const { register } = await import('tsx/esm/api');
register();
await import('../server/index.ts');
