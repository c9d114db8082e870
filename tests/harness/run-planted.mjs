// Runs one planted suite through the verdict exactly as `npm test` counts a runner, and ends the
// same way: the last line `N passed, N failed, N skipped`, exit status non-zero on any failure.
// Usage: node tests/harness/run-planted.mjs vitest|playwright <file filter>   (PLANT=… chooses a fault)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitCode, runPlaywright, runVitest, verdictLine } from '../../scripts/verdict.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [runner, filter] = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'baton-planted-'));
// A vitest inside a vitest would otherwise take the outer run's worker settings for its own.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
const common = { name: 'planted', cwd: root, out, env };
const tally =
  runner === 'vitest'
    ? runVitest({ ...common, args: ['--config', 'tests/harness/planted/vitest.config.ts', filter] })
    : runPlaywright({ ...common, args: ['--config', 'tests/harness/planted/playwright.config.ts', filter] });
rmSync(out, { recursive: true, force: true });
for (const p of tally.problems) console.log(`  - ${p}`);
console.log(`\n${verdictLine(tally)}`);
process.exit(exitCode(tally));
