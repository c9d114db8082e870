/**
 * OSC settings from the environment, checked with zod: OSC_PORT (UDP in; off unless set),
 * OSC_ROLE (mc | av, default mc), OSC_OUT (host:port; off unless set). A bad value stops the
 * start with a sentence, rather than a booth finding out mid-show that nothing listens.
 */
import { z } from 'zod';
import type { OscTarget } from './out';

export interface OscConfig {
  port: number | null;
  role: 'mc' | 'av';
  out: OscTarget | null;
}

/** OSC_PORT=0 takes any free port (tests; the log line names the real one), as PORT=0 does. */
const port = z.coerce.number().int().min(0).max(65_535);
const target = z
  .string()
  .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, { error: 'OSC_OUT must be host:port, e.g. 192.168.1.30:53000' })
  .transform((s, ctx): OscTarget => {
    const at = s.lastIndexOf(':');
    const p = port.safeParse(s.slice(at + 1));
    if (!p.success || p.data === 0) ctx.addIssue({ code: 'custom', message: 'OSC_OUT port must be 1–65535' });
    return { host: s.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: p.success ? p.data : 0 };
  });

const schema = z.object({
  OSC_PORT: port.optional(),
  OSC_ROLE: z.enum(['mc', 'av'], { error: 'OSC_ROLE must be mc or av' }).default('mc'),
  OSC_OUT: target.optional(),
});

export function oscConfigFrom(env: Record<string, string | undefined>): { ok: true; config: OscConfig } | { ok: false; message: string } {
  const given = (name: string) => (env[name]?.trim() ? env[name]?.trim() : undefined);
  const r = schema.safeParse({ OSC_PORT: given('OSC_PORT'), OSC_ROLE: given('OSC_ROLE')?.toLowerCase(), OSC_OUT: given('OSC_OUT') });
  if (!r.success) return { ok: false, message: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, config: { port: r.data.OSC_PORT ?? null, role: r.data.OSC_ROLE, out: r.data.OSC_OUT ?? null } };
}
