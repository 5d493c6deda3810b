import type { AppErrorShape, CallInput, CallName, CallOutput, CallResult } from '../../../shared/api';
import type { UchaskeBridge } from '../../../shared/api/bridge';

declare global {
  interface Window {
    uchaske?: UchaskeBridge;
  }
}

/** In a plain browser (development, tests): the browser host, by the session cookie it set when it opened the page. */
function browserBridge(): UchaskeBridge {
  return {
    transport: 'browser',
    async call(name, input) {
      try {
        const res = await fetch('/api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name, input }),
        });
        return (await res.json()) as CallResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.network' } };
      }
    },
  };
}

const bridge: UchaskeBridge = window.uchaske ?? browserBridge();

export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.messageKey);
  }
}

type Listener = (e: AppErrorShape) => void;
const lockListeners = new Set<Listener>();
/** The shell listens: a LOCKED answer anywhere sends the user to the unlock screen. */
export const onLocked = (l: Listener) => {
  lockListeners.add(l);
  return () => void lockListeners.delete(l);
};

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await bridge.call(name, input);
  if (!r.ok) {
    if (r.error.code === 'LOCKED') lockListeners.forEach((l) => l(r.error));
    throw new ApiError(r.error);
  }
  return r.data as CallOutput<N>;
}

export const transport = bridge.transport;
/** What only the desktop program has: the printers, its print, save and folder dialogs (absent in a browser). */
export const desktop: Pick<UchaskeBridge, 'printers' | 'print' | 'save' | 'chooseFolder'> = bridge;
