/** The segments of an item: contributors of a discussion, award groups with their honourees. */
import type { Honouree } from '@shared/programme';
import { w } from './edit-words';
import { Field } from './fields';
import { CueEditor } from './cue-editor';
import { freeId, type FieldErrors, type SegmentDraft } from './item-draft';

interface Props {
  segments: SegmentDraft[];
  errors: FieldErrors;
  onChange: (segments: SegmentDraft[]) => void;
}

export function SegmentEditor({ segments, errors, onChange }: Props) {
  const set = (i: number, patch: Partial<SegmentDraft>) => onChange(segments.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, to: number) => {
    if (to < 0 || to >= segments.length) return;
    const next = [...segments];
    const [s] = next.splice(i, 1);
    next.splice(to, 0, s as SegmentDraft);
    onChange(next);
  };
  const add = () =>
    onChange([...segments, {
      id: freeId(`phan-${segments.length + 1}`, segments.map((s) => s.id)), title: '', presenterName: '', presenterTitle: '',
      duration: '5:00', script: '', honourees: [], cues: [],
    }]);
  return (
    <div className="segment-editor">
      {segments.map((s, i) => {
        const p = `segments.${i}.`;
        return (
          <div className="segment-card" key={s.id} data-segment-id={s.id}>
            <div className="segment-head">
              <strong>{w.segment} {i + 1}</strong>
              <span className="segment-tools">
                <button type="button" className="btn btn-small" onClick={() => move(i, i - 1)} disabled={i === 0}>↑ {w.moveUp}</button>
                <button type="button" className="btn btn-small" onClick={() => move(i, i + 1)} disabled={i === segments.length - 1}>↓ {w.moveDown}</button>
                <button type="button" className="btn btn-small" onClick={() => onChange(segments.filter((_, j) => j !== i))}>{w.removeRow}</button>
              </span>
            </div>
            <div className="field-grid">
              <Field label={w.title} name={`${p}title`} value={s.title} error={errors[`${p}title`]} wide onChange={(title) => set(i, { title })} />
              <Field label={w.presenterName} name={`${p}presenterName`} value={s.presenterName} error={errors[`${p}presenterName`]} onChange={(presenterName) => set(i, { presenterName })} />
              <Field label={w.presenterTitle} name={`${p}presenterTitle`} value={s.presenterTitle} error={errors[`${p}presenterTitle`]} onChange={(presenterTitle) => set(i, { presenterTitle })} />
              <Field label={w.duration} name={`${p}duration`} value={s.duration} error={errors[`${p}duration`]} hint={w.durationHint} onChange={(duration) => set(i, { duration })} />
              <Field label={w.script} name={`${p}script`} value={s.script} error={errors[`${p}script`]} multiline wide onChange={(script) => set(i, { script })} />
            </div>
            <details className="segment-more" open={s.honourees.length > 0 && s.honourees.length <= 12}>
              <summary>{w.honourees} ({s.honourees.length})</summary>
              <HonoureeTable list={s.honourees} error={errors[`${p}honourees`]} onChange={(honourees) => set(i, { honourees })} />
            </details>
            <details className="segment-more" open={s.cues.length > 0}>
              <summary>{w.cues} ({s.cues.length})</summary>
              <CueEditor cues={s.cues} prefix={p} errors={errors} onChange={(cues) => set(i, { cues })} />
            </details>
          </div>
        );
      })}
      <button type="button" className="btn" onClick={add}>{w.addSegment}</button>
    </div>
  );
}

function HonoureeTable({ list, error, onChange }: { list: Honouree[]; error: string | undefined; onChange: (l: Honouree[]) => void }) {
  const set = (i: number, patch: Partial<Honouree>) => onChange(list.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <div className="honouree-table">
      {error ? <small className="field-error" role="alert">{error}</small> : null}
      <table>
        <thead>
          <tr><th>{w.honoureeName}</th><th>{w.honoureeUnit}</th><th>{w.honoureeAward}</th><th /></tr>
        </thead>
        <tbody>
          {list.map((h, i) => (
            <tr key={i}>
              <td><input aria-label={w.honoureeName} value={h.name} onChange={(e) => set(i, { name: e.target.value })} /></td>
              <td><input aria-label={w.honoureeUnit} value={h.unit ?? ''} onChange={(e) => set(i, { unit: e.target.value || undefined })} /></td>
              <td><input aria-label={w.honoureeAward} value={h.award ?? ''} onChange={(e) => set(i, { award: e.target.value || undefined })} /></td>
              <td><button type="button" className="btn btn-small" onClick={() => onChange(list.filter((_, j) => j !== i))}>{w.removeRow}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-small" onClick={() => onChange([...list, { name: '' }])}>{w.addHonouree}</button>
    </div>
  );
}
