import type { Kysely, Transaction } from 'kysely';
import dayjs from 'dayjs';
import { AppError, inGroup, type DueItem, type Role, type SessionUser, type User } from '../../../../shared/api';
import {
  ACCESS_NOTICE_DAYS,
  confirmsAccess,
  grantsFileAccess,
  needsConfirmation,
  readsPersonFiles,
} from '../../../../shared/rules/access';
import type { DB, UsersTable } from '../../store/schema';
import type { Ctx, Db } from '../../context';
import { change, commitNow, type Tx } from '../../change';

type UserRow = Pick<
  UsersTable,
  | 'login'
  | 'surname'
  | 'name'
  | 'patronymic'
  | 'rank'
  | 'position'
  | 'role'
  | 'supervising_inspector_id'
  | 'appointed_on'
> & {
  appointment_order: string;
  id: number;
  active: number;
  must_change_password: number;
};

const toUser = (r: UserRow, sectionIds: number[]): User => ({
  id: r.id,
  login: r.login,
  surname: r.surname,
  name: r.name,
  patronymic: r.patronymic,
  rank: r.rank,
  position: r.position,
  role: r.role,
  sectionIds,
  active: r.active === 1,
  mustChangePassword: r.must_change_password === 1,
  supervisingInspectorId: r.supervising_inspector_id,
  appointedOn: r.appointed_on,
  appointmentOrder: r.appointment_order,
});

export async function getSessionUser(db: Kysely<DB>, id: number): Promise<SessionUser | null> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    login: r.login,
    surname: r.surname,
    name: r.name,
    patronymic: r.patronymic,
    role: r.role,
    mustChangePassword: r.must_change_password === 1,
  };
}

export async function listUsers(db: Db, includeInactive: boolean): Promise<User[]> {
  let q = db.selectFrom('users').selectAll().orderBy('surname').orderBy('name');
  if (!includeInactive) q = q.where('active', '=', 1);
  const rows = await q.execute();
  const links = await db.selectFrom('user_sections').selectAll().execute();
  return rows.map((r) =>
    toUser(
      r,
      links
        .filter((l) => l.user_id === r.id)
        .map((l) => l.section_id)
        .sort((a, b) => a - b),
    ),
  );
}

export async function getUser(db: Db, id: number): Promise<User> {
  const u = (await listUsers(db, true)).find((x) => x.id === id);
  if (!u) throw new AppError('NOT_FOUND', 'errors.notFound');
  return u;
}

export type NewUser = Pick<UsersTable, 'login' | 'surname' | 'name' | 'patronymic' | 'rank' | 'position'> & {
  role: Role;
  sectionIds: number[];
  supervisingInspectorId?: number | null;
  appointedOn?: string | null;
  appointmentOrder?: string;
};

/**
 * p.2(3): an assistant works "under the direct supervision of the inspector" — an active inspector (or the UPP lead,
 * who is one) other than himself; nobody else has one.
 */
async function supervisorOf(trx: Transaction<DB>, u: Omit<NewUser, 'login'>, self: number | null) {
  if (u.role !== 'assistant') return null;
  const id = u.supervisingInspectorId ?? null;
  const field = (messageKey: string) =>
    new AppError('VALIDATION', messageKey, undefined, [{ path: 'supervisingInspectorId', messageKey }]);
  if (id === null) throw field('users.supervisorRequired');
  const s = await trx.selectFrom('users').select(['role', 'active']).where('id', '=', id).executeTakeFirst();
  if (!s || s.active !== 1 || id === self || !inGroup('inspectors', s.role))
    throw field('users.supervisorNotInspector');
  return id;
}

async function checkSections(trx: Transaction<DB>, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await trx.selectFrom('sections').select('id').where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size) throw new AppError('VALIDATION', 'errors.unknownSection');
}

