import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconChevronLeft,
  IconChevronRight,
  IconDeviceFloppy,
  IconPrinter,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GeneratedFile, Language } from '../../../../shared/api';
import { call, desktop } from '../../api/client';
import { useCall } from '../../api/hooks';
import { DateField } from '../DateField';
import { LANGUAGE_NAMES } from '../LanguageSwitch';
import { bytesOf } from '../files';
import { errorMessage } from '../forms';
import { saveFile } from '../saveFile';
import { closePreview, usePreviewRequest, type PreviewChoices, type PreviewRequest } from './openPreview';
import { drawPage, loadPdfLibrary, openPdf, pageSize, preparePrint, sheetSize, type PdfDoc } from './pdf';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const GAP = 16;

/** The one print preview of the program, mounted once; `openPreview` fills it. */
export function PrintPreviewHost() {
  const open = usePreviewRequest();
  // pdf.js (2 MB) loads once the program has started and is idle, so the first print of the evening does not wait
  // for it; the program's start does not either
  useEffect(() => {
    const idle = setTimeout(() => void loadPdfLibrary(), 3000);
    return () => clearTimeout(idle);
  }, []);
  // a new request is a new preview: nothing of the last document's state carries over
  return open ? <PrintPreview key={open.id} id={open.id} request={open.request} /> : null;
}

interface Loaded {
  file: GeneratedFile;
  doc: PdfDoc;
  size: { width: number; height: number };
}

