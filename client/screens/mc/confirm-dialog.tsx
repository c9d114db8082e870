import { useEffect, useRef } from 'react';
import { t } from '../../i18n/i18n';

export interface PendingConfirm {
  text: string;
  action: () => void;
  /** The confirm button's words when "Confirm" is too vague (promote). */
  ok?: string;
}

/** An in-page confirmation (window.confirm would freeze every timer on the page). */
export function ConfirmDialog({ pending, onClose }: { pending: PendingConfirm | null; onClose: () => void }) {
  // Focus starts on Cancel: a clicker's PageDown or a stray Space must never confirm a reset.
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), [pending]);
  if (!pending) return null;
  return (
    <div className="mc-modal" role="dialog" aria-modal="true" data-testid="confirm">
      <div className="mc-modal-box">
        <p>{pending.text}</p>
        <div className="mc-modal-actions">
          <button className="btn" ref={cancel} onClick={onClose} data-testid="confirm-cancel">{t.cancel}</button>
          <button
            className="btn btn-danger"
            data-testid="confirm-ok"
            onClick={() => {
              pending.action();
              onClose();
            }}
          >
            {pending.ok ?? t.confirm}
          </button>
        </div>
      </div>
    </div>
  );
}
