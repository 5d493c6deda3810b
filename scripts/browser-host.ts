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
const host = await startBrowserHost({
  dataDir,
  resourcesDir: path.join(ROOT, 'resources'),
  rendererDir: path.join(ROOT, 'out', 'renderer'),
  port: values.port ? Number(values.port) : 0,
});
// the one line tests and people read: where the program is
console.log(`Uchaske: ${host.url}`);
console.log(`Data folder: ${dataDir}`);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
