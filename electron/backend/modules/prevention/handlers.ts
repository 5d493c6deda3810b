import type { Handlers } from '../module';
import type { Ctx } from '../../context';
import type { Language, CallsOf } from '../../../../shared/api';
import { translator } from '../../../../shared/i18n';
import { fullName, shortName, formatDateTime } from '../../../../shared/format';
import { generatedFile, printForm } from '../../documents/print';
import { getStation } from '../station/service';
import { getUser } from '../users/service';
import { AppError } from '../../../../shared/api';
import type { PurposeInput } from './access';
import { accessLog, fileReceptions, openFile } from './access';
import { addSupervision, createFile, listFiles, removeFromRecord, updateFile } from './files';
import {
  fileForExport,
  importFile,
  recordConfirmation,
  recordDeparture,
  recordRequest,
  sendMaterials,
} from './transfer';
import { custodyLog, inventory, listSafes, moveCustody, saveSafe } from './custody';
import { openPackage, packageContent, packagePersonName, sealPackage } from './transferPackage';

const purposeLabel = (lang: Language, p: PurposeInput) =>
  [translator(lang)(`prevention.purposes.${p.purpose}`), p.purposeText].filter(Boolean).join(': ');

/** Where the files are kept, as a printed form names it: a safe of the station, or the police body's premises. */
async function custodyPlace(c: Ctx, safeId: number | null, language: Language): Promise<string> {
  const t = translator(language);
  const safe = safeId === null ? null : (await listSafes(c.db)).find((s) => s.id === safeId);
  if (safe === undefined) throw new AppError('NOT_FOUND', 'errors.notFound');
  return safe
    ? `${t('prevention.custodyPlaces.safe')} «${safe.name}»${safe.location ? `, ${safe.location}` : ''}`
    : t('prevention.custodyPlaces.policeBody');
}

export const preventionHandlers: Handlers<CallsOf<'prevention'>> = {
  'prevention.safes': async (_i, { ctx }) => listSafes(ctx().db),
  'prevention.saveSafe': async (s, { ctx }) => saveSafe(ctx(), s),
  'prevention.list': async (f, { ctx }) => listFiles(ctx(), f),
  'prevention.open': async ({ id, purpose, purposeText }, { ctx }) => openFile(ctx(), id, { purpose, purposeText }),
  'prevention.accessLog': async ({ id }, { ctx }) => accessLog(ctx(), id),
  'prevention.receptions': async ({ id }, { ctx }) => fileReceptions(ctx(), id),
  'prevention.create': async (f, { ctx }) => createFile(ctx(), f),
  'prevention.update': async ({ id, file }, { ctx }) => updateFile(ctx(), id, file),
  'prevention.addSupervision': async ({ id, ...s }, { ctx }) => addSupervision(ctx(), id, s),
  'prevention.custody': async ({ id, action, personId, reason }, { ctx }) =>
    moveCustody(ctx(), id, action, personId, reason),
  'prevention.recordDeparture': async ({ id, ...d }, { ctx }) => recordDeparture(ctx(), id, d),
  'prevention.recordRequest': async ({ id, sentAt, requestNumber }, { ctx }) =>
    recordRequest(ctx(), id, sentAt, requestNumber),
  'prevention.recordConfirmation': async ({ id, confirmedOn, confirmationRef }, { ctx }) =>
    recordConfirmation(ctx(), id, confirmedOn, confirmationRef),
  'prevention.sendMaterials': async ({ id, materialsList, coveringNumber }, { ctx }) =>
    sendMaterials(ctx(), id, materialsList, coveringNumber),
  'prevention.remove': async ({ id, ...r }, { ctx }) => removeFromRecord(ctx(), id, r),
  'prevention.print': async ({ id, document, language, purpose, purposeText }, { ctx }) => {
    const c = ctx();
    const file = await openFile(c, id, { purpose, purposeText }, 'print');
    // the letters exist only at their step of p.14
    if (document === 'request' && !file.departedAt) throw new AppError('CONFLICT', 'prevention.noDeparture');
    if (document === 'covering' && !file.materialsSentAt) throw new AppError('CONFLICT', 'prevention.notConfirmed');
    const printedAt = formatDateTime(c.now);
    const me = await getUser(c.db, c.user.id);
    const signer = { name: shortName(me), position: [me.position, me.rank].filter(Boolean).join(', ') };
    const fileName = `person-file-${file.number}-${document}-${language}.pdf`;
    if (document === 'card') {
      const label = purposeLabel(language, { purpose, purposeText });
      return printForm(c, fileName, 'personFileCard', language, (station) => ({
        station,
        file,
        purpose: label,
        printedAt,
        printedBy: fullName(c.user),
      }));
    }
    return printForm(
      c,
      fileName,
      document === 'request' ? 'transferRequest' : 'coveringLetter',
      language,
      (station) => ({
        station,
        file,
        signer,
        date: printedAt,
      }),
    );
  },
  'prevention.printInventory': async ({ safeId, language }, { ctx }) => {
    const c = ctx();
    const place = await custodyPlace(c, safeId, language);
    const rows = await inventory(c.db, safeId);
    return printForm(
      c,
      `safe-inventory-${safeId ?? 'police'}-${language}.pdf`,
      'safeInventory',
      language,
      (station) => ({
        station,
        place,
        rows,
        printedAt: formatDateTime(c.now),
        printedBy: fullName(c.user),
      }),
    );
  },
  'prevention.printCustodyLog': async ({ safeId, from, to, language }, { ctx }) => {
    const c = ctx();
    const place = await custodyPlace(c, safeId, language);
    const rows = await custodyLog(c.db, safeId, from, to);
    return printForm(
      c,
      `custody-log-${safeId ?? 'police'}-${from}-${to}-${language}.pdf`,
      'custodyLog',
      language,
      (station) => ({
        station,
        place,
        from,
        to,
        rows,
        printedAt: formatDateTime(c.now),
        printedBy: fullName(c.user),
      }),
    );
  },
  'prevention.exportPackage': async ({ id, passphrase, purpose, purposeText }, { ctx }) => {
    const c = ctx();
    const file = await fileForExport(c, id, { purpose, purposeText });
    const bytes = sealPackage(packageContent(file, await getStation(c.db), c.now.toISOString()), passphrase);
    return generatedFile(`person-file-${file.number}.uchpkg`, bytes);
  },
  'prevention.previewPackage': async ({ base64, passphrase }) => {
    const p = openPackage(Buffer.from(base64, 'base64'), passphrase);
    return {
      fromStation: p.fromStation,
      exportedAt: p.exportedAt,
      person: packagePersonName(p.citizen),
      iin: p.citizen.iin || null,
      birthDate: p.citizen.birthDate,
      categories: p.file.categories,
      grounds: `${p.file.groundsBody}, № ${p.file.groundsNumber}`,
      startDate: p.file.startDate,
      supervisionRecords: p.supervision.length,
      relations: p.file.relations.length,
    };
  },
  'prevention.importPackage': async ({ base64, passphrase, ...place }, { ctx }) =>
    importFile(ctx(), openPackage(Buffer.from(base64, 'base64'), passphrase), place),
};
