/** Setting up the day: every screen with its link and a QR code carrying the server's LAN address. */
import './home.css';
import { useEffect, useState } from 'react';
import { QrCode } from '../../components/qr-code';
import { t } from '../../i18n/i18n';

const SCREENS = [
  { path: '/mc', name: t.screenMc },
  { path: '/av', name: t.screenAv },
  { path: '/speaker', name: t.screenSpeaker },
  { path: '/stage', name: t.screenStage },
  { path: '/broadcast', name: t.screenBroadcast },
  { path: '/agenda', name: t.screenAgenda },
  { path: '/edit', name: t.screenEdit },
  { path: '/ready', name: t.screenReady },
  { path: '/report', name: t.screenReport },
];

/** The server's LAN base URLs (GET /api/v1/info), so a phone can open them even when this page runs on localhost. */
function useLanBase(): { base: string; known: boolean; all: string[] } {
  const [lan, setLan] = useState<string[] | null>(null);
  useEffect(() => {
    fetch('/api/v1/info')
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { lanUrls?: unknown } | null) => setLan(Array.isArray(body?.lanUrls) ? body.lanUrls.filter((u): u is string => typeof u === 'string') : []))
      .catch(() => setLan([]));
  }, []);
  const first = lan?.[0];
  return { base: (first ?? window.location.origin).replace(/\/+$/, ''), known: first !== undefined, all: lan ?? [] };
}

export default function HomeScreen() {
  const { base, known, all } = useLanBase();
  const langSuffix = new URLSearchParams(window.location.search).get('lang') === 'en' ? '?lang=en' : '';
  return (
    <main className="home">
      <header>
        <h1>Baton</h1>
        <p className="home-sub">{t.screens} · {t.scanToOpen}</p>
        {all.length > 1 ? <p className="home-sub">{all.join(' · ')}</p> : null}
        {!known ? <p className="home-warn">{t.lanMissing}</p> : null}
      </header>
      <ul className="home-grid">
        {SCREENS.map((s) => {
          const url = `${base}${s.path}${langSuffix}`;
          return (
            <li key={s.path} className="home-card">
              <QrCode value={url} size={150} />
              <div>
                <h2>{s.name}</h2>
                <a href={`${s.path}${langSuffix}`} data-testid={`link-${s.path.slice(1)}`}>{s.path}</a>
                <div className="home-url">{url}</div>
              </div>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
