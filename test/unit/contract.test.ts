import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api, canCall, contracts, ROLES, type CallName, type Role } from '../../shared/api';
import { buildDeadlines, handlerTable } from '../../electron/backend/rpc';
import { modules } from '../../electron/backend/modules';
import { addUser, setUpStation, signInAs } from './helpers';

const CALLS = Object.keys(api) as CallName[];

describe('the contract and the modules', () => {
  it('has a handler for every call, in the module named by the call', () => {
    const table = handlerTable();
    expect(CALLS.length).toBeGreaterThan(100);
    for (const name of CALLS) expect(table[name], name).toBeTypeOf('function');
    for (const [moduleName, m] of Object.entries(modules)) {
      const own = Object.keys(contracts[moduleName as keyof typeof contracts]);
      expect(Object.keys(m.handlers).sort(), moduleName).toEqual(own.sort());
      for (const name of own) expect(name.startsWith(`${moduleName}.`), name).toBe(true);
    }
  });

  it('registers every Today rule once', () => {
    expect(buildDeadlines().ids.sort()).toEqual(
      Object.values(modules)
        .flatMap((m: { deadlines?: object }) => Object.keys(m.deadlines ?? {}))
        .sort(),
    );
  });
});

/**
 * Where a call's input takes text with no bound: neither a max length nor a format (a date, a pattern) that bounds
 * it. Walks zod's own definitions, so a field added tomorrow is seen.
 */
function unboundedTexts(schema: z.ZodType, at: string, out: string[]): void {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const walk = (s: unknown, p: string) => unboundedTexts(s as z.ZodType, p, out);
  switch (def.type) {
    case 'string': {
      const checks = (def.checks ?? []) as { _zod: { def: { check: string; format?: string } } }[];
      const bounded = checks.some((c) => c._zod.def.check === 'max_length' || c._zod.def.format);
      if (!bounded && !(def as { format?: string }).format) out.push(at);
      return;
    }
    case 'object':
      for (const [k, v] of Object.entries(def.shape as object)) walk(v, `${at}.${k}`);
      return;
    case 'array':
      return walk(def.element, `${at}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return walk(def.innerType, at);
    case 'pipe':
      return walk(def.in, at);
    case 'union':
      return (def.options as unknown[]).forEach((o, i) => walk(o, `${at}|${i}`));
    case 'intersection':
      walk(def.left, at);
      return walk(def.right, at);
    case 'record':
      walk(def.keyType, `${at}{key}`);
      return walk(def.valueType, `${at}{}`);
    case 'tuple':
      return (def.items as unknown[]).forEach((o, i) => walk(o, `${at}[${i}]`));
  }
}

describe('input bounds', () => {
  it('every text a call takes has a limit, checked by the schema before any work (a password, a key, a code too)', () => {
    const out: string[] = [];
    for (const name of CALLS) unboundedTexts(api[name].input, name, out);
    expect(out).toEqual([]);
  });
});

describe('role × call matrix', () => {
  it('refuses every call to every role its access does not name, before reading the input', async () => {
    const s = await setUpStation();
    const logins: Record<Role, string> = {
      uppLead: 'abdikadyrov',
      inspector: 'insp',
      assistant: 'asst',
      supervisor: 'chief',
      dutyOfficer: 'duty',
      admin: 'admin',
    };
    for (const role of ROLES) if (role !== 'uppLead') await addUser(s, logins[role], 'Тестов', role, [1]);
    let refused = 0;
    for (const role of ROLES) {
      await signInAs(s, logins[role]);
      for (const name of CALLS) {
        if (canCall(role, name)) continue;
        // an empty input: the role is refused before validation, so no call can tell a forbidden role what it wants
        expect(await s.fail(name, {}), `${role} ${name}`).toMatchObject({
          code: 'FORBIDDEN',
          messageKey: 'errors.forbidden',
        });
        refused++;
      }
    }
    // every role is refused something; the administrator reads no person file, notebook or entry
    expect(refused).toBeGreaterThan(300);
    for (const name of ['prevention.open', 'notebook.write', 'reception.list'] as const) {
      expect(canCall('admin', name), name).toBe(false);
    }
    expect(canCall('dutyOfficer', 'prevention.open')).toBe(false);
  });
});
