/**
 * Asks for the role's PIN before a control screen does anything. The PIN is tried by connecting
 * with it: the server answers with the role it grants (or refuses the handshake).
 */
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Role } from '@shared/commands';
import { t } from '../i18n/i18n';
import { connect } from '../socket';
import { clearAuthError, useShow } from '../store';

const storageKey = (role: Role) => `baton.pin.${role}`;

export function PinGate({ role, label, title, children }: { role: Role; label: string; title: string; children: ReactNode }) {
  const [pin, setPin] = useState<string | null>(() => sessionStorage.getItem(storageKey(role)));
  const [draft, setDraft] = useState('');
  const { granted, authError } = useShow(useShallow((s) => ({ granted: s.role, authError: s.authError })));

  useEffect(() => {
    if (pin) connect({ pin, label });
  }, [pin, label]);

  const wrongRole = granted !== null && granted !== role && pin !== null;
  useEffect(() => {
    if (granted === role && pin) sessionStorage.setItem(storageKey(role), pin);
    if (authError || wrongRole) {
      sessionStorage.removeItem(storageKey(role));
      setPin(null);
    }
  }, [granted, role, pin, authError, wrongRole]);

  if (pin && granted === role) return <>{children}</>;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.trim()) return;
    clearAuthError();
    setPin(draft.trim());
  };
  const error = authError === 'too_many_attempts' ? t.tooManyAttempts : authError || wrongRole ? t.wrongPin : null;
  return (
    <main className="pin-gate">
      <form onSubmit={submit} className="pin-form">
        <h1>{title}</h1>
        <label htmlFor="pin">{t.enterPin}</label>
        <input
          id="pin"
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          disabled={pin !== null && !error}
        />
        <button type="submit" className="btn btn-primary">{t.enter}</button>
        {error ? <p className="pin-error" role="alert">{error}</p> : null}
      </form>
    </main>
  );
}
