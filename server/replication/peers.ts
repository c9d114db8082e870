/**
 * Fencing by asking: a machine that may hold an old role (a primary that was down while the other
 * laptop was promoted) asks the peers it knows for their role and epoch before it takes commands,
 * and a primary keeps asking while it runs. The higher epoch is the primary; a lower one follows it.
 */
import { peerInfoSchema } from './wire';

export interface PeerView {
  url: string;
  role: 'primary' | 'backup';
  epoch: number;
}

/** `GET <url>/api/v1/info`, parsed; null when unreachable, slow or not a Baton of this kind. */
export async function probePeer(url: string, timeoutMs: number): Promise<PeerView | null> {
  try {
    const res = await fetch(new URL('/api/v1/info', url), { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return null;
    const parsed = peerInfoSchema.safeParse(await res.json());
    return parsed.success ? { url, role: parsed.data.node.role, epoch: parsed.data.node.epoch } : null;
  } catch {
    return null;
  }
}

/** The reachable primary with the highest epoch above `above` among `urls`, or null. */
export async function higherPrimary(urls: readonly string[], above: number, timeoutMs: number): Promise<PeerView | null> {
  const views = await Promise.all([...new Set(urls)].map((u) => probePeer(u, timeoutMs)));
  return views.filter((v): v is PeerView => v !== null && v.role === 'primary' && v.epoch > above).sort((a, b) => b.epoch - a.epoch)[0] ?? null;
}
