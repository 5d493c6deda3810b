import { useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { ADDRESSED } from './addressed';

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
  pages,
  focusId,
}: {
  records: T[] | undefined;
  columns: DataTableColumn<T>[];
  fetching?: boolean;
  onOpen?: (record: T) => void;
  rowLabel: (record: T) => string;
  rowStyle?: (record: T) => CSSProperties | undefined;
  minHeight?: number;
  height?: string;
  /** a list paged in the backend: which page, of how many records */
  pages?: { page: number; perPage: number; total: number; onPage: (page: number) => void };
  /** the record the address names (the search box opened it): shown, marked and given the focus */
  focusId?: number | null;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const shown = records?.some((r) => r.id === focusId) ?? false;
  useEffect(() => {
    if (!shown) return;
    const row = box.current?.querySelector<HTMLElement>(`[data-record-id="${focusId}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus({ preventScroll: true });
  }, [shown, focusId]);
  const common = {
    withTableBorder: true,
    striped: true,
    highlightOnHover: true,
    minHeight,
    height,
    noRecordsText: t('app.noRecords'),
    fetching,
    records: records ?? [],
    columns,
    rowStyle: (r: T) => (r.id === focusId ? { ...rowStyle?.(r), ...ADDRESSED } : rowStyle?.(r)),
    onRowClick: onOpen ? ({ record }: { record: T }) => onOpen(record) : undefined,
    customRowAttributes: (r: T) => ({
      tabIndex: 0,
      'data-record-id': r.id,
      'aria-label': rowLabel(r),
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === 'Enter' && onOpen) onOpen(r);
      },
    }),
  };
  if (!pages)
    return (
      <div ref={box}>
        <DataTable<T> {...common} />
      </div>
    );
  return (
    <div ref={box}>
      <DataTable<T>
        {...common}
        page={pages.page}
        onPageChange={pages.onPage}
        totalRecords={pages.total}
        recordsPerPage={pages.perPage}
        paginationText={({ from, to, totalRecords }) => t('app.pageRange', { from, to, total: totalRecords })}
      />
    </div>
  );
}
