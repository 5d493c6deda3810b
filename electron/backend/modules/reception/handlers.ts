import dayjs from 'dayjs';
import type { Language } from '../../../../shared/api';
import type { Handlers } from '../../handlers';
import type { Ctx } from '../../context';
import { getStation } from '../station/service';
import { renderPdf } from '../../documents/render';
import { receptionJournal, type JournalData } from '../../documents/receptionJournal';
import { receptionXlsx } from '../../documents/receptionXlsx';
import {
  addCategory,
  correctReception,
  createReception,
  getReception,
  listCategories,
  listReceptions,
  receptionHistory,
  setFollowUpResult,
  voidReception,
  type ReceptionFilterFields,
} from './service';
import { fullName } from '../../../../shared/format';

type N =
  | 'reception.categories'
  | 'reception.addCategory'
  | 'reception.create'
  | 'reception.correct'
  | 'reception.void'
  | 'reception.setResult'
  | 'reception.get'
  | 'reception.list'
  | 'reception.print'
  | 'reception.exportXlsx';

async function journalData(c: Ctx, filter: ReceptionFilterFields): Promise<JournalData> {
  return {
    station: await getStation(c.db),
    from: filter.from,
    to: filter.to,
    entries: await listReceptions(c.db, filter),
    categories: await listCategories(c.db),
    printedAt: dayjs(c.now).format('DD.MM.YYYY HH:mm'),
    printedBy: fullName(c.user),
  };
}
const fileName = (f: ReceptionFilterFields, lang: Language, ext: string) =>
  `reception-${f.from}${f.to !== f.from ? `_${f.to}` : ''}-${lang}.${ext}`;

export const receptionHandlers: Handlers<N> = {
  'reception.categories': async (_i, { ctx }) => listCategories(ctx().db),
  'reception.addCategory': async ({ nameKk, nameRu }, { ctx }) => addCategory(ctx(), nameKk, nameRu),
  'reception.create': async (i, { ctx }) => createReception(ctx(), i),
  'reception.correct': async ({ id, reason, entry }, { ctx }) => correctReception(ctx(), id, reason, entry),
  'reception.void': async ({ id, reason }, { ctx }) => voidReception(ctx(), id, reason),
  'reception.setResult': async ({ id, result }, { ctx }) => setFollowUpResult(ctx(), id, result),
  'reception.get': async ({ id }, { ctx }) => ({
    entry: await getReception(ctx().db, id),
    history: await receptionHistory(ctx().db, id),
  }),
  'reception.list': async (f, { ctx }) => listReceptions(ctx().db, f),
  'reception.print': async ({ filter, language }, { ctx, backend }) => {
    const pdf = await renderPdf(backend.resourcesDir, receptionJournal(await journalData(ctx(), filter), language));
    return { fileName: fileName(filter, language, 'pdf'), base64: pdf.toString('base64') };
  },
  'reception.exportXlsx': async ({ filter, language }, { ctx }) => {
    const xlsx = await receptionXlsx(await journalData(ctx(), filter), language);
    return { fileName: fileName(filter, language, 'xlsx'), base64: xlsx.toString('base64') };
  },
};
