import { useShallow } from 'zustand/react/shallow';
import { formatSeconds } from '@shared/time';
import { t } from '../i18n/i18n';
import { useShow } from '../store';
import { useNow } from '../use-now';

/** Online / reconnecting (for how long) / offline, with the measured clock offset and round trip. */
export function ConnectionBadge({ className = '' }: { className?: string }) {
  const { connection, clock, servers, url } = useShow(useShallow((s) => ({ connection: s.connection, clock: s.clock, servers: s.server.known.length, url: s.server.url })));
  const now = useNow(1000);
  const lost = connection.status === 'reconnecting' || connection.status === 'offline';
  const label = { online: t.online, reconnecting: t.reconnecting, offline: t.offline, connecting: t.connecting }[connection.status];
  const forHow = lost ? ` ${formatSeconds(Math.max(0, Math.floor((now - clock.offset - connection.since) / 1000)))}` : '';
  const measured =
    clock.rtt === null ? '' : ` · ${t.clockOffset} ${clock.offset >= 0 ? '+' : '−'}${Math.abs(Math.round(clock.offset))} ms · ${t.roundTrip} ${Math.round(clock.rtt)} ms`;
  return (
    <div className={`conn-badge conn-${connection.status} ${className}`} data-testid="connection" data-status={connection.status} data-server={url} title={url} role="status">
      <span className="conn-dot" aria-hidden="true" />
      {label}
      {forHow}
      {lost && servers > 1 ? ` · ${t.lookingForPrimary}` : null}
      <span className="conn-clock">{measured}</span>
    </div>
  );
}
