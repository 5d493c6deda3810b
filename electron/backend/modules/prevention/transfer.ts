/**
 * Person files, moving away (p.14): departure, request, confirmation, materials, and the package from another station.
 */
import dayjs from 'dayjs';
import { AppError } from '../../../../shared/api';
import type { PersonFile } from '../../../../shared/api/prevention';
import type { Ctx } from '../../context';
import { requireDrawableImage } from '../../documents/print';
import { atomically, change } from '../../change';
import { linkCitizen } from '../citizens/service';
import type { PackageContent } from './transferPackage';
import { type PurposeInput, accessible, logAccess } from './access';
import { auditView, fileValues, getFile, nextNumber, outSince, refuseSecondFile, step } from './files';

// ---- p.14: moving away

export function recordDeparture(
  ctx: Ctx,
  id: number,
  d: { departedAt: string; moveKind: 'district' | 'region'; newAddress: string; newBody: string },
): Promise<PersonFile> {
  return step(ctx, id, 'prevention.departure', async (trx, row) => {
    if (row.status !== 'active') throw new AppError('CONFLICT', 'prevention.alreadyMoving');
    if (d.departedAt > dayjs(ctx.now).format('YYYY-MM-DDTHH:mm'))
      throw new AppError('VALIDATION', 'prevention.departureFuture', undefined, [
        { path: 'departedAt', messageKey: 'prevention.departureFuture' },
      ]);
    await trx
      .updateTable('person_files')
      .set({
        status: 'moving',
        departed_at: d.departedAt,
        move_kind: d.moveKind,
        new_address: d.newAddress,
        new_body: d.newBody,
      })
      .where('id', '=', id)
      .execute();
  });
}

export function recordRequest(ctx: Ctx, id: number, sentAt: string, requestNumber: string): Promise<PersonFile> {
  return step(ctx, id, 'prevention.request', async (trx, row) => {
    if (row.status !== 'moving') throw new AppError('CONFLICT', 'prevention.noDeparture');
    if (row.request_sent_at) throw new AppError('CONFLICT', 'prevention.requestAlreadySent');
    if (sentAt < row.departed_at! || sentAt > dayjs(ctx.now).format('YYYY-MM-DDTHH:mm'))
      throw new AppError('VALIDATION', 'prevention.requestDate', undefined, [
        { path: 'sentAt', messageKey: 'prevention.requestDate' },
      ]);
    await trx
      .updateTable('person_files')
      .set({ request_sent_at: sentAt, request_number: requestNumber })
      .where('id', '=', id)
      .execute();
  });
}

export function recordConfirmation(ctx: Ctx, id: number, confirmedOn: string, ref: string): Promise<PersonFile> {
  return step(ctx, id, 'prevention.confirmation', async (trx, row) => {
    if (row.status !== 'moving' || !row.request_sent_at) throw new AppError('CONFLICT', 'prevention.requestFirst');
    if (row.confirmed_on) throw new AppError('CONFLICT', 'prevention.alreadyConfirmed');
    if (confirmedOn < row.request_sent_at.slice(0, 10))
      throw new AppError('VALIDATION', 'prevention.confirmationDate', undefined, [
        { path: 'confirmedOn', messageKey: 'prevention.confirmationDate' },
      ]);
    await trx
      .updateTable('person_files')
      .set({ confirmed_on: confirmedOn, confirmation_ref: ref })
      .where('id', '=', id)
      .execute();
  });
}

/**
 * p.14: the materials go only after the arrival is confirmed; the paper leaves the safe for good and the file closes
 * here.
 */
export function sendMaterials(
  ctx: Ctx,
  id: number,
  materialsList: string,
  coveringNumber: string,
): Promise<PersonFile> {
  return step(ctx, id, 'prevention.materialsSent', async (trx, row) => {
    if (row.status !== 'moving' || !row.confirmed_on) throw new AppError('CONFLICT', 'prevention.notConfirmed');
    if ((await outSince(trx, [id])).has(id)) throw new AppError('CONFLICT', 'prevention.paperOut');
    const at = ctx.now.toISOString();
    await trx
      .updateTable('person_files')
      .set({
        status: 'transferred',
        materials_sent_at: at,
        materials_list: materialsList,
        covering_number: coveringNumber,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('custody_log')
      .values({
        file_id: id,
        action: 'sent',
        at,
        person_id: ctx.user.id,
        reason: coveringNumber,
        recorded_by: ctx.user.id,
      })
      .execute();
  });
}

// ---- the transfer package arriving from another station

export interface ImportPlace {
  sectionId: number;
  inspectorId: number;
  custodyPlace: 'safe' | 'policeBody';
  safeId: number | null;
  shelf: string;
  controllingInspector: string;
}

/** All or nothing: the person, the file and its supervision history in one transaction. */
export async function importFile(ctx: Ctx, content: PackageContent, place: ImportPlace): Promise<PersonFile> {
  await requireDrawableImage(ctx, content.file.photo, 'photo');
  return change(ctx, async (tx) => {
    const f = content.file;
    const values = await fileValues(ctx, tx.db, {
      categories: f.categories,
      groundsBody: f.groundsBody,
      groundsNumber: f.groundsNumber,
      groundsDate: f.groundsDate ?? f.startDate,
      restrictions: f.restrictions,
      obligations: f.obligations,
      startDate: f.startDate,
      plannedEnd: f.plannedEnd,
      actualAddress: f.newAddress || f.actualAddress,
      phones: f.phones,
      relations: f.relations,
      notes: f.notes,
      photo: f.photo,
      ...place,
    });
    const citizen = await linkCitizen(tx, {
      ...content.citizen,
      id: null,
      address: f.newAddress || content.citizen.address,
    });
    await refuseSecondFile(tx.db, citizen.id, null);
    const at = ctx.now.toISOString();
    const { id } = await tx.db
      .insertInto('person_files')
      .values({
        ...values,
        number: await nextNumber(tx.db),
        status: 'active',
        citizen_id: citizen.id,
        imported_from: `${content.fromStation}, № ${f.number}`,
        created_by: ctx.user.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const v of content.supervision) {
      await tx.db
        .insertInto('supervision_records')
        .values({
          file_id: id,
          kind: v.kind,
          planned_for: v.plannedFor,
          done_at: v.doneAt,
          by_user_id: null,
          by_name: v.by,
          text: v.text,
          violation: v.violation ? 1 : 0,
          violation_text: v.violationText,
          measures: v.measures,
          recorded_by: ctx.user.id,
          recorded_at: at,
        })
        .execute();
    }
    const file = await getFile(tx.db, id);
    await tx.audit({
      action: 'prevention.import',
      entity: 'person_file',
      entityId: id,
      after: auditView(file),
    });
    return file;
  });
}

/** A package is for p.14: only once the arrival at the new address is confirmed. */
export async function fileForExport(ctx: Ctx, id: number, p: PurposeInput): Promise<PersonFile> {
  return atomically(ctx, async (tx) => {
    const row = await accessible(ctx, tx.db, id);
    if (!row.confirmed_on) throw new AppError('CONFLICT', 'prevention.exportNotYet');
    await logAccess(tx.db, ctx, id, 'export', p);
    return getFile(tx.db, id);
  });
}