function PrintPreview({ request, id }: { request: PreviewRequest; id: number }) {
  const { t, i18n } = useTranslation();
  const [choices, setChoices] = useState<PreviewChoices>(() => ({
    language: request.language ?? (i18n.language as Language),
    switches: Object.fromEntries((request.switches ?? []).map((s) => [s.key, s.value])),
    period: request.period,
  }));
  const [zoom, setZoom] = useState(1);
  const [current, setCurrent] = useState(1);
  const [printing, setPrinting] = useState<number | null>(null);
  const [printers, setPrinters] = useState<{ value: string; label: string }[]>([]);
  const [printer, setPrinter] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const periodValid =
    !choices.period || (!!choices.period.from && !!choices.period.to && choices.period.from <= choices.period.to);
  // the document for the current choices; kept only while the preview shows it (gcTime 0), never cached for later
  const built = useQuery<Loaded, Error>({
    queryKey: ['preview', id, choices],
    queryFn: async () => {
      const file = await request.load(choices);
      const doc = await openPdf(bytesOf(file.base64));
      return { file, doc, size: await pageSize(doc) };
    },
    enabled: periodValid,
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
  const loaded = built.data ?? null;
  /** another language, period or option is another document: it opens on its first page */
  const choose = (next: (c: PreviewChoices) => PreviewChoices) => {
    setChoices(next);
    setCurrent(1);
    scroller.current?.scrollTo({ top: 0 });
  };
  const building = built.isFetching;
  // while it is built, the backend says how far it has got
  const progress = useCall('documents.progress', {}, { enabled: building, refetchInterval: 250, gcTime: 0 });
  const done = building && progress.data?.rendering ? progress.data : null;
  // a long register's first page, shown while the whole is laid out (issue 14); it leaves with the document
  const first = useQuery<Omit<Loaded, 'file'> | null, Error>({
    queryKey: ['preview-first', id, choices],
    queryFn: async () => {
      const f = await call('documents.firstPage', {});
      if (!f) return null;
      const doc = await openPdf(bytesOf(f.base64));
      return { doc, size: await pageSize(doc) };
    },
    enabled: !!done?.firstPage,
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
  const interim = building && !built.data ? (first.data ?? null) : null;
  useEffect(() => () => void first.data?.doc.loadingTask.destroy(), [first.data]);

  // the document's pages leave memory with the preview, or when another document replaces them
  useEffect(() => () => void loaded?.doc.loadingTask.destroy(), [loaded]);

  // pdf.js loads while the document is built, not after
  useEffect(() => void loadPdfLibrary(), []);

  useEffect(() => {
    if (!desktop.printers) return;
    void desktop.printers().then((list) => {
      setPrinters(list.map((p) => ({ value: p.name, label: p.displayName })));
      setPrinter(list[0]?.name ?? null);
    });
  }, []);

  const pages = loaded?.doc.numPages ?? 0;
  const pageHeight = loaded ? sheetSize(loaded.size, zoom).height : 0;
  const landscape = loaded ? loaded.size.width > loaded.size.height : false;

  function goTo(n: number) {
    const target = Math.min(Math.max(1, n), pages);
    scroller.current?.scrollTo({ top: (target - 1) * (pageHeight + GAP) });
    setCurrent(target);
  }

  async function print() {
    if (!loaded || printing !== null) return;
    setPrinting(0);
    let cleanup: (() => void) | null = null;
    try {
      cleanup = await preparePrint(loaded.doc, landscape, setPrinting);
      if (desktop.print) await desktop.print({ landscape, printer: printer ?? undefined });
      else window.print();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(t, e) });
    } finally {
      cleanup?.();
      setPrinting(null);
    }
  }

  async function save() {
    if (!loaded) return;
    const saved = await saveFile(loaded.file);
    // a browser shows its own downloads; the desktop program says where the chosen file went
    if (saved && desktop.save)
      notifications.show({ color: 'teal', message: t('preview.saved', { name: saved }), autoClose: 3000 });
  }

  // also while a switch or a date of the preview has the focus: the preview has no text to page through
  useHotkeys(
    [
      ['mod+P', () => void print()],
      ['PageDown', () => goTo(current + 1)],
      ['PageUp', () => goTo(current - 1)],
    ],
    [],
  );

  const zoomAt = ZOOMS.indexOf(zoom);

  return (
    <Modal
      opened
      onClose={closePreview}
      fullScreen
      title={request.title}
      closeButtonProps={{ 'aria-label': t('preview.close') }}
      styles={{ body: { padding: 0, height: 'calc(100vh - 60px)', display: 'flex', flexDirection: 'column' } }}
    >
      <Group
        px="md"
        py={8}
        gap="sm"
        justify="space-between"
        wrap="nowrap"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group gap="sm" wrap="nowrap">
          {request.bilingual !== false && (
            <SegmentedControl
              aria-label={t('preview.language')}
              size="xs"
              data={LANGUAGE_NAMES}
              value={choices.language}
              onChange={(v) => choose((c) => ({ ...c, language: v as Language }))}
            />
          )}
          {choices.period && (
            <Group gap={6} wrap="nowrap">
              <DateField
                size="xs"
                w={110}
                clearable={false}
                aria-label={`${t('preview.period')}: ${t('reception.from')}`}
                value={choices.period.from}
                onChange={(v) => v && choose((c) => ({ ...c, period: { ...c.period!, from: v } }))}
              />
              <Text size="xs">—</Text>
              <DateField
                size="xs"
                w={110}
                clearable={false}
                aria-label={`${t('preview.period')}: ${t('reception.to')}`}
                value={choices.period.to}
                onChange={(v) => v && choose((c) => ({ ...c, period: { ...c.period!, to: v } }))}
              />
            </Group>
          )}
          {(request.switches ?? []).map((s) => (
            <Switch
              key={s.key}
              size="xs"
              label={s.label}
              checked={choices.switches[s.key] ?? false}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                choose((c) => ({ ...c, switches: { ...c.switches, [s.key]: on } }));
              }}
            />
          ))}
        </Group>
        <Group gap={6} wrap="nowrap">
          <Tooltip label={t('preview.prev')}>
            <ActionIcon
              variant="default"
              aria-label={t('preview.prev')}
              onClick={() => goTo(current - 1)}
              disabled={current <= 1}
            >
              <IconChevronLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <Text size="sm" data-testid="preview-pages" miw={130} ta="center">
            {pages
              ? t('preview.pageOf', { page: current, pages })
              : interim
                ? t('preview.pageOf', { page: 1, pages: '…' })
                : '—'}
          </Text>
          <Tooltip label={t('preview.next')}>
            <ActionIcon
              variant="default"
              aria-label={t('preview.next')}
              onClick={() => goTo(current + 1)}
              disabled={current >= pages}
            >
              <IconChevronRight size={16} />
            </ActionIcon>
          </Tooltip>
          <ActionIcon
            variant="default"
            aria-label={t('preview.zoomOut')}
            disabled={zoomAt <= 0}
            onClick={() => setZoom(ZOOMS[zoomAt - 1]!)}
          >
            <IconZoomOut size={16} />
          </ActionIcon>
          <Text size="sm" w={44} ta="center">
            {Math.round(zoom * 100)}%
          </Text>
          <ActionIcon
            variant="default"
            aria-label={t('preview.zoomIn')}
            disabled={zoomAt >= ZOOMS.length - 1}
            onClick={() => setZoom(ZOOMS[zoomAt + 1]!)}
          >
            <IconZoomIn size={16} />
          </ActionIcon>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {printers.length > 0 && (
            <Select
              size="xs"
              w={200}
              aria-label={t('preview.printer')}
              data={printers}
              value={printer}
              onChange={setPrinter}
              allowDeselect={false}
            />
          )}
          <Button
            size="xs"
            leftSection={<IconPrinter size={14} />}
            onClick={() => void print()}
            disabled={!loaded || building}
            loading={printing !== null}
          >
            {t('preview.print')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDeviceFloppy size={14} />}
            onClick={() => void save()}
            disabled={!loaded || building}
          >
            {t('preview.save')}
          </Button>
        </Group>
      </Group>
      {printing !== null && pages > 0 && (
        <Box px="md" py={4}>
          <Text size="xs" c="dimmed">
            {t('preview.preparing', { done: printing, pages })}
          </Text>
          <Progress value={(printing / pages) * 100} size="xs" />
        </Box>
      )}
      <Box
        ref={scroller}
        style={{ flex: 1, overflow: 'auto', background: 'var(--mantine-color-gray-2)', position: 'relative' }}
        onScroll={(e) => {
          if (pageHeight)
            setCurrent(Math.min(pages, Math.floor(e.currentTarget.scrollTop / (pageHeight + GAP) + 0.5) + 1));
        }}
      >
        {built.error && (
          <Center p="xl">
            <Alert color="red" title={t('preview.failed')}>
              {errorMessage(t, built.error)}
            </Alert>
          </Center>
        )}
        {building && (
          <Center
            p="xl"
            // over the first page shown meanwhile, a bar at the top rather than a veil over it
            style={
              interim
                ? { position: 'sticky', top: 0, zIndex: 1, background: 'rgba(233,236,239,0.92)' }
                : { position: 'absolute', inset: 0, zIndex: 1, background: 'rgba(233,236,239,0.85)' }
            }
          >
            <Stack align="center" gap="xs" w={320}>
              <Loader size="sm" />
              <Text size="sm" data-testid="preview-building">
                {done?.pages
                  ? t('preview.buildingPages', { done: done.done, pages: done.pages })
                  : t('preview.building')}
              </Text>
              {!!done?.pages && <Progress w="100%" value={(done.done / done.pages) * 100} />}
            </Stack>
          </Center>
        )}
        {interim && (
          <Stack gap={GAP} align="center" py="md" data-testid="preview-first-page">
            <Sheet doc={interim.doc} number={1} zoom={zoom} size={interim.size} />
          </Stack>
        )}
        {loaded && (
          <Stack gap={GAP} align="center" py="md" data-testid="preview-sheets">
            {Array.from({ length: pages }, (_, i) => (
              <Sheet key={i} doc={loaded.doc} number={i + 1} zoom={zoom} size={loaded.size} />
            ))}
          </Stack>
        )}
      </Box>
    </Modal>
  );
}

