import { fieldError, type CallsOf } from '../../../../shared/api';
import { fullName } from '../../../../shared/format';
import { printForm } from '../../documents/print';
import type { ContactData } from '../../documents/tourSheets';
import type { Ctx } from '../../context';
import type { Handlers } from '../module';
import { readSettings, sectionNumbers } from '../station/service';
import { sectionScope } from '../staff/service';
import { getUser } from '../users/service';
import { listPlaces, listTours, recordTour, removePlace, savePlace, saveWorkPhone, workPhone } from './service';

/** The caller's own details as the sheet and the card print them; a sheet without a phone is refused. */
async function contact(ctx: Ctx, photo: string | null): Promise<(station: ContactData['station']) => ContactData> {
  const [user, settings, phone, numbers] = await Promise.all([
    getUser(ctx.db, ctx.user.id),
    readSettings(ctx.db),
    workPhone(ctx),
    sectionNumbers(ctx.db),
  ]);
  if (!phone) throw fieldError('phone', 'tours.phoneRequired');
  const role = user.role === 'assistant' || user.role === 'uppLead' ? user.role : 'inspector';
  return (station) => ({
    station,
    name: fullName(user),
    rank: user.rank,
    role,
    sections: user.sectionIds.map((s) => numbers.get(s) ?? ''),
    phone,
    hours: { from: settings.receptionFrom, to: settings.receptionTo },
    photo,
  });
}

export const toursHandlers: Handlers<CallsOf<'tours'>> = {
  'tours.places': async ({ sectionId }, { ctx }) => listPlaces(ctx(), sectionId),
  'tours.savePlace': async (p, { ctx }) => savePlace(ctx(), p),
  'tours.removePlace': async ({ id, on, reason }, { ctx }) => removePlace(ctx(), id, on, reason),
  'tours.list': async (p, { ctx }) => listTours(ctx(), p),
  'tours.record': async (t, { ctx }) => recordTour(ctx(), t),
  'tours.contact': async (_p, { ctx }) => {
    const c = ctx();
    const scope = await sectionScope(c);
    const all = (await c.db.selectFrom('sections').select('id').where('active', '=', 1).execute()).map((s) => s.id);
    return { phone: await workPhone(c), sectionIds: scope === 'all' ? all : scope };
  },
  'tours.saveWorkPhone': async ({ phone }, { ctx }) => saveWorkPhone(ctx(), phone),
  'tours.printSheet': async ({ size, photo }, { ctx }) => {
    const c = ctx();
    const data = await contact(c, photo);
    return printForm(c, `info-sheet-${size}.pdf`, 'infoSheet', 'kk', (station) => ({ ...data(station), size }));
  },
  'tours.printCards': async (_p, { ctx }) => {
    const c = ctx();
    const data = await contact(c, null);
    return printForm(c, 'business-cards.pdf', 'businessCards', 'kk', data);
  },
};
