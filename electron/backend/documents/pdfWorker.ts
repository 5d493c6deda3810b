import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { a4, renderPdf } from './render';
import { buildFirstPage, buildForm, firstPageJob } from './forms';
import { drawableImagesOnly } from './pictures';
import type { PdfJob, PdfReply, PdfWorkerData } from './pdfPool';

/** A PDF worker thread: one document at a time — the form built, laid out, rendered — its progress by pages, the
 * bytes back without a copy. */
const { resourcesDir, warm } = workerData as PdfWorkerData;
const port = parentPort!;
// a document may wait a little; a search typed meanwhile may not. On Linux the nice value is per thread, so this
// lowers only this worker; elsewhere (Windows: it would lower the whole backend process) the pool's size, one
// core short of the machine's, is what leaves the backend its core
if (process.platform === 'linux') {
  try {
    os.setPriority(10);
  } catch {
    // not allowed here: the worker runs at the process's priority
  }
}

const bytesOf = (pdf: Buffer) => new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();

// started ahead of the first print: pdfmake and the house font loaded on a line of Kazakh (0.8 s on the bench)
let ready: Promise<unknown> = warm
  ? renderPdf(resourcesDir, a4({ text: 'Қазақстан' }, { title: '' })).catch(() => undefined)
  : Promise.resolve();

port.on('message', ({ id, job: asked }: PdfJob) => {
  const post = (m: PdfReply, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  // one document at a time: pdfmake's progress callback is one for the thread
  ready = ready
    .then(() => drawableImagesOnly(resourcesDir, asked))
    // a long register's first page first, for the preview to show while the whole is laid out (issue 14)
    .then(async (job) => {
      const first = firstPageJob(job);
      if (first) {
        const page = bytesOf(await renderPdf(resourcesDir, buildFirstPage(first)));
        post({ id, first: page }, [page.buffer]);
      }
      return job;
    })
    .then((job) => renderPdf(resourcesDir, buildForm(job), (progress) => post({ id, progress })))
    .then(
      (pdf) => {
        const bytes = bytesOf(pdf);
        post({ id, pdf: bytes }, [bytes.buffer]);
      },
      // only the kind of failure: a message could quote the document
      (e: unknown) => post({ id, error: (e as Error)?.name ?? 'Error' }),
    );
});