/** A new user; at the first run nobody is signed in yet and the lead's own row names him as its author. */
export async function insertUser(tx: Tx, u: NewUser, mustChange: boolean): Promise<User> {
  const taken = await tx.db.selectFrom('users').select('id').where('login', '=', u.login).executeTakeFirst();
  if (taken)
    throw new AppError('CONFLICT', 'errors.loginTaken', undefined, [
      { path: 'login', messageKey: 'errors.loginTaken' },
    ]);
  await checkSections(tx.db, u.sectionIds);
  const supervisor = await supervisorOf(tx.db, u, null);
  const { id } = await tx.db
    .insertInto('users')
    .values({
      login: u.login,
      surname: u.surname,
      name: u.name,
      patronymic: u.patronymic,
      rank: u.rank,
      position: u.position,
      role: u.role,
      active: 1,
      must_change_password: mustChange ? 1 : 0,
      created_at: tx.now.toISOString(),
      supervising_inspector_id: supervisor,
      appointed_on: u.appointedOn ?? null,
      appointment_order: u.appointmentOrder ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const s of new Set(u.sectionIds))
    await tx.db.insertInto('user_sections').values({ user_id: id, section_id: s }).execute();
  const user = await getUser(tx.db, id);
  await tx.audit({ action: 'users.create', entity: 'user', entityId: id, after: user, by: tx.user?.id ?? id });
  return user;
}

export interface Confirmation {
  login: string;
  password: string;
}

/**
 * The chief whose confirmation a change needs (shared/rules/access.ts), by the login and password that came with the
 * call; null when it needs none (a chief's own change is audited as his). Nothing is written before.
 */
async function confirmer(ctx: Ctx, grants: boolean, confirmation: Confirmation | null): Promise<number | null> {
  if (!needsConfirmation(ctx.user.role, grants)) return null;
  if (!confirmation)
    throw new AppError('FORBIDDEN', 'users.confirmationNeeded', undefined, [
      { path: 'confirmation.login', messageKey: 'users.confirmationNeeded' },
    ]);
  const login = confirmation.login.toLowerCase();
  // the password is checked (and a mistake counted) whoever the login names: the answer does not tell who is a chief
  const ok = ctx.keys.checkPassword(login, confirmation.password);
  const chief = await ctx.db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('login', '=', login)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!ok || !chief || !confirmsAccess(chief.role))
    throw new AppError('AUTH', 'users.confirmationWrong', undefined, [
      { path: 'confirmation.password', messageKey: 'users.confirmationWrong' },
    ]);
  return chief.id;
}

/** The audit row the chiefs see on Today: who was given access to person files, by whom, confirmed by whom. */
async function auditAccess(tx: Tx, user: User, action: string, confirmedBy: number | null): Promise<void> {
  if (confirmedBy === null) return;
  await tx.audit({
    action: 'users.accessConfirmed',
    entity: 'user',
    entityId: user.id,
    after: { action, role: user.role, sectionIds: user.sectionIds, confirmedBy },
  });
}

export async function createUser(
  ctx: Ctx,
  u: NewUser,
  temporaryPassword: string,
  confirmation: Confirmation | null,
): Promise<User> {
  const by = await confirmer(ctx, grantsFileAccess(null, u), confirmation);
  const user = await change(ctx, async (tx) => {
    const user = await insertUser(tx, u, true);
    await auditAccess(tx, user, 'users.create', by);
    return user;
  });
  await commitNow(ctx);
  await ctx.keys.writeSlot(user.login, user.id, temporaryPassword);
  return user;
}

export async function updateUser(
  ctx: Ctx,
  id: number,
  u: Omit<NewUser, 'login'>,
  confirmation: Confirmation | null,
): Promise<User> {
  const current = await getUser(ctx.db, id);
  if (id === ctx.user.id && u.role !== current.role) throw new AppError('FORBIDDEN', 'errors.ownRole');
  const by = await confirmer(ctx, grantsFileAccess(current, u), confirmation);
  return change(ctx, async (tx) => {
    const before = await getUser(tx.db, id);
    await checkSections(tx.db, u.sectionIds);
    const supervisor = await supervisorOf(tx.db, u, id);
    await tx.db
      .updateTable('users')
      .set({
        surname: u.surname,
        name: u.name,
        patronymic: u.patronymic,
        rank: u.rank,
        position: u.position,
        role: u.role,
        supervising_inspector_id: supervisor,
        appointed_on: u.appointedOn ?? null,
        appointment_order: u.appointmentOrder ?? '',
      })
      .where('id', '=', id)
      .execute();
    await tx.db.deleteFrom('user_sections').where('user_id', '=', id).execute();
    for (const s of new Set(u.sectionIds))
      await tx.db.insertInto('user_sections').values({ user_id: id, section_id: s }).execute();
    const after = await getUser(tx.db, id);
    await tx.audit({
      action: 'users.update',
      entity: 'user',
      entityId: id,
      before,
      after,
    });
    await auditAccess(tx, after, 'users.update', by);
    return after;
  });
}

