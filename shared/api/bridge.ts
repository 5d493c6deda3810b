import type { CallResult } from './contract';

/** What preload (Electron) or the browser host exposes to the page as window.uchaske. */
export interface UchaskeBridge {
  call(name: string, input: unknown): Promise<CallResult<unknown>>;
  /** 'electron' or 'browser': only for the About line and the print path */
  readonly transport: 'electron' | 'browser';
}
