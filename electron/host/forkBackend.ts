import { fork } from 'node:child_process';
import { entryPoint } from '../backend/process/entry';
import type { BackendChild } from '../backend/process/client';
import { toArgs, type BackendProcessOptions, type FromBackend } from '../backend/process/protocol';

/** The browser host's backend process: a forked Node child, speaking the protocol Electron's utility process does. */
export function forkBackend(o: BackendProcessOptions): () => BackendChild {
  const { file, execArgv } = entryPoint(import.meta.url, {
    ts: '../backend/process/backendProcess.ts',
    js: './backendProcess.js',
  });
  return () => {
    const child = fork(file, toArgs(o), { execArgv, serialization: 'advanced', stdio: 'inherit' });
    // a message to a child already gone fails here, not as an uncaught error of the host; the exit says the rest
    child.on('error', () => undefined);
    return {
      pid: child.pid,
      post: (m) => void child.send(m),
      onMessage: (l) => void child.on('message', (m) => l(m as FromBackend)),
      onExit: (l) => void child.on('exit', (code) => l(code)),
      kill: () => void child.kill('SIGKILL'),
    };
  };
}
