import { sql, type Expression, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { AppError, fieldError, type ApplicantCheck, type DueItem } from '../../../../shared/api';
import type { applicantCheckInputSchema } from '../../../../shared/api/lists';
import { formatDate } from '../../../../shared/format';
import type { Ctx, Db } from '../../context';
import { change } from '../../change';
import { requireSection } from '../staff/service';
import { staffNames } from '../users/names';
import { appendix, baseOf, notInFuture, PERSON_COLUMNS, saveEntry } from './service';

/**
 * p.22(10): besides the owners' yearly check, the inspector checks at their address the applicants for a permit to
 * acquire, store or carry a weapon, on the instruction of the weapons unit's employee, by the day the instruction sets.
 */
const applicantRows = (db: Db, where: Expression<SqlBool>) =>
  db
    .selectFrom('applicant_checks as x')
    .innerJoin('citizens as c', 'c.id', 'x.citizen_id')
    .innerJoin('sections as s', 's.id', 'x.section_id')
    .selectAll('x')
    .select(PERSON_COLUMNS)
    .where(where)
    // the ones still to do first, by their day; then the done ones, the latest first
    .orderBy(sql`x.checked_on is not null`)
    .orderBy(sql`case when x.checked_on is null then x.due_on end`)
    .orderBy('x.checked_on', 'desc');
type ApplicantRow = Awaited<ReturnType<ReturnType<typeof applicantRows>['execute']>>[number];

async function toApplicantCheck(db: Db, r: ApplicantRow): Promise<ApplicantCheck> {
  const staff = await staffNames(db);
  return {
    ...baseOf(r),
    address: r.address,
    permit: r.permit,
    weapon: r.weapon,
    instructedBy: r.instructed_by,
    instructionRef: r.instruction_ref,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    checkedOn: r.checked_on,
    result: r.result,
    checkedBy: r.checked_by === null ? '' : staff.short(r.checked_by),
  };
}

const applicants = appendix(applicantRows, toApplicantCheck);
export const listApplicantChecks = applicants.list;

export function saveApplicantCheck(ctx: Ctx, x: z.output<typeof applicantCheckInputSchema>): Promise<ApplicantCheck> {
  return saveEntry(ctx, 'applicant_check', x, applicants.get, async (trx, citizenId, id, at) => {
    const values = {
      section_id: x.sectionId,
      citizen_id: citizenId,
      address: x.address,
      permit: x.permit,
      weapon: x.weapon,
      instructed_by: x.instructedBy,
      instruction_ref: x.instructionRef,
      received_on: x.receivedOn,
      due_on: x.dueOn,
      updated_at: at,
    };
    if (id === null)
      return (
        await trx
          .insertInto('applicant_checks')
          .values({ ...values, checked_on: null, result: '', checked_by: null, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    // the instruction as received is corrected until the check is recorded; after, it is what was checked
    const done = await trx.selectFrom('applicant_checks').select('checked_on').where('id', '=', id).executeTakeFirst();
    if (done?.checked_on) throw new AppError('CONFLICT', 'lists.applicantChecked');
    await trx.updateTable('applicant_checks').set(values).where('id', '=', id).execute();
    return id;
  });
}

export async function recordApplicantCheck(
  ctx: Ctx,
  id: number,
  checkedOn: string,
  result: string,
): Promise<ApplicantCheck> {
  return change(ctx, async (tx) => {
    const before = await applicants.get(tx.db, id);
    await requireSection(ctx, before.sectionId, { db: tx.db, active: true });
    if (before.checkedOn !== null) throw new AppError('CONFLICT', 'lists.applicantChecked');
    notInFuture(ctx, checkedOn);
    if (checkedOn < before.receivedOn) throw fieldError('checkedOn', 'lists.checkBeforeInstruction');
    await tx.db
      .updateTable('applicant_checks')
      .set({ checked_on: checkedOn, result, checked_by: ctx.user.id, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = await applicants.get(tx.db, id);
    await tx.audit({ action: 'lists.applicantCheck', entity: 'applicant_check', entityId: id, before, after });
    return after;
  });
}

/** p.22(10): an instruction not yet done is on Today from the day it came, overdue after the day it set. */
export async function dueApplicantChecks(ctx: Ctx, date: string): Promise<DueItem[]> {
  return (await listApplicantChecks(ctx, { sectionId: null, text: '' }))
    .filter((x) => x.checkedOn === null)
    .map((x) => ({
      ruleId: 'lists.applicantCheck',
      paragraph: '22(10)',
      titleKey: 'today.rules.applicantCheck',
      params: { person: x.person, section: x.sectionNumber, received: formatDate(x.receivedOn) },
      due: x.dueOn,
      overdue: x.dueOn < date,
      link: `/lists/applicants/${x.id}`,
    }));
}
