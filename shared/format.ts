import dayjs from 'dayjs';

/** dd.MM.yyyy, as on every paper form of the station. */
export const formatDate = (d: string | Date | null | undefined) => (d ? dayjs(d).format('DD.MM.YYYY') : '');
/** dd.MM.yyyy HH:mm, the station's local time: when a form was printed, an entry made. */
export const formatDateTime = (d: string | Date | null | undefined) => (d ? dayjs(d).format('DD.MM.YYYY HH:mm') : '');
/** The name of a thing that has one in each language (a reception category), in the language asked for. */
export const localName = (x: { nameKk: string; nameRu: string }, language: string) =>
  language === 'kk' ? x.nameKk : x.nameRu;
/** a file's size as both catalogs write it (КБ and МБ read the same in Kazakh and Russian) */
export const formatBytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} КБ` : `${(bytes / 1024 / 1024).toFixed(1)} МБ`;

export const isoDay = (d: Date | string) => dayjs(d).format('YYYY-MM-DD');
/** "Әбдіқадыров Е. С." */
export const shortName = (p: { surname: string; name: string; patronymic?: string }) =>
  [p.surname, p.name ? `${p.name[0]}.` : '', p.patronymic ? `${p.patronymic[0]}.` : ''].filter(Boolean).join(' ');
export const fullName = (p: { surname: string; name: string; patronymic?: string }) =>
  [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');
