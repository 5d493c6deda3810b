import type React from 'react';

/**
 * One rule in every form (issue 15): Enter moves on to the next field still empty (Tab still visits every one), an
 * open list takes it for its choice and then moves on, a filled list is passed rather than reopened, the last field
 * hands it to the Save button; Shift+Enter is a new line in a text; Ctrl+Enter saves (GuardedForm).
 * A field that handles Enter itself (the citizen search) carries `data-enter-own`; one Enter passes over carries
 * `data-enter-skip` (the prefilled day and time of a visit).
 */
const isList = (el: HTMLElement) => el.getAttribute('aria-haspopup') === 'listbox' || el.role === 'combobox';
const isOpen = (el: HTMLElement) => el.getAttribute('aria-expanded') === 'true';

function fieldsOf(form: HTMLFormElement): HTMLElement[] {
  return [...form.querySelectorAll<HTMLElement>('input, textarea')].filter((x) => {
    const type = x.getAttribute('type');
    return (
      type !== 'radio' &&
      type !== 'checkbox' &&
      type !== 'hidden' &&
      type !== 'file' &&
      !x.matches(':disabled') &&
      x.tabIndex >= 0 &&
      x.offsetParent !== null
    );
  });
}

/** Where typing goes on in a form filled from a draft: its first empty field, else its first field. */
export function resumeTyping(form: HTMLFormElement): void {
  const fields = fieldsOf(form);
  (fields.find((x) => (x as HTMLInputElement).value.trim() === '') ?? fields[0])?.focus();
}

/** Focuses the next empty field after `el`, or the Save button when none is left. */
export function moveOn(el: HTMLElement): void {
  const form = el.closest('form');
  if (!form) return;
  // a choice that is not a field itself (the sex's radio buttons) moves on from where it stands in the form
  const next = fieldsOf(form)
    .filter((x) => el.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING)
    .find((x) => !x.hasAttribute('data-enter-skip') && (x as HTMLInputElement).value.trim() === '');
  (next ?? form.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
}

const ownsEnter = (el: HTMLElement, e: React.KeyboardEvent) =>
  e.key !== 'Enter' ||
  e.ctrlKey ||
  e.metaKey ||
  e.altKey ||
  !(el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') ||
  el.closest('[data-enter-own]') !== null ||
  (el.tagName === 'TEXTAREA' && e.shiftKey);

/** Capture phase: a list already chosen is passed over before it can open again; an open one is noted. */
export function enterCapture(e: React.KeyboardEvent<HTMLFormElement>): void {
  const el = e.target as HTMLElement;
  if (ownsEnter(el, e) || !isList(el)) return;
  if (isOpen(el)) {
    // what the box held before the choice: a choice replaces it with the option's name
    el.dataset.enterChoosing = (el as HTMLInputElement).value;
    return;
  }
  if ((el as HTMLInputElement).value.trim() !== '') {
    e.preventDefault();
    e.stopPropagation();
    moveOn(el);
  }
}

/** Bubble phase: a field moves on; a list that took the key for its choice moves on once it has closed. */
export function enterBubble(e: React.KeyboardEvent<HTMLFormElement>): void {
  const el = e.target as HTMLElement;
  if (ownsEnter(el, e)) return;
  const before = el.dataset.enterChoosing;
  delete el.dataset.enterChoosing;
  const handled = e.defaultPrevented;
  // never the browser's implicit submit of the whole form
  e.preventDefault();
  if (before !== undefined) {
    const chosen = () => !isOpen(el) && (el as HTMLInputElement).value !== before;
    setTimeout(() => chosen() && moveOn(el), 0);
    return;
  }
  if (handled || isOpen(el)) return;
  moveOn(el);
}
