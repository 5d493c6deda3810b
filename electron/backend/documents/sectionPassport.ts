import type { Content, TableCell } from 'pdfmake/interfaces';
import type { HandoverAct, Language, Passport, Station } from '../../../shared/api';
import {
  CHARACTERISTICS,
  HEADING_ROWS,
  OBJECT_FIELDS,
  OBJECT_PARTS,
  PENCIL_FIELDS,
} from '../../../shared/api/passport';
import { translator } from '../../../shared/i18n';
import { formatDate } from '../../../shared/format';
import { a4, stationHeader, pageFooter } from './render';

const headRow = (cells: string[]): TableCell[] =>
  cells.map((text) => ({ text, bold: true, fillColor: '#eeeeee', alignment: 'center' }));

/** Appendix 1 in the form's order: cover, §1 acts, §2 plan, §3 by years as of 1 January, §4–§6 objects. */
export function sectionPassport(
  d: {
    station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>;
    passport: Passport;
    acts: HandoverAct[];
    withPencil: boolean;
  },
  lang: Language,
) {
  const t = translator(lang);
  const p = d.passport;
  const years = p.years.slice(-4);
  const section = (title: string): Content => ({ text: title, bold: true, fontSize: 13, margin: [0, 12, 0, 4] });
  // §1: each accepting inspector with the date he accepted and the date he handed over
  const handovers = [...d.acts].filter((a) => a.kind === 'handover').sort((a, b) => a.date.localeCompare(b.date));
  const s1 = handovers.map((a, n) => [
    String(n + 1),
    a.to,
    formatDate(a.date),
    formatDate(handovers.slice(n + 1).find((x) => x.fromUserId === a.toUserId)?.date ?? null),
    a.superior,
    a.remarks,
  ]);
  const s3: TableCell[][] = [
    headRow(['№', t('doc.passport.name'), ...years.map((y) => t('doc.passport.asOf', { year: y }))]),
  ];
  let n = 0;
  for (const [code, level] of CHARACTERISTICS) {
    const heading = HEADING_ROWS.includes(code);
    if (level === 0) n++;
    s3.push([
      level === 0 ? String(n) : '',
      { text: `${level ? '– ' : ''}${t(`passport.rows.${code}`)}`, margin: [level * 10, 0, 0, 0], bold: level === 0 },
      ...years.map((y) =>
        heading
          ? ''
          : { text: p.values[String(y)]?.[code]?.toLocaleString('ru-RU') ?? '', alignment: 'right' as const },
      ),
    ]);
  }
  const objects = (part: (typeof OBJECT_PARTS)[number]): Content => {
    const fields = OBJECT_FIELDS[part].filter((f) => d.withPencil || !PENCIL_FIELDS.includes(f));
    const rows = p.objects.filter((o) => o.part === part);
    if (rows.length === 0) return { text: t('doc.act.none'), italics: true, fontSize: 11 };
    return {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [22, ...fields.map((f) => (f === 'name' || f === 'address' ? '*' : 'auto'))],
        body: [
          headRow([
            '№',
            ...fields.map(
              (f) => `${t(`passport.fields.${f}`)}${PENCIL_FIELDS.includes(f) ? ` (${t('passport.pencil')})` : ''}`,
            ),
          ]),
          ...rows.map((o, i) => [String(i + 1), ...fields.map((f) => o.fields[f] ?? '')]),
        ],
      },
      fontSize: 10,
      layout: 'grid',
    };
  };
  const content: Content = [
    ...stationHeader(d.station, t),
    {
      text: t('doc.passport.title', { section: p.section }),
      alignment: 'center',
      bold: true,
      fontSize: 16,
      margin: [0, 14, 0, 2],
    },
    { text: d.station.policeBody, alignment: 'center', margin: [0, 0, 0, 4] },
    { text: t('doc.passport.note'), alignment: 'center', italics: true, fontSize: 11, margin: [0, 0, 0, 6] },
    section(t('doc.passport.s1')),
    s1.length
      ? {
          table: {
            headerRows: 1,
            widths: [22, '*', 80, 80, 150, 150],
            body: [
              headRow([
                '№',
                t('doc.passport.inspector'),
                t('doc.passport.accepted'),
                t('doc.passport.handed'),
                t('doc.passport.superior'),
                t('doc.passport.remarks'),
              ]),
              ...s1,
            ],
          },
          fontSize: 10,
          layout: 'grid',
        }
      : { text: t('doc.act.none'), italics: true, fontSize: 11 },
    // the plan is an insert: heading, image and note stay together on one sheet
    {
      unbreakable: true,
      stack: [
        section(t('doc.passport.s2')),
        ...(p.plan?.image
          ? [{ image: p.plan.image, fit: [720, 360] as [number, number], alignment: 'center' as const }]
          : [{ text: t('doc.passport.noPlan'), italics: true, fontSize: 11 }]),
        ...(p.plan?.note
          ? [{ text: p.plan.note, fontSize: 11, margin: [0, 4, 0, 0] as [number, number, number, number] }]
          : []),
      ],
    },
    ...(p.tourNotes.length
      ? [
          {
            text: t('doc.passport.tour'),
            bold: true,
            fontSize: 11,
            margin: [0, 8, 0, 2] as [number, number, number, number],
          },
          ...p.tourNotes.map((n) => ({ text: `${formatDate(n.date)}, ${n.address}: ${n.note}`, fontSize: 10 })),
        ]
      : []),
    section(t('doc.passport.s3')),
    years.length
      ? {
          table: { headerRows: 1, dontBreakRows: true, widths: [22, '*', ...years.map(() => 80)], body: s3 },
          fontSize: 10,
          layout: 'grid',
        }
      : { text: t('doc.act.none'), italics: true, fontSize: 11 },
    section(t('doc.passport.s4')),
    objects('enterprises'),
    section(t('doc.passport.s5')),
    objects('dormitories'),
    section(t('doc.passport.s6')),
    objects('permitObjects'),
  ];
  const dd = a4(content, {
    landscape: true,
    title: t('doc.passport.title', { section: p.section }),
    footer: pageFooter(t),
  });
  dd.pageMargins = [40, 36, 30, 40];
  return dd;
}