/** One page: a white sheet of the page's size, drawn when it comes near the view. */
function Sheet({
  doc,
  number,
  zoom,
  size,
}: {
  doc: PdfDoc;
  number: number;
  zoom: number;
  size: { width: number; height: number };
}) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const io = new IntersectionObserver(([e]) => setNear(!!e?.isIntersecting), { rootMargin: '800px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, []);

  useEffect(() => {
    if (!near || !canvas.current) return;
    const stop = new AbortController();
    setDrawn(false);
    // a drawing overtaken by another zoom is cancelled: pdf.js refuses two drawings on one canvas
    void drawPage(doc, number, canvas.current, zoom, stop.signal).then(
      () => !stop.signal.aborted && setDrawn(true),
      () => undefined,
    );
    return () => stop.abort();
  }, [near, doc, number, zoom]);

  const { width, height } = sheetSize(size, zoom);
  return (
    <Box
      ref={box}
      w={width}
      h={height}
      bg="white"
      data-page={number}
      data-drawn={drawn ? 'true' : 'false'}
      style={{ boxShadow: '0 1px 4px rgba(0,0,0,0.25)', flex: 'none' }}
    >
      <canvas ref={canvas} aria-label={String(number)} style={{ display: near ? 'block' : 'none' }} />
    </Box>
  );
}
