import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Language, Plan, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate } from '../../../shared/format';
import { a4, stationHeader, pageFooter } from './render';

/** p.18, p.24(1): the monthly UPP plan with the approval block and, during the month, the marks of execution. */
export function monthlyPlanDoc(
  d: { station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>; plan: Plan; leadName: string },
  lang: Language,
) {
  const t = translator(lang);
  const p = d.plan;
  const [year, month] = p.month.split('-').map(Number) as [number, number];
  const approved = p.status === 'approved' || p.status === 'superseded';
  const body: TableCell[][] = [
    [
      '№',
      t('plans.item.text'),
      t('plans.item.responsible'),
      t('plans.item.dueDate'),
      t('plans.item.basis'),
      t('plans.item.result'),
    ].map((text) => ({ text, bold: true, fillColor: '#eeeeee', alignment: 'center' })),
  ];
  p.items.forEach((i, n) =>
    body.push([
      { text: String(n + 1), alignment: 'center' },
      i.text,
      i.responsible,
      formatDate(i.dueDate),
      i.basis,
      i.result ? `${t(`plans.results.${i.result}`)}${i.resultNote ? `: ${i.resultNote}` : ''}` : '',
    ]),
  );
  const content: Content = [
    {
      columns: [
        {
          width: '*',
          stack: stationHeader(d.station, t).map((c) => ({ ...(c as object), alignment: 'left' }) as Content),
        },
        {
          width: 210,
          stack: [
            { text: t('doc.plan.approve'), bold: true },
            {
              // p.18: the head of the MPS by his position, or the person replacing him as such
              text: !approved
                ? t('doc.plan.chief')
                : p.approvedAs === 'acting'
                  ? t('doc.plan.acting')
                  : p.approvedByPosition || t('doc.plan.chief'),
              fontSize: 12,
            },
            {
              text: t('doc.signatureLine', { name: approved ? p.approvedBy : '              ' }),
              margin: [0, 10, 0, 4],
            },
            { text: approved ? formatDate(p.approvedAt) : '«___» __________ 20__', fontSize: 12 },
          ],
        },
      ],
    },
    { text: t('doc.plan.title'), alignment: 'center', bold: true, fontSize: 16, margin: [0, 18, 0, 2] },
    {
      text: t('doc.plan.subtitle', {
        number: d.station.uppNumber,
        name: d.station.uppName,
        month: t(`plans.months.${month - 1}`),
        year,
      }),
      alignment: 'center',
      margin: [0, 0, 0, 2],
    },
    {
      text: p.revision > 1 ? t('doc.plan.revision', { n: p.revision }) : '',
      alignment: 'center',
      fontSize: 11,
      margin: [0, 0, 0, 10],
    },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [22, '*', 95, 62, 80, 95], body },
      fontSize: 11,
      layout: 'grid',
    },
    {
      columns: [
        { text: t('doc.plan.drafted'), width: '*' },
        { text: t('doc.signatureLine', { name: d.leadName }), width: 'auto' },
      ],
      margin: [0, 24, 0, 0],
    },
  ];
  const dd = a4(content, {
    landscape: true,
    title: t('doc.plan.title'),
    footer: pageFooter(t),
  });
  dd.pageMargins = [45, 36, 35, 40];
  return dd;
}
