import type { Handlers } from '../../handlers';
import { instruct, listEntries, markDone, markPassed, owners, passRegister, recordCallIn, recordCheck, review, writeOwn } from './service';

type N =
  | 'notebook.owners' | 'notebook.entries' | 'notebook.write' | 'notebook.instruct' | 'notebook.markDone'
  | 'notebook.markPassed' | 'notebook.callIn' | 'notebook.review' | 'notebook.passRegister' | 'notebook.recordCheck';

export const notebookHandlers: Handlers<N> = {
  'notebook.owners': async (_i, { ctx }) => owners(ctx()),
  'notebook.entries': async (f, { ctx }) => listEntries(ctx(), f),
  'notebook.write': async (e, { ctx }) => writeOwn(ctx(), e),
  'notebook.instruct': async ({ ownerIds, text, dueDate, expectedResult }, { ctx }) => instruct(ctx(), ownerIds, text, dueDate, expectedResult),
  'notebook.markDone': async ({ id, doneText }, { ctx }) => markDone(ctx(), id, doneText),
  'notebook.markPassed': async ({ id, passedHow, outgoingNumber }, { ctx }) => markPassed(ctx(), id, passedHow, outgoingNumber),
  'notebook.callIn': async ({ ownerId, occurredAt, text }, { ctx }) => recordCallIn(ctx(), ownerId, occurredAt, text),
  'notebook.review': async ({ ownerId, remark }, { ctx }) => review(ctx(), ownerId, remark),
  'notebook.passRegister': async ({ from, to }, { ctx }) => passRegister(ctx(), from, to),
  'notebook.recordCheck': async ({ id, checkResult }, { ctx }) => recordCheck(ctx(), id, checkResult),
};
