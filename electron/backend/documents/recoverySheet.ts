import type { Content } from 'pdfmake/interfaces';
import type { Language, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { a4, pageFooter } from './render';

export interface RecoverySheetData {
  station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody' | 'address'>;
  code: string;
  issuedAt: string; // dd.MM.yyyy HH:mm
  issuedBy: string;
  /** where copies go besides the data folder, when the sheet is printed */
  backupFolders: string[];
}

/** The recovery sheet: printed once, kept in the station safe (ours). */
export function recoverySheet(d: RecoverySheetData, lang: Language) {
  const t = translator(lang);
  const content: Content = [
    { text: d.station.policeBody, alignment: 'center' },
    {
      text: t('doc.stationLine', { number: d.station.uppNumber, name: d.station.uppName }),
      alignment: 'center',
      bold: true,
    },
    { text: d.station.address, alignment: 'center', fontSize: 12, margin: [0, 0, 0, 24] },
    { text: t('doc.recovery.title'), alignment: 'center', bold: true, fontSize: 16, margin: [0, 0, 0, 6] },
    { text: t('doc.recovery.secret'), alignment: 'center', italics: true, margin: [0, 0, 0, 18] },
    { text: t('doc.recovery.purpose'), margin: [0, 0, 0, 12] },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              text: d.code,
              alignment: 'center',
              fontSize: 20,
              bold: true,
              margin: [0, 12, 0, 12],
              characterSpacing: 1,
            },
          ],
        ],
      },
      margin: [0, 0, 0, 18],
    },
    { text: t('doc.recovery.howTo'), margin: [0, 0, 0, 6], bold: true },
    {
      ol: [t('doc.recovery.step1'), t('doc.recovery.step2'), t('doc.recovery.step3')],
      margin: [0, 0, 0, 12],
    },
    {
      text: t('doc.recovery.backups', {
        places: [
          t('doc.recovery.backupsHere'),
          ...(d.backupFolders.length ? d.backupFolders : [t('doc.recovery.noFolders')]),
        ].join('; '),
      }),
      margin: [0, 0, 0, 12],
    },
    { text: t('doc.recovery.keep'), margin: [0, 0, 0, 30] },
    {
      columns: [
        { width: '*', text: t('doc.recovery.issued', { at: d.issuedAt }) },
        { width: '*', text: t('doc.recovery.issuedBy', { name: d.issuedBy }), alignment: 'right' },
      ],
      margin: [0, 0, 0, 36],
    },
    {
      columns: [
        { width: '*', text: `${t('doc.signature')} ____________________` },
        { width: '*', text: `${t('doc.date')} ____________________`, alignment: 'right' },
      ],
    },
  ];
  return a4(content, { title: t('doc.recovery.title'), footer: pageFooter(t) });
}
