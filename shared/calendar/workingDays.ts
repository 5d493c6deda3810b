import dayjs from 'dayjs';

/** A station's change to the built-in calendar: a moved day off, a working Saturday. */
export interface CalendarOverride {
  date: string; // yyyy-MM-dd
  kind: 'holiday' | 'workday';
  name: string;
}

interface Holiday {
  md: string; // MM-dd
  name: string;
  /** religious holidays are not moved when they fall on a weekend (Labour Code, art. 85) */
  moves: boolean;
}

/** Public holidays of Kazakhstan fixed by date (Law "On holidays", as of 2026). */
export const FIXED_HOLIDAYS: readonly Holiday[] = [
  { md: '01-01', name: 'newYear', moves: true },
  { md: '01-02', name: 'newYear', moves: true },
  { md: '01-07', name: 'orthodoxChristmas', moves: false },
  { md: '03-08', name: 'womensDay', moves: true },
  { md: '03-21', name: 'nauryz', moves: true },
  { md: '03-22', name: 'nauryz', moves: true },
  { md: '03-23', name: 'nauryz', moves: true },
  { md: '05-01', name: 'unityDay', moves: true },
  { md: '05-07', name: 'defenderDay', moves: true },
  { md: '05-09', name: 'victoryDay', moves: true },
  { md: '07-06', name: 'capitalDay', moves: true },
  { md: '08-30', name: 'constitutionDay', moves: true },
  { md: '10-25', name: 'republicDay', moves: true },
  { md: '12-16', name: 'independenceDay', moves: true },
];

/** First day of Kurban ait, set each year by the government; later years come as station overrides. */
export const KURBAN_AIT: Readonly<Record<number, string>> = {
  2024: '2024-06-16',
  2025: '2025-06-06',
  2026: '2026-05-27',
};

const isWeekend = (d: dayjs.Dayjs) => d.day() === 0 || d.day() === 6;

/** The built-in days off of a year (holidays plus the weekdays they move to), by date. */
export function builtInHolidays(year: number): Map<string, string> {
  const days = new Map<string, string>();
  for (const h of FIXED_HOLIDAYS) days.set(`${year}-${h.md}`, h.name);
  const ait = KURBAN_AIT[year];
  if (ait) days.set(ait, 'kurbanAit');
  for (const h of FIXED_HOLIDAYS) {
    const d = dayjs(`${year}-${h.md}`);
    if (!h.moves || !isWeekend(d)) continue;
    let next = d.add(1, 'day');
    while (isWeekend(next) || days.has(next.format('YYYY-MM-DD'))) next = next.add(1, 'day');
    days.set(next.format('YYYY-MM-DD'), `${h.name}Moved`);
  }
  return days;
}

export class WorkingCalendar {
  private readonly years = new Map<number, Map<string, string>>();
  private readonly overrides: Map<string, CalendarOverride>;

  constructor(overrides: readonly CalendarOverride[] = []) {
    this.overrides = new Map(overrides.map((o) => [o.date, o]));
  }

  private holidays(year: number): Map<string, string> {
    let days = this.years.get(year);
    if (!days) {
      days = builtInHolidays(year);
      this.years.set(year, days);
    }
    return days;
  }

  isWorkingDay(date: string): boolean {
    const o = this.overrides.get(date);
    if (o) return o.kind === 'workday';
    const d = dayjs(date);
    return !isWeekend(d) && !this.holidays(d.year()).has(date);
  }

  /** Working days from `from` to `to`, both included. */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = dayjs(from); !d.isAfter(to, 'day'); d = d.add(1, 'day')) {
      if (this.isWorkingDay(d.format('YYYY-MM-DD'))) n++;
    }
    return n;
  }

  /** The date `n` working days after `date` (n >= 1). */
  addWorkingDays(date: string, n: number): string {
    let d = dayjs(date);
    while (n > 0) {
      d = d.add(1, 'day');
      if (this.isWorkingDay(d.format('YYYY-MM-DD'))) n--;
    }
    return d.format('YYYY-MM-DD');
  }
}
