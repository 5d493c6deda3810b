import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api';
import { entryPoint } from '../process/entry';
import type { CopyFacts } from './backup';
import type { Cipher } from './keyring';

export interface CopyJob {
  dbFile: string;
  target: string;
  key: Uint8Array;
  cipher: Cipher;
  requireChain: boolean;
}
export type CopyReply = { step: 'verifying' } | { facts: CopyFacts; bytes: number; sha256: string } | { error: string };
export type CopyResult = Extract<CopyReply, { facts: CopyFacts }>;

/**
 * Writes and checks one copy in a worker thread of its own (copies are rare: no pool). A failure the copy's own check
 * names (`backup.damaged`) comes back as that AppError; any other as a plain error of its kind.
 */
export function copyInWorker(job: Omit<CopyJob, 'key'>, key: Buffer, onVerifying: () => void): Promise<CopyResult> {
  const { file, execArgv } = entryPoint(import.meta.url, { ts: './copyWorker.ts', js: './copyWorker.js' });
  const worker = new Worker(file, { execArgv });
  return new Promise<CopyResult>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (m: CopyReply) => {
      if ('step' in m) return onVerifying();
      if ('error' in m)
        return settle(() =>
          reject(m.error.startsWith('backup.') ? new AppError('VALIDATION', m.error) : new Error(m.error)),
        );
      settle(() => resolve(m));
    });
    worker.on('error', (e) => settle(() => reject(new Error(e?.name ?? 'Error'))));
    worker.on('exit', () => settle(() => reject(new Error('CopyWorkerExited'))));
    const k = Uint8Array.from(key);
    worker.postMessage({ ...job, key: k } satisfies CopyJob, [k.buffer]);
  });
}
