import { type FormEvent, useState } from 'react';
import type { CommandInput } from '@shared/commands';
import type { LiveState } from '@shared/live';
import { t } from '../../i18n/i18n';

/** One tap for the standard messages, or a typed one; the speaker screen shows it until GO or clear. */
export function MessagePanel({ live, send }: { live: LiveState; send: (c: CommandInput) => unknown }) {
  const [draft, setDraft] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    void send({ type: 'message', text: text.slice(0, 200) });
    setDraft('');
  };
  return (
    <div className="mc-message">
      <div className="mc-caption">{t.messageToSpeaker}</div>
      <div className="mc-row">
        <button className="btn" data-testid="msg-one-minute" onClick={() => void send({ type: 'message', text: t.msgOneMinute })}>{t.msgOneMinute}</button>
        <button className="btn" data-testid="msg-wrap-up" onClick={() => void send({ type: 'message', text: t.msgWrapUp })}>{t.msgWrapUp}</button>
      </div>
      <form className="mc-row" onSubmit={submit}>
        <input className="mc-input" data-testid="msg-input" maxLength={200} placeholder={t.typeMessage} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button className="btn" type="submit" disabled={!draft.trim()}>{t.send}</button>
      </form>
      {live.message ? (
        <div className="mc-current-msg" data-testid="current-message">
          «{live.message.text}»
          <button className="btn btn-small" onClick={() => void send({ type: 'clearMessage' })}>{t.clearMessage}</button>
        </div>
      ) : null}
    </div>
  );
}
