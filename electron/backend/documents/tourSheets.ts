import type { Content, ContentStack } from 'pdfmake/interfaces';
import type { Language, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import type { PrintDoc } from './render';

/** What the information sheet and the business card print of one member of the section staff (p.22(14)). */
export interface ContactData {
  station: Pick<Station, 'uppNumber' | 'uppName' | 'address'>;
  name: string;
  rank: string;
  role: 'inspector' | 'assistant' | 'uppLead';
  sections: string[];
  phone: string;
  hours: { from: string; to: string };
  /** chosen for this print, not kept */
  photo: string | null;
}

function lines(d: ContactData, lang: Language) {
  const t = translator(lang);
  return {
    title: t('tours.sheet.title'),
    who: t(`tours.sheet.roles.${d.role}`),
    section: t('tours.sheet.section', { numbers: d.sections.join(', ') }),
    station: t('doc.stationLine', { number: d.station.uppNumber, name: d.station.uppName }),
    hours: t('tours.sheet.hours', { from: d.hours.from, to: d.hours.to }),
    place: t('tours.sheet.place', { address: d.station.address }),
    phone: t('tours.sheet.phone', { phone: d.phone }),
    emergency: t('tours.sheet.emergency'),
    ask: t('tours.sheet.ask'),
  };
}

/**
 * p.22(14): the information sheet posted in public places, Kazakh above and Russian below on one sheet: the name,
 * rank, photo if given, section, the reception's hours and place, the phones. A4 or A5. The two languages are one
 * above the other, not side by side: a line as long as the phone's then never wraps.
 */
export function infoSheet(d: ContactData & { size: 'A4' | 'A5' }, _language: Language): PrintDoc {
  // a poster: the A4 sheet in large print, the A5 as a smaller copy of it
  // with a photo the two blocks share less room
  const k = (d.size === 'A4' ? 1.3 : 0.9) * (d.photo ? 0.85 : 1);
  const block = (lang: Language): ContentStack => {
    const l = lines(d, lang);
    return {
      unbreakable: true,
      alignment: 'center',
      stack: [
        { text: l.title, bold: true, fontSize: 17 * k, margin: [0, 0, 0, 6 * k] },
        { text: d.name, bold: true, fontSize: 20 * k },
        { text: [d.rank, l.who].filter(Boolean).join(', '), fontSize: 12 * k },
        { text: l.section, bold: true, fontSize: 14 * k, margin: [0, 4 * k, 0, 8 * k] },
        { text: l.hours, fontSize: 12 * k },
        { text: [l.station, ', ', l.place], fontSize: 12 * k, margin: [0, 0, 0, 6 * k] },
        { text: l.phone, bold: true, fontSize: 17 * k },
        { text: l.emergency, fontSize: 12 * k, margin: [0, 2 * k, 0, 6 * k] },
        { text: l.ask, italics: true, fontSize: 11 * k },
      ],
    };
  };
  const photo: Content[] = d.photo
    ? [{ image: d.photo, fit: [100 * k, 125 * k], alignment: 'center', margin: [0, 0, 0, 10 * k] }]
    : [];
  const rule: Content = {
    canvas: [
      { type: 'line', x1: 0, y1: 0, x2: d.size === 'A4' ? 505 : 360, y2: 0, lineWidth: 0.6, dash: { length: 4 } },
    ],
    margin: [0, 14 * k, 0, 14 * k],
  };
  const content: Content = [...photo, block('kk'), rule, block('ru')];
  return {
    pageSize: d.size,
    pageOrientation: 'portrait',
    pageMargins: d.size === 'A4' ? [45, 50, 45, 40] : [30, 34, 30, 28],
    info: { title: lines(d, 'ru').title, creator: 'Uchaske' },
    defaultStyle: { font: 'LiberationSerif', fontSize: 12, lineHeight: 1.15 },
    pageFooter: null,
    content,
  };
}

/** A business card: 85 × 55 mm, in points. */
const CARD = { w: 241, h: 156 };

/** p.22(14): the business cards handed out on the tour, ten to an A4 sheet, cut along the dashed lines. */
export function businessCards(d: ContactData, _language: Language): PrintDoc {
  const kk = lines(d, 'kk');
  const ru = lines(d, 'ru');
  // pdfmake writes its layout into a node: each card its own
  const card = (): Content => ({
    stack: [
      { text: kk.station, fontSize: 7, color: '#333333' },
      { text: d.name, bold: true, fontSize: 11, margin: [0, 5, 0, 1] },
      { text: d.rank, fontSize: 7.5 },
      { text: `${kk.who} / ${ru.who}`, fontSize: 7.5 },
      { text: `${kk.section} / ${ru.section}`, fontSize: 7.5, bold: true, margin: [0, 1, 0, 4] },
      { text: d.phone, bold: true, fontSize: 11 },
      { text: `${kk.hours} / ${ru.hours}`, fontSize: 6.5, margin: [0, 3, 0, 0] },
      { text: d.station.address, fontSize: 6.5 },
      { text: `${kk.emergency} / ${ru.emergency}`, fontSize: 6.5 },
    ],
  });
  const dash = { dash: { length: 3, space: 2 } };
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    // two cards across and five down, centred on the sheet
    pageMargins: [(595.28 - 2 * CARD.w) / 2, (841.89 - 5 * CARD.h) / 2, 0, 0],
    info: { title: ru.title, creator: 'Uchaske' },
    defaultStyle: { font: 'LiberationSerif', fontSize: 8, lineHeight: 1.1 },
    pageFooter: null,
    content: {
      table: {
        widths: [CARD.w - 20, CARD.w - 20],
        heights: CARD.h - 20,
        dontBreakRows: true,
        body: Array.from({ length: 5 }, () => [card(), card()]),
      },
      layout: {
        hLineWidth: () => 0.4,
        vLineWidth: () => 0.4,
        hLineColor: () => '#888888',
        vLineColor: () => '#888888',
        hLineStyle: () => dash,
        vLineStyle: () => dash,
        paddingLeft: () => 10,
        paddingRight: () => 10,
        paddingTop: () => 10,
        paddingBottom: () => 10,
      },
    },
  };
}
