/**
 * The director's editor: the item list (reorder by drag or Alt+↑/↓), the form of the chosen item,
 * import/export, undo, and the printable run sheet. Every change is a command to the server.
 */
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CommandInput } from '@shared/commands';
import { toCsv } from '@shared/import/csv';
import { programmeToJson } from '@shared/import/json';
import { programmeToSheet } from '@shared/import/programme-sheet';
import type { Item, Programme } from '@shared/programme';
import { ConnectionBadge } from '../../components/connection-badge';
import { flag } from '../../components/query';
import { lang, t } from '../../i18n/i18n';
import { useHydratedProgramme } from '../../honourees';
import { useShow } from '../../store';
import { serverNow } from '../../use-now';
import { w } from './edit-words';
import { download, type Loaded, loadFile } from './file-io';
import { HonoureesImport } from './honourees-import';
import { ImportDialog } from './import-dialog';
import { newDraft, toDraft } from './item-draft';
import { ItemForm } from './item-form';
import { ItemList } from './item-list';
import { RunSheet } from './run-sheet';
import { useEditor } from './use-editor';

interface Confirm { text: string; action: () => void }

export function EditConsole() {
  const { programme: received, live } = useShow(useShallow((s) => ({ programme: s.programme, live: s.live })));
  // [D4] Honourees lists travel by reference: the editor edits, exports and sends whole items, so
  // it waits until every list is in (fetched by hash, cached) before it shows anything editable.
  const programme = useHydratedProgramme(received);
  const editor = useEditor();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(0);
  const [importing, setImporting] = useState<{ loaded: Loaded | null; fileName: string; reading?: boolean } | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  if (!programme || !live) return <main className="edit-app"><p className="muted">…</p></main>;

  const running = live.phase === 'running' || live.phase === 'paused';
  const ids = programme.items.map((i) => i.id);
  const item = programme.items.find((i) => i.id === selected) ?? null;
  const isNew = creating > 0 && !item;
  const stamp = programme.date.replaceAll('-', '');

  const save = async (next: Item, fresh: boolean): Promise<boolean> => {
    const index = fresh ? (item ? ids.indexOf(item.id) + 1 : programme.items.length) : undefined;
    const old = programme.items.find((i) => i.id === next.id);
    const inverse: CommandInput = old ? { type: 'upsertItem', item: old } : { type: 'removeItem', itemId: next.id };
    const r = await editor.apply({ type: 'upsertItem', item: next, ...(index === undefined ? {} : { index }) }, inverse);
    if (r.ok) {
      setSelected(next.id);
      setCreating(0);
    }
    return r.ok;
  };
  const move = (id: string, toIndex: number) =>
    void editor.apply({ type: 'moveItem', itemId: id, toIndex }, { type: 'moveItem', itemId: id, toIndex: ids.indexOf(id) });
  const remove = (it: Item) =>
    setConfirm({
      text: w.confirmRemove(it.title),
      action: () => void editor.apply({ type: 'removeItem', itemId: it.id }, { type: 'upsertItem', item: it, index: ids.indexOf(it.id) }).then((r) => r.ok && setSelected(null)),
    });
  const replace = (next: Programme) => {
    const send = () =>
      void editor.apply({ type: 'replaceProgramme', programme: next }, { type: 'replaceProgramme', programme }, w.imported).then((r) => r.ok && setImporting(null));
    setConfirm({ text: w.confirmReplace(next.items.length), action: send });
  };

  return (
    <>
      <main className="edit-app">
        <header className="edit-top">
          <div className="edit-title">
            <h1>{w.screen}</h1>
            <p className="muted">{programme.title}</p>
          </div>
          <div className="edit-actions">
            <button type="button" className="btn" onClick={() => void editor.undo()} disabled={!editor.canUndo} aria-keyshortcuts="Control+Z">↶ {w.undo}</button>
            <button type="button" className="btn" onClick={() => fileInput.current?.click()}>{w.importProgramme}</button>
            <button type="button" className="btn" onClick={() => setImporting({ loaded: null, fileName: '' })}>{w.pasteTable}</button>
            <input ref={fileInput} type="file" accept=".csv,.xlsx,.json,.docx,.doc,.pdf,text/csv,application/json,application/pdf" hidden data-testid="import-file" onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (!f) return;
              // The dialog opens at once and says it is reading; the readers work off this thread.
              setImporting({ loaded: null, fileName: f.name, reading: true });
              setImporting({ loaded: await loadFile(f), fileName: f.name });
            }} />
            <button type="button" className="btn" onClick={() => download(`chuong-trinh-${stamp}.json`, programmeToJson(programme), 'application/json')}>{w.exportJson}</button>
            <button type="button" className="btn" onClick={() => download(`chuong-trinh-${stamp}.csv`, toCsv(programmeToSheet(programme, lang)), 'text/csv;charset=utf-8')}>{w.exportCsv}</button>
            <button type="button" className="btn" onClick={() => window.print()}>{w.printSheet}</button>
            <ConnectionBadge />
          </div>
        </header>
        {editor.notice ? <p className={`edit-notice notice-${editor.notice.kind}`} role="status">{editor.notice.text}</p> : null}
        <div className="edit-body">
          <nav className="edit-side">
            <p id="reorder-hint" className="muted small">{w.reorderHint}</p>
            <ItemList programme={programme} selectedId={selected} currentItemId={live.currentItemId} onSelect={(id) => { setSelected(id); setCreating(0); }} onMove={move} />
            <button type="button" className="btn" onClick={() => { setSelected(null); setCreating((n) => n + 1); }}>{w.addItem}</button>
          </nav>
          <section className="edit-main">
            {item ? (
              <>
                <ItemForm key={item.id} initial={toDraft(item)} saved={item} takenIds={ids} onSave={save} onRemove={() => remove(item)} />
                {item.segments.length > 0 && item.kind === 'awards' ? (
                  <HonoureesImport item={item} onApply={(next) => void editor.apply({ type: 'upsertItem', item: next }, { type: 'upsertItem', item })} />
                ) : null}
              </>
            ) : isNew ? (
              <ItemForm key={`new-${creating}`} initial={newDraft(ids)} saved={null} takenIds={ids} onSave={save} onRemove={null} />
            ) : (
              <p className="muted">{w.selectItem}</p>
            )}
          </section>
        </div>
        {importing ? (
          <ImportDialog loaded={importing.loaded} fileName={importing.fileName} reading={importing.reading ?? false} base={programme} running={running}
            onLoaded={(loaded, fileName) => setImporting({ loaded, fileName })} onReplace={replace} onClose={() => setImporting(null)} />
        ) : null}
        {confirm ? <ConfirmBox confirm={confirm} onClose={() => setConfirm(null)} /> : null}
      </main>
      <div className={flag('sheet', false) ? 'sheet-preview' : 'sheet-print-only'}>
        <RunSheet programme={programme} printedAt={serverNow()} />
      </div>
    </>
  );
}

function ConfirmBox({ confirm, onClose }: { confirm: Confirm; onClose: () => void }) {
  return (
    <div className="edit-modal" role="alertdialog" aria-modal="true" data-testid="confirm">
      <div className="edit-modal-box small-box">
        <p>{confirm.text}</p>
        <div className="modal-foot">
          <button type="button" className="btn" onClick={onClose}>{t.cancel}</button>
          <button type="button" className="btn btn-danger" autoFocus onClick={() => { confirm.action(); onClose(); }}>{t.confirm}</button>
        </div>
      </div>
    </div>
  );
}
