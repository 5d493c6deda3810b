import { makeIin } from '../../shared/iin';

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
