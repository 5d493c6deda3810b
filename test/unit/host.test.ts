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
  const page = await (await fetch(h.url)).text();
  const token = /name="uchaske-token" content="([0-9a-f]+)"/.exec(page)![1]!;
  return { url: h.url, port: Number(port), token };
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
    const { url, port, token } = await host();
    const hostLine = `Host: 127.0.0.1:${port}`;
    expect(status(await raw(port, `GET /% HTTP/1.1\r\n${hostLine}\r\nConnection: close\r\n\r\n`))).toBe(400);
    expect(status(await raw(port, `GET /%E0%A4%A HTTP/1.1\r\n${hostLine}\r\nConnection: close\r\n\r\n`))).toBe(400);
    for (const body of ['null', '[]', '"x"', '7', '{"name":null}', '{}', '{"name":"auth.status","input":null}']) {
      const r = await fetch(`${url}api/call`, {
        method: 'POST',
        headers: { 'x-uchaske-token': token, 'content-type': 'application/json' },
        body,
      });
      expect([200, 400]).toContain(r.status);
    }
    // a client that goes away in the middle of its body, with and without the token
    for (const t of [token, 'nope'])
      await raw(
        port,
        `POST /api/call HTTP/1.1\r\n${hostLine}\r\nx-uchaske-token: ${t}\r\nContent-Length: 100000\r\n\r\n{"name":`,
        true,
      );
    await raw(port, 'GARBAGE\r\n\r\n');
    expect((await fetch(url)).status).toBe(200);
  });

  it('fuzz: no path or body ends the process', async () => {
    const { url, port, token } = await host();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.oneof(fc.json(), fc.string({ maxLength: 200 })),
        fc.boolean(),
        async (p, body, withToken) => {
          const pathPart = encodeURI(p).replace(/%25/g, '%');
          await raw(port, `GET /${pathPart} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
          const r = await fetch(`${url}api/call`, {
            method: 'POST',
            headers: { 'x-uchaske-token': withToken ? token : 'x', 'content-type': 'application/json' },
            body,
          });
          expect([200, 400, 403]).toContain(r.status);
        },
      ),
      { numRuns: 200 },
    );
    expect((await fetch(url)).status).toBe(200);
  });
});
