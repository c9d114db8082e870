/**
 * `/ready` (MC PIN): the morning-of readiness board — each check ticked or unticked by a named
 * person at a time, kept in the journal (readyTick / readyUntick / readyEdit) — and the device
 * roster: every connected screen with its role, label, clock offset and last seen (RB1–RB7).
 */
import './ready.css';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReadyCheck } from '@shared/readiness';
import { readyCount } from '@shared/readiness';
import type { RosterReply } from '@shared/protocol';
import { formatClockTime, formatTimeOfDay, type Instant } from '@shared/time';
import { ConnectionBadge } from '../../components/connection-badge';
import { PinGate } from '../../components/pin-gate';
import { lang } from '../../i18n/i18n';
import { fetchRoster, sendCommand } from '../../socket';
import { useShow } from '../../store';
import { useNow } from '../../use-now';
import { yw } from './ready-words';

const NAME_KEY = 'baton.ready.by';
const ROSTER_EVERY_MS = 2000;

export default function ReadyScreen() {
  return (
    <PinGate role="mc" label="Readiness board" title={`Baton · ${yw.screen}`}>
      <ReadyBoard />
    </PinGate>
  );
}

function ReadyBoard() {
  const { readiness, programme } = useShow(useShallow((s) => ({ readiness: s.readiness, programme: s.programme })));
  const [by, setBy] = useState(() => localStorage.getItem(NAME_KEY) ?? '');
  const [hint, setHint] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const tz = programme?.timeZone ?? 'Asia/Ho_Chi_Minh';
  if (!readiness) return <main className="ready" />;
  const { done, total } = readyCount(readiness);

  const toggle = async (check: ReadyCheck) => {
    const name = by.trim();
    if (!name) {
      setHint(yw.nameFirst);
      document.getElementById('ready-by')?.focus();
      return;
    }
    setHint(null);
    const result = await sendCommand({ type: check.done ? 'readyUntick' : 'readyTick', checkId: check.id, by: name });
    if (!result.ok) setHint(result.message);
  };

  return (
    <main className="ready">
      <header className="ready-top">
        <div>
          <p className="ready-kicker">{yw.title.toUpperCase()}</p>
          <h1 className="ready-title">{programme?.title}</h1>
        </div>
        <div className={`ready-count ${done === total ? 'is-all' : ''}`} data-testid="ready-count">{yw.count(done, total)}</div>
        <a className="btn" href={`/mc${lang === 'en' ? '?lang=en' : ''}`}>{yw.toConsole}</a>
        <ConnectionBadge />
      </header>

      <section className="ready-panel">
        <label className="ready-by" htmlFor="ready-by">
          {yw.you}
          <input
            id="ready-by"
            data-testid="ready-by"
            value={by}
            maxLength={60}
            placeholder={yw.yourName}
            onChange={(e) => {
              setBy(e.target.value);
              localStorage.setItem(NAME_KEY, e.target.value);
            }}
          />
        </label>
        {hint ? <p className="ready-hint" role="alert">{hint}</p> : null}
        {editing ? (
          <EditList checks={readiness.checks} onDone={() => setEditing(false)} onError={setHint} />
        ) : (
          <>
            <ul className="ready-list">
              {readiness.checks.map((c) => (
                <li key={c.id} className={c.done ? 'is-done' : ''} data-testid="ready-check" data-check={c.id} data-done={c.done}>
                  <button type="button" className="ready-box" aria-pressed={c.done} aria-label={c.label} onClick={() => void toggle(c)}>
                    {c.done ? '✓' : ''}
                  </button>
                  <div>
                    <div className="ready-label">{lang === 'en' ? (c.labelEn ?? c.label) : c.label}</div>
                    <div className="ready-who" data-testid="ready-who">
                      {c.by && c.at !== null ? (c.done ? yw.tickedBy(c.by, formatTimeOfDay(c.at, tz)) : yw.untickedBy(c.by, formatTimeOfDay(c.at, tz))) : yw.notYet}
                    </div>
                  </div>
                </li>
              ))}
            </ul>
            <button type="button" className="btn" data-testid="ready-edit" onClick={() => setEditing(true)}>{yw.edit}</button>
          </>
        )}
      </section>

      <Roster timeZone={tz} />
    </main>
  );
}

