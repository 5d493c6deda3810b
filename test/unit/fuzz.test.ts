import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api, canCall, ROLES, type CallName, type Role } from '../../shared/api';
import { makeIin } from '../../shared/iin';
import { addUser, parolee, receptionEntry, setUpStation, signInAs, LEAD } from './helpers';
import { inputFor } from './fuzzInput';

/** inputs per call, spread over the roles that may make it; `npm run test:fuzz` asks for more */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const LOGINS: Record<Role, string> = {
  uppLead: LEAD.login,
  inspector: 'insp',
  assistant: 'asst',
  supervisor: 'chief',
  dutyOfficer: 'duty',
  admin: 'admin',
};

/** marks in section 2's records and in its inspector's notebook */
const SECTION_2 = 'ЕКІНШІ';
const NOTEBOOK_2 = 'ДӘПТЕР2';
/** who may see each mark: section 1's inspector and assistant, the duty officer and the administrator see neither
 * section 2's records; the duty officer reads every notebook (p.23(3)) */
const MAY_NOT_SEE: Record<Role, string[]> = {
  inspector: [SECTION_2, NOTEBOOK_2],
  assistant: [SECTION_2, NOTEBOOK_2],
  dutyOfficer: [SECTION_2],
  admin: [SECTION_2, NOTEBOOK_2],
  uppLead: [],
  supervisor: [],
};

/** calls that end the session or the station's state for the rest of a run go last, so the others meet a live one */
const LAST = /^(auth|users|recovery|backup|setup)\./;
const CALLS = (Object.keys(api) as CallName[]).sort((a, b) => Number(LAST.test(a)) - Number(LAST.test(b)));

/** A station with a user of every role on section 1, a neighbour on section 2, and objects of both sections. */
async function fuzzStation() {
  const s = await setUpStation();
  const staff: Partial<Record<Role, number>> = {};
  for (const role of ROLES)
    if (role !== 'uppLead') staff[role] = (await addUser(s, LOGINS[role], 'Тестов', role, [1])).id;
  const neighbour = (await addUser(s, 'neighbour', 'Көршіұлы', 'inspector', [2])).id;
  const [safe] = await s.call('prevention.saveSafe', { name: 'Сейф 1', location: 'кабинет 3' });
  await s.call('reception.create', receptionEntry());
  await s.call('prevention.create', parolee(safe!.id, { sectionId: 1, inspectorId: staff.inspector! }));
  await s.call(
    'prevention.create',
    parolee(safe!.id, {
      citizen: { ...parolee(safe!.id).citizen, iin: makeIin('1980-01-02', 'male', 102) },
      sectionId: 2,
      inspectorId: neighbour,
      restrictions: `${SECTION_2} шектеу`,
    }),
  );
  // the section 2 objects carry a mark that no answer to section 1's staff may hold
  await s.call('passport.saveObject', {
    sectionId: 2,
    id: null,
    part: 'dormitories',
    fields: { name: 'Жатақхана', address: 'Абай к-сі, 3', managers: `${SECTION_2} басшы, +7 701 000 0000` },
  });
  await s.call('passport.savePlan', { sectionId: 2, image: null, note: `${SECTION_2} жоспар` });
  await s.call('handover.record', {
    sectionId: 2,
    kind: 'handover',
    toUserId: neighbour,
    date: '2026-11-20',
    superior: 'подполковник полиции Серікбаев',
    remarks: `${SECTION_2} ескерту`,
  });
  await s.call('meetings.plan', {
    kind: 'gathering',
    format: 'indoor',
    date: '2026-12-20',
    time: '18:00',
    place: 'Мектеп №5',
    sectionIds: [2],
    inspectorIds: [neighbour],
    executiveReps: `${SECTION_2} әкімдік`,
  });
  await signInAs(s, 'neighbour');
  await s.call('notebook.write', {
    kind: 'information',
    occurredAt: '2026-11-20T09:30',
    text: `${NOTEBOOK_2} жазба`,
    passTo: '',
  });
  await signInAs(s, LEAD.login);
  const tables = (
    s.backend.raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'`).all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  const rows = `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(' + ')} AS n`;
  /** every change writes an audit row (change.ts refuses one that does not), every reading of a file its p.15 row;
   * the connection is the one open now (a call may have locked and a sign-in opened another) */
  const written = () => (s.backend.state === 'unlocked' ? (s.backend.raw.prepare(rows).get() as { n: number }).n : -1);
  return { ...s, written };
}

const show = (v: unknown) => String(JSON.stringify(v)).slice(0, 300);

describe('fuzz of every call', () => {
  it(
    `answers ${RUNS} generated inputs per call, for every role that may make it: never INTERNAL, a refused call writes nothing, no name in the log`,
    async () => {
      const found: string[] = [];
      const leaked = new Set<string>();
      const answered = new Set<CallName>();
      let total = 0;
      for (const role of ROLES) {
        let s = await fuzzStation();
        await signInAs(s, LOGINS[role]);
        for (const name of CALLS) {
          if (!canCall(role, name)) continue;
          const roles = ROLES.filter((r) => canCall(r, name)).length;
          await fc.assert(
            fc.asyncProperty(inputFor(api[name].input), async (input) => {
              total++;
              // a generated update source is never read: an address it names is no server of ours (updates.test.ts
              // reads a real folder and a real server on 127.0.0.1)
              if (name === 'updates.check' || name === 'updates.download') s.backend.updater.setSource(null);
              const before = s.written();
              const r = await s.router.call(name, input);
              if (r.ok) {
                answered.add(name);
                const text = JSON.stringify(r.data);
                for (const mark of MAY_NOT_SEE[role])
                  if (text.includes(mark)) leaked.add(`${role} ${name} ${mark} ${show(input)}`);
              } else {
                if (r.error.code === 'INTERNAL') found.push(`${role} ${name} ${show(input)} ${s.logs.at(-1) ?? ''}`);
                expect(s.written(), `${role} ${name} wrote and failed: ${show(input)}`).toBe(before);
              }
              // a call that locked, signed out or reset its caller: sign in again, or start over where it cannot
              const session = s.backend.session;
              if (s.backend.state !== 'unlocked' || session?.role !== role || session.mustChangePassword) {
                try {
                  await signInAs(s, LOGINS[role]);
                } catch {
                  s = await fuzzStation();
                  await signInAs(s, LOGINS[role]);
                }
              }
            }),
            { numRuns: Math.ceil(RUNS / roles), seed: SEED, endOnFailure: true },
          );
        }
        expect(s.logs.join('\n')).not.toMatch(/Сейтқали|Қасымов|Тестов|Көршіұлы/);
      }
      expect({ internal: found, leaked: [...leaked] }).toEqual({ internal: [], leaked: [] });
      expect(total).toBeGreaterThan(RUNS * 100);
      if (process.env.FUZZ_REPORT)
        console.log(
          `never answered: ${CALLS.filter((c) => !answered.has(c)).join(' ')} (${answered.size}/${CALLS.length} answered)`,
        );
    },
    RUNS * 5_000,
  );
});
