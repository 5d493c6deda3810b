import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, Content } from 'pdfmake/interfaces';
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
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir + path.sep));
  fontsDir = dir;
}

/** A4, serif 14 pt, page numbers: the house style of every printed form. */
export function a4(
  content: Content,
  opts: { footer?: (page: number, pages: number) => string; landscape?: boolean; title: string },
): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: opts.landscape ? 'landscape' : 'portrait',
    pageMargins: [70, 50, 45, 50],
    info: { title: opts.title, creator: 'Uchaske' },
    defaultStyle: { font: 'LiberationSerif', fontSize: 14, lineHeight: 1.15 },
    footer: (page: number, pages: number) => ({
      text: opts.footer ? opts.footer(page, pages) : `${page} / ${pages}`,
      alignment: 'center',
      fontSize: 10,
      margin: [0, 15, 0, 0],
    }),
    content,
  };
}

export async function renderPdf(resourcesDir: string, dd: TDocumentDefinitions): Promise<Buffer> {
  ensureFonts(resourcesDir);
  const doc = pdfmake.createPdf(dd);
  return Buffer.from(await doc.getBuffer());
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
