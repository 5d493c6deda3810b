import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Backend, type BackendOptions } from '../../electron/backend/backend';
import { createRouter } from '../../electron/backend/rpc';
import type { MIGRATIONS } from '../../electron/backend/store/migrations';
import type { CallInput, CallName, CallOutput, AppErrorShape, PersonFileInput, ReceptionInput } from '../../shared/api';
import { makeIin } from '../../shared/iin';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-test-'));
  dirs.push(d);
  return d;
}

/** A real backend on a real encrypted database in a temp folder; cheap scrypt for speed. */
export function station(
  opts: {
    clock?: () => Date;
    dataDir?: string;
    migrations?: typeof MIGRATIONS;
    /** the program's version, release keys, platform and quit request (tests of updates) */
    updates?: Pick<BackendOptions, 'appVersion' | 'updateKeys' | 'platform' | 'requestQuit'>;
  } = {},
) {
  const dataDir = opts.dataDir ?? tempDir();
  const logs: string[] = [];
  const backend = new Backend({
    dataDir,
    resourcesDir: path.join(ROOT, 'resources'),
    scrypt: { N: 1024, r: 8, p: 1 },
    clock: opts.clock,
    migrations: opts.migrations,
    ...opts.updates,
  });
  const router = createRouter(backend, (l) => logs.push(l));
  async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const r = await router.call(name, input);
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.messageKey}`), { shape: r.error });
    return r.data as CallOutput<N>;
  }
  async function fail(name: CallName, input: unknown): Promise<AppErrorShape> {
    const r = await router.call(name, input);
    if (r.ok) throw new Error(`${name} succeeded but should have failed`);
    return r.error;
  }
  return { backend, router, call, fail, dataDir, logs };
}

export const LEAD = {
  surname: 'Әбдіқадыров',
  name: 'Ерлан',
  patronymic: 'Серікұлы',
  rank: 'майор полиции',
  position: 'участковый инспектор',
  login: 'abdikadyrov',
  password: 'Qwerty-2026',
};

export const SETUP = {
  station: {
    uppNumber: '17',
    uppName: 'Шұғыла',
    policeBody: 'Управление полиции Турксибского района г. Алматы',
    address: 'г. Алматы, ул. Сейфуллина, 12',
  },
  sections: [
    { number: '17-1', kind: 'urban' as const },
    { number: '17-2', kind: 'urban' as const },
    { number: '17-3', kind: 'rural' as const },
  ],
  lead: LEAD,
};

export async function setUpStation(opts: Parameters<typeof station>[0] = {}) {
  const s = station(opts);
  const res = await s.call('setup.create', SETUP);
  return { ...s, recoveryCode: res.recoveryCode };
}

type StationHandle = ReturnType<typeof station>;

/** Adds a user with the temporary password every test uses. */
export async function addUser(
  s: StationHandle,
  login: string,
  surname: string,
  role: 'inspector' | 'assistant' | 'dutyOfficer' | 'supervisor' | 'admin' | 'uppLead',
  sectionIds: number[],
) {
  // p.2(3): an assistant works under an inspector of his section; the UPP lead where there is none
  const inspectors = (await s.call('users.list', { includeInactive: false })).filter((u) => u.role === 'inspector');
  const supervisingInspectorId =
    role === 'assistant' ? (inspectors.find((u) => u.sectionIds.some((x) => sectionIds.includes(x)))?.id ?? 1) : null;
  return s.call('users.create', {
    supervisingInspectorId,
    surname,
    name: 'Тест',
    patronymic: '',
    rank: '',
    position: '',
    role,
    sectionIds,
    login,
    temporaryPassword: 'Temp-12345',
  });
}

/** Locks and unlocks as another user; a first login changes the temporary password. */
export async function signInAs(s: StationHandle, login: string): Promise<void> {
  s.backend.lock();
  await s
    .call('auth.unlock', { login, password: login === LEAD.login ? LEAD.password : 'Own-pass-2026' })
    .catch(async () => {
      await s.call('auth.unlock', { login, password: 'Temp-12345' });
      await s.call('auth.changePassword', { currentPassword: 'Temp-12345', newPassword: 'Own-pass-2026' });
    });
}

/** The citizen of the reception tests, and of others that need an entry. */
export const IIN_A = makeIin('1985-06-12', 'male', 4411);

/** A reception entry at the evening desk, as the form sends it; `over` changes what a test needs. */
export const receptionEntry = (
  over: Omit<Partial<ReceptionInput>, 'citizen'> & { citizen?: Partial<ReceptionInput['citizen']> } = {},
): ReceptionInput => ({
  receivedAt: '2026-11-20T18:15',
  mode: 'inPerson',
  categoryCode: 'complaint',
  subject: 'Шум от соседей после 23:00',
  action: 'explained',
  actionDetails: '',
  receiverId: 1,
  followUpDue: null,
  ...over,
  citizen: {
    id: null,
    iin: IIN_A,
    noIin: null,
    surname: 'Қасымов',
    name: 'Бауыржан',
    patronymic: 'Ерланұлы',
    birthDate: null,
    sex: null,
    address: 'Сейфуллин к-сі, 5, 12 п.',
    phone: '+7 701 555 1234',
    ...over.citizen,
  },
});

/** The person-file tests' parolee, placed in a safe; `over` changes what a test needs. */
export const PAROLEE_IIN = makeIin('1985-03-14', 'male', 41);
export const parolee = (safeId: number, over: Partial<PersonFileInput> = {}): PersonFileInput => ({
  citizen: {
    id: null,
    iin: PAROLEE_IIN,
    noIin: null,
    surname: 'Сейтқали',
    name: 'Бауыржан',
    patronymic: 'Ерғалиұлы',
    address: 'г. Алматы, ул. Жансугурова, 14, кв. 7',
    phone: '+7 701 555 12 34',
  },
  categories: ['2'],
  groundsBody: 'Специализированный межрайонный суд г. Алматы',
  groundsNumber: '2-118/2026',
  groundsDate: '2026-10-01',
  restrictions: 'Не покидать г. Алматы без уведомления',
  obligations: 'Являться на регистрацию 2 раза в месяц',
  startDate: '2026-10-05',
  plannedEnd: '2027-10-05',
  sectionId: 1,
  inspectorId: 2,
  relations: [{ kind: 'relative', fullName: 'Сейтқали Гүлнар', relation: 'мать', address: 'там же', phone: '' }],
  custodyPlace: 'safe',
  safeId,
  shelf: '2',
  ...over,
});

/** The firearm owner of section 17-1 several tests need (p.22(10)); `over` changes what a test needs. */
export const firearmOwner = (
  over: Partial<CallInput<'lists.saveFirearmOwner'>> = {},
): CallInput<'lists.saveFirearmOwner'> => ({
  sectionId: 1,
  citizen: { id: null, iin: makeIin('1970-05-02', 'male', 12), noIin: null, surname: 'Жұмабаев', name: 'Серік' },
  address: 'ул. Сейфуллина, 12',
  weapons: [{ kind: 'ружьё', serial: 'A1' }],
  permitBy: 'УП',
  permitOn: '2024-03-15',
  ...over,
});
