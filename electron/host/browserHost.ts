import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { BackendClient } from '../backend/process/client';
import { forkBackend } from './forkBackend';
import { LARGEST_INPUT } from '../../shared/api/contract';

/**
 * The browser transport: the built renderer and the same router over HTTP, on 127.0.0.1 only. For development,
 * end-to-end tests, and machines where no Electron binary can be had — not for a station's desk (README).
 *
 * A session is bound to the page the host opened: the address it prints carries a one-time launch code, exchanged on
 * the first visit for an HttpOnly, SameSite=Strict cookie; a call needs that cookie and our own Origin. The page holds
 * no secret, so another local process that reads it gets nothing to act with.
 */
export interface HostOptions {
  dataDir: string;
  resourcesDir: string;
  rendererDir: string;
  port?: number;
  /** release keys trusted instead of the built-in ones (development and tests) */
  updateKeys?: readonly string[];
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};
const HOST = '127.0.0.1';
/** the largest input a call may carry, and room for the rest of the call around it */
const MAX_BODY = LARGEST_INPUT + 1024 * 1024;
const LOCKED_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Uchaske</title><p>Хост басып шығарған мекенжайды ашыңыз. / ' +
  'Откройте адрес, который напечатал хост при запуске.</p>';

const secret = () => crypto.randomBytes(32).toString('hex');
const sameSecret = (a: string, b: string) =>
  a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
/** cookies are shared by every port of a host: each host's session cookie is named by its port */
const cookieName = (port: number) => `uchaske_session_${port}`;
const cookieOf = (req: http.IncomingMessage, port: number): string =>
  new RegExp(`(?:^|;\\s*)${cookieName(port)}=([0-9a-f]{64})(?:;|$)`).exec(String(req.headers.cookie ?? ''))?.[1] ?? '';

export async function startBrowserHost(
  o: HostOptions,
): Promise<{ url: string; launchUrl: () => string; close: () => Promise<void>; backend: BackendClient }> {
  /** launch codes not yet exchanged, and the sessions they became */
  const launches = new Set<string>();
  const sessions = new Set<string>();
  const hasSession = (req: http.IncomingMessage) => {
    const c = cookieOf(req, port);
    return c !== '' && [...sessions].some((s) => sameSecret(s, c));
  };
  // the backend runs in its own process, as in Electron: this one only serves files and relays calls
  const backend = new BackendClient(
    forkBackend({ dataDir: o.dataDir, resourcesDir: o.resourcesDir, updateKeys: o.updateKeys }),
  );
  const indexFile = path.join(o.rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`renderer is not built: ${indexFile} (run: npm run build)`);
  const index = fs.readFileSync(indexFile, 'utf8');
  let port = 0;

  // no request, with or without the token, may end the process: every failure answers or drops that one request
  const server = http.createServer((req, res) => {
    try {
      serve(req, res);
    } catch {
      fail(res, 400, 'bad request');
    }
  });
  server.on('clientError', (_e, socket) => socket.destroy());

  function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    // only our own page: the Host must be ours (no DNS rebinding), cross-site requests are refused
    if (req.headers.host !== `${HOST}:${port}`) return end(res, 421, 'misdirected');
    const site = req.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') return end(res, 403, 'forbidden');
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (url.pathname === '/api/call') {
      handleCall(req, res).catch(() => fail(res, 400, 'bad request'));
      return;
    }
    if (req.method !== 'GET') return end(res, 405, 'method');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const code = url.searchParams.get('launch') ?? '';
      const fresh = [...launches].find((l) => sameSecret(l, code));
      if (fresh) {
        launches.delete(fresh);
        const session = secret();
        sessions.add(session);
        res.writeHead(303, {
          location: '/',
          'set-cookie': `${cookieName(port)}=${session}; HttpOnly; SameSite=Strict; Path=/`,
          'cache-control': 'no-store',
        });
        return void res.end();
      }
      if (!hasSession(req)) {
        res.writeHead(401, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
        return void res.end(LOCKED_PAGE);
      }
      // a used code in the address (a bookmark, a reload) with a live session: the page, without the code
      if (code) {
        res.writeHead(303, { location: '/', 'cache-control': 'no-store' });
        return void res.end();
      }
      res.writeHead(200, {
        'content-type': TYPES['.html']!,
        'cache-control': 'no-store',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
      });
      return void res.end(index);
    }
    // a malformed escape (GET /%) throws here and is answered 400 by the catch around serve()
    const file = path.normalize(path.join(o.rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(o.rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return end(res, 404, 'not found');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method !== 'POST') return end(res, 405, 'method');
    // our page's own fetch: the session's cookie, and the Origin the browser sets (a page elsewhere cannot fake it)
    if (req.headers.origin !== `http://${HOST}:${port}` || !hasSession(req)) return end(res, 403, 'session');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_BODY) return end(res, 413, 'too large');
      chunks.push(c as Buffer);
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return end(res, 400, 'json');
    }
    if (typeof body !== 'object' || body === null || !('name' in body) || typeof body.name !== 'string')
      return end(res, 400, 'json');
    const result = await backend.call(body.name, 'input' in body ? body.input : undefined);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(result));
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port ?? 0, HOST, () => resolve());
    });
  } catch (e) {
    await backend.close();
    throw e;
  }
  await backend.whenReady();
  port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}/`;
  return {
    url,
    launchUrl: () => {
      const code = secret();
      launches.add(code);
      return `${url}?launch=${code}`;
    },
    backend,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => void backend.close().then(resolve));
      }),
  };
}

/** An answer to a request that failed half-way: an error status if nothing was sent yet, else the socket dropped. */
function fail(res: http.ServerResponse, status: number, text: string) {
  if (res.headersSent || res.destroyed) res.destroy();
  else end(res, status, text);
}

function end(res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

/** Where the station's data lives when nothing else is said: the user's application-data folder. */
export function defaultDataDir(): string {
  if (process.env.UCHASKE_DATA) return process.env.UCHASKE_DATA;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Uchaske');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'uchaske');
}
