import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/api';
import { verifyCopyFile } from '../backups';
import { openEncrypted } from './database';
import { fsyncFile, sha256File } from './files';
import type { CopyJob, CopyReply } from './copyInWorker';

/**
 * A copy's worker thread: the live database read through a connection of its own (WAL lets it read while the
 * backend writes), written with VACUUM INTO, fsynced, opened again with the key and checked whole. The backend's
 * thread goes on answering calls meanwhile. The key is wiped when done.
 */
const port = parentPort!;
port.once('message', (job: CopyJob) => {
  const key = Buffer.from(job.key);
  const post = (m: CopyReply) => port.postMessage(m);
  try {
    const raw = openEncrypted(job.dbFile, key, job.cipher, { readonly: true });
    try {
      raw.prepare('VACUUM INTO ?').run(job.target);
    } finally {
      raw.close();
    }
    fsyncFile(job.target);
    post({ step: 'verifying' });
    const facts = verifyCopyFile(job.target, key, job.cipher, { requireChain: job.requireChain });
    post({ facts, bytes: fs.statSync(job.target).size, sha256: sha256File(job.target) });
  } catch (e) {
    // only a catalog key or the kind of failure: a message could quote the data
    post({ error: e instanceof AppError ? e.messageKey : ((e as Error)?.name ?? 'Error') });
  } finally {
    key.fill(0);
    job.key.fill(0);
  }
});
