/**
 * The program as a crash trial runs it: the real backend and router on a data folder, doing one kind of work in a
 * loop and saying on stdout what it finished ("ack <n>"), until the parent kills it with SIGKILL.
 */
import path from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { createRouter } from '../../electron/backend/rpc';

const [dataDir, mode, login, password, copyFile, code] = process.argv.slice(2) as [
  string,
  'writes' | 'backups' | 'restores' | 'rotations',
  string,
  string,
  string | undefined,
  string | undefined,
];
const backend = new Backend({
  dataDir,
  resourcesDir: path.resolve(import.meta.dirname, '../../resources'),
  scrypt: { N: 1024, r: 8, p: 1 },
});
const router = createRouter(backend, () => undefined);
async function call(name: Parameters<typeof router.call>[0], input: unknown): Promise<void> {
  const r = await router.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.messageKey}`);
}
const ack = (n: number) => process.stdout.write(`ack ${n}\n`);
const day = (n: number) => {
  const d = new Date(Date.UTC(2030, 0, 1) + n * 86_400_000);
  return d.toISOString().slice(0, 10);
};

async function main() {
  if (mode === 'restores') {
    process.stdout.write('ready\n');
    for (let n = 0; ; n++) {
      await call('backup.restore', { file: copyFile, by: 'code', login: '', password: '', recoveryCode: code });
      ack(n);
    }
  }
  await call('auth.unlock', { login, password });
  process.stdout.write('ready\n');
  const start = Number(process.env.CRASH_START ?? 0);
  for (let n = start; ; n++) {
    await call('calendar.setOverride', { date: day(n), kind: 'holiday', name: `w${n}` });
    if (mode === 'backups') await call('backup.now', {});
    // a new recovery code revokes the old one: the database gets a new key each time
    if (mode === 'rotations') await call('recovery.regenerate', { password });
    ack(n);
  }
}
main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : 'failed'}\n`);
  process.exit(1);
});
