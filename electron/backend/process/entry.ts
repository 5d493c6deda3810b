import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where a process or worker entry of the backend is, and how Node runs it. Built, the entries are `.js` files beside
 * the bundle (`out/main/`); from the sources (tests, the browser host in development) they are the `.ts` files,
 * run with tsx's loader — which exists only where the dev dependencies are installed.
 */
export function entryPoint(from: string, name: { ts: string; js: string }): { file: string; execArgv: string[] } {
  if (!from.endsWith('.ts')) return { file: fileURLToPath(new URL(name.js, from)), execArgv: [] };
  const tsx = pathToFileURL(createRequire(from).resolve('tsx')).href;
  return { file: fileURLToPath(new URL(name.ts, from)), execArgv: ['--import', tsx] };
}
