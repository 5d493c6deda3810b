import { createContext, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import { Modal, Text, type ModalProps } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useTranslation } from 'react-i18next';

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
