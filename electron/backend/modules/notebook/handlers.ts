import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { fullName, formatDateTime } from '../../../../shared/format';
import { printForm } from '../../documents/print';
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

export const notebookHandlers: Handlers<CallsOf<'notebook'>> = {
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
  'notebook.print': async ({ ownerId, from, to, language }, { ctx }) => {
    const c = ctx();
    const { entries, reviews } = await listEntries(c, { ownerId, from, to, kind: null, text: '' });
    const owner = await getUser(c.db, ownerId);
    return printForm(c, `notebook-${owner.login}-${language}.pdf`, 'notebookExtract', language, (station) => ({
      station,
      ownerName: fullName(owner),
      ownerPosition: [owner.rank, owner.position].filter(Boolean).join(', '),
      from,
      to,
      entries,
      reviews,
      printedAt: formatDateTime(c.now),
    }));
  },
  'notebook.printRegister': async ({ from, to, language }, { ctx }) => {
    const c = ctx();
    const rows = await passRegister(c, from, to);
    return printForm(c, `pass-register-${from}_${to}-${language}.pdf`, 'passRegister', language, (station) => ({
      station,
      from,
      to,
      rows,
      printedAt: formatDateTime(c.now),
      printedBy: fullName(c.user),
    }));
  },
  'notebook.recordCheck': async ({ id, checkResult }, { ctx }) => recordCheck(ctx(), id, checkResult),
};
