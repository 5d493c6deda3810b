import type { CSSProperties, KeyboardEvent } from 'react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';

/**
 * The station's list of records: striped, every row reachable with Tab and opened with Enter or a click, as the rest
 * of the desk works by keyboard. `rowLabel` is what a screen reader says for the row.
 */
export function RecordTable<T extends { id: number }>({
  records,
  columns,
  fetching,
  onOpen,
  rowLabel,
  rowStyle,
  minHeight = 160,
  height,
}: {
  records: T[] | undefined;
  columns: DataTableColumn<T>[];
  fetching?: boolean;
  onOpen?: (record: T) => void;
  rowLabel: (record: T) => string;
  rowStyle?: (record: T) => CSSProperties | undefined;
  minHeight?: number;
  height?: string;
}) {
  const { t } = useTranslation();
  return (
    <DataTable<T>
      withTableBorder
      striped
      highlightOnHover
      minHeight={minHeight}
      height={height}
      noRecordsText={t('app.noRecords')}
      fetching={fetching}
      records={records ?? []}
      columns={columns}
      rowStyle={rowStyle}
      onRowClick={onOpen ? ({ record }) => onOpen(record) : undefined}
      customRowAttributes={(r) => ({
        tabIndex: 0,
        'aria-label': rowLabel(r),
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === 'Enter' && onOpen) onOpen(r);
        },
      })}
    />
  );
}
