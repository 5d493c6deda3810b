import dayjs, { type Dayjs } from 'dayjs';

/** p.22 (last paragraph): information concerning another body leaves within 24 hours of its receipt. */
export const PASS_ON_HOURS = 24;

/** The moment a received information must have been passed on by (p.22). */
export const passOnDeadline = (receivedAt: string): Dayjs => dayjs(receivedAt).add(PASS_ON_HOURS, 'hour');

/** Whether a passing-on was within the 24 hours: to the minute, 24:00 after receipt included. */
export const passedInTime = (receivedAt: string, passedAt: string): boolean =>
  !dayjs(passedAt).isAfter(passOnDeadline(receivedAt));
