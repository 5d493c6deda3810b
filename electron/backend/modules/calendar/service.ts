import { WorkingCalendar, type CalendarOverride } from '../../../../shared/calendar/workingDays';
import type { Ctx, Db } from '../../context';
import { change } from '../../change';

export async function calendarOverrides(db: Db): Promise<CalendarOverride[]> {
  return db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
}

export async function workingCalendar(db: Db): Promise<WorkingCalendar> {
  return new WorkingCalendar(await calendarOverrides(db));
}

export async function setCalendarOverride(
  ctx: Ctx,
  o: { date: string; kind: 'holiday' | 'workday' | 'default'; name: string },
): Promise<CalendarOverride[]> {
  return change(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('calendar_overrides')
      .selectAll()
      .where('date', '=', o.date)
      .executeTakeFirst();
    await tx.db.deleteFrom('calendar_overrides').where('date', '=', o.date).execute();
    if (o.kind !== 'default')
      await tx.db.insertInto('calendar_overrides').values({ date: o.date, kind: o.kind, name: o.name }).execute();
    await tx.audit({
      action: 'calendar.setOverride',
      entity: 'calendar',
      entityId: o.date,
      before: before ?? null,
      after: o,
    });
    return calendarOverrides(tx.db);
  });
}
