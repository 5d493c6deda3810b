import type { Draft } from '../../../shared/api';

/**
 * Nothing typed is lost to a lock (issue 15). A form that may be kept registers itself while it holds typed text;
 * the lock (App) saves it to the encrypted store first. After the unlock the draft waits here until the screen that
 * owns the form opens it (`restoreDraft`).
 */
interface OpenForm {
  form: string;
  values: () => Record<string, unknown>;
}
let open: OpenForm | null = null;
let waiting: Draft | null = null;

/** While a form holds typed text; returns its unregistration. */
export function keepOnLock(o: OpenForm): () => void {
  open = o;
  return () => {
    if (open === o) open = null;
  };
}

/** The form to keep, if one holds typed text. */
export const formToKeep = () => open;

/** After the unlock: the draft given back, until its screen opens it. */
export function awaitRestore(d: Draft | null): void {
  waiting = d;
}

/** Whether a draft of this form waits: its screen opens the form at once. */
export const draftWaits = (form: string) => waiting?.form === form;

/** The id a waiting draft's name ends with, for a form of one record (`reception.correct.12` gives 12). */
export function draftWaitsFor(prefix: string): number | null {
  const m = waiting?.form.startsWith(prefix) ? /(\d+)$/.exec(waiting.form) : null;
  return m ? Number(m[1]) : null;
}

/** The waiting draft of this form, once. */
export function restoreDraft(form: string): Draft | null {
  if (waiting?.form !== form) return null;
  const d = waiting;
  waiting = null;
  return d;
}
