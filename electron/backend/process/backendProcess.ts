import { parseArgs } from 'node:util';
import { Backend } from '../backend';
import { createRouter } from '../rpc';
import type { FromBackend, ToBackend } from './protocol';

/**
 * The backend process: the store, the rules and the documents, away from the windows. Started by Electron as a
 * utility process (messages on `process.parentPort`) or by the browser host as a forked child (`process.send`).
 */
interface PortEvent {
  data: ToBackend;
}
const parentPort = (
  process as { parentPort?: { on(e: 'message', l: (e: PortEvent) => void): void; postMessage(m: FromBackend): void } }
).parentPort;
const post: (m: FromBackend) => void = parentPort ? (m) => parentPort.postMessage(m) : (m) => void process.send?.(m);
const onMessage = (l: (m: ToBackend) => void) =>
  parentPort ? parentPort.on('message', (e) => l(e.data)) : process.on('message', (m) => l(m as ToBackend));

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    resources: { type: 'string' },
    version: { type: 'string' },
    'update-keys': { type: 'string' },
  },
  strict: false,
});
const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const backend = new Backend({
  dataDir: String(values.data),
  resourcesDir: String(values.resources),
  appVersion: text(values.version),
  updateKeys: text(values['update-keys'])?.split(','),
  requestQuit: () => post({ kind: 'quit' }),
  // a few seconds after sign-in, when Today is on the screen
  warmDocumentsAfterMs: 5000,
});
const router = createRouter(backend);

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  await backend.close().catch(() => undefined);
  process.exit(0);
}

onMessage((m) => {
  if (m.kind === 'close') return void close();
  void router.call(m.name, m.input).then((result) => post({ kind: 'result', id: m.id, result }));
});
// the owner gone (its channel closed) ends this process too, locked
process.on('disconnect', () => void close());
post({ kind: 'ready' });
