/** Person files on the Today screen: the p.14 deadline, planned checks (p.12), paper out of the safe (p.13). */
import { dueBy, TODAY_HORIZON_DAYS, type TodayWindow } from '../../../../shared/rules/today';
import dayjs from 'dayjs';
import { type DueItem } from '../../../../shared/api';
import { readSettings } from '../station/service';
import { shortName } from '../../../../shared/format';
import type { Ctx } from '../../context';
import { inScope, scopeOf } from './access';
import { outSince } from './files';
import { requestDue } from '../../../../shared/rules/prevention';

// ---- Today

async function scopedOpenFiles(ctx: Ctx) {
  const scope = await scopeOf(ctx);
  if (!scope.all && scope.userId < 0) return [];
  const rows = await ctx.db
    .selectFrom('person_files as f')
    .innerJoin('citizens as c', 'c.id', 'f.citizen_id')
    .select([
      'f.id',
      'f.number',
      'f.section_id',
      'f.inspector_id',
      'f.status',
      'f.departed_at',
      'f.request_sent_at',
      'f.confirmed_on',
      'c.surname',
      'c.name',
      'c.patronymic',
    ])
    .where('f.status', 'in', ['active', 'moving'])
    .execute();
  return rows.filter((r) => inScope(scope, r));
}

/**
 * p.14: the request to the police body at the new address within 72 hours of the departure; ours: the materials once
 * confirmed.
 */
export async function dueTransfers(ctx: Ctx, date: string): Promise<DueItem[]> {
  const now = dayjs(ctx.now);
  const settings = await readSettings(ctx.db);
  return (await scopedOpenFiles(ctx))
    .filter((f) => f.status === 'moving' && (!f.request_sent_at || f.confirmed_on))
    .map((f): DueItem => {
      const person = shortName(f);
      if (f.confirmed_on) {
        // ours: p.14 sets the request's 72 hours, not when the materials follow the confirmation
        const due = dayjs(f.confirmed_on).add(settings.materialsDays, 'day').format('YYYY-MM-DD');
        return {
          ruleId: 'prevention.materials',
          paragraph: 'ours',
          titleKey: 'today.rules.sendMaterials',
          params: { number: f.number, person },
          due,
          overdue: due < date,
          link: `/prevention/${f.id}`,
        };
      }
      const due = dayjs(requestDue(f.departed_at!));
      return {
        ruleId: 'prevention.request',
        paragraph: '14',
        titleKey: 'today.rules.transferRequest',
        params: { number: f.number, person, deadline: due.format('DD.MM.YYYY HH:mm') },
        due: due.format('YYYY-MM-DD'),
        overdue: now.isAfter(due),
        link: `/prevention/${f.id}`,
      };
    });
}

/** p.12: planned checks due within three days or overdue. */
export async function dueChecks(ctx: Ctx, date: string, window: TodayWindow = 'soon'): Promise<DueItem[]> {
  const files = new Map((await scopedOpenFiles(ctx)).map((f) => [f.id, f]));
  if (files.size === 0) return [];
  const rows = await ctx.db
    .selectFrom('supervision_records')
    .select(['file_id', 'planned_for', 'kind'])
    .where('done_at', 'is', null)
    .where('planned_for', '<=', dueBy(date, TODAY_HORIZON_DAYS.task, window))
    .where('file_id', 'in', [...files.keys()])
    .execute();
  return rows.map((r) => {
    const f = files.get(r.file_id)!;
    return {
      ruleId: 'prevention.check',
      paragraph: '12',
      titleKey: 'today.rules.supervisionCheck',
      params: { number: f.number, person: shortName(f), kind: r.kind },
      due: r.planned_for!,
      overdue: r.planned_for! < date,
      link: `/prevention/${f.id}`,
    };
  });
}

/**
 * p.13 keeps the paper in the safe; how long it may be out is ours: overdue once the day it was taken out has ended,
 * or as many days after as the station chose.
 */
export async function filesOut(ctx: Ctx, date: string): Promise<DueItem[]> {
  const { fileOutDays } = await readSettings(ctx.db);
  const files = await scopedOpenFiles(ctx);
  const out = await outSince(
    ctx.db,
    files.map((f) => f.id),
  );
  return files
    .filter((f) => out.has(f.id))
    .map((f) => {
      const since = dayjs(out.get(f.id)!);
      return {
        ruleId: 'prevention.out',
        paragraph: 'ours',
        titleKey: 'today.rules.fileOut',
        params: { number: f.number, person: shortName(f), since: since.format('DD.MM.YYYY HH:mm') },
        due: since.add(fileOutDays, 'day').format('YYYY-MM-DD'),
        overdue: since.add(fileOutDays, 'day').format('YYYY-MM-DD') < date,
        link: `/prevention/${f.id}`,
      };
    });
}
