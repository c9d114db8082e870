/** The director's editor (`/edit`): MC PIN first, then the editor. */
import './edit.css';
import { PinGate } from '../../components/pin-gate';
import { EditConsole } from './edit-console';
import { w } from './edit-words';

export default function EditScreen() {
  return (
    <PinGate role="mc" label="Director editor" title={`Baton · ${w.screen}`}>
      <EditConsole />
    </PinGate>
  );
}
