import { useState } from 'react';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

/**
 * dd.MM.yyyy, typed or picked; the value is an ISO day string. Esc with the calendar open
 * closes only the calendar, not the dialog around it.
 */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  return (
    <DateInput
      data-mantine-stop-propagation={open ? 'true' : undefined}
      popoverProps={{ onOpen: () => setOpen(true), onClose: () => setOpen(false) }}
      valueFormat="DD.MM.YYYY"
      placeholder={t('fields.datePlaceholder')}
      clearable
      // Tab goes from the date to the next field, not to the little cross
      clearButtonProps={{ tabIndex: -1 }}
      dateParser={(v) => {
        const d = dayjs(v.trim(), ['DD.MM.YYYY', 'D.M.YYYY', 'DDMMYYYY'], true);
        return d.isValid() ? d.format('YYYY-MM-DD') : null;
      }}
      {...props}
    />
  );
}

/** Calendar pickers in the chosen language, weeks from Monday. */
export function LocalizedDates({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
