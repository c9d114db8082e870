/** The AV booth / TV station: PIN first, then the booth console. */
import './av.css';
import { PinGate } from '../../components/pin-gate';
import { useWakeLock } from '../../components/use-wake-lock';
import { t } from '../../i18n/i18n';
import { AvConsole } from './av-console';

export default function AvScreen() {
  useWakeLock();
  return (
    <PinGate role="av" label="AV booth" title={`Baton · ${t.screenAv}`}>
      <AvConsole />
    </PinGate>
  );
}
