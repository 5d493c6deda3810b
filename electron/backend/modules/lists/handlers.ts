import dayjs from 'dayjs';
import type { Handlers } from '../module';
import type { Ctx } from '../../context';
import type { ListKind, CallsOf } from '../../../../shared/api';
import { generatedFile, printForm } from '../../documents/print';
import { sectionListXlsx, type ListRows } from '../../documents/sectionLists';
import { applyImport, previewImport } from './import';
import { listApplicantChecks, recordApplicantCheck, saveApplicantCheck } from './applicants';
import {
  listFirearmOwners,
  listForeigners,
  listProbation,
  recordFirearmCheck,
  recordForeignerCheck,
  removeForeigner,
  restoreForeigner,
  saveFirearmOwner,
  saveForeigner,
  saveProbation,
} from './service';

async function rowsOf(ctx: Ctx, list: ListKind, sectionId: number | null): Promise<ListRows> {
  const f = { sectionId, text: '' };
  if (list === 'firearms') return { list, rows: await listFirearmOwners(ctx, f) };
  if (list === 'probation') return { list, rows: await listProbation(ctx, f) };
  return { list, rows: await listForeigners(ctx, f) };
}

export const listsHandlers: Handlers<CallsOf<'lists'>> = {
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
  'lists.applicantChecks': async (f, { ctx }) => listApplicantChecks(ctx(), f),
  'lists.saveApplicantCheck': async (x, { ctx }) => saveApplicantCheck(ctx(), x),
  'lists.recordApplicantCheck': async ({ id, checkedOn, result }, { ctx }) =>
    recordApplicantCheck(ctx(), id, checkedOn, result),
  'lists.removeForeigner': async (x, { ctx }) => removeForeigner(ctx(), x),
  'lists.restoreForeigner': async ({ id }, { ctx }) => restoreForeigner(ctx(), id),
  'lists.print': async ({ list, sectionId, language }, { ctx }) => {
    const c = ctx();
    const rows = await rowsOf(c, list, sectionId);
    return printForm(c, `list-${list}-${language}.pdf`, 'sectionList', language, (station) => {
      const sections = station.sections
        .filter((s) => s.active && (sectionId === null || s.id === sectionId))
        .map((s) => s.number)
        .join(', ');
      return { ...rows, station, sections, asOf: dayjs(c.now).format('YYYY-MM-DD') };
    });
  },
  'lists.exportXlsx': async ({ list, sectionId, language }, { ctx }) => {
    const c = ctx();
    const x = await sectionListXlsx(
      { ...(await rowsOf(c, list, sectionId)), asOf: dayjs(c.now).format('YYYY-MM-DD') },
      language,
    );
    return generatedFile(`list-${list}-${language}.xlsx`, x);
  },
};
