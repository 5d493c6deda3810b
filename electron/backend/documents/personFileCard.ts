import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Language, PersonFile, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate, formatDateTime, fullName } from '../../../shared/format';
import { a4, stationHeader, pageFooter } from './render';

export interface CardData {
  station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>;
  file: PersonFile;
  purpose: string;
  printedAt: string;
  printedBy: string;
}

/** The person-file card (p.11–13): who, why, what is imposed, where the paper is, and the supervision log. */
export function personFileCard(d: CardData, lang: Language) {
  const t = translator(lang);
  const f = d.file;
  const c = f.citizen;
  const row = (label: string, value: string): TableCell[] => [
    { text: label, bold: true, fontSize: 11 },
    { text: value || '—', fontSize: 12 },
  ];
  const storage =
    f.custodyPlace === 'safe'
      ? `${t('prevention.custodyPlaces.safe')}: ${f.safeName}${f.shelf ? `, ${t('doc.card.shelf', { shelf: f.shelf })}` : ''}`
      : `${t('prevention.custodyPlaces.policeBody')}; ${t('prevention.controllingInspector')}: ${f.controllingInspector}`;
  const fields: TableCell[][] = [
    row(t('doc.card.fullName'), fullName(c)),
    row(t('doc.card.iin'), c.iin ?? ''),
    row(t('doc.card.birth'), formatDate(c.birthDate)),
    row(t('doc.card.address'), c.address),
    row(t('prevention.actualAddress'), f.actualAddress),
    row(t('prevention.phones'), [c.phone, f.phones].filter(Boolean).join(', ')),
    row(
      t('prevention.categories'),
      f.categories
        .map((k) => `${k.replace('a', 'а').replace('b', 'б')}) ${t(`prevention.categoryFull.${k}`)}`)
        .join('\n'),
    ),
    row(
      t('prevention.grounds'),
      t('doc.card.grounds', { body: f.groundsBody, number: f.groundsNumber, date: formatDate(f.groundsDate) }),
    ),
    row(t('prevention.restrictions'), f.restrictions),
    row(t('prevention.obligations'), f.obligations),
    row(
      // the value says "с … по …" itself: a label of its own, so that "с" is said once
      t('doc.card.term'),
      t('doc.card.period', {
        from: formatDate(f.startDate),
        to: f.plannedEnd ? t('doc.card.periodTo', { to: formatDate(f.plannedEnd) }) : '',
      }),
    ),
    row(`${t('prevention.section')}, ${t('prevention.inspector')}`, `${f.sectionNumber}, ${f.inspector}`),
    row(t('doc.card.storage'), storage),
    row(
      t('prevention.relations'),
      f.relations.map((r) => [r.fullName, r.relation, r.address, r.phone].filter(Boolean).join(', ')).join('\n'),
    ),
    row(t('prevention.notes'), f.notes),
    row(t('prevention.status'), t(`prevention.statuses.${f.status}`)),
  ];
  if (f.importedFrom) fields.push(row(t('doc.card.importedFrom'), f.importedFrom));
  const log: TableCell[][] = [
    [t('doc.card.date'), t('prevention.supervision.kind'), t('doc.card.finding'), t('prevention.supervision.by')].map(
      (text) => ({ text, bold: true, fillColor: '#eeeeee', alignment: 'center', fontSize: 11 }),
    ),
  ];
  for (const v of [...f.supervision].reverse()) {
    log.push([
      v.doneAt ? formatDateTime(v.doneAt) : t('prevention.supervision.planned', { date: formatDate(v.plannedFor) }),
      t(`prevention.supervision.kinds.${v.kind}`),
      {
        stack: [
          v.text,
          ...(v.violation
            ? [{ text: `${t('prevention.supervision.violationMark')}: ${v.violationText}`, bold: true }]
            : []),
          ...(v.measures ? [{ text: `${t('prevention.supervision.measures')}: ${v.measures}`, italics: true }] : []),
        ],
      },
      v.by,
    ]);
  }
  const closing: string[] = [];
  if (f.departedAt)
    closing.push(
      `${t('prevention.transfer.departure')}: ${formatDateTime(f.departedAt)}, ${f.newAddress}; ${f.newBody}`,
    );
  if (f.requestSentAt)
    closing.push(
      t('prevention.transfer.requestSent', { number: f.requestNumber, date: formatDateTime(f.requestSentAt) }),
    );
  if (f.confirmedOn)
    closing.push(t('prevention.transfer.confirmed', { date: formatDate(f.confirmedOn), ref: f.confirmationRef }));
  if (f.materialsSentAt)
    closing.push(
      t('prevention.transfer.materialsSent', { date: formatDateTime(f.materialsSentAt), number: f.coveringNumber }),
    );
  if (f.removedOn)
    closing.push(
      t('prevention.transfer.removed', {
        date: formatDate(f.removedOn),
        grounds: f.removalGrounds,
        reason: f.removalReason,
      }),
    );
  const content: Content = [
    ...stationHeader(d.station, t),
    { text: t('doc.card.title'), alignment: 'center', bold: true, fontSize: 15, margin: [0, 12, 0, 2] },
    { text: t('doc.card.number', { number: f.number }), alignment: 'center', margin: [0, 0, 0, 10] },
    f.photo
      ? {
          columns: [
            { width: '*', table: { widths: [130, '*'], body: fields, dontBreakRows: true }, layout: 'grid' },
            { width: 90, image: f.photo, fit: [90, 120], margin: [8, 0, 0, 0] },
          ],
        }
      : { table: { widths: [150, '*'], body: fields, dontBreakRows: true }, layout: 'grid' },
    { text: t('doc.card.supervision'), bold: true, margin: [0, 14, 0, 4] },
    f.supervision.length === 0
      ? { text: t('doc.card.noSupervision'), italics: true }
      : {
          table: { headerRows: 1, widths: [78, 90, '*', 80], body: log, dontBreakRows: true },
          fontSize: 11,
          layout: 'grid',
        },
    // the heading stays with its lines
    ...(closing.length
      ? [
          {
            unbreakable: true,
            stack: [
              { text: t('doc.card.closed'), bold: true, margin: [0, 14, 0, 4] as [number, number, number, number] },
              ...closing.map((text) => ({ text, fontSize: 12 })),
            ],
          },
        ]
      : []),
    { text: t('doc.card.purposeLine', { purpose: d.purpose }), fontSize: 10, italics: true, margin: [0, 18, 0, 0] },
    { text: t('doc.card.printed', { at: d.printedAt, by: d.printedBy }), fontSize: 10 },
  ];
  return a4(content, { title: t('doc.card.title'), footer: pageFooter(t) });
}
