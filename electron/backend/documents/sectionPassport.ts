import type { Content, TableCell } from 'pdfmake/interfaces';
import dayjs from 'dayjs';
import type { HandoverAct, Language, OffencePlace, Passport, Station } from '../../../shared/api';
import {
  CHARACTERISTICS,
  HEADING_ROWS,
  OBJECT_FIELDS,
  OBJECT_PARTS,
  PENCIL_FIELDS,
  objectFieldLabel,
  type ObjectPart,
} from '../../../shared/api/passport';
import { translator } from '../../../shared/i18n';
import { formatDate } from '../../../shared/format';
import { a4, pageFooter } from './render';

type Margin = [number, number, number, number];
const headRow = (cells: string[]): TableCell[] =>
  cells.map((text) => ({ text, bold: true, fillColor: '#eeeeee', alignment: 'center' }));
/** the row of column numbers under a table's heading, as every table of the form has */
const numberRow = (n: number): TableCell[] =>
  Array.from({ length: n }, (_x, i) => ({ text: String(i + 1), alignment: 'center', fontSize: 8, color: '#444444' }));
/** the form's §3 has four columns "as of 1 January"; those not yet filled print blank, to be written in */
const YEAR_COLUMNS = 4;

/**
 * Appendix 1 as the form is: the cover ("Начат / Окончен / Срок хранения"), the contents, §1 acceptance and handover
 * with rank and room to sign, §2 plan, §3 by years as of 1 January, §4–§6 objects with each column labelled as the
 * form labels it and the pencil columns marked; then the register of places where offences concentrate, kept with the
 * passport (p.22(14)).
 */
