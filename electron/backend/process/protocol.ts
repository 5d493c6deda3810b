import type { CallResult } from '../../../shared/api';

/**
 * The messages between the process that owns the windows (Electron's main process, or the browser host) and the
 * backend process. The same on both: Electron carries them over the utility process's MessagePort, the browser host
 * over a forked child's IPC channel; both clone them (structured clone), so results cross as they are.
 */
export type ToBackend = { kind: 'call'; id: number; name: string; input: unknown } | { kind: 'close' };
export type FromBackend =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: CallResult<unknown> }
  /** an update's installer is running: the program must close so it can replace its files */
  | { kind: 'quit' };

/** What the backend process is started with, as command-line arguments. */
export interface BackendProcessOptions {
  dataDir: string;
  resourcesDir: string;
  /** the installed program's version; the sources' when not given */
  appVersion?: string;
  /** release keys trusted instead of the built-in ones: the development host and its tests only */
  updateKeys?: readonly string[];
}

export const toArgs = (o: BackendProcessOptions): string[] => [
  `--data=${o.dataDir}`,
  `--resources=${o.resourcesDir}`,
  ...(o.appVersion ? [`--version=${o.appVersion}`] : []),
  ...(o.updateKeys?.length ? [`--update-keys=${o.updateKeys.join(',')}`] : []),
];
