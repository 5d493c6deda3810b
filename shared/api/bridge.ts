import type { CallResult } from './contract';

/** Printing the page's print container: Electron's print dialog, opened on this printer (the last one used). */
export interface PrintRequest {
  landscape: boolean;
  printer?: string;
}
/** A file the backend made, to be saved where the person chooses. */
export interface SaveRequest {
  fileName: string;
  base64: string;
}

/** What preload (Electron) or the browser host exposes to the page as window.uchaske. */
export interface UchaskeBridge {
  call(name: string, input: unknown): Promise<CallResult<unknown>>;
  /** 'electron' or 'browser': only for the About line and the print path */
  readonly transport: 'electron' | 'browser';
  /** Electron only: the printers, the last used first */
  printers?(): Promise<{ name: string; displayName: string }[]>;
  /** Electron only: the system print dialog for the page's print container */
  print?(r: PrintRequest): Promise<{ printed: boolean }>;
  /** Electron only: the system's folder picker (a USB drive, a share); null when cancelled */
  chooseFolder?(): Promise<string | null>;
  /** Electron only: the save dialog and a write by the main process */
  save?(r: SaveRequest): Promise<{ saved: boolean; fileName?: string }>;
}