/** A new temporary password for an account; for one that reads person files, with a chief's confirmation. */
export async function resetPassword(
  ctx: Ctx,
  id: number,
  temporaryPassword: string,
  confirmation: Confirmation | null,
): Promise<User> {
  const user = await getUser(ctx.db, id);
  if (!user.active) throw new AppError('CONFLICT', 'errors.userInactive');
  ctx.keys.requireRotatable();
  const by = await confirmer(ctx, readsPersonFiles(user.role), confirmation);
  const after = await setMustChange(ctx, id, true, 'users.resetPassword');
  if (by !== null) await change(ctx, (tx) => auditAccess(tx, after, 'users.resetPassword', by));
  await commitNow(ctx);
  await ctx.keys.writeSlot(user.login, user.id, temporaryPassword);
  return after;
}

/**
 * (ours) Today tells the chiefs, for a week, of every account given access to person files by someone else: an
 * administrator cannot quietly make himself a reader.
 */
export async function accessGrantedNotices(ctx: Ctx, date: string): Promise<DueItem[]> {
  if (!confirmsAccess(ctx.user.role)) return [];
  const since = dayjs(date).subtract(ACCESS_NOTICE_DAYS, 'day').toISOString();
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['at', 'user_id', 'entity_id', 'after_json'])
    .where('action', '=', 'users.accessConfirmed')
    .where('at', '>=', since)
    .orderBy('id', 'desc')
    .execute();
  const people = await listUsers(ctx.db, true);
  const nameOf = (id: number | null) => {
    const p = people.find((x) => x.id === id);
    return p ? `${p.surname} ${p.name.slice(0, 1)}.` : '—';
  };
  return rows
    .filter((r) => r.user_id !== ctx.user.id)
    .map((r): DueItem => {
      const a = JSON.parse(r.after_json ?? '{}') as { action: string; role: Role; confirmedBy: number };
      return {
        ruleId: 'users.accessGranted',
        paragraph: 'ours',
        titleKey: `today.rules.access.${a.action.replace('users.', '')}`,
        params: {
          account: nameOf(Number(r.entity_id)),
          role: a.role,
          by: nameOf(r.user_id),
          confirmedBy: nameOf(a.confirmedBy),
        },
        due: dayjs(r.at).format('YYYY-MM-DD'),
        overdue: false,
        link: '/users',
        notice: true,
      };
    });
}

export async function setMustChange(ctx: Ctx, id: number, mustChange: boolean, action: string): Promise<User> {
  return change(ctx, async (tx) => {
    const before = await getUser(tx.db, id);
    if (!before.active) throw new AppError('CONFLICT', 'errors.userInactive');
    await tx.db
      .updateTable('users')
      .set({ must_change_password: mustChange ? 1 : 0 })
      .where('id', '=', id)
      .execute();
    const after = await getUser(tx.db, id);
    await tx.audit({
      action,
      entity: 'user',
      entityId: id,
      before: { mustChangePassword: before.mustChangePassword },
      after: { mustChangePassword: after.mustChangePassword },
    });
    return after;
  });
}

export async function deactivateUser(ctx: Ctx, id: number, reason: string): Promise<User> {
  if (id === ctx.user.id) throw new AppError('FORBIDDEN', 'errors.ownDeactivate');
  ctx.keys.requireRotatable();
  const user = await change(ctx, async (tx) => {
    const before = await getUser(tx.db, id);
    if (!before.active) throw new AppError('CONFLICT', 'errors.userInactive');
    await tx.db.updateTable('users').set({ active: 0 }).where('id', '=', id).execute();
    const after = await getUser(tx.db, id);
    await tx.audit({
      action: 'users.deactivate',
      entity: 'user',
      entityId: id,
      before,
      after: { ...after, reason },
    });
    return after;
  });
  await commitNow(ctx);
  await ctx.keys.removeSlot(id);
  return user;
}