interface Draft {
  id: string;
  label: string;
  labelEn: string;
}

function EditList({ checks, onDone, onError }: { checks: ReadyCheck[]; onDone: () => void; onError: (text: string) => void }) {
  const [rows, setRows] = useState<Draft[]>(() => checks.map((c) => ({ id: c.id, label: c.label, labelEn: c.labelEn ?? '' })));
  const change = (i: number, patch: Partial<Draft>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    const list = rows.filter((r) => r.label.trim()).map((r) => ({ id: r.id, label: r.label.trim(), ...(r.labelEn.trim() ? { labelEn: r.labelEn.trim() } : {}) }));
    const result = await sendCommand({ type: 'readyEdit', checks: list });
    if (result.ok) onDone();
    else onError(result.message);
  };
  return (
    <div className="ready-edit" data-testid="ready-editor">
      {rows.map((r, i) => (
        <div className="ready-edit-row" key={r.id}>
          <input aria-label={yw.labelVi} placeholder={yw.labelVi} value={r.label} maxLength={160} onChange={(e) => change(i, { label: e.target.value })} />
          <input aria-label={yw.labelEn} placeholder={yw.labelEn} value={r.labelEn} maxLength={160} onChange={(e) => change(i, { labelEn: e.target.value })} />
          <button type="button" className="btn" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{yw.remove}</button>
        </div>
      ))}
      <div className="ready-edit-actions">
        <button type="button" className="btn" data-testid="ready-add" onClick={() => setRows([...rows, { id: `kiem-tra-${Date.now().toString(36)}`, label: '', labelEn: '' }])}>{yw.add}</button>
        <button type="button" className="btn btn-primary" data-testid="ready-save" onClick={() => void save()}>{yw.save}</button>
        <button type="button" className="btn" onClick={onDone}>{yw.cancel}</button>
      </div>
    </div>
  );
}

function Roster({ timeZone }: { timeZone: string }) {
  const [roster, setRoster] = useState<RosterReply | null>(null);
  const now = useNow(1000);
  useEffect(() => {
    let alive = true;
    const load = () => void fetchRoster().then((r) => alive && r && setRoster(r));
    load();
    const timer = window.setInterval(load, ROSTER_EVERY_MS);
    return () => {
      alive = false;
      window.clearInterval(timer);
    };
  }, []);
  const ago = (at: number) => {
    const s = Math.max(0, Math.round((now - at) / 1000));
    return s < 3 ? yw.justNow : s < 120 ? yw.ago(s) : yw.agoMin(Math.floor(s / 60));
  };
  return (
    <section className="ready-panel">
      <h2>
        {yw.devices}
        {roster ? <span className="ready-muted" data-testid="roster-connected"> · {yw.devicesCount(roster.connected)}</span> : null}
      </h2>
      {roster && roster.screens.length === 0 ? <p className="ready-muted">{yw.noDevices}</p> : null}
      {roster && roster.screens.length > 0 ? (
        <table className="roster" data-testid="roster">
          <thead>
            <tr><th>{yw.role}</th><th>{yw.label}</th><th>{yw.page}</th><th>{yw.address}</th><th>{yw.offset}</th><th>{yw.lastSeen}</th></tr>
          </thead>
          <tbody>
            {roster.screens.map((e) => (
              <tr key={e.id} className={e.connected ? '' : 'is-stale'} data-testid="roster-row" data-page={e.page ?? ''} data-label={e.label} data-connected={e.connected}>
                <td>{yw.roles[e.role]}</td>
                <td>{e.label}</td>
                <td><code>{e.page ?? '—'}</code></td>
                <td>{e.address}</td>
                <td className="num">{e.offsetMs === null ? '—' : `${e.offsetMs >= 0 ? '+' : '−'}${Math.abs(e.offsetMs)} ms`}{e.rttMs !== null ? <small> · {e.rttMs} ms</small> : null}</td>
                <td className="num" title={formatClockTime(e.lastSeen as Instant, timeZone)}>
                  {e.connected ? <span className="roster-live">● {yw.live}</span> : <span className="roster-stale">{yw.stale}</span>} · {ago(e.lastSeen)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {roster ? <p className="ready-muted">{yw.forgotten(Math.round(roster.forgetAfterMs / 60_000))}</p> : null}
    </section>
  );
}
