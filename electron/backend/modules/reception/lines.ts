import type { z } from 'zod';
import type { receptionLineSchema } from '../../../../shared/api/reception';
import type { Db } from '../../context';
import type { StaffNames } from '../users/names';

/**
 * The journal entries another record lists, newest first: a person file's (the entries that name it) or a citizen's
 * (his visits). The caller has checked that the reader may see them.
 */
export async function receptionLines(
  db: Db,
  staff: StaffNames,
  of: { personFileId: number } | { citizenId: number },
): Promise<z.infer<typeof receptionLineSchema>[]> {
  const rows = await db
    .selectFrom('receptions')
    .select(['id', 'year', 'number', 'received_at', 'category_code', 'subject', 'receiver_id', 'voided'])
    .select(['follow_up_due', 'follow_up_done_at'])
    .where((eb) =>
      'personFileId' in of ? eb('person_file_id', '=', of.personFileId) : eb('citizen_id', '=', of.citizenId),
    )
    .orderBy('received_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: `${r.number}/${r.year}`,
    receivedAt: r.received_at,
    categoryCode: r.category_code,
    subject: r.subject,
    receiver: staff.short(r.receiver_id),
    voided: r.voided === 1,
    followUpDue: r.follow_up_due,
    followUpDone: r.follow_up_done_at !== null,
  }));
}
