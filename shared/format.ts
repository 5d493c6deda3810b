import dayjs from 'dayjs';

/** dd.MM.yyyy, as on every paper form of the station. */
export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('DD.MM.YYYY') : '');
export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('DD.MM.YYYY HH:mm') : '');
export const isoDay = (d: Date | string) => dayjs(d).format('YYYY-MM-DD');
/** "Әбдіқадыров Е. С." */
export const shortName = (p: { surname: string; name: string; patronymic?: string }) =>
  [p.surname, p.name ? `${p.name[0]}.` : '', p.patronymic ? `${p.patronymic[0]}.` : ''].filter(Boolean).join(' ');
export const fullName = (p: { surname: string; name: string; patronymic?: string }) =>
  [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');
