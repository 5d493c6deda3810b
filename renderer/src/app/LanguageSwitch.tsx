import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import type { Language } from '../../../shared/api';

/** The two languages by their own names, for the switches of the program and of the print preview. */
export const LANGUAGE_NAMES: { value: Language; label: string }[] = [
  { value: 'kk', label: 'Қазақша' },
  { value: 'ru', label: 'Русский' },
];

/** Kazakh / Russian, switchable at any moment; remembered on this PC. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(v) => setLanguage(v as Language)}
      data={LANGUAGE_NAMES}
    />
  );
}
