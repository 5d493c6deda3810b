import { AppError, type Language, type CallsOf } from '../../../../shared/api';
import { stationIn } from '../../../../shared/api/station';
import { JOURNAL_PRINT_MAX, RECEPTION_PAGE } from '../../../../shared/api/reception';
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
  countReceptions,
  listReceptions,
  listWholeJournal,
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
    entries: await listWholeJournal(c.db, filter),
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
  'reception.list': async ({ page, ...f }, { ctx }) => {
    const db = ctx().db;
    const counts = await countReceptions(db, f);
    const entries = await listReceptions(db, f, { offset: (page - 1) * RECEPTION_PAGE, limit: RECEPTION_PAGE });
    return { entries, ...counts, page, perPage: RECEPTION_PAGE };
  },
  'reception.print': async ({ filter, language }, { ctx }) => {
    const c = ctx();
    const { total } = await countReceptions(c.db, filter);
    if (total > JOURNAL_PRINT_MAX)
      throw new AppError('VALIDATION', 'reception.printTooMany', { total, max: JOURNAL_PRINT_MAX });
    const data = await journalData(c, filter);
    return printForm(c, fileName(filter, language, 'pdf'), 'receptionJournal', language, (station) => ({
      ...data,
      station,
    }));
  },
  'reception.exportXlsx': async ({ filter, language }, { ctx }) => {
    const c = ctx();
    const xlsx = await receptionXlsx(
      { ...(await journalData(c, filter)), station: stationIn(await getStation(c.db), language) },
      language,
    );
    return generatedFile(fileName(filter, language, 'xlsx'), xlsx);
  },
};
