import { readFileSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { bannerLines } from '../../server/banner';
import { pinsFile, resolvePins } from '../../server/pins';
import { tempDir } from './helpers';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d.path;
};

describe('PINs and the banner', () => {
  it('[S6] unset PINs are generated once (6 digits, different), kept in pins.json with mode 0600, and stable', () => {
    const data = dir();
    const first = resolvePins(data, {});
    expect(first.mc).toMatch(/^\d{6}$/);
    expect(first.av).toMatch(/^\d{6}$/);
    expect(first.mc).not.toBe(first.av);
    expect(first.source).toEqual({ mc: 'generated', av: 'generated' });
    expect(statSync(pinsFile(data)).mode & 0o777).toBe(0o600);
    const again = resolvePins(data, {});
    expect([again.mc, again.av]).toEqual([first.mc, first.av]);
    expect(again.source).toEqual({ mc: 'stored', av: 'stored' });
  });

  it('[S6] a PIN from the environment wins over the stored one and is not written to disk', () => {
    const data = dir();
    const stored = resolvePins(data, {});
    const withEnv = resolvePins(data, { mc: '8642097531' });
    expect(withEnv).toMatchObject({ mc: '8642097531', av: stored.av, source: { mc: 'env', av: 'stored' } });
    expect(readFileSync(pinsFile(data), 'utf8')).not.toContain('8642097531');
  });

  it('[S6] the banner lists every screen on localhost and each LAN address, with both PINs', () => {
    const lines = bannerLines({ host: '0.0.0.0', port: 4310, pins: { mc: '111111', av: '222222' }, dataDir: '/data', databaseFile: '/data/baton.sqlite' });
    const text = lines.join('\n');
    // The LAN as this test reads it: every IPv4 address of an interface that is not loopback.
    const lan = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .filter((a) => (a.family === 'IPv4' || (a.family as unknown) === 4) && !a.internal && !a.address.startsWith('127.'))
      .map((a) => a.address);
    const printed = new Set(lines.flatMap((l) => /^ {4}http:\/\/([^:/]+):4310\//.exec(l)?.[1] ?? []));
    expect([...printed].sort()).toEqual(['localhost', ...new Set(lan)].sort());
    for (const host of ['localhost', ...lan]) {
      for (const screen of ['/', '/mc', '/edit', '/av', '/speaker', '/stage', '/broadcast', '/agenda', '/report']) {
        expect(lines).toContain(`    http://${host}:4310${screen}`);
      }
    }
    expect(text).toMatch(/running on port 4310/);
    expect(text).toMatch(/MC PIN.*111111/);
    expect(text).toMatch(/AV PIN.*222222/);
  });
});
