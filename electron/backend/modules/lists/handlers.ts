import dayjs from 'dayjs';
import type { Handlers } from '../../handlers';
import type { Ctx } from '../../context';
import type { ListKind } from '../../../../shared/api';
import { renderPdf } from '../../documents/render';
import { sectionListPdf, sectionListXlsx, type ListRows } from '../../documents/sectionLists';
import { getStation } from '../station/service';
import { applyImport, previewImport } from './import';
import {
  listFirearmOwners,
  listForeigners,
  listProbation,
  recordFirearmCheck,
  recordForeignerCheck,
  saveFirearmOwner,
  saveForeigner,
  saveProbation,
} from './service';

type N =
  | 'lists.importPreview'
  | 'lists.importApply'
  | 'lists.firearms'
  | 'lists.saveFirearmOwner'
  | 'lists.recordFirearmCheck'
  | 'lists.probation'
  | 'lists.saveProbation'
  | 'lists.foreigners'
  | 'lists.saveForeigner'
  | 'lists.recordForeignerCheck'
  | 'lists.print'
  | 'lists.exportXlsx';

async function rowsOf(ctx: Ctx, list: ListKind, sectionId: number | null): Promise<ListRows> {
  const f = { sectionId, text: '' };
  if (list === 'firearms') return { list, rows: await listFirearmOwners(ctx, f) };
  if (list === 'probation') return { list, rows: await listProbation(ctx, f) };
  return { list, rows: await listForeigners(ctx, f) };
}

export const listsHandlers: Handlers<N> = {
  'lists.importPreview': async ({ list, base64, sectionId, mapping }, { ctx }) =>
    previewImport(ctx(), list, base64, sectionId, mapping),
  'lists.importApply': async ({ list, base64, sectionId, mapping }, { ctx }) =>
    applyImport(ctx(), list, base64, sectionId, mapping),
  'lists.firearms': async (f, { ctx }) => listFirearmOwners(ctx(), f),
  'lists.saveFirearmOwner': async (o, { ctx }) => saveFirearmOwner(ctx(), o),
  'lists.recordFirearmCheck': async ({ id, checkedOn, result }, { ctx }) =>
    recordFirearmCheck(ctx(), id, checkedOn, result),
  'lists.probation': async (f, { ctx }) => listProbation(ctx(), f),
  'lists.saveProbation': async (p, { ctx }) => saveProbation(ctx(), p),
  'lists.foreigners': async (f, { ctx }) => listForeigners(ctx(), f),
  'lists.saveForeigner': async (p, { ctx }) => saveForeigner(ctx(), p),
  'lists.recordForeignerCheck': async ({ id, checkedOn, note }, { ctx }) =>
    recordForeignerCheck(ctx(), id, checkedOn, note),
  'lists.print': async ({ list, sectionId, language }, { ctx, backend }) => {
    const c = ctx();
    const station = await getStation(c.db);
    const sections = station.sections
      .filter((s) => s.active && (sectionId === null || s.id === sectionId))
      .map((s) => s.number)
      .join(', ');
    const pdf = await renderPdf(
      backend.resourcesDir,
      sectionListPdf(
        { ...(await rowsOf(c, list, sectionId)), station, sections, asOf: dayjs(c.now).format('YYYY-MM-DD') },
        language,
      ),
    );
    return { fileName: `list-${list}-${language}.pdf`, base64: pdf.toString('base64') };
  },
  'lists.exportXlsx': async ({ list, sectionId, language }, { ctx }) => {
    const c = ctx();
    const x = await sectionListXlsx(
      { ...(await rowsOf(c, list, sectionId)), asOf: dayjs(c.now).format('YYYY-MM-DD') },
      language,
    );
    return { fileName: `list-${list}-${language}.xlsx`, base64: x.toString('base64') };
  },
};
