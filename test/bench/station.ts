import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { createRouter } from '../../electron/backend/rpc';
import { makeIin } from '../../shared/iin';

/**
 * A backend on a fresh encrypted store in a temp folder, with cheap scrypt, and `call` through its router (a failed
 * call throws). The caller removes `dataDir`.
 */
export function benchBackend(name: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `uchaske-bench-${name}-`));
  const backend = new Backend({
    dataDir,
    resourcesDir: path.resolve(import.meta.dirname, '../../resources'),
    scrypt: { N: 1024, r: 8, p: 1 },
  });
  const router = createRouter(backend);
  const call = async (callName: string, input: unknown) => {
    const r = await router.call(callName, input);
    if (!r.ok) throw new Error(`${callName}: ${r.error.messageKey}`);
    return r.data;
  };
  return { dataDir, backend, call };
}

/** The station the benches set up: two urban sections and the UPP lead. */
export const BENCH_LOGIN = 'lead';
export const BENCH_PASSWORD = 'Bench-pass-1';
export const BENCH_STATION = {
  station: { uppNumber: '1', uppName: 'Бенч', policeBody: 'УП', address: 'Алматы' },
  sections: [
    { number: '1-1', kind: 'urban' },
    { number: '1-2', kind: 'urban' },
  ],
  lead: {
    surname: 'Бенчов',
    name: 'Б',
    patronymic: '',
    rank: '',
    position: '',
    login: BENCH_LOGIN,
    password: BENCH_PASSWORD,
  },
};

/** The i-th person file of a bench, in a safe, the categories and sections in turn; `serial` makes the IIN unique. */
export const benchPersonFile = (i: number, safeId: number, serial = i) => ({
  citizen: {
    id: null,
    iin: makeIin(`19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, i % 2 ? 'male' : 'female', serial),
    noIin: null,
    surname: `Фамилия${i}`,
    name: 'Имя',
  },
  categories: [['1', '2', '3a', '3b', '4', '5', '6', '7'][i % 8]],
  groundsBody: 'Суд',
  groundsNumber: `${i}`,
  groundsDate: '2026-01-01',
  startDate: '2026-01-02',
  sectionId: 1 + (i % 2),
  inspectorId: 1,
  custodyPlace: 'safe',
  safeId,
});
