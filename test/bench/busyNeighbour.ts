/**
 * A control for the print bench: another process at the lowest priority keeping one core busy until it is killed —
 * with a plain loop, or with the journal's PDF rendered over and over. It tells apart what a busy core costs a search
 * from what the rendering costs it.
 */
import os from 'node:os';
import { renderPdf } from '../../electron/backend/documents/render';
import { buildForm, type FormJob } from '../../electron/backend/documents/forms';

os.setPriority(19);
process.once('message', (m: { job: FormJob | null; resourcesDir: string }) => {
  void (async () => {
    if (!m.job) {
      process.send!('ready');
      for (;;) for (let t = Date.now(); Date.now() - t < 50;);
    }
    await renderPdf(m.resourcesDir, buildForm(m.job));
    process.send!('ready');
    for (;;) await renderPdf(m.resourcesDir, buildForm(m.job));
  })();
});
