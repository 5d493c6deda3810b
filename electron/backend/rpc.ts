import type { z } from 'zod';
import {
  api,
  AppError,
  isCallName,
  type Api,
  type AppErrorShape,
  type Access,
  type CallName,
  type CallOutput,
  type CallResult,
} from '../../shared/api';
import type { Ctx, HandlerEnv, Lifecycle } from './context';
import type { Handler } from './modules/module';
import { modules } from './modules';
import { DeadlineRegistry } from './modules/today/registry';
import { CallUnit } from './change';

/** Calls a person who must change a temporary password may still make. */
const BEFORE_PASSWORD_CHANGE = new Set<CallName>([
  'auth.status',
  'auth.lock',
  'auth.changePassword',
  'auth.unlock',
  'auth.recover',
]);

/** The backend the router drives: the lifecycle, and the context of an unlocked session. */
export interface RouterBackend extends Lifecycle {
  context(): Ctx;
}

type HandlerTable = { [K in CallName]?: Handler<K> };
/** the contract seen per call, so that a call's schemas keep their own types inside `invoke<K>` */
type CallDefs = {
  [K in CallName]: { input: z.ZodType<z.output<Api[K]['input']>>; output: z.ZodType<CallOutput<K>>; access: Access };
};
const defs: CallDefs = api;

export function handlerTable(): HandlerTable {
  let table: HandlerTable = {};
  for (const m of Object.values(modules)) table = { ...table, ...m.handlers };
  return table;
}

export function buildDeadlines(): DeadlineRegistry {
  const registry = new DeadlineRegistry();
  for (const m of Object.values(modules)) {
    for (const [id, provider] of Object.entries(m.deadlines ?? {})) registry.register(id, provider);
  }
  return registry;
}

function zodFields(error: z.ZodError): AppErrorShape['fields'] {
  return error.issues.map((i) => ({
    path: i.path.join('.'),
    // our schemas carry catalog keys as messages; zod's own English ones become a generic key
    messageKey: /^[a-z]+\.[A-Za-z.]+$/.test(i.message) ? i.message : 'validation.invalid',
  }));
}

function parseInput<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError('VALIDATION', 'errors.validation', undefined, zodFields(parsed.error));
  return parsed.data;
}

/** the session's context whose reads go through the call's unit once it is open (the unit holds the connection) */
function withUnit(base: Ctx, unit: CallUnit): Ctx {
  return Object.defineProperties({ ...base, unit }, { db: { get: () => unit.db, enumerable: true } });
}

export interface Router {
  call(name: string, input: unknown): Promise<CallResult<unknown>>;
}

/**
 * The one entrance to the backend: validates input, checks the role against the unlocked session, runs the handler,
 * validates output, and turns every failure into an AppError shape. Never a stack trace, never personal data in a log.
 */
/**
 * The safety net under the services' own checks (ours): a constraint SQLite refused means the input named something
 * that is not there, or twice; the unit of work is rolled back, and the person is told so instead of "internal error".
 * Each is logged, as a service should have said it first, with the field.
 */
const CONSTRAINT_ERRORS: Record<string, AppError> = {
  SQLITE_CONSTRAINT_FOREIGNKEY: new AppError('NOT_FOUND', 'errors.referenceMissing'),
  SQLITE_CONSTRAINT_UNIQUE: new AppError('CONFLICT', 'errors.duplicate'),
  SQLITE_CONSTRAINT_PRIMARYKEY: new AppError('CONFLICT', 'errors.duplicate'),
  SQLITE_CONSTRAINT_CHECK: new AppError('VALIDATION', 'errors.valueRefused'),
  SQLITE_CONSTRAINT_NOTNULL: new AppError('VALIDATION', 'errors.valueRefused'),
};

export function createRouter(backend: RouterBackend, log: (line: string) => void = (l) => console.error(l)): Router {
  const table = handlerTable();
  const deadlines = buildDeadlines();

  async function invoke<K extends CallName>(name: K, raw: unknown): Promise<CallOutput<K>> {
    const { input: inputSchema, output: outputSchema, access } = defs[name];
    let ctx: Ctx | null = null;
    let unit: CallUnit | null = null;
    if (access !== 'public') {
      const base = backend.context();
      unit = new CallUnit(base.db);
      ctx = withUnit(base, unit);
      if (access !== 'anyUser' && !access.includes(ctx.user.role)) {
        throw new AppError('FORBIDDEN', 'errors.forbidden');
      }
      if (ctx.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(name)) {
        throw new AppError('FORBIDDEN', 'errors.mustChangePassword');
      }
    }
    const input = parseInput(inputSchema, raw);
    const handler = table[name];
    if (!handler) throw new AppError('NOT_FOUND', 'errors.unknownCall');
    const env: HandlerEnv = {
      ctx: () => ctx ?? (ctx = backend.context()),
      lifecycle: backend,
      dueItems: (c, date, window) => deadlines.list(c, date, window),
    };
    if (!unit) return checkOutput(name, outputSchema, await handler(input, env));
    try {
      const out = checkOutput(name, outputSchema, await handler(input, env));
      await unit.commit();
      return out;
    } catch (e) {
      await unit.rollback().catch(() => log(`rpc ${name}: rollback failed`));
      throw e;
    }
  }

  /** what leaves is what the contract names: unknown keys are dropped, a wrong shape is a bug of ours */
  function checkOutput<T>(name: string, schema: z.ZodType<T>, out: unknown): T {
    const checked = schema.safeParse(out);
    if (!checked.success) {
      log(`rpc ${name}: output does not match the contract`);
      throw new AppError('INTERNAL', 'errors.internal');
    }
    return checked.data;
  }

  return {
    async call(name, input) {
      try {
        if (!isCallName(name)) throw new AppError('NOT_FOUND', 'errors.unknownCall');
        return { ok: true, data: await invoke(name, input) };
      } catch (e) {
        if (e instanceof AppError) return { ok: false, error: e.toJSON() };
        // only the kind of failure: messages of SQLite or Node may quote values
        const code = (e as { code?: unknown })?.code;
        log(`rpc ${name}: ${(e as Error)?.name ?? 'Error'}${typeof code === 'string' ? ` ${code}` : ''}`);
        const known = typeof code === 'string' ? CONSTRAINT_ERRORS[code] : undefined;
        if (known) return { ok: false, error: known.toJSON() };
        return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } };
      }
    },
  };
}
