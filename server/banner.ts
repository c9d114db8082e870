/**
 * The start-up banner: every screen's URL on this machine and on each LAN address (screens are
 * other devices), and the PINs. This is the only text that ever carries a PIN.
 */
import { networkInterfaces } from 'node:os';
import type { Pins } from './auth';
import { SCREEN_ROUTES } from './http/static';

/** Every non-internal IPv4 address of this machine. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

/** The hosts to print: localhost plus the LAN when bound to every interface, else the one bound. */
export function bannerHosts(host: string): string[] {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  return wildcard ? ['localhost', ...lanAddresses()] : [host.includes(':') ? `[${host}]` : host];
}

const hostLabel = (h: string) =>
  h === 'localhost' ? 'This computer' : h.startsWith('127.') || h === '[::1]' ? 'This computer only (HOST is a loopback address)' : `On the network (${h})`;

export function bannerLines(opts: {
  host: string;
  port: number;
  pins: Pins & { source?: Record<keyof Pins, string> };
  dataDir: string;
  databaseFile: string;
  /** The viewer budgets in force (admission control). */
  screens?: { viewersPerAddress: number; viewerBudget: number; openFiles: number };
}): string[] {
  const hosts = bannerHosts(opts.host);
  const lines = [
    '',
    `Baton is running on port ${opts.port}`,
    '',
    ...hosts.flatMap((h) => [`  ${hostLabel(h)}:`, ...SCREEN_ROUTES.map((r) => `    http://${h}:${opts.port}${r}`)]),
    '',
    `  MC PIN (/mc, /edit):  ${opts.pins.mc}${opts.pins.source ? `   (${opts.pins.source.mc})` : ''}`,
    `  AV PIN (/av):         ${opts.pins.av}${opts.pins.source ? `   (${opts.pins.source.av})` : ''}`,
    '',
    `  Data: ${opts.databaseFile} (back it up by copying ${opts.dataDir} while Baton is stopped)`,
    ...(opts.screens
      ? [`  Screens: up to ${opts.screens.viewersPerAddress} per device address, ${opts.screens.viewerBudget} in all (open-file limit ${opts.screens.openFiles})`]
      : []),
    '  Stop with Ctrl+C.',
    '',
  ];
  if (hosts.length === 1 && hosts[0] === 'localhost') lines.splice(3, 0, '  (no network address found: other devices cannot reach this machine yet)');
  return lines;
}
