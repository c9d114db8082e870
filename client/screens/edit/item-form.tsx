/**
 * One item's form. Saving checks it with the same schema as the server, shows each problem next
 * to its field (in the screen's language), and sends `upsertItem`.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { KIND_LABELS } from '@shared/import/labels';
import { type Item, ITEM_KINDS } from '@shared/programme';
import { lang } from '../../i18n/i18n';
import { CueEditor } from './cue-editor';
import { w } from './edit-words';
import { Field, Fieldset, Select } from './fields';
import { type FieldErrors, fromDraft, idFor, type ItemDraft, toDraft } from './item-draft';
import { SegmentEditor } from './segment-editor';

interface Props {
  initial: ItemDraft;
  /** The item as the server holds it now (null for a new one): a clean form follows its changes. */
  saved: Item | null;
  takenIds: string[];
  onSave: (item: Item, isNew: boolean) => Promise<boolean>;
  onRemove: (() => void) | null;
}

export function ItemForm({ initial, saved, takenIds, onSave, onRemove }: Props) {
  const [draft, setDraft] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (!dirty && saved) setDraft(toDraft(saved));
  }, [saved, dirty]);

  const set = (patch: Partial<ItemDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const id = idFor(draft, takenIds);
    const r = fromDraft(draft, id, lang);
    if (!r.ok) return setErrors(r.errors);
    setErrors({});
    if (await onSave(r.item, draft.isNew)) {
      setDirty(false);
      setDraft(toDraft(r.item));
    }
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form className="item-form" onSubmit={submit} noValidate aria-label={draft.title || w.newItem}>
      <div className="form-bar">
        <h2>{draft.isNew ? w.newItem : draft.title || '…'}</h2>
        <span className="form-state" role="status">{errorCount ? w.fixErrors : dirty ? w.unsaved : ''}</span>
        <button type="submit" className="btn btn-primary">{w.save}</button>
        {onRemove ? <button type="button" className="btn btn-danger" onClick={onRemove}>{w.remove}</button> : null}
      </div>
      <div className="field-grid">
        <Select label={w.kind} name="kind" value={draft.kind} options={ITEM_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k][lang] }))} onChange={(kind) => set({ kind })} />
        <Field label={w.title} name="title" value={draft.title} error={errors.title} wide onChange={(title) => set({ title })} />
        <Field label={w.presenterName} name="presenterName" value={draft.presenterName} error={errors.presenterName} onChange={(presenterName) => set({ presenterName })} />
        <Field label={w.presenterTitle} name="presenterTitle" value={draft.presenterTitle} error={errors.presenterTitle} onChange={(presenterTitle) => set({ presenterTitle })} />
        <Field label={w.duration} name="duration" value={draft.duration} error={errors.duration} hint={w.durationHint} onChange={(duration) => set({ duration })} />
        {draft.estimatedDuration !== null && draft.duration.trim() === draft.estimatedDuration ? (
          <p className="estimate-note" data-testid="duration-estimated">
            <span className="guess-badge">≈ {w.estimated}</span> {w.estimatedMark}{' '}
            <button type="button" className="btn btn-small" onClick={() => set({ estimatedDuration: null })}>{w.keepDuration}</button>
          </p>
        ) : null}
        <Field label={w.fixedStart} name="fixedStart" value={draft.fixedStart} error={errors.fixedStart} hint={w.fixedStartHint} onChange={(fixedStart) => set({ fixedStart })} />
        <Field label={w.warning} name="warning" value={draft.warning} error={errors.warning} inputMode="numeric" onChange={(warning) => set({ warning })} />
        <Field label={w.danger} name="danger" value={draft.danger} error={errors.danger} inputMode="numeric" onChange={(danger) => set({ danger })} />
        <Select label={w.speakerView} name="speakerView" value={draft.speakerView}
          options={[{ value: 'countdown', label: w.countdown }, { value: 'timeOfDay', label: w.timeOfDay }]} onChange={(speakerView) => set({ speakerView })} />
        {draft.kind === 'film' || draft.media ? (
          <Field label={w.media} name="media" value={draft.media} error={errors.media} hint={w.durationHint} onChange={(media) => set({ media })} />
        ) : null}
        <Field label={w.script} name="script" value={draft.script} error={errors.script} multiline wide onChange={(script) => set({ script })} />
      </div>
      <Fieldset legend={`${w.cues} (${draft.cues.length})`}>
        <CueEditor cues={draft.cues} prefix="" errors={errors} onChange={(cues) => set({ cues })} />
      </Fieldset>
      <Fieldset legend={`${w.segments} (${draft.segments.length})`}>
        <SegmentEditor segments={draft.segments} errors={errors} onChange={(segments) => set({ segments })} />
      </Fieldset>
    </form>
  );
}
