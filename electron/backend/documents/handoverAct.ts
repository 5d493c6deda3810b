import type { Content, TableCell } from 'pdfmake/interfaces';
import type { HandoverAct, Language, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate } from '../../../shared/format';
import { a4, stationHeader, pageFooter } from './render';

/** p.4, p.6: the act of acceptance and handover of a section, from what the data held on the day. */
export function handoverActDoc(
  d: { station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>; act: HandoverAct },
  lang: Language,
) {
  const t = translator(lang);
  const { act: a } = d;
  const s = a.snapshot;
  const table = (head: string[], rows: string[][], widths: (number | string)[]): Content =>
    rows.length
      ? {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths,
            body: [head.map((text) => ({ text, bold: true, fillColor: '#eeeeee' }) as TableCell), ...rows],
          },
          fontSize: 11,
          layout: 'grid',
          margin: [0, 0, 0, 6],
        }
      : { text: t('doc.act.none'), italics: true, fontSize: 11, margin: [0, 0, 0, 6] };
  const heading = (text: string): Content => ({ text, bold: true, margin: [0, 8, 0, 4] });
  const check = (what: string) => {
    const [kind, a1, a2] = what.split(':');
    if (kind === 'file') return t('doc.act.fileCheck', { number: a1, kind: t(`prevention.supervision.kinds.${a2}`) });
    return t(kind === 'applicant' ? 'doc.act.applicantCheck' : 'doc.act.firearmCheck', { person: a1 });
  };
  const content: Content = [
    ...stationHeader(d.station, t),
    {
      text: t(a.kind === 'cover' ? 'doc.act.titleCover' : 'doc.act.title'),
      alignment: 'center',
      bold: true,
      fontSize: 15,
      margin: [0, 12, 0, 2],
    },
    {
      text: t('doc.act.subtitle', { section: a.section, date: formatDate(a.date) }),
      alignment: 'center',
      margin: [0, 0, 0, 10],
    },
    {
      text: t('doc.act.parties', { from: a.from || t('doc.act.vacant'), to: a.to, superior: a.superior }),
      alignment: 'justify',
      leadingIndent: 30,
    },
    ...(a.orderNumber
      ? [
          {
            text: t('doc.act.order', { number: a.orderNumber, date: formatDate(a.orderDate) }),
            margin: [0, 4, 0, 0] as [number, number, number, number],
          },
        ]
      : []),
    heading(t('doc.act.passport')),
    {
      text: s.passport
        ? t('doc.act.passportState', {
            year: s.passport.lastYear ?? '—',
            rows: s.passport.filledRows,
            enterprises: s.passport.enterprises,
            dormitories: s.passport.dormitories,
            permit: s.passport.permitObjects,
          })
        : t('doc.act.none'),
      fontSize: 11,
    },
    heading(t('doc.act.files', { n: s.personFiles.length })),
    table(
      ['№', t('prevention.person'), t('doc.inventory.categories'), t('doc.act.storage')],
      s.personFiles.map((f) => [
        String(f.number),
        f.person,
        f.categories.join(', '),
        `${f.place === 'safe' ? t('prevention.custodyPlaces.safe') : t('prevention.custodyPlaces.policeBody')}: ${f.storage}${f.out ? ` (${t('doc.act.out')})` : ''}`,
      ]),
      [30, '*', 50, 190],
    ),
    heading(t('doc.act.firearms', { n: s.firearmOwners.length })),
    table(
      [t('lists.person'), t('lists.weapons'), t('lists.nextCheck')],
      s.firearmOwners.map((o) => [o.person, String(o.weapons), formatDate(o.nextCheck)]),
      ['*', 60, 100],
    ),
    heading(t('doc.act.probation', { n: s.probation.length })),
    { text: s.probation.map((p) => p.person).join('; ') || t('doc.act.none'), fontSize: 11 },
    heading(t('doc.act.foreigners', { n: s.foreigners.length })),
    {
      text:
        s.foreigners
          .map(
            (f) => `${f.person}${f.stayUntil ? ` (${t('doc.lists.until', { date: formatDate(f.stayUntil) })})` : ''}`,
          )
          .join('; ') || t('doc.act.none'),
      fontSize: 11,
    },
    heading(t('doc.act.instructions', { n: s.openInstructions.length })),
    table(
      ['№', t('notebook.text'), t('notebook.due')],
      s.openInstructions.map((i) => [String(i.number), i.text, formatDate(i.due)]),
      [30, '*', 80],
    ),
    heading(t('doc.act.checks', { n: s.unfinishedChecks.length })),
    table(
      [t('doc.act.check'), t('notebook.due')],
      s.unfinishedChecks.map((c) => [check(c.what), formatDate(c.due)]),
      ['*', 80],
    ),
    heading(t('doc.act.remarks')),
    { text: a.remarks || t('doc.act.none') },
    { text: t('doc.act.tour'), fontSize: 11, italics: true, margin: [0, 10, 0, 0] },
    {
      columns: [
        { text: t('doc.act.handed'), width: '*' },
        { text: t('doc.signatureLine', { name: a.from || '            ' }), width: 'auto' },
      ],
      margin: [0, 24, 0, 0],
    },
    {
      columns: [
        { text: t('doc.act.accepted'), width: '*' },
        { text: t('doc.signatureLine', { name: a.to }), width: 'auto' },
      ],
      margin: [0, 14, 0, 0],
    },
    {
      columns: [
        { text: t('doc.act.present'), width: '*' },
        { text: t('doc.signatureLine', { name: a.superior }), width: 'auto' },
      ],
      margin: [0, 14, 0, 0],
    },
  ];
  return a4(content, { title: t('doc.act.title'), footer: pageFooter(t) });
}
