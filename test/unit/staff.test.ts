import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../shared/calendar/workingDays';
import { coverRequired, sectionsOnDate } from '../../shared/rules/cover';
import { setUpStation } from './helpers';
import { workingSections } from '../../electron/backend/modules/staff/service';

describe('working-day calendar (Kazakhstan)', () => {
  const cal = new WorkingCalendar();
  it('skips weekends and public holidays, moving weekend holidays to the next weekday', () => {
    expect(cal.isWorkingDay('2026-12-16')).toBe(false); // Independence Day, Wednesday
    expect(cal.isWorkingDay('2026-03-09')).toBe(false); // 8 March fell on Sunday
    expect(cal.isWorkingDay('2026-03-24')).toBe(false); // Nauryz moved from the weekend
    expect(cal.isWorkingDay('2026-01-07')).toBe(false); // religious: not moved, but a day off
    expect(cal.isWorkingDay('2026-11-23')).toBe(true);
    expect(cal.workingDaysBetween('2026-12-14', '2026-12-21')).toBe(5);
    expect(cal.addWorkingDays('2026-12-15', 1)).toBe('2026-12-17');
  });
  it('takes the station overrides (a working Saturday, a declared day off)', () => {
    const c = new WorkingCalendar([
      { date: '2026-11-28', kind: 'workday', name: '' },
      { date: '2026-11-23', kind: 'holiday', name: '' },
    ]);
    expect(c.isWorkingDay('2026-11-28')).toBe(true);
    expect(c.isWorkingDay('2026-11-23')).toBe(false);
  });
});

describe('p.6 cover: more than five working days', () => {
  const cal = new WorkingCalendar();
  it('is not required for exactly five working days, required for six', () => {
    expect(coverRequired(cal, '2026-11-02', '2026-11-06')).toBe(false);
    expect(coverRequired(cal, '2026-11-02', '2026-11-09')).toBe(true);
    // eight calendar days with a holiday inside are still five working days
    expect(coverRequired(cal, '2026-12-14', '2026-12-21')).toBe(false);
  });
  it('gives the covering inspector the absent one’s sections only while the cover lasts', () => {
    const assignments = [
      { userId: 1, sectionIds: [1] },
      { userId: 2, sectionIds: [2, 3] },
    ];
    const absences = [{ userId: 2, from: '2026-11-02', to: '2026-11-13', coverUserId: 1, cancelled: false }];
    expect(sectionsOnDate(1, '2026-11-05', assignments, absences)).toEqual({
      own: [1],
      covered: [2, 3],
      absent: false,
    });
    expect(sectionsOnDate(2, '2026-11-05', assignments, absences)).toEqual({ own: [2, 3], covered: [], absent: true });
    expect(sectionsOnDate(1, '2026-11-14', assignments, absences).covered).toEqual([]);
    expect(sectionsOnDate(1, '2026-11-05', assignments, [{ ...absences[0]!, cancelled: true }]).covered).toEqual([]);
  });
});

