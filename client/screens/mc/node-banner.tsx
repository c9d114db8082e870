/**
 * Which machine this console drives (issue 10, B24). On a backup, large and unmistakable: the
 * word BACKUP, the primary it follows, how far behind it is, whether it reaches the primary, and
 * the promote button (behind a confirmation: a rare, show-critical act). On a primary, BACKUP LOST
 * while its backup stops answering, and a quiet mark while one is attached.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeStatus } from '@shared/protocol';
import { t } from '../../i18n/i18n';
import { promote } from '../../socket';
import { useShow } from '../../store';
import type { PendingConfirm } from './confirm-dialog';

/** Whether the console needs the banner row (then it is laid out above everything else). */
export const needsBanner = (node: NodeStatus | null): boolean => node !== null && (node.role === 'backup' || node.backupLost);

export function NodeBanner({ confirm }: { confirm: (pending: PendingConfirm) => void }) {
  const { node, revision } = useShow(useShallow((s) => ({ node: s.server.node, revision: s.revision })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!node || !needsBanner(node)) return null;

  if (node.role === 'primary') {
    return (
      <section className="mc-node mc-node-lost" data-testid="backup-lost" role="alert">
        <div className="mc-node-name">{t.backupLost}</div>
        <div className="mc-node-facts">{t.backupLostHint}</div>
      </section>
    );
  }

  const doPromote = async () => {
    setBusy(true);
    setError(null);
    const result = await promote();
    setBusy(false);
    if (!result.ok) setError(`${t.error}: ${result.message}`);
  };
  return (
    <section className="mc-node mc-node-backup" data-testid="node-backup" role="alert">
      <div className="mc-node-name">{t.nodeBackup}</div>
      <div className="mc-node-facts">
        <div>
          {t.nodeFollows}: <b data-testid="node-primary">{node.primaryUrl ?? '—'}</b>
        </div>
        <div className={node.primaryReachable ? 'is-ok' : 'is-lost'} data-testid="node-reach">
          {node.primaryReachable ? `● ${t.primaryReachable}` : `✕ ${t.primaryUnreachable}`}
        </div>
        <div data-testid="node-behind">
          {lagWords(node)} · {t.nodeHolds(revision)}
        </div>
        {node.problem ? <div className="mc-node-problem" data-testid="node-problem">{node.problem}</div> : null}
        <div className="mc-muted">{t.nodeBackupHint}</div>
        {error ? <div className="mc-node-error" role="alert">{error}</div> : null}
      </div>
      <button
        className="btn mc-promote"
        data-testid="promote"
        disabled={busy}
        onClick={() => confirm({ text: t.confirmPromote, ok: t.promote, action: () => void doPromote() })}
      >
        {busy ? t.promoting : t.promote}
      </button>
    </section>
  );
}

/**
 * Quiet marks in the header: a backup follows this primary; this console has failed over to
 * another machine than the one its page came from (so the MC knows which laptop takes the GO).
 */
export function NodeMarks() {
  const { attached, url } = useShow(
    useShallow((s) => ({ attached: s.server.node?.role === 'primary' && !s.server.node.backupLost && s.server.node.backupUrls.length > 0, url: s.server.url })),
  );
  const moved = url !== '' && url !== window.location.origin;
  return (
    <>
      {moved ? <div className="mc-backup-mark" data-testid="switched-to">{t.switchedTo(url)}</div> : null}
      {attached ? <div className="mc-backup-mark" data-testid="backup-attached">⧉ {t.backupAttached}</div> : null}
    </>
  );
}

/** How far behind: while the primary is out of reach the figure is the one from the last contact, and says so. */
function lagWords(node: NodeStatus): string {
  if (node.behind === null) return t.nodeBehindUnknown;
  return node.primaryReachable ? t.nodeBehind(node.behind) : t.nodeBehindLast(node.behind);
}
