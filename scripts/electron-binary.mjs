// Where the Electron binary is, without triggering electron's own lazy download
// (which cannot succeed on machines that reach only the npm registry).
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** @returns {string | null} */
export function electronBinary() {
  const dir = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const rel = fs.readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  const bin = path.join(base, rel);
  return fs.existsSync(bin) ? bin : null;
}