export function sectionPassport(
  d: {
    station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>;
    passport: Passport;
    acts: HandoverAct[];
    /** "rank Surname Name Patronymic" of each inspector who accepted the section, by user id */
    inspectors: Record<number, string>;
    places: OffencePlace[];
    withPencil: boolean;
  },
  lang: Language,
) {
  const t = translator(lang);
  const p = d.passport;
  // the date as the form writes it: «01» декабря 2026 года; a blank to fill in by hand when not recorded
  const formDate = (iso: string | null) => {
    if (!iso) return t('doc.passport.blankDate');
    const x = dayjs(iso);
    return t('doc.passport.date', {
      day: x.format('DD'),
      month: t(`doc.passport.monthsOf.${x.month()}`),
      year: x.year(),
    });
  };
  const heading = (title: string, pageBreak = false): Content => ({
    text: title,
    bold: true,
    fontSize: 13,
    margin: [0, 12, 0, 4],
    ...(pageBreak ? { pageBreak: 'before' as const } : {}),
  });
  const none: Content = { text: t('doc.act.none'), italics: true, fontSize: 11 };

  const cover: Content[] = [
    { text: t('doc.passport.coverNote'), alignment: 'right', italics: true, fontSize: 10, color: '#444444' },
    {
      text: t('doc.passport.title', { section: p.section }),
      alignment: 'center',
      bold: true,
      fontSize: 22,
      margin: [0, 110, 0, 10],
    },
    { text: d.station.policeBody || ' ', alignment: 'center', fontSize: 15 },
    {
      canvas: [{ type: 'line', x1: 150, y1: 0, x2: 600, y2: 0, lineWidth: 0.5 }],
      margin: [0, 2, 0, 0],
    },
    { text: t('doc.passport.bodyCaption'), alignment: 'center', fontSize: 9, color: '#444444' },
    {
      stack: [
        t('doc.passport.started', { date: formDate(p.cover.startedOn) }),
        t('doc.passport.ended', { date: formDate(p.cover.endedOn) }),
        { text: t('doc.passport.retention', { term: p.cover.retention || '____________' }), margin: [0, 10, 0, 0] },
      ],
      margin: [430, 90, 0, 0],
      fontSize: 13,
      lineHeight: 1.5,
    },
  ];

  const contents: Content[] = [
    {
      text: t('doc.passport.contentsTitle'),
      alignment: 'center',
      bold: true,
      fontSize: 15,
      pageBreak: 'before',
      margin: [0, 20, 0, 4],
    },
    { text: t('doc.passport.contents'), alignment: 'center', bold: true, margin: [0, 0, 0, 12] },
    {
      ol: [1, 2, 3, 4, 5, 6].map((n) => t(`doc.passport.c${n}`)),
      fontSize: 12,
      margin: [40, 0, 40, 0],
      lineHeight: 1.3,
    },
    { text: t('doc.passport.note'), italics: true, fontSize: 11, margin: [40, 16, 40, 0] },
  ];

  // §1: each inspector who accepted the section, the day he accepted and the day he handed it over, each with room
  // for the signature the paper carries
  const handovers = [...d.acts].filter((a) => a.kind === 'handover').sort((a, b) => a.date.localeCompare(b.date));
  const signed = (date: string | null): TableCell => ({
    stack: [
      { text: date ? formatDate(date) : '' },
      { text: t('doc.passport.signature'), fontSize: 7, color: '#666666', margin: [0, 22, 0, 0] },
    ],
  });
  const s1: TableCell[][] = handovers.map((a, n) => [
    String(n + 1),
    d.inspectors[a.toUserId] ?? a.to,
    signed(a.date),
    signed(handovers.slice(n + 1).find((x) => x.fromUserId === a.toUserId)?.date ?? null),
    a.superior,
    a.remarks,
  ]);
  const s1cols = ['inspector', 'accepted', 'handed', 'superior', 'remarks'].map((k) => t(`doc.passport.${k}`));

  // §3 by years, the latest four, padded with blank columns to the form's four
  const years = p.years.slice(-YEAR_COLUMNS);
  const blanks = YEAR_COLUMNS - years.length;
  const s3: TableCell[][] = [
    headRow([
      t('doc.passport.no'),
      t('doc.passport.name'),
      ...years.map((y) => t('doc.passport.asOf', { year: y })),
      ...Array.from({ length: blanks }, () => t('doc.passport.asOfBlank')),
    ]),
    numberRow(2 + YEAR_COLUMNS),
  ];
  let n = 0;
  for (const [code, level] of CHARACTERISTICS) {
    const isHeading = HEADING_ROWS.includes(code);
    if (level === 0) n++;
    s3.push([
      level === 0 ? String(n) : '',
      { text: `${level ? '– ' : ''}${t(`passport.rows.${code}`)}`, margin: [level * 10, 0, 0, 0], bold: level === 0 },
      ...years.map((y) =>
        isHeading
          ? ''
          : { text: p.values[String(y)]?.[code]?.toLocaleString('ru-RU') ?? '', alignment: 'right' as const },
      ),
      ...Array.from({ length: blanks }, () => ''),
    ]);
  }

  const objects = (part: ObjectPart): Content => {
    const fields = OBJECT_FIELDS[part].filter((f) => d.withPencil || !PENCIL_FIELDS.includes(f));
    const rows = p.objects.filter((o) => o.part === part);
    const pencil = (f: string) => PENCIL_FIELDS.includes(f);
    return {
      table: {
        headerRows: 2,
        dontBreakRows: true,
        widths: [22, ...fields.map((f) => (f === 'name' || f === 'address' || pencil(f) ? '*' : 'auto'))],
        body: [
          headRow([
            t('doc.passport.no'),
            ...fields.map((f) => `${t(objectFieldLabel(part, f))}${pencil(f) ? ` ${t('doc.passport.pencil')}` : ''}`),
          ]),
          numberRow(fields.length + 1),
          ...(rows.length
            ? rows.map((o, i) => [
                String(i + 1),
                // what the paper writes in pencil (people's phones and homes) prints grey, as pencil reads
                ...fields.map((f) => ({ text: o.fields[f] ?? '', color: pencil(f) ? '#555555' : undefined })),
              ])
            : [[{ text: t('doc.act.none'), italics: true, colSpan: fields.length + 1 }, ...fields.map(() => '')]]),
        ],
      },
      fontSize: 10,
      layout: 'grid',
    };
  };

  const places = d.places.filter((x) => x.removedOn === null);
  const register: Content[] = [
    heading(t('doc.passport.places'), true),
    { text: t('doc.passport.placesNote'), italics: true, fontSize: 10, margin: [0, 0, 0, 6] },
    places.length
      ? {
          table: {
            headerRows: 2,
            dontBreakRows: true,
            widths: [22, '*', 130, '*', 70, 80],
            body: [
              headRow([
                t('doc.passport.no'),
                t('tours.place.address'),
                t('tours.place.kind'),
                t('tours.place.reason'),
                t('tours.place.since'),
                t('tours.place.lastVisit'),
              ]),
              numberRow(6),
              ...places.map((x, i) => [
                String(i + 1),
                x.address,
                t(`tours.kinds.${x.kind}`),
                x.reason,
                formatDate(x.since),
                x.lastVisit ? formatDate(x.lastVisit) : t('tours.place.never'),
              ]),
            ],
          },
          fontSize: 10,
          layout: 'grid',
        }
      : none,
  ];

  const content: Content = [
    ...cover,
    ...contents,
    heading(t('doc.passport.s1'), true),
    {
      table: {
        headerRows: 2,
        dontBreakRows: true,
        widths: [22, '*', 85, 85, 150, 150],
        body: [
          headRow([t('doc.passport.no'), ...s1cols]),
          numberRow(6),
          ...(s1.length ? s1 : [[{ text: t('doc.act.none'), italics: true, colSpan: 6 }, '', '', '', '', '']]),
        ],
      },
      fontSize: 10,
      layout: 'grid',
    },
    // the plan is an insert: heading, image and note stay together on one sheet
    {
      unbreakable: true,
      stack: [
        heading(t('doc.passport.s2')),
        { text: t('doc.passport.s2note'), fontSize: 10, italics: true, margin: [0, 0, 0, 4] as Margin },
        ...(p.plan?.image
          ? [{ image: p.plan.image, fit: [720, 330] as [number, number], alignment: 'center' as const }]
          : [{ text: t('doc.passport.noPlan'), italics: true, fontSize: 11 }]),
        ...(p.plan?.note ? [{ text: p.plan.note, fontSize: 11, margin: [0, 4, 0, 0] as Margin }] : []),
      ],
    },
    ...(p.tourNotes.length
      ? [
          { text: t('doc.passport.tour'), bold: true, fontSize: 11, margin: [0, 8, 0, 2] as Margin },
          ...p.tourNotes.map((x) => ({ text: `${formatDate(x.date)}, ${x.address}: ${x.note}`, fontSize: 10 })),
        ]
      : []),
    heading(t('doc.passport.s3'), true),
    {
      table: {
        headerRows: 2,
        dontBreakRows: true,
        widths: [22, '*', ...Array.from({ length: YEAR_COLUMNS }, () => 80)],
        body: s3,
      },
      fontSize: 10,
      layout: 'grid',
    },
    ...OBJECT_PARTS.flatMap((part, i) => [heading(t(`doc.passport.s${i + 4}`), true), objects(part)]),
    ...register,
  ];
  const dd = a4(content, {
    landscape: true,
    title: t('doc.passport.title', { section: p.section }),
    footer: pageFooter(t),
  });
  dd.pageMargins = [40, 36, 30, 40];
  return dd;
}
