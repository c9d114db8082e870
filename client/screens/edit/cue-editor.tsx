/** The cues of an item or a segment: target, label, lead time, note. */
import { CUE_TARGET_LABELS } from '@shared/import/labels';
import { CUE_TARGETS } from '@shared/programme';
import { lang } from '../../i18n/i18n';
import { w } from './edit-words';
import { Field, Select } from './fields';
import type { CueDraft, FieldErrors } from './item-draft';

export function CueEditor({ cues, prefix, errors, onChange }: { cues: CueDraft[]; prefix: string; errors: FieldErrors; onChange: (cues: CueDraft[]) => void }) {
  const set = (i: number, patch: Partial<CueDraft>) => onChange(cues.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const add = () => {
    const ids = cues.map((c) => c.id);
    let n = cues.length + 1;
    while (ids.includes(`${prefix.replace(/\W/g, '') || 'cue'}-${n}`)) n++;
    onChange([...cues, { id: `${prefix.replace(/\W/g, '') || 'cue'}-${n}`, target: 'av', label: '', lead: '0', note: '' }]);
  };
  return (
    <div className="cue-editor">
      {cues.map((c, i) => (
        <div className="cue-row" key={c.id}>
          <Select label={w.cueTarget} name={`${prefix}cues.${i}.target`} value={c.target}
            options={CUE_TARGETS.map((t) => ({ value: t, label: CUE_TARGET_LABELS[t][lang] }))} onChange={(target) => set(i, { target })} />
          <Field label={w.cueLabel} name={`${prefix}cues.${i}.label`} value={c.label} error={errors[`${prefix}cues.${i}.label`]} onChange={(label) => set(i, { label })} />
          <Field label={w.cueLead} name={`${prefix}cues.${i}.lead`} value={c.lead} error={errors[`${prefix}cues.${i}.lead`]} inputMode="numeric" onChange={(lead) => set(i, { lead })} />
          <Field label={w.cueNote} name={`${prefix}cues.${i}.note`} value={c.note} error={errors[`${prefix}cues.${i}.note`]} onChange={(note) => set(i, { note })} />
          <button type="button" className="btn btn-small" onClick={() => onChange(cues.filter((_, j) => j !== i))}>{w.removeRow}</button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={add}>{w.addCue}</button>
    </div>
  );
}
