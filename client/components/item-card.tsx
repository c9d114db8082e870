import type { Slot } from '@shared/derive';
import { inFull } from '@shared/wording';
import type { ReactNode } from 'react';

/** One slot (item, segment, presenter) with a caption; `full` expands abbreviations for the hall. */
export function ItemCard({ slot, caption, full = false, className = '', children }: { slot: Slot | null; caption: string; full?: boolean; className?: string; children?: ReactNode }) {
  const f = full ? inFull : (s: string) => s;
  return (
    <section className={`item-card ${className}`}>
      <div className="card-caption">{caption}</div>
      {slot ? (
        <>
          <div className="card-title" data-testid="item-title">{f(slot.itemTitle)}</div>
          {slot.segmentTitle ? <div className="card-segment" data-testid="segment-title">{f(slot.segmentTitle)}</div> : null}
          {slot.presenter ? (
            <div className="card-presenter">
              {f(slot.presenter.name)}
              {slot.presenter.title ? <span className="card-presenter-title"> — {f(slot.presenter.title)}</span> : null}
            </div>
          ) : null}
        </>
      ) : (
        <div className="card-title card-empty">—</div>
      )}
      {children}
    </section>
  );
}
