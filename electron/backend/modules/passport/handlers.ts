import type { Handlers } from '../../handlers';
import { renderPdf } from '../../documents/render';
import { sectionPassport } from '../../documents/sectionPassport';
import { getStation } from '../station/service';
import { listActs } from '../handover/service';
import { getPassport, removeObject, saveObject, savePlan, saveYear } from './service';

type N =
  | 'passport.savePlan'
  | 'passport.get'
  | 'passport.saveYear'
  | 'passport.saveObject'
  | 'passport.removeObject'
  | 'passport.print';

export const passportHandlers: Handlers<N> = {
  'passport.savePlan': async ({ sectionId, image, note }, { ctx }) => savePlan(ctx(), sectionId, image, note),
  'passport.get': async ({ sectionId }, { ctx }) => getPassport(ctx().db, sectionId),
  'passport.saveYear': async ({ sectionId, year, values }, { ctx }) => saveYear(ctx(), sectionId, year, values),
  'passport.saveObject': async ({ sectionId, id, part, fields }, { ctx }) =>
    saveObject(ctx(), sectionId, id, part, fields),
  'passport.removeObject': async ({ sectionId, id, reason }, { ctx }) => removeObject(ctx(), sectionId, id, reason),
  'passport.print': async ({ sectionId, language, withPencil }, { ctx, backend }) => {
    const c = ctx();
    const passport = await getPassport(c.db, sectionId);
    const pdf = await renderPdf(
      backend.resourcesDir,
      sectionPassport(
        { station: await getStation(c.db), passport, acts: await listActs(c, sectionId), withPencil },
        language,
      ),
    );
    return { fileName: `passport-${passport.section}-${language}.pdf`, base64: pdf.toString('base64') };
  },
};
