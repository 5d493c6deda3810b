import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendClient, type BackendChild } from '../../electron/backend/process/client';
import type { FromBackend } from '../../electron/backend/process/protocol';
import { forkBackend } from '../../electron/host/forkBackend';
import type { CallResult } from '../../shared/api';
import { ROOT, SETUP, LEAD, receptionEntry, tempDir } from './helpers';

// The backend process as both owners of the windows reach it: BackendClient, the code Electron's main process runs,
// here over a forked Node child (Electron's utility process speaks the same protocol over its MessagePort).
const clients: BackendClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

function backendIn(dataDir: string, logs: string[] = []) {
  const client = new BackendClient(forkBackend({ dataDir, resourcesDir: path.join(ROOT, 'resources') }), (l) =>
    logs.push(l),
  );
  clients.push(client);
  return client;
}

async function ok<T = unknown>(client: BackendClient, name: string, input: unknown): Promise<T> {
  const r = await client.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.messageKey}`);
  return r.data as T;
}

const DAY = { from: '2026-11-20', to: '2026-11-20' };

function killNow(client: BackendClient) {
  const pid = client.pid;
  expect(pid).toBeTypeOf('number');
  process.kill(pid!, 'SIGKILL');
}

describe('backend process', () => {
  it('answers calls and errors as the router does, from its own process', async () => {
    const client = backendIn(tempDir());
    await client.whenReady();
    expect(client.pid).not.toBe(process.pid);
    expect(await ok(client, 'auth.status', {})).toMatchObject({ state: 'setup' });
    expect(await client.call('no.such', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'errors.unknownCall' },
    });
    const bad = await client.call('setup.create', { station: {} });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // a locked backend refuses a session call
    expect(await client.call('reception.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('a crash: the calls it held answer LOCKED with the restart message, a new process starts locked, nothing committed is lost', async () => {
    const dataDir = tempDir();
    const logs: string[] = [];
    const client = backendIn(dataDir, logs);
    await ok(client, 'setup.create', SETUP);
    await ok(client, 'recovery.sheet', { language: 'ru' });
    const saved = await ok<{ id: number }>(client, 'reception.create', receptionEntry({ subject: 'Шум после 23:00' }));
    const first = client.pid;

    // killed while idle: once the owner has seen it go, the next call goes to a new process, which starts locked
    killNow(client);
    await expect.poll(() => client.pid !== first && client.pid !== undefined).toBe(true);
    const afterIdle = await client.call('auth.status', {});
    expect(afterIdle).toMatchObject({ ok: true, data: { state: 'locked' } });
    expect(client.pid).not.toBe(first);
    // the first call that meets the lock says why it is locked, once
    expect(await client.call('reception.list', DAY)).toEqual({
      ok: false,
      error: { code: 'LOCKED', messageKey: 'errors.backendRestarted' },
    });
    expect(await client.call('reception.list', DAY)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.locked' },
    });

    // killed in the middle of a call: that call answers, in the person's language via its key, and says sign in again
    await ok(client, 'auth.unlock', { login: LEAD.login, password: LEAD.password });
    const inFlight: Promise<CallResult<unknown>> = client.call('reception.print', { filter: DAY, language: 'ru' });
    killNow(client);
    expect(await inFlight).toEqual({ ok: false, error: { code: 'LOCKED', messageKey: 'errors.backendRestarted' } });

    expect(await ok(client, 'auth.status', {})).toMatchObject({ state: 'locked' });
    await ok(client, 'auth.unlock', { login: LEAD.login, password: LEAD.password });
    const list = await ok<{ entries: { id: number; subject: string }[] }>(client, 'reception.list', DAY);
    expect(list.entries.map((r) => [r.id, r.subject])).toEqual([[saved.id, 'Шум после 23:00']]);
    // the log says what happened, never what the data was
    expect(logs.join('\n')).toContain('backend process ended');
    expect(logs.join('\n')).not.toContain('Қасымов');
  });

  it('close locks and ends the process; calls after it are refused, not hung', async () => {
    const client = backendIn(tempDir());
    await client.whenReady();
    const pid = client.pid!;
    await client.close();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(await client.call('auth.status', {})).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.backendDown' },
    });
  });

  it('a backend that keeps dying is not started for ever: after five crashes in a minute calls say so', async () => {
    const logs: string[] = [];
    let started = 0;
    // a real process that ends as soon as it starts, as a backend with a broken install would
    const dying = (): BackendChild => {
      started++;
      const child = spawn(process.execPath, ['-e', 'process.exit(3)'], {
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      return {
        pid: child.pid,
        post: () => undefined,
        onMessage: (l) => void child.on('message', (m) => l(m as FromBackend)),
        onExit: (l) => void child.on('exit', (code) => l(code)),
        kill: () => void child.kill('SIGKILL'),
      };
    };
    const client = new BackendClient(dying, (l) => logs.push(l));
    clients.push(client);
    const r = await client.call('auth.status', {});
    expect(r).toMatchObject({ ok: false, error: { messageKey: 'errors.backendDown' } });
    expect(started).toBe(6);
    expect(logs.at(-1)).toContain('not started again');
  });
});
