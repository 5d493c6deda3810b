import dayjs from 'dayjs';

/**
 * p.14: the request to the police body at the new address goes within "үш тәулік" — three 24-hour periods from the
 * departure, not from when the station learns of it. Local time, 'YYYY-MM-DDTHH:mm'.
 */
export const requestDue = (departedAt: string): string => dayjs(departedAt).add(72, 'hour').format('YYYY-MM-DDTHH:mm');
