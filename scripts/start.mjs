// `npm start`: the Electron app where its binary exists; otherwise the same app
// through the browser host, with a plain word about why.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const bin = electronBinary();
const run = (cmd, args) => {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
};

if (bin) {
  run(path.join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['preview']);
} else {
  console.log('Uchaske: the Electron binary is not available on this machine (it cannot be downloaded here).');
  console.log(
    'Uchaske: starting the same program through the browser host instead — open the address below in a browser.',
  );
  console.log('Uchaske: the browser host is for development and tests; a station runs the Electron program.');
  run(process.execPath, [
    path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    path.join(ROOT, 'scripts', 'browser-host.ts'),
    ...process.argv.slice(2),
  ]);
}
