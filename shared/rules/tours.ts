import dayjs from 'dayjs';

/**
 * p.22(14): the tour of the section is daily. The day Today asks about (ours: the Order says daily, not by when the
 * tour is written): the last working day before `today` — after a weekend, Friday.
 */
export function tourMissedOn(today: string, isWorkingDay: (day: string) => boolean): string {
  let d = dayjs(today).subtract(1, 'day');
  for (let i = 0; i < 14 && !isWorkingDay(d.format('YYYY-MM-DD')); i++) d = d.subtract(1, 'day');
  return d.format('YYYY-MM-DD');
}
