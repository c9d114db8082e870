/** Labelled inputs with their validation message right beside them. */
import type { ReactNode } from 'react';

export interface FieldProps {
  label: string;
  name: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  wide?: boolean;
  inputMode?: 'numeric' | 'text';
}

export function Field({ label, name, value, error, hint, onChange, multiline, wide, inputMode }: FieldProps) {
  const id = `f-${name}`;
  const described = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name, value, 'aria-invalid': !!error, 'aria-describedby': described };
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={Math.min(8, Math.max(2, value.split('\n').length + 1))} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint ? <small id={`${id}-hint`} className="field-hint">{hint}</small> : null}
      {error ? <small id={`${id}-err`} className="field-error" role="alert">{error}</small> : null}
    </div>
  );
}

export function Select<T extends string>({ label, name, value, options, onChange }: {
  label: string; name: string; value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export const Fieldset = ({ legend, children }: { legend: string; children: ReactNode }) => (
  <fieldset className="edit-fieldset">
    <legend>{legend}</legend>
    {children}
  </fieldset>
);
