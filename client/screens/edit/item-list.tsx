/** The programme's items in order: pick one to edit; reorder by drag or Alt+↑/↓ (focus follows). */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { plannedSchedule } from '@shared/derive';
import { KIND_LABELS } from '@shared/import/labels';
import type { Programme } from '@shared/programme';
import { formatSeconds, formatTimeOfDay } from '@shared/time';
import { lang } from '../../i18n/i18n';
import { w } from './edit-words';

interface Props {
  programme: Programme;
  selectedId: string | null;
  currentItemId: string | null;
  onSelect: (id: string) => void;
  onMove: (id: string, toIndex: number) => void;
}

export function ItemList({ programme, selectedId, currentItemId, onSelect, onMove }: Props) {
  const plan = plannedSchedule(programme);
  const [dragId, setDragId] = useState<string | null>(null);
  const [overIndex, setOverIndex] = useState<number | null>(null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const focusAfterMove = useRef<string | null>(null);

  useEffect(() => {
    const id = focusAfterMove.current;
    if (id) refs.current.get(id)?.focus();
    focusAfterMove.current = null;
  }, [programme]);

  const onKey = (e: KeyboardEvent, id: string, index: number) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const to = index + (e.key === 'ArrowUp' ? -1 : 1);
      if (to < 0 || to >= programme.items.length) return;
      focusAfterMove.current = id;
      onMove(id, to);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const next = programme.items[index + (e.key === 'ArrowUp' ? -1 : 1)];
      if (next) refs.current.get(next.id)?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
    }
  };

  return (
    <ol className="edit-list" aria-label={w.items} aria-describedby="reorder-hint">
      {programme.items.map((item, i) => (
        <li
          key={item.id}
          ref={(el) => void (el ? refs.current.set(item.id, el) : refs.current.delete(item.id))}
          tabIndex={0}
          draggable
          data-item-id={item.id}
          aria-selected={item.id === selectedId}
          className={[
            'edit-row',
            item.id === selectedId ? 'is-selected' : '',
            item.id === currentItemId ? 'is-live' : '',
            dragId && overIndex === i ? 'is-drop-target' : '',
          ].join(' ')}
          onClick={() => onSelect(item.id)}
          onKeyDown={(e) => onKey(e, item.id, i)}
          onDragStart={(e) => {
            setDragId(item.id);
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', item.id);
          }}
          onDragOver={(e) => {
            e.preventDefault();
            setOverIndex(i);
          }}
          onDragEnd={() => {
            setDragId(null);
            setOverIndex(null);
          }}
          onDrop={(e) => {
            e.preventDefault();
            const id = e.dataTransfer.getData('text/plain') || dragId;
            setDragId(null);
            setOverIndex(null);
            if (id && programme.items[i]?.id !== id) onMove(id, i);
          }}
        >
          <span className="edit-row-grip" aria-hidden="true">⋮⋮</span>
          <span className="edit-row-time">{plan[i] ? formatTimeOfDay(plan[i].start, programme.timeZone) : ''}</span>
          <span className="edit-row-main">
            <span className="edit-row-title">{item.title}</span>
            <span className="edit-row-meta">
              {KIND_LABELS[item.kind][lang]} · {item.durationEstimated ? <span className="guess-badge" title={w.estimatedMark}>≈ {formatSeconds(item.durationSec)}</span> : formatSeconds(item.durationSec)}
              {item.segments.length ? ` · ${item.segments.length} ${w.segment.toLowerCase()}` : ''}
              {item.fixedStart ? ` · ${w.fixedStart} ${item.fixedStart}` : ''}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
