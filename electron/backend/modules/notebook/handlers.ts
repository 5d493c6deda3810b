import dayjs from 'dayjs';
import type { Handlers } from '../../handlers';
import { fullName } from '../../../../shared/format';
import { renderPdf } from '../../documents/render';
import { notebookExtract } from '../../documents/notebookExtract';
import { passRegisterDoc } from '../../documents/passRegister';
import { getStation } from '../station/service';
import { getUser } from '../users/service';
import {
  instruct,
  listEntries,
  markDone,
  markPassed,
  owners,
  passRegister,
  recordCallIn,
  recordCheck,
  review,
  writeOwn,
} from './service';

type N =
  | 'notebook.owners'
  | 'notebook.entries'
  | 'notebook.write'
  | 'notebook.instruct'
  | 'notebook.markDone'
  | 'notebook.markPassed'
  | 'notebook.callIn'
  | 'notebook.review'
  | 'notebook.passRegister'
  | 'notebook.recordCheck'
  | 'notebook.print'
  | 'notebook.printRegister';

export const notebookHandlers: Handlers<N> = {
  'notebook.owners': async (_i, { ctx }) => owners(ctx()),
  'notebook.entries': async (f, { ctx }) => listEntries(ctx(), f),
  'notebook.write': async (e, { ctx }) => writeOwn(ctx(), e),
  'notebook.instruct': async ({ ownerIds, text, dueDate, expectedResult }, { ctx }) =>
    instruct(ctx(), ownerIds, text, dueDate, expectedResult),
  'notebook.markDone': async ({ id, doneText }, { ctx }) => markDone(ctx(), id, doneText),
  'notebook.markPassed': async ({ id, passedHow, outgoingNumber }, { ctx }) =>
    markPassed(ctx(), id, passedHow, outgoingNumber),
  'notebook.callIn': async ({ ownerId, occurredAt, text }, { ctx }) => recordCallIn(ctx(), ownerId, occurredAt, text),
  'notebook.review': async ({ ownerId, remark }, { ctx }) => review(ctx(), ownerId, remark),
  'notebook.passRegister': async ({ from, to }, { ctx }) => passRegister(ctx(), from, to),
  'notebook.print': async ({ ownerId, from, to, language }, { ctx, backend }) => {
    const c = ctx();
    const { entries, reviews } = await listEntries(c, { ownerId, from, to, kind: null, text: '' });
    const owner = await getUser(c.db, ownerId);
    const pdf = await renderPdf(
      backend.resourcesDir,
      notebookExtract(
        {
          station: await getStation(c.db),
          ownerName: fullName(owner),
          ownerPosition: [owner.rank, owner.position].filter(Boolean).join(', '),
          from,
          to,
          entries,
          reviews,
          printedAt: dayjs(c.now).format('DD.MM.YYYY HH:mm'),
        },
        language,
      ),
    );
    return { fileName: `notebook-${owner.login}-${language}.pdf`, base64: pdf.toString('base64') };
  },
  'notebook.printRegister': async ({ from, to, language }, { ctx, backend }) => {
    const c = ctx();
    const rows = await passRegister(c, from, to);
    const pdf = await renderPdf(
      backend.resourcesDir,
      passRegisterDoc(
        {
          station: await getStation(c.db),
          from,
          to,
          rows,
          printedAt: dayjs(c.now).format('DD.MM.YYYY HH:mm'),
          printedBy: fullName(c.user),
        },
        language,
      ),
    );
    return { fileName: `pass-register-${from}_${to}-${language}.pdf`, base64: pdf.toString('base64') };
  },
  'notebook.recordCheck': async ({ id, checkResult }, { ctx }) => recordCheck(ctx(), id, checkResult),
};
