import type { Content } from 'pdfmake/interfaces';
import type { Language, PersonFile, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate, formatDateTime, fullName } from '../../../shared/format';
import { a4, stationHeader, pageFooter } from './render';

export interface LetterData {
  station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>;
  file: PersonFile;
  signer: { name: string; position: string };
  date: string;
}

const personLine = (f: PersonFile, t: ReturnType<typeof translator>) =>
  [
    fullName(f.citizen),
    f.citizen.birthDate ? `${t('doc.card.birth').toLocaleLowerCase()} ${formatDate(f.citizen.birthDate)}` : '',
    f.citizen.iin ? `${t('doc.card.iin')} ${f.citizen.iin}` : '',
  ]
    .filter(Boolean)
    .join(', ');

function letter(d: LetterData, lang: Language, to: string, title: string, body: Content[], outgoing: string) {
  const t = translator(lang);
  const content: Content = [
    ...stationHeader(d.station, t),
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
        { text: d.signer.position, width: '*' },
        { text: t('doc.signatureLine', { name: d.signer.name }), width: 'auto' },
      ],
      margin: [0, 36, 0, 0],
    },
  ];
  return a4(content, { title, footer: pageFooter(t) });
}

/** p.14: the request to the police body at the new address, due within three days of the departure. */
export function transferRequest(d: LetterData, lang: Language) {
  const t = translator(lang);
  const f = d.file;
  const body: Content[] = [
    {
      text: t('doc.request.body', {
        departed: formatDateTime(f.departedAt),
        address: f.newAddress,
        person: personLine(f, t),
        policeBody: d.station.policeBody,
        number: d.station.uppNumber,
        name: d.station.uppName,
        categories: f.categories.map((k) => t(`prevention.categoryFull.${k}`)).join('; '),
      }),
      alignment: 'justify',
      leadingIndent: 36,
      margin: [0, 0, 0, 8],
    },
    { text: t('doc.request.ask'), alignment: 'justify', leadingIndent: 36 },
  ];
  const outgoing = f.requestSentAt
    ? t('doc.request.outgoing', { number: f.requestNumber, date: formatDate(f.requestSentAt) })
    : t('doc.request.outgoingBlank');
  return letter(d, lang, t('doc.request.to', { body: f.newBody }), t('doc.request.title'), body, outgoing);
}

/**
 * p.14: the covering letter sending the materials after the arrival is confirmed. The package passphrase never appears
 * here.
 */
export function coveringLetter(d: LetterData, lang: Language) {
  const t = translator(lang);
  const f = d.file;
  const items = f.materialsList
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const body: Content[] = [
    {
      text: t('doc.covering.body', {
        person: personLine(f, t),
        address: f.newAddress,
        ref: f.confirmationRef,
        date: formatDate(f.confirmedOn),
      }),
      alignment: 'justify',
      leadingIndent: 36,
      margin: [0, 0, 0, 10],
    },
    { text: t('doc.covering.enclosure'), bold: true },
    { ol: items, margin: [20, 4, 0, 10] },
    { text: t('doc.covering.sheets'), fontSize: 11, italics: true },
  ];
  return letter(
    d,
    lang,
    t('doc.covering.to', { body: f.newBody }),
    t('doc.covering.title'),
    body,
    t('doc.request.outgoing', { number: f.coveringNumber, date: formatDate(f.materialsSentAt) }),
  );
}
