import fc from 'fast-check';
import type { z } from 'zod';
import { makeIin } from '../../shared/iin';

/**
 * Inputs for a call, generated from its own zod schema: mostly the right shape with values near and across the
 * edges (impossible days, huge texts, ids of other sections' objects, ids that do not exist), now and then a field
 * missing or of another kind, now and then anything at all. The router must answer each without INTERNAL.
 */

const TEXTS = [
  '',
  ' ',
  'x',
  'Сейтқали',
  'Қасымов Бауыржан',
  '2026-11-20',
  '2026-12-31',
  '2026-02-31',
  '9999-99-99',
  '2026-11-20T18:15',
  '2026-12-03T09:00',
  '2026-02-31T10:00',
  '18:00',
  '25:61',
  '2026-11',
  '2026-Q4',
  makeIin('1985-06-12', 'male', 4411),
  '000000000000',
  'inspector',
  'uppLead',
  'supervision',
  'complaint',
  'kk',
  'ru',
  '1',
  '17-1',
  '%',
  '../../etc/passwd',
  '/tmp',
  "'; DROP TABLE users;--",
  '<img src=x onerror=alert(1)>',
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'data:image/png;base64,AAAA',
  '\u0000',
  '🙂'.repeat(30),
];

const text = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TEXTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(5_000, 100_000).map((n) => 'ж'.repeat(n)) },
);

const integer = fc.oneof(
  // the seeded objects have the first ids: another section's among them
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1900, 2026, 2101) },
  { weight: 1, arbitrary: fc.integer() },
);
const number = fc.oneof(integer, fc.double(), fc.constantFrom(Number.NaN, Infinity, -0, 0.5));

/** a value of some other kind, where the schema wants one kind */
const other = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  integer,
  text,
  fc.constant([]),
  fc.constant({}),
);

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  keyType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  checks?: {
    _zod: { def: { check: string; format?: string; pattern?: RegExp; minimum?: number; value?: number } };
  }[];
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function shaped(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  switch (d.type) {
    case 'object': {
      const keys = Object.entries(d.shape ?? {});
      return fc.tuple(...keys.map(([, s]) => fieldOf(s, depth + 1))).map((vals) => {
        const o: Record<string, unknown> = {};
        keys.forEach(([k], i) => {
          if (vals[i] !== MISSING) o[k] = vals[i];
        });
        return o;
      });
    }
    case 'string':
      return stringOf(d);
    case 'number': {
      const checks = (d.checks ?? []).map((c) => c._zod.def);
      const whole = checks.some((c) => c.format === 'safeint');
      const min = checks.find((c) => c.check === 'greater_than')?.value;
      const max = checks.find((c) => c.check === 'less_than')?.value;
      const any = whole ? integer : number;
      // a range (a year, a count) gets values inside it too
      return min === undefined && max === undefined
        ? any
        : fc.oneof(any, fc.integer({ min: Math.ceil(min ?? -1e6), max: Math.floor(max ?? 1e6) }));
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...Object.values(d.entries ?? { x: 'x' })) },
        { weight: 1, arbitrary: text },
      );
    case 'literal':
      return fc.constantFrom(...(d.values ?? [null]));
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(shaped(d.element!, depth + 1), { maxLength: 4 });
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.constantFrom('kk', 'ru', '1', '2', 'x'), fc.string({ maxLength: 8 })),
        shaped(d.valueType!, depth + 1),
        { maxKeys: 4 },
      );
    case 'union':
      return fc.oneof(...d.options!.map((o) => shaped(o, depth + 1)));
    case 'nullable':
      return fc.oneof(fc.constant(null), shaped(d.innerType!, depth));
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return fc.oneof(fc.constant(undefined), shaped(d.innerType!, depth));
    case 'intersection':
      return fc
        .tuple(shaped(d.left!, depth), shaped(d.right!, depth))
        .map(([a, b]) => (isPlain(a) && isPlain(b) ? { ...a, ...b } : a));
    case 'pipe':
      return shaped(d.in!, depth);
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** a string field: mostly texts of its own format (a day, a time, an IIN) when it has one, otherwise any */
function stringOf(d: Def): fc.Arbitrary<string> {
  const checks = (d.checks ?? []).map((c) => c._zod.def);
  const pattern = checks.find((c) => c.format === 'regex')?.pattern;
  const required = checks.some((c) => c.check === 'min_length' && (c.minimum ?? 0) > 0);
  const fitting = TEXTS.filter((t) => (pattern ? pattern.test(t) : !required || t.trim() !== ''));
  if (fitting.length === 0) return text;
  return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fitting) }, { weight: 1, arbitrary: text });
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const MISSING = Symbol('missing');
const fieldOf = (s: z.ZodType, depth: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 12, arbitrary: shaped(s, depth) },
    { weight: 1, arbitrary: fc.constant(MISSING) },
    { weight: 1, arbitrary: other },
  );

export const inputFor = (schema: z.ZodType): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 9, arbitrary: shaped(schema, 0) },
    { weight: 1, arbitrary: fc.oneof(fc.anything({ maxDepth: 3 }), other) },
  );
