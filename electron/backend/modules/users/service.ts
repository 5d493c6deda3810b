import type { Kysely, Transaction } from 'kysely';
import { AppError, type Role, type SessionUser, type User } from '../../../../shared/api';
import type { DB, UsersTable } from '../../store/schema';
import type { Ctx, Db } from '../../context';
import { change, commitNow, type Tx } from '../../change';

type UserRow = Pick<UsersTable, 'login' | 'surname' | 'name' | 'patronymic' | 'rank' | 'position' | 'role'> & {
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
};

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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const s of new Set(u.sectionIds))
    await tx.db.insertInto('user_sections').values({ user_id: id, section_id: s }).execute();
  const user = await getUser(tx.db, id);
  await tx.audit({ action: 'users.create', entity: 'user', entityId: id, after: user, by: tx.user?.id ?? id });
  return user;
}

export async function createUser(ctx: Ctx, u: NewUser, temporaryPassword: string): Promise<User> {
  const user = await change(ctx, (tx) => insertUser(tx, u, true));
  await commitNow(ctx);
  await ctx.keys.writeSlot(user.login, user.id, temporaryPassword);
  return user;
}

export async function updateUser(ctx: Ctx, id: number, u: Omit<NewUser, 'login'>): Promise<User> {
  return change(ctx, async (tx) => {
    const before = await getUser(tx.db, id);
    if (id === ctx.user.id && u.role !== before.role) throw new AppError('FORBIDDEN', 'errors.ownRole');
    await checkSections(tx.db, u.sectionIds);
    await tx.db
      .updateTable('users')
      .set({
        surname: u.surname,
        name: u.name,
        patronymic: u.patronymic,
        rank: u.rank,
        position: u.position,
        role: u.role,
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
    return after;
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
