import type { Language, CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import type { Ctx } from '../../context';
import { getStation } from '../station/service';
import { generatedFile, printForm } from '../../documents/print';
import { type JournalData } from '../../documents/receptionJournal';
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
import { fullName, formatDateTime } from '../../../../shared/format';

async function journalData(c: Ctx, filter: ReceptionFilterFields): Promise<Omit<JournalData, 'station'>> {
  return {
    from: filter.from,
    to: filter.to,
    entries: await listReceptions(c.db, filter),
    categories: await listCategories(c.db),
    printedAt: formatDateTime(c.now),
    printedBy: fullName(c.user),
  };
}
const fileName = (f: ReceptionFilterFields, lang: Language, ext: string) =>
  `reception-${f.from}${f.to !== f.from ? `_${f.to}` : ''}-${lang}.${ext}`;

export const receptionHandlers: Handlers<CallsOf<'reception'>> = {
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
  'reception.print': async ({ filter, language }, { ctx }) => {
    const c = ctx();
    const data = await journalData(c, filter);
    return printForm(c, fileName(filter, language, 'pdf'), 'receptionJournal', language, (station) => ({
      ...data,
      station,
    }));
  },
  'reception.exportXlsx': async ({ filter, language }, { ctx }) => {
    const c = ctx();
    const xlsx = await receptionXlsx({ ...(await journalData(c, filter)), station: await getStation(c.db) }, language);
    return generatedFile(fileName(filter, language, 'xlsx'), xlsx);
  },
};
