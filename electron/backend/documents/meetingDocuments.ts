import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Language, Meeting, MeetingItem, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate, formatDateTime } from '../../../shared/format';
import { a4, stationHeader, pageFooter } from './render';

type StationHead = Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>;

/** p.27: the public announcement, Kazakh above Russian on one A4 sheet, for the notice board. */
export function meetingNotice(d: { station: StationHead; meeting: Meeting }) {
  const m = d.meeting;
  const part = (lang: Language): Content[] => {
    const t = translator(lang);
    return [
      { text: t('doc.notice.title'), alignment: 'center', bold: true, fontSize: 24, margin: [0, 6, 0, 8] },
      {
        text: t('doc.notice.lead', { sections: m.sections }),
        alignment: 'center',
        fontSize: 15,
        margin: [0, 0, 0, 10],
      },
      {
        table: {
          widths: [120, '*'],
          body: [
            [
              { text: t('doc.notice.when'), bold: true },
              { text: `${formatDate(m.date)}, ${m.time}`, fontSize: 18, bold: true },
            ],
            [
              { text: t('doc.notice.where'), bold: true },
              { text: m.format === 'online' ? `${t('meetings.formats.online')}: ${m.place}` : m.place, fontSize: 16 },
            ],
            [{ text: t('doc.notice.who'), bold: true }, m.inspectors],
          ],
        },
        layout: 'noBorders',
      },
      { text: t('doc.notice.invite'), alignment: 'center', italics: true, margin: [0, 10, 0, 0] },
    ];
  };
  const content: Content = [
    ...stationHeader(d.station, translator('kk')),
    ...part('kk'),
    {
      canvas: [{ type: 'line', x1: 0, y1: 8, x2: 480, y2: 8, dash: { length: 4 }, lineWidth: 0.5 }],
      margin: [0, 14, 0, 14],
    },
    ...part('ru'),
  ];
  const dd = a4(content, { title: 'Хабарландыру / Объявление', footer: null });
  dd.pageMargins = [60, 40, 50, 30];
  return dd;
}

/** p.32: the registration of participants, with the fields the station chose. */
export function meetingRegistration(
  d: { station: StationHead; meeting: Meeting; fields: readonly string[] },
  lang: Language,
) {
  const t = translator(lang);
  const cols = ['address', 'organization', 'phone'].filter((f) => d.fields.includes(f));
  const head = [
    '№',
    t('meetings.participant.fullName'),
    ...cols.map((c) => t(`meetings.participant.${c}`)),
    t('doc.signature'),
  ];
  const body: TableCell[][] = [head.map((text) => ({ text, bold: true, fillColor: '#eeeeee', alignment: 'center' }))];
  const rows = d.meeting.participants.length ? d.meeting.participants : [];
  rows.forEach((p, i) =>
    body.push([
      { text: String(i + 1), alignment: 'center' },
      p.fullName,
      ...cols.map((c) => p[c as 'address'] ?? ''),
      '',
    ]),
  );
  // blank lines to fill in by hand at the door
  for (let i = rows.length; i < rows.length + 10; i++)
    body.push([{ text: String(i + 1), alignment: 'center' }, '', ...cols.map(() => ''), '']);
  const content: Content = [
    ...stationHeader(d.station, t),
    { text: t('doc.registration.title'), alignment: 'center', bold: true, fontSize: 15, margin: [0, 10, 0, 2] },
    {
      text: `${formatDate(d.meeting.date)}, ${d.meeting.time}; ${d.meeting.place}`,
      alignment: 'center',
      margin: [0, 0, 0, 10],
    },
    {
      table: { headerRows: 1, widths: [24, '*', ...cols.map(() => 110), 70], body, heights: 22 },
      fontSize: 11,
      layout: 'grid',
    },
  ];
  return a4(content, { title: t('doc.registration.title'), footer: pageFooter(t) });
}

/**
 * p.32: time, date, place, number of participants, decisions, complaints/proposals/remarks; signed by the inspector.
 */
