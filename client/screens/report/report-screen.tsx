/** Placeholder: the run report is built in its own issue (client/screens/report/). */
import { t } from '../../i18n/i18n';

export default function ReportScreen() {
  return (
    <main className="placeholder">
      <h1>{t.screenReport}</h1>
      <p>{t.comingSoon}</p>
      <p><a href="/">Baton</a></p>
    </main>
  );
}
