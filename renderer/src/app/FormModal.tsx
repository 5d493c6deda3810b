import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Group, Modal, Stack, Text, type ModalProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { modals } from '@mantine/modals';
import { useTranslation } from 'react-i18next';
import { showApiError } from './forms';

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
  const requestClose = useCallback(() => {
    if (!dirty.current) return onClose();
    modals.openConfirmModal({
      title: t('app.discardTitle'),
      children: <Text size="sm">{t('app.discardText')}</Text>,
      labels: { confirm: t('app.discard'), cancel: t('app.back') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        dirty.current = false;
        onClose();
      },
    });
  }, [onClose, t]);
  const guard = useMemo(() => ({ setDirty, requestClose }), [setDirty, requestClose]);
  return (
    <Modal {...props} onClose={requestClose}>
      <GuardContext.Provider value={guard}>{children}</GuardContext.Provider>
    </Modal>
  );
}

/**
 * The body of a dialog form: validation by the contract, the backend's field errors
 * on the fields, a guarded Cancel and a busy Save.
 */
export function GuardedForm<V>({ form, onSubmit, submitLabel, color, children }: {
  form: UseFormReturnType<V>;
  onSubmit: (values: V) => Promise<void>;
  submitLabel?: string;
  color?: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const requestClose = useCloseGuard(form.isDirty());
  const [busy, setBusy] = useState(false);
  return (
    <form
      onSubmit={form.onSubmit(async (values) => {
        setBusy(true);
        try {
          await onSubmit(values);
        } catch (e) {
          showApiError(t, e, form);
        } finally {
          setBusy(false);
        }
      })}
    >
      <Stack gap="sm">
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={requestClose}>{t('app.cancel')}</Button>
          <Button type="submit" color={color} loading={busy}>{submitLabel ?? t('app.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