export function meetingProtocol(d: { station: StationHead; meeting: Meeting; signers: string[] }, lang: Language) {
  const t = translator(lang);
  const m = d.meeting;
  const itemsBody: TableCell[][] = [
    ['№', t('meetings.item.kind'), t('meetings.item.text'), t('meetings.item.raisedBy'), t('doc.protocol.outcome')].map(
      (text) => ({ text, bold: true, fillColor: '#eeeeee', alignment: 'center' }),
    ),
  ];
  m.items.forEach((i, n) =>
    itemsBody.push([
      { text: String(n + 1), alignment: 'center' },
      t(`meetings.itemKinds.${i.kind}`),
      i.text,
      i.raisedBy,
      outcome(t, i),
    ]),
  );
  const line = (label: string, value: string): Content => ({
    text: [{ text: `${label}: `, bold: true }, value || '—'],
    margin: [0, 0, 0, 4],
  });
  const content: Content = [
    ...stationHeader(d.station, t),
    { text: t('doc.protocol.title'), alignment: 'center', bold: true, fontSize: 16, margin: [0, 12, 0, 2] },
    { text: t('doc.protocol.subtitle', { sections: m.sections }), alignment: 'center', margin: [0, 0, 0, 12] },
    line(t('doc.protocol.dateTime'), `${formatDate(m.date)}, ${m.time}`),
    line(
      t('doc.protocol.place'),
      `${m.place} (${t(`meetings.formats.${m.format}`)}; ${t(`meetings.kinds.${m.kind}`)})`,
    ),
    line(t('doc.protocol.reporting'), m.inspectors),
    line(t('doc.protocol.participants'), String(m.participantsCount)),
    line(t('meetings.policeLeaders'), m.policeLeaders),
    line(t('meetings.executiveReps'), m.executiveReps),
    line(
      t('doc.protocol.invited'),
      m.invitees.map((i) => `${i.name}${i.came ? '' : ` (${t('doc.protocol.absent')})`}`).join('; '),
    ),
    line(t('meetings.videoRef'), m.videoRef),
    { text: t('doc.protocol.items'), bold: true, margin: [0, 8, 0, 4] },
    m.items.length
      ? {
          table: { headerRows: 1, dontBreakRows: true, widths: [20, 62, '*', 90, 130], body: itemsBody },
          fontSize: 11,
          layout: 'grid',
        }
      : { text: t('doc.protocol.noItems'), italics: true },
    { text: t('meetings.decisions'), bold: true, margin: [0, 10, 0, 4] },
    { text: m.decisions || '—' },
    ...(m.awards
      ? [
          { text: t('meetings.awards'), bold: true, margin: [0, 10, 0, 4] as [number, number, number, number] },
          { text: m.awards },
        ]
      : []),
    {
      text: t('doc.protocol.drawnUp', { at: m.finalizedAt ? formatDateTime(m.finalizedAt) : '________' }),
      margin: [0, 16, 0, 8],
      fontSize: 12,
    },
    ...d.signers.map((s) => ({
      columns: [
        { text: t('doc.protocol.inspector'), width: '*' },
        { text: t('doc.signatureLine', { name: s }), width: 'auto' },
      ],
      margin: [0, 10, 0, 0] as [number, number, number, number],
    })),
  ];
  return a4(content, { title: t('doc.protocol.title'), footer: pageFooter(t) });
}

function outcome(t: ReturnType<typeof translator>, i: MeetingItem): string {
  if (i.answeredInFull) return `${t('doc.protocol.answered')}: ${i.answer}`;
  if (i.outsideCompetence)
    return `${t('doc.protocol.forward', { to: i.forwardTo })}${i.forwardedOn ? ` (${formatDate(i.forwardedOn)}${i.forwardNumber ? `, № ${i.forwardNumber}` : ''})` : ''}`;
  return `${t('doc.protocol.check', { date: formatDate(i.checkDue) })}${i.checkResult ? `: ${i.checkResult}` : ''}`;
}

function letter(
  t: ReturnType<typeof translator>,
  station: StationHead,
  to: string,
  outgoing: string,
  title: string,
  body: Content[],
  signer: string,
) {
  const content: Content = [
    ...stationHeader(station, t),
    {
      columns: [
        { text: outgoing, fontSize: 12, width: '*' },
        { text: to, width: 230, bold: true },
      ],
      margin: [0, 16, 0, 20],
    },
    { text: title, alignment: 'center', bold: true, margin: [0, 0, 0, 12] },
    ...body,
    {
      columns: [
        { text: '', width: '*' },
        { text: t('doc.signatureLine', { name: signer }), width: 'auto' },
      ],
      margin: [0, 36, 0, 0],
    },
  ];
  return a4(content, { title, footer: pageFooter(t) });
}

/** p.32: an item outside police competence goes to the competent body. */
export function forwardingLetter(
  d: { station: StationHead; meeting: Meeting; item: MeetingItem; signer: string },
  lang: Language,
) {
  const t = translator(lang);
  const { meeting: m, item: i } = d;
  const outgoing = i.forwardNumber
    ? t('doc.request.outgoing', { number: i.forwardNumber, date: formatDate(i.forwardedOn) })
    : t('doc.request.outgoingBlank');
  return letter(
    t,
    d.station,
    t('doc.forwarding.to', { body: i.forwardTo }),
    outgoing,
    t('doc.forwarding.title'),
    [
      {
        text: t('doc.forwarding.body', {
          date: formatDate(m.date),
          place: m.place,
          kind: t(`meetings.itemKinds.${i.kind}`).toLowerCase(),
          who: i.raisedBy,
        }),
        alignment: 'justify',
        leadingIndent: 36,
        margin: [0, 0, 0, 8],
      },
      { text: `«${i.text}»`, italics: true, margin: [36, 0, 0, 8] },
      {
        text: t('doc.forwarding.ask', { address: i.initiatorAddress || '—' }),
        alignment: 'justify',
        leadingIndent: 36,
      },
    ],
    d.signer,
  );
}

/** p.32: the initiator is told where his item went. */
export function initiatorNotification(
  d: { station: StationHead; meeting: Meeting; item: MeetingItem; signer: string },
  lang: Language,
) {
  const t = translator(lang);
  const { meeting: m, item: i } = d;
  const to = [i.raisedBy, i.initiatorAddress].filter(Boolean).join('\n');
  return letter(
    t,
    d.station,
    to,
    t('doc.request.outgoingBlank'),
    t('doc.notification.title'),
    [
      {
        text: t('doc.notification.body', {
          date: formatDate(m.date),
          kind: t(`meetings.itemKinds.${i.kind}`).toLowerCase(),
          text: i.text,
          body: i.forwardTo,
          forwarded: i.forwardedOn ? formatDate(i.forwardedOn) : '________',
          number: i.forwardNumber || '____',
        }),
        alignment: 'justify',
        leadingIndent: 36,
      },
    ],
    d.signer,
  );
}
