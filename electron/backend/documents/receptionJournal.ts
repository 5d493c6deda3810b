import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Language, Reception, ReceptionCategory, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate, formatDateTime, fullName, localName } from '../../../shared/format';
import { a4, pageFooter } from './render';

export interface JournalData {
  station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody' | 'address'>;
  from: string;
  to: string;
  entries: Reception[];
  categories: ReceptionCategory[];
  printedAt: string;
  printedBy: string;
}

export const categoryName = (cats: ReceptionCategory[], code: string, lang: Language) => {
  const c = cats.find((x) => x.code === code);
  return c ? localName(c, lang) : code;
};

/** One journal row as text cells; shared by the PDF and the spreadsheet. */
export function journalRow(e: Reception, cats: ReceptionCategory[], lang: Language) {
  const t = translator(lang);
  const c = e.citizen;
  const idLine = c.iin ? `${t('doc.journal.iin')} ${c.iin}` : t(`iin.no.${c.noIin ?? 'unknown'}`);
  return {
    number: String(e.number),
    when: formatDateTime(e.receivedAt),
    mode: t(`reception.modes.${e.mode}`),
    citizen: [fullName(c), idLine, c.birthDate ? `${t('doc.journal.born')} ${formatDate(c.birthDate)}` : '']
      .filter(Boolean)
      .join('\n'),
    contacts: [c.address, c.phone].filter(Boolean).join('\n'),
    subject: `${categoryName(cats, e.categoryCode, lang)}: ${e.subject}`,
    action: [t(`reception.actions.${e.action}`), e.actionDetails].filter(Boolean).join(': '),
    // p.2(3): the assistant with the inspector he works under
    receiver: `${e.receiverName}${
      e.receiverRole === 'assistant'
        ? ` (${[t('doc.journal.assistant'), e.receiverSupervisor && t('users.underSupervision', { name: e.receiverSupervisor })].filter(Boolean).join(', ')})`
        : ''
    }`,
    followUp:
      e.status === 'voided'
        ? `${t('reception.status.voided')}: ${e.voidReason}`
        : [e.followUpDue ? `${t('doc.journal.due')} ${formatDate(e.followUpDue)}` : '', e.followUpResult]
            .filter(Boolean)
            .join('\n'),
  };
}

const TAIL_ROWS = 2;
const TAIL_ID = 'journal-tail';
const END_ID = 'journal-end';

/** Журнал приёма граждан / Азаматтарды қабылдау журналы: A4 landscape, numbered rows, totals (p.9). */
export function receptionJournal(d: JournalData, lang: Language) {
  const t = translator(lang);
  const head = [
    '№',
    t('doc.journal.when'),
    t('doc.journal.mode'),
    t('doc.journal.citizen'),
    t('doc.journal.contacts'),
    t('doc.journal.subject'),
    t('doc.journal.action'),
    t('doc.journal.receiver'),
    t('doc.journal.followUp'),
  ];
  const body: TableCell[][] = [head.map((h) => ({ text: h, bold: true, alignment: 'center', fillColor: '#eeeeee' }))];
  // the totals and the signature never stand alone on a page: the last rows go over with them (issue 15)
  const tail = d.entries.length > TAIL_ROWS ? d.entries.length - TAIL_ROWS : -1;
  d.entries.forEach((e, n) => {
    const r = journalRow(e, d.categories, lang);
    const voided = e.status === 'voided';
    body.push(
      [r.number, r.when, r.mode, r.citizen, r.contacts, r.subject, r.action, r.receiver, r.followUp].map((text, i) => ({
        text,
        alignment: i === 0 ? 'center' : 'left',
        decoration: voided && i > 0 && i < 8 ? 'lineThrough' : undefined,
        color: voided ? '#666666' : undefined,
        ...(n === tail ? { id: `${TAIL_ID}-${i}` } : {}),
      })) as TableCell[],
    );
  });
  const live = d.entries.filter((e) => e.status !== 'voided');
  const byMode = (m: Reception['mode']) => live.filter((e) => e.mode === m).length;
  const byCategory = d.categories
    .map((c) => ({
      name: localName(c, lang),
      n: live.filter((e) => e.categoryCode === c.code).length,
    }))
    .filter((x) => x.n > 0)
    .map((x) => `${x.name} — ${x.n}`)
    .join('; ');
  const period = d.from === d.to ? formatDate(d.from) : `${formatDate(d.from)} – ${formatDate(d.to)}`;

  const content: Content = [
    { text: d.station.policeBody, alignment: 'center', fontSize: 12 },
    {
      text: t('doc.stationLine', { number: d.station.uppNumber, name: d.station.uppName }),
      alignment: 'center',
      bold: true,
      fontSize: 12,
    },
    { text: t('doc.journal.title'), alignment: 'center', bold: true, fontSize: 16, margin: [0, 10, 0, 2] },
    { text: t('doc.journal.period', { period }), alignment: 'center', margin: [0, 0, 0, 10] },
    d.entries.length === 0
      ? { text: t('doc.journal.empty'), alignment: 'center', italics: true, margin: [0, 20, 0, 20] }
      : {
          table: {
            headerRows: 1,
            keepWithHeaderRows: 1,
            dontBreakRows: true,
            widths: [20, 54, 42, 118, 92, '*', 100, 64, 72],
            body,
          },
          layout: 'gridTight',
          fontSize: 9.5,
        },
    {
      margin: [0, 12, 0, 0],
      fontSize: 12,
      stack: [
        {
          text: t('doc.journal.total', { count: live.length, inPerson: byMode('inPerson'), online: byMode('online') }),
          bold: true,
        },
        ...(byCategory ? [{ text: `${t('doc.journal.byCategory')}: ${byCategory}` }] : []),
        ...(d.entries.length > live.length
          ? [{ text: t('doc.journal.voidedCount', { count: d.entries.length - live.length }) }]
          : []),
      ],
    },
    {
      margin: [0, 24, 0, 0],
      fontSize: 12,
      columns: [
        { id: END_ID, width: '*', text: t('doc.journal.printed', { at: d.printedAt, by: d.printedBy }) },
        { width: 'auto', text: `${t('doc.signature')} ____________________` },
      ],
    },
  ];
  const dd = a4(content, {
    landscape: true,
    title: t('doc.journal.title'),
    footer: pageFooter(t),
  });
  dd.pageMargins = [40, 36, 30, 40];
  // where the signature would fall on a later page than the last rows, those rows start that page; every cell of the
  // first of them is asked, as a break asked of one cell moved only that cell (the row's number went over alone)
  dd.pageBreakBefore = (node, nodes) =>
    !!node.id?.startsWith(TAIL_ID) && !nodes.getFollowingNodesOnPage().some((x) => x.id === END_ID);
  return dd;
}
