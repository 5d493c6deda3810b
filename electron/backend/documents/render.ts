import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, Content, CustomTableLayout } from 'pdfmake/interfaces';
import type { Station } from '../../../shared/api';
import type { translator } from '../../../shared/i18n';

/**
 * pdfmake with Liberation Serif 2.x from resources/fonts (1.x lacks Kazakh letters;
 * the built-in PDF fonts garble Cyrillic silently). Fonts are passed as file paths.
 */
let fontsDir: string | null = null;

function ensureFonts(resourcesDir: string): void {
  const dir = path.resolve(resourcesDir, 'fonts');
  if (fontsDir === dir) return;
  pdfmake.setFonts({
    LiberationSerif: {
      normal: path.join(dir, 'LiberationSerif-Regular.ttf'),
      bold: path.join(dir, 'LiberationSerif-Bold.ttf'),
      italics: path.join(dir, 'LiberationSerif-Italic.ttf'),
      bolditalics: path.join(dir, 'LiberationSerif-BoldItalic.ttf'),
    },
  });
  // documents are built from our own data; nothing may be fetched from outside
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setTableLayouts(TABLE_LAYOUTS);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir + path.sep));
  fontsDir = dir;
}

/**
 * A printed form's document: table layouts by name (`TABLE_LAYOUTS`, stated once instead of in each form) and the
 * footer as a template with {page} and {pages}; `renderPdf` turns it into pdfmake's definition.
 */
export type PrintDoc = Omit<TDocumentDefinitions, 'footer' | 'header' | 'background'> & {
  /** the footer line, `{page}` and `{pages}` replaced on each page; null: no footer */
  pageFooter: string | null;
};

/** The table rules of our forms, by name: thin lines, and thin lines with tight padding for long registers. */
const TABLE_LAYOUTS: Record<string, CustomTableLayout> = {
  grid: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
  gridTight: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
};

/** "Page {page} of {pages}" in the document's language, as a footer template. */
export const pageFooter = (t: ReturnType<typeof translator>): string =>
  t('doc.page', { page: '{page}', pages: '{pages}' });

/** A4, serif 14 pt, page numbers: the house style of every printed form. */
export function a4(content: Content, opts: { footer?: string | null; landscape?: boolean; title: string }): PrintDoc {
  return {
    pageSize: 'A4',
    pageOrientation: opts.landscape ? 'landscape' : 'portrait',
    pageMargins: [70, 50, 45, 50],
    info: { title: opts.title, creator: 'Uchaske' },
    defaultStyle: { font: 'LiberationSerif', fontSize: 14, lineHeight: 1.15 },
    pageFooter: opts.footer === undefined ? '{page} / {pages}' : opts.footer,
    content,
  };
}

/** Rendering progress: the pages are known once laid out; `done` counts the pages written so far. */
export interface RenderProgress {
  done: number;
  pages: number;
}

/**
 * pdfmake's layout and rendering: CPU work of seconds for a long register, so it runs in the PDF worker
 * (`pdfWorker.ts`), never on the thread that answers calls.
 */
export async function renderPdf(
  resourcesDir: string,
  doc: PrintDoc,
  onProgress: (p: RenderProgress) => void = () => {},
): Promise<Buffer> {
  ensureFonts(resourcesDir);
  const { pageFooter: template, ...rest } = doc;
  let pages = 0;
  const dd: TDocumentDefinitions = {
    ...rest,
    footer: (page: number, count: number) => {
      pages = count;
      return template === null
        ? ''
        : {
            text: template.replace('{page}', String(page)).replace('{pages}', String(count)),
            alignment: 'center',
            fontSize: 10,
            margin: [0, 15, 0, 0],
          };
    },
  };
  let reported = -1;
  pdfmake.setProgressCallback((fraction: number) => {
    const done = Math.floor(fraction * pages);
    if (done !== reported) onProgress({ done: (reported = done), pages });
  });
  try {
    return Buffer.from(await pdfmake.createPdf(dd).getBuffer());
  } finally {
    pdfmake.setProgressCallback(() => {});
  }
}

/** The two lines every form starts with: the police body and the station. */
export const stationHeader = (
  station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>,
  t: ReturnType<typeof translator>,
): Content[] => [
  { text: station.policeBody, alignment: 'center', fontSize: 12 },
  {
    text: t('doc.stationLine', { number: station.uppNumber, name: station.uppName }),
    alignment: 'center',
    bold: true,
    fontSize: 12,
  },
];
