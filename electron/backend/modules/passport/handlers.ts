import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { printForm } from '../../documents/print';
import { listActs } from '../handover/service';
import { listPlaces } from '../tours/service';
import { staffNames } from '../users/names';
import { readPassport, removeObject, saveCover, saveObject, savePlan, saveYear } from './service';

export const passportHandlers: Handlers<CallsOf<'passport'>> = {
  'passport.savePlan': async ({ sectionId, image, note }, { ctx }) => savePlan(ctx(), sectionId, image, note),
  'passport.saveCover': async (c, { ctx }) => saveCover(ctx(), c),
  'passport.get': async ({ sectionId }, { ctx }) => readPassport(ctx(), sectionId),
  'passport.saveYear': async ({ sectionId, year, values }, { ctx }) => saveYear(ctx(), sectionId, year, values),
  'passport.saveObject': async ({ sectionId, id, part, fields }, { ctx }) =>
    saveObject(ctx(), sectionId, id, part, fields),
  'passport.removeObject': async ({ sectionId, id, reason }, { ctx }) => removeObject(ctx(), sectionId, id, reason),
  'passport.print': async ({ sectionId, language, withPencil }, { ctx }) => {
    const c = ctx();
    const passport = await readPassport(c, sectionId);
    const acts = await listActs(c, sectionId);
    const staff = await staffNames(c.db);
    // §1 names the accepting inspector with his rank (his rank now: the acts keep the person, not his rank then)
    const inspectors = Object.fromEntries(acts.map((a) => [a.toUserId, staff.rankAndName(a.toUserId)]));
    const places = await listPlaces(c, sectionId);
    return printForm(c, `passport-${passport.section}-${language}.pdf`, 'sectionPassport', language, (station) => ({
      station,
      passport,
      acts,
      inspectors,
      places,
      withPencil,
    }));
  },
};
