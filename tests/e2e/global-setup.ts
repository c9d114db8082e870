/**
 * Builds the client before the browser tests — only when its sources changed (the same stamp
 * `npm start` and `npm test` use), so every spec serves the current screens.
 */
type Setup = { ensureClientBuild: () => void };

export default async function globalSetup(): Promise<void> {
  const setupModule: string = '../../scripts/setup.mjs';
  const { ensureClientBuild } = (await import(setupModule)) as Setup;
  ensureClientBuild();
}
