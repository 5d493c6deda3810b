import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { entryPoint } from '../process/entry';
import type { RenderProgress } from './render';
import type { FormJob } from './forms';

export interface PdfJob {
  id: number;
  job: FormJob;
}
/** What a PDF worker starts with: the fonts' folder, and whether to load them before any document comes. */
export interface PdfWorkerData {
  resourcesDir: string;
  warm: boolean;
}

export type PdfReply =
  | { id: number; progress: RenderProgress }
  /** a long document's first page, before the whole (issue 14) */
  | { id: number; first: Uint8Array }
  | { id: number; pdf: Uint8Array }
  | { id: number; error: string };

/** What a document in the making tells its caller: its pages as laid out and written, its first page when ready. */
export interface RenderEvents {
  onProgress?: (p: RenderProgress) => void;
  onFirstPage?: (pdf: Buffer) => void;
}

/** A PDF's bytes as they came across, without a copy. */
const bufferOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

interface Job {
  id: number;
  job: FormJob;
  events: RenderEvents;
  resolve: (pdf: Buffer) => void;
  reject: (e: Error) => void;
}

/**
 * A small pool of worker threads that build PDFs, so that a 60-page register never holds up the calls answered on
 * the backend's own thread. Workers start on first use and stay (fonts loaded); a worker that dies fails its one
 * document and is replaced on the next.
 */
export class PdfPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly resourcesDir: string,
    private readonly size = Math.max(1, Math.min(2, os.availableParallelism() - 1)),
  ) {}

  /** the workers now running (a test stops one to prove that the pool survives it) */
  get workers(): readonly Worker[] {
    return [...this.idle, ...this.busy.keys()];
  }

  render(job: FormJob, events: RenderEvents = {}): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('PdfPoolClosed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, events, resolve, reject });
      this.pump();
    });
  }

  /** Starts a worker, its fonts loaded, when none runs yet: the next document does not wait for one to start. */
  warm(): void {
    if (this.closed || this.idle.length || this.busy.size) return;
    const worker = this.spawn({ warm: true });
    worker.unref();
    this.idle.push(worker);
  }

  /** Stops the workers; documents in progress fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('PdfPoolClosed'));
    const all = [...this.idle.splice(0), ...this.busy.keys()];
    await Promise.all(all.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.spawn() : null);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.ref();
      try {
        worker.postMessage({ id: job.id, job: job.job } satisfies PdfJob);
      } catch (e) {
        // data that is not plain (a function left in it) is our bug, not the worker's
        this.release(worker);
        job.reject(e as Error);
      }
    }
  }

  private spawn(o: { warm?: boolean } = {}): Worker {
    const { file, execArgv } = entryPoint(import.meta.url, { ts: './pdfWorker.ts', js: './pdfWorker.js' });
    const workerData: PdfWorkerData = { resourcesDir: this.resourcesDir, warm: o.warm ?? false };
    const worker = new Worker(file, { workerData, execArgv });
    worker.on('message', (m: PdfReply) => {
      const job = this.busy.get(worker);
      if (!job || job.id !== m.id) return;
      if ('progress' in m) return job.events.onProgress?.(m.progress);
      if ('first' in m) return job.events.onFirstPage?.(bufferOf(m.first));
      this.release(worker);
      if ('pdf' in m) job.resolve(bufferOf(m.pdf));
      else job.reject(Object.assign(new Error('PdfRenderFailed'), { name: m.error }));
    });
    const lost = () => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      job?.reject(new Error('PdfWorkerStopped'));
      if (!this.closed) this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return worker;
  }

  private release(worker: Worker): void {
    this.busy.delete(worker);
    worker.unref();
    this.idle.push(worker);
    this.pump();
  }
}
