import type { CallsOf, Draft } from '../../../../shared/api';
import type { BackendModule, Handlers } from '../module';
import type { Ctx } from '../../context';
import { change } from '../../change';

/** Keeps the person's open form through a lock; the audit names the form, never its text. */
async function saveDraft(ctx: Ctx, d: { route: string; form: string; values: Record<string, unknown> }) {
  return change(ctx, async (tx) => {
    const row = {
      route: d.route,
      form: d.form,
      values_json: JSON.stringify(d.values),
      saved_at: ctx.now.toISOString(),
    };
    await tx.db
      .insertInto('drafts')
      .values({ user_id: ctx.user.id, ...row })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
      .execute();
    await tx.audit({ action: 'drafts.save', entity: 'draft', entityId: ctx.user.id, after: { form: d.form } });
    return { savedAt: row.saved_at };
  });
}

async function takeDraft(ctx: Ctx): Promise<Draft | null> {
  const had = await ctx.db.selectFrom('drafts').selectAll().where('user_id', '=', ctx.user.id).executeTakeFirst();
  if (!had) return null;
  return change(ctx, async (tx) => {
    await tx.db.deleteFrom('drafts').where('user_id', '=', ctx.user.id).execute();
    await tx.audit({ action: 'drafts.take', entity: 'draft', entityId: ctx.user.id, before: { form: had.form } });
    return { route: had.route, form: had.form, values: JSON.parse(had.values_json), savedAt: had.saved_at };
  });
}

const draftsHandlers: Handlers<CallsOf<'drafts'>> = {
  'drafts.save': async (d, { ctx }) => saveDraft(ctx(), d),
  'drafts.take': async (_i, { ctx }) => takeDraft(ctx()),
};

/** Nothing typed is lost to a lock (issue 15). */
export const draftsModule: BackendModule<'drafts'> = { handlers: draftsHandlers };
