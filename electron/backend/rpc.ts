import type { z } from 'zod';
import { api, AppError, type AppErrorShape, type CallName, type CallResult, type Role } from '../../shared/api';
import type { Backend } from './backend';
import type { Ctx } from './context';
import type { Handler, HandlerEnv } from './handlers';
import { authHandlers } from './modules/auth/handlers';
import { usersHandlers } from './modules/users/handlers';
import { stationHandlers } from './modules/station/handlers';
import { staffHandlers } from './modules/staff/handlers';
import { todayHandlers } from './modules/deadlines/handlers';
import { DeadlineRegistry } from './modules/deadlines/registry';
import { uncoveredAbsences } from './modules/staff/service';
import { citizensHandlers } from './modules/citizens/handlers';
import { receptionHandlers } from './modules/reception/handlers';
import { dueFollowUps } from './modules/reception/service';
import { notebookHandlers } from './modules/notebook/handlers';
import { dueInstructions, duePassOn, missingCallIns } from './modules/notebook/service';
import { preventionHandlers } from './modules/prevention/handlers';
import { meetingsHandlers } from './modules/meetings/handlers';
import { plansHandlers } from './modules/plans/handlers';
import { listsHandlers } from './modules/lists/handlers';
import { handoverHandlers } from './modules/handover/handlers';
import { passportHandlers } from './modules/passport/handlers';
import { dueYearColumn } from './modules/passport/service';
import { dueTours } from './modules/handover/service';
import { dueFirearmChecks, dueForeigners } from './modules/lists/service';
import { duePlans } from './modules/plans/service';
import { dueMeetingSteps, quarterCoverage } from './modules/meetings/service';
import { dueChecks, dueTransfers, filesOut } from './modules/prevention/service';

/** Calls a person who must change a temporary password may still make. */
const BEFORE_PASSWORD_CHANGE = new Set<CallName>([
  'app.status',
  'auth.lock',
  'auth.changePassword',
  'auth.unlock',
  'auth.recover',
]);

export function buildDeadlines(): DeadlineRegistry {
  const r = new DeadlineRegistry();
  r.register('cover.missing', uncoveredAbsences);
  r.register('reception.followUp', dueFollowUps);
  r.register('notebook.passOn', duePassOn);
  r.register('notebook.instruction', dueInstructions);
  r.register('notebook.callIn', missingCallIns);
  r.register('prevention.transfer', dueTransfers);
  r.register('prevention.check', dueChecks);
  r.register('prevention.out', filesOut);
  r.register('meetings.quarter', quarterCoverage);
  r.register('meetings.steps', dueMeetingSteps);
  r.register('plans', duePlans);
  r.register('lists.firearms', dueFirearmChecks);
  r.register('lists.foreigners', dueForeigners);
  r.register('handover.tour', dueTours);
  r.register('passport.year', dueYearColumn);
  return r;
}

function zodFields(error: z.ZodError): AppErrorShape['fields'] {
  return error.issues.map((i) => ({
    path: i.path.join('.'),
    // our schemas carry catalog keys as messages; zod's own English ones become a generic key
    messageKey: /^[a-z]+\.[A-Za-z.]+$/.test(i.message) ? i.message : 'validation.invalid',
  }));
}

export interface Router {
  call(name: string, input: unknown): Promise<CallResult<unknown>>;
}

/**
 * The one entrance to the backend: validates input, checks the role against the
 * unlocked session, runs the handler, validates output, and turns every failure
 * into an AppError shape. Never a stack trace, never personal data in a log.
 */
export function createRouter(backend: Backend, log: (line: string) => void = (l) => console.error(l)): Router {
  const handlers = {
    ...authHandlers,
    ...usersHandlers,
    ...stationHandlers,
    ...staffHandlers,
    ...todayHandlers(buildDeadlines()),
    ...citizensHandlers,
    ...receptionHandlers,
    ...notebookHandlers,
    ...preventionHandlers,
    ...meetingsHandlers,
    ...plansHandlers,
    ...listsHandlers,
    ...handoverHandlers,
    ...passportHandlers,
  } as Record<CallName, Handler<CallName>>;

  return {
    async call(name, input) {
      try {
        if (!Object.hasOwn(api, name)) throw new AppError('NOT_FOUND', 'errors.unknownCall');
        const n = name as CallName;
        const def = api[n];
        let ctx: Ctx | null = null;
        if (def.access !== 'public') {
          ctx = backend.context();
          if (def.access !== 'anyUser' && !(def.access as readonly Role[]).includes(ctx.user.role)) {
            throw new AppError('FORBIDDEN', 'errors.forbidden');
          }
          if (ctx.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(n))
            throw new AppError('FORBIDDEN', 'errors.mustChangePassword');
        }
        const parsed = def.input.safeParse(input ?? {});
        if (!parsed.success) throw new AppError('VALIDATION', 'errors.validation', undefined, zodFields(parsed.error));
        const env: HandlerEnv = { backend, ctx: () => ctx ?? (ctx = backend.context()) };
        const out = await handlers[n](parsed.data as never, env);
        const checked = def.output.safeParse(out);
        if (!checked.success) {
          log(`rpc ${n}: output does not match the contract`);
          throw new AppError('INTERNAL', 'errors.internal');
        }
        return { ok: true, data: checked.data };
      } catch (e) {
        if (e instanceof AppError) return { ok: false, error: e.toJSON() };
        // only the kind of failure: messages of SQLite or Node may quote values
        const code = (e as { code?: unknown })?.code;
        log(`rpc ${name}: ${(e as Error)?.name ?? 'Error'}${typeof code === 'string' ? ` ${code}` : ''}`);
        return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } };
      }
    },
  };
}
