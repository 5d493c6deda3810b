import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost } from '../../electron/host/browserHost';
import { ROOT, tempDir } from './helpers';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function host() {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body>Учаске</body></html>');
  const h = await startBrowserHost({ dataDir: tempDir(), resourcesDir: path.join(ROOT, 'resources'), rendererDir });
  close = h.close;
  const { port } = new URL(h.url);
  const launch = await fetch(h.launchUrl(), { redirect: 'manual' });
  const cookie = launch.headers.get('set-cookie')!.split(';')[0]!;
  return { url: h.url, port: Number(port), cookie, origin: h.url.replace(/\/$/, ''), launchUrl: h.launchUrl };
}

/** Sends raw bytes and waits for the answer or the close; `cut` ends the socket before the body is whole. */
function raw(port: number, text: string, cut = false): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.write(text);
      if (cut) setTimeout(() => s.destroy(), 20);
    });
    let got = '';
    s.on('data', (d) => (got += d.toString()));
    s.on('error', () => resolve(got));
    s.on('close', () => resolve(got));
    s.setTimeout(2000, () => s.destroy());
  });
}
const status = (answer: string) => Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? 0);

describe('browser host', () => {
  it('survives requests that used to end the process, and answers the page afterwards', async () => {
    const { url, port, cookie, origin } = await host();
    const hostLine = `Host: 127.0.0.1:${port}`;
    expect(status(await raw(port, `GET /% HTTP/1.1\r\n${hostLine}\r\nConnection: close\r\n\r\n`))).toBe(400);
    expect(status(await raw(port, `GET /%E0%A4%A HTTP/1.1\r\n${hostLine}\r\nConnection: close\r\n\r\n`))).toBe(400);
    for (const body of ['null', '[]', '"x"', '7', '{"name":null}', '{}', '{"name":"auth.status","input":null}']) {
      const r = await fetch(`${url}api/call`, {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/json' },
        body,
      });
      expect([200, 400]).toContain(r.status);
    }
    // a client that goes away in the middle of its body, with and without the session
    for (const c of [cookie, 'uchaske_session_1=nope'])
      await raw(
        port,
        `POST /api/call HTTP/1.1\r\n${hostLine}\r\ncookie: ${c}\r\norigin: ${origin}\r\nContent-Length: 100000\r\n\r\n{"name":`,
        true,
      );
    await raw(port, 'GARBAGE\r\n\r\n');
    expect((await fetch(url, { headers: { cookie } })).status).toBe(200);
  });

  it('fuzz: no path or body ends the process', async () => {
    const { url, port, cookie, origin } = await host();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.oneof(fc.json(), fc.string({ maxLength: 200 })),
        fc.boolean(),
        async (p, body, withSession) => {
          const pathPart = encodeURI(p).replace(/%25/g, '%');
          await raw(port, `GET /${pathPart} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
          const r = await fetch(`${url}api/call`, {
            method: 'POST',
            headers: { cookie: withSession ? cookie : 'x=1', origin, 'content-type': 'application/json' },
            body,
          });
          expect([200, 400, 403]).toContain(r.status);
        },
      ),
      { numRuns: 200 },
    );
    expect((await fetch(url, { headers: { cookie } })).status).toBe(200);
  });

  it('binds the session to the page it opened: a one-time address, an HttpOnly cookie, our Origin', async () => {
    const { url, cookie, origin, launchUrl } = await host();
    const call = (headers: Record<string, string>) =>
      fetch(`${url}api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'auth.status', input: {} }),
      });
    // before: GET / gave any local process the token that acts as the person signed in
    const page = await fetch(url);
    expect(page.status).toBe(401);
    expect(await page.text()).not.toMatch(/[0-9a-f]{64}/);
    expect(cookie).toMatch(/^uchaske_session_\d+=[0-9a-f]{64}$/);
    expect((await call({ cookie, origin })).status).toBe(200);
    expect((await call({ cookie })).status).toBe(403);
    expect((await call({ cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await call({ origin })).status).toBe(403);
    // a launch address opens once: the second visit gets no cookie
    const once = launchUrl();
    const first = await fetch(once, { redirect: 'manual' });
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const second = await fetch(once, { redirect: 'manual' });
    expect([second.status, second.headers.get('set-cookie')]).toEqual([401, null]);
  });
});