describe('absences through the API', () => {
  it('records an absence with its cover order, shows coverage, and puts a missing cover on Today', async () => {
    const s = await setUpStation({ clock: () => new Date('2026-11-05T10:00:00') });
    const a = await s.call('users.create', {
      surname: 'Серікбаев',
      name: 'Данияр',
      patronymic: '',
      rank: '',
      position: '',
      role: 'inspector',
      sectionIds: [1],
      login: 'serikbayev',
      temporaryPassword: 'Temp-12345',
    });
    const b = await s.call('users.create', {
      surname: 'Омарова',
      name: 'Әсел',
      patronymic: '',
      rank: '',
      position: '',
      role: 'inspector',
      sectionIds: [2, 3],
      login: 'omarova',
      temporaryPassword: 'Temp-12345',
    });

    const bad = await s.fail('staff.addAbsence', {
      userId: b.id,
      kind: 'leave',
      from: '2026-11-02',
      to: '2026-11-13',
      coverUserId: a.id,
      orderNumber: '',
      orderDate: null,
    });
    expect(bad.fields).toEqual([{ path: 'orderNumber', messageKey: 'staff.coverOrderRequired' }]);
    expect(await s.call('staff.absences', {})).toEqual([]);

    expect((await s.call('today.list', { date: '2026-11-05' })).filter((d) => d.ruleId === 'cover.missing')).toEqual(
      [],
    );
    const noCover = await s.call('staff.addAbsence', {
      userId: a.id,
      kind: 'illness',
      from: '2026-11-02',
      to: '2026-11-13',
      coverUserId: null,
      orderNumber: '',
      orderDate: null,
    });
    expect(noCover).toMatchObject({ workingDays: 10, coverRequired: true, coverUserId: null });
    const today = (await s.call('today.list', { date: '2026-11-05' })).filter((d) => d.ruleId === 'cover.missing');
    expect(today).toEqual([
      expect.objectContaining({
        ruleId: 'cover.missing',
        paragraph: '6',
        overdue: true,
        params: expect.objectContaining({ person: 'Серікбаев Д.', from: '02.11.2026' }),
      }),
    ]);

    const cover = await s.call('staff.addAbsence', {
      userId: b.id,
      kind: 'leave',
      from: '2026-11-02',
      to: '2026-11-13',
      coverUserId: 1,
      orderNumber: '245',
      orderDate: '2026-10-30',
    });
    expect(cover.coverRequired).toBe(true);
    expect(
      await s.fail('staff.addAbsence', {
        userId: b.id,
        kind: 'leave',
        from: '2026-11-10',
        to: '2026-11-11',
        coverUserId: null,
        orderNumber: '',
        orderDate: null,
      }),
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'staff.overlap' });
    const cov = await s.call('staff.coverage', { date: '2026-11-05' });
    expect(cov.find((c) => c.userId === 1)).toEqual({
      userId: 1,
      ownSectionIds: [],
      coveredSectionIds: [2, 3],
      absentToday: false,
    });
    expect(cov.find((c) => c.userId === b.id)?.absentToday).toBe(true);

    // access follows the cover: the lead, with no section of his own, works Omarova's two today
    expect(await workingSections(s.backend.context())).toEqual([2, 3]);

    await s.call('staff.cancelAbsence', { id: noCover.id, reason: 'ошибка ввода' });
    expect((await s.call('today.list', { date: '2026-11-05' })).filter((d) => d.ruleId === 'cover.missing')).toEqual(
      [],
    );
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });
});

describe('p.6: the cover is by the inspector of an adjacent section', () => {
  it('refuses a non-adjacent inspector unless the chief’s order gives its reason; the station records which sections adjoin', async () => {
    const s = await setUpStation({ clock: () => new Date('2026-10-30T10:00:00') });
    const user = (login: string, section: number) =>
      s.call('users.create', {
        surname: login,
        name: 'Тест',
        patronymic: '',
        rank: '',
        position: '',
        role: 'inspector',
        sectionIds: [section],
        login,
        temporaryPassword: 'Temp-12345',
      });
    const a = await user('first', 1);
    const b = await user('second', 2);
    const c = await user('third', 3);
    const [one] = (await s.call('station.get', {})).sections;
    const station = await s.call('station.saveSection', { ...one!, adjacentIds: [2] });
    // each pair once, seen from both sides
    expect(station.sections.map((x) => [x.number, x.adjacentIds])).toEqual([
      ['17-1', [2]],
      ['17-2', [1]],
      ['17-3', []],
    ]);
    const absence = {
      userId: a.id,
      kind: 'leave' as const,
      from: '2026-11-02',
      to: '2026-11-13',
      orderNumber: '12',
      orderDate: '2026-10-30',
    };
    expect(await s.fail('staff.addAbsence', { ...absence, coverUserId: c.id })).toMatchObject({
      fields: [{ path: 'nonAdjacentReason', messageKey: 'staff.coverNotAdjacent' }],
    });
    expect(await s.call('staff.absences', {})).toEqual([]);
    const adjacent = await s.call('staff.addAbsence', { ...absence, coverUserId: b.id });
    expect(adjacent).toMatchObject({ coverUserId: b.id, nonAdjacentReason: '' });
    await s.call('staff.cancelAbsence', { id: adjacent.id, reason: 'приказ изменён' });
    const byOrder = await s.call('staff.addAbsence', {
      ...absence,
      coverUserId: c.id,
      nonAdjacentReason: 'инспектор участка 17-2 в командировке (приказ № 12)',
    });
    expect(byOrder.nonAdjacentReason).toBe('инспектор участка 17-2 в командировке (приказ № 12)');
    // a section with no neighbour recorded: nothing to refuse by (ours)
    expect(await s.call('staff.addAbsence', { ...absence, userId: c.id, coverUserId: a.id })).toMatchObject({
      coverUserId: a.id,
      nonAdjacentReason: '',
    });
  });
});
