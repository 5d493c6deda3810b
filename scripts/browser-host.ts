import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, startBrowserHost } from '../electron/host/browserHost';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string' },
  },
});

const dataDir = path.resolve(values.data ?? defaultDataDir());
// a fixed port keeps the address the same from day to day (a bookmark); any free one if it is taken
const wanted = Number(values.port ?? process.env.UCHASKE_PORT ?? 7380);
const options = {
  dataDir,
  resourcesDir: path.join(ROOT, 'resources'),
  rendererDir: path.join(ROOT, 'out', 'renderer'),
};
const host = await startBrowserHost({ ...options, port: wanted }).catch((e: NodeJS.ErrnoException) => {
  if (e.code !== 'EADDRINUSE') throw e;
  return startBrowserHost({ ...options, port: 0 });
});
// the one line tests and people read: where the program is; the address opens one session, once
console.log(`Uchaske: ${host.launchUrl()}`);
console.log('The browser host is for development and tests: a station runs the Electron program.');
console.log(`Data folder: ${dataDir}`);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
