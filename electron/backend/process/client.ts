import type { CallResult } from '../../../shared/api';
import type { Router } from '../rpc';
import type { FromBackend, ToBackend } from './protocol';

/** One started backend process, as its owner sees it (a utility process in Electron, a forked child in the host). */
export interface BackendChild {
  post(m: ToBackend): void;
  onMessage(l: (m: FromBackend) => void): void;
  onExit(l: (code: number | null) => void): void;
  kill(): void;
  readonly pid: number | undefined;
}

const RESTARTED: CallResult<never> = { ok: false, error: { code: 'LOCKED', messageKey: 'errors.backendRestarted' } };
const DOWN: CallResult<never> = { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.backendDown' } };
/** more crashes than this within CRASH_WINDOW_MS and the backend is not started again until the program is */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;
const CLOSE_TIMEOUT_MS = 10_000;

/**
 * The backend as the owner of the windows reaches it: calls go to the backend process and come back by id. When that
 * process dies, the calls it held answer LOCKED (`errors.backendRestarted`: the window goes to sign-in, in the
 * person's language) and a new process starts — locked, as every start is; what was committed is in the database.
 */
export class BackendClient implements Router {
  private child: BackendChild | null = null;
  /** the process that has said it is ready; null while one starts */
  private live: BackendChild | null = null;
  /** settles when the starting process is ready or gone: waiters then look again */
  private ready: Promise<void> = Promise.resolve();
  private readonly pending = new Map<number, (r: CallResult<unknown>) => void>();
  private nextId = 1;
  private crashes: number[] = [];
  private closed = false;
  /** a restart the person has not been told of: the first LOCKED answer after it says why the window locked */
  private untoldRestart = false;
  private exited: Promise<void> = Promise.resolve();
  /** the backend asks the program to close: an update's installer is running (Electron quits; the host does not) */
  onQuitRequest: (() => void) | null = null;

  constructor(
    private readonly spawn: () => BackendChild,
    private readonly log: (line: string) => void = (l) => console.error(l),
  ) {
    this.start();
  }

  /** the process now serving calls (tests kill it to prove the restart) */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The process that serves calls, once it has said it is ready; null when the backend is closed or down. */
  async whenReady(): Promise<BackendChild | null> {
    while (!this.closed && !this.live) await this.ready;
    return this.closed ? null : this.live;
  }

  async call(name: string, input: unknown): Promise<CallResult<unknown>> {
    const child = await this.whenReady();
    if (!child) return DOWN;
    const id = this.nextId++;
    return new Promise<CallResult<unknown>>((resolve) => {
      this.pending.set(id, resolve);
      try {
        child.post({ kind: 'call', id, name, input });
      } catch {
        // an input that cannot be cloned is refused like any other bad input
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.validation' } });
      }
    }).then((r) => this.tell(name, r));
  }

  private tell(name: string, r: CallResult<unknown>): CallResult<unknown> {
    if (!this.untoldRestart) return r;
    if (!r.ok && r.error.code === 'LOCKED') {
      this.untoldRestart = false;
      return RESTARTED;
    }
    if (r.ok && (name === 'auth.unlock' || name === 'auth.recover')) this.untoldRestart = false;
    return r;
  }

  /** Asks the process to lock and end; kills it if it has not within ten seconds. */
  async close(): Promise<void> {
    if (this.closed) return this.exited;
    this.closed = true;
    const child = this.child;
    if (!child) return;
    const timer = setTimeout(() => child.kill(), CLOSE_TIMEOUT_MS);
    try {
      child.post({ kind: 'close' });
    } catch {
      child.kill();
    }
    await this.exited;
    clearTimeout(timer);
  }

  private start(): void {
    const child = this.spawn();
    this.child = child;
    let markReady!: () => void;
    this.ready = new Promise((r) => (markReady = r));
    let markExited!: () => void;
    this.exited = new Promise((r) => (markExited = r));
    child.onMessage((m) => {
      if (m.kind === 'ready') {
        this.live = child;
        return markReady();
      }
      if (m.kind === 'quit') return void this.onQuitRequest?.();
      const resolve = this.pending.get(m.id);
      this.pending.delete(m.id);
      resolve?.(m.result);
    });
    child.onExit((code) => {
      this.child = null;
      this.live = null;
      markReady();
      markExited();
      const held = [...this.pending.values()];
      this.pending.clear();
      if (this.closed) return held.forEach((r) => r(DOWN));
      this.log(`backend process ended (exit code ${code ?? 'none'}); starting it again, locked`);
      const now = Date.now();
      this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
      if (this.crashes.length > MAX_CRASHES) {
        this.log('backend process keeps ending; not started again');
        this.closed = true;
        return held.forEach((r) => r(DOWN));
      }
      if (held.length) held.forEach((r) => r(RESTARTED));
      else this.untoldRestart = true;
      this.start();
    });
  }
}
