import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Group, Modal, Stack, Text, type ModalProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { showApiError } from './forms';
import { keepOnLock, restoreDraft } from './drafts';
import { enterBubble, enterCapture, resumeTyping } from './formKeys';

interface Guard {
  setDirty: (dirty: boolean) => void;
  /** close, asking first when something typed would be lost */
  requestClose: () => void;
}
const GuardContext = createContext<Guard>({ setDirty: () => undefined, requestClose: () => undefined });

/** A form reports whether it holds unsaved input; returns the guarded close for its Cancel button. */
export function useCloseGuard(dirty: boolean): () => void {
  const g = useContext(GuardContext);
  useEffect(() => g.setDirty(dirty), [dirty, g]);
  return g.requestClose;
}

/** A modal for a form: Esc, the cross, the overlay and Cancel never drop typed text silently. */
export function FormModal({ onClose, children, ...props }: ModalProps) {
  const { t } = useTranslation();
  const dirty = useRef(false);
  const setDirty = useCallback((d: boolean) => void (dirty.current = d), []);
  // while the question is up, Esc answers the question ("back"), not the form
  const [asking, setAsking] = useState(false);
  const requestClose = useCallback(() => (dirty.current ? setAsking(true) : onClose()), [onClose]);
  const guard = useMemo(() => ({ setDirty, requestClose }), [setDirty, requestClose]);
  return (
    // no opening animation: at the desk the first keystroke must land in the form
    <Modal
      transitionProps={{ duration: 0 }}
      {...props}
      closeOnEscape={false}
      onClose={requestClose}
      // on the modal's root, so that Esc works wherever the focus is in it (its header's cross too); keys from the
      // question bubble here as well (React events cross portals): one place decides what Esc means
      onKeyDown={(e: React.KeyboardEvent) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        // a dialog opened from a dialog answers its own Esc; the one beneath it must not close too
        e.preventDefault();
        if (asking) return setAsking(false);
        // an open dropdown (select, calendar) marks its input: Esc closes the dropdown only
        if ((e.target as HTMLElement).getAttribute('data-mantine-stop-propagation') !== 'true') requestClose();
      }}
    >
      <div>
        <GuardContext.Provider value={guard}>{children}</GuardContext.Provider>
        <Modal
          opened={asking}
          onClose={() => setAsking(false)}
          closeOnEscape={false}
          title={t('app.discardTitle')}
          transitionProps={{ duration: 0 }}
          zIndex={400}
          size="sm"
        >
          <Text size="sm">{t('app.discardText')}</Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setAsking(false)} data-autofocus>
              {t('app.back')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setAsking(false);
                dirty.current = false;
                onClose();
              }}
            >
              {t('app.discard')}
            </Button>
          </Group>
        </Modal>
      </div>
    </Modal>
  );
}

/**
 * The body of a dialog form: validation by the contract, the backend's field errors
 * on the fields, a guarded Cancel and a busy Save.
 */
export function GuardedForm<V>({
  form,
  onSubmit,
  submitLabel,
  color,
  draft,
  children,
}: {
  form: UseFormReturnType<V>;
  onSubmit: (values: V) => Promise<void>;
  submitLabel?: string;
  color?: string;
  /** the form's name for a draft kept through a lock (issue 15); its screen reopens it after the unlock */
  draft?: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const dirty = form.isDirty();
  const requestClose = useCloseGuard(dirty);
  const ref = useRef<HTMLFormElement>(null);
  useKeptThroughLock(form, draft, dirty, ref);
  // a refused save says so beside the button and puts the cursor on the first wrong field (issue 15)
  const [refused, setRefused] = useState(false);
  const toFirstWrong = (el: HTMLFormElement | null | undefined, refusedAlready: boolean) =>
    setTimeout(() => {
      const bad = el?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (bad || refusedAlready) setRefused(true);
      bad?.focus();
    }, 0);
  const submit = useMutation({
    mutationFn: onSubmit,
    // the backend's refusal of a field lands under the field (showApiError): the cursor goes there too
    onError: (e) => {
      showApiError(t, e, form);
      toFirstWrong(ref.current, false);
    },
  });
  return (
    <form
      ref={ref}
      onSubmit={form.onSubmit(
        (values) => {
          setRefused(false);
          submit.mutate(values);
        },
        (_errors, _values, event) => toFirstWrong(event?.currentTarget as HTMLFormElement | undefined, true),
      )}
      onKeyDownCapture={enterCapture}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          ref.current?.requestSubmit();
        } else enterBubble(e);
      }}
    >
      <Stack gap="sm">
        {children}
        <Group justify="flex-end">
          {refused && (
            <Text size="sm" c="red" mr="auto" role="alert">
              {t('app.formRefused')}
            </Text>
          )}
          <Button variant="default" onClick={requestClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" color={color} loading={submit.isPending}>
            {submitLabel ?? t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Registers typed text for the lock to keep, and puts a draft given back after the unlock into the form. */
function useKeptThroughLock<V>(
  form: UseFormReturnType<V>,
  draft: string | undefined,
  dirty: boolean,
  element: React.RefObject<HTMLFormElement | null>,
) {
  const { t } = useTranslation();
  useEffect(() => {
    const kept = draft ? restoreDraft(draft) : null;
    if (!kept) return;
    form.setValues(kept.values as Partial<V>);
    notifications.show({ color: 'blue', message: t('app.draftRestored') });
    // the cursor where the typing goes on, once the values are in the fields and after the dialog's own first focus
    setTimeout(() => element.current && resumeTyping(element.current), 80);
    // once, when the form opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (!draft || !dirty) return;
    return keepOnLock({ form: draft, values: () => form.getValues() as Record<string, unknown> });
  }, [draft, dirty, form]);
}
