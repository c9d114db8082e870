/** The MC console: PIN first, then the console. */
import './mc.css';
import { PinGate } from '../../components/pin-gate';
import { useWakeLock } from '../../components/use-wake-lock';
import { t } from '../../i18n/i18n';
import { McConsole } from './mc-console';

export default function McScreen() {
  useWakeLock();
  return (
    <PinGate role="mc" label="MC console" title={`Baton · ${t.screenMc}`}>
      <McConsole />
    </PinGate>
  );
}
