/**
 * Where the PINs come from: the environment wins; otherwise PINs generated once (6 digits, from
 * the OS's secure random source) and kept in DATA_DIR/pins.json, readable by the owner only.
 */
import { randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pins } from './auth';

const generate = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const pinsFile = (dataDir: string) => join(dataDir, 'pins.json');

function readStored(file: string): Partial<Pins> {
  if (!existsSync(file)) return {};
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<keyof Pins, unknown>>;
    return {
      ...(typeof raw.mc === 'string' && raw.mc ? { mc: raw.mc } : {}),
      ...(typeof raw.av === 'string' && raw.av ? { av: raw.av } : {}),
    };
  } catch {
    return {};
  }
}

/** Resolve both PINs; generate and store any that neither the caller nor the file provides. */
export function resolvePins(dataDir: string, given: { mc?: string | undefined; av?: string | undefined }): Pins & { source: Record<keyof Pins, 'env' | 'stored' | 'generated'> } {
  mkdirSync(dataDir, { recursive: true });
  const file = pinsFile(dataDir);
  const stored = readStored(file);
  const next: Partial<Pins> = { ...stored };
  if (!next.mc) next.mc = generate();
  while (!next.av || next.av === next.mc) next.av = generate();
  if (next.mc !== stored.mc || next.av !== stored.av) {
    writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  const source = (role: keyof Pins) => (given[role] ? 'env' : stored[role] ? 'stored' : 'generated') as 'env' | 'stored' | 'generated';
  const mc = given.mc || (next.mc as string);
  const av = given.av || (next.av as string);
  if (mc === av) throw new Error('MC_PIN and AV_PIN must differ');
  return { mc, av, source: { mc: source('mc'), av: source('av') } };
}
