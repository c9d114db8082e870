/** Placeholder: the programme editor is built in its own issue (client/screens/edit/). */
import { t } from '../../i18n/i18n';

export default function EditScreen() {
  return (
    <main className="placeholder">
      <h1>{t.screenEdit}</h1>
      <p>{t.comingSoon}</p>
      <p><a href="/">Baton</a></p>
    </main>
  );
}
