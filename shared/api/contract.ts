import { z } from 'zod';

import type { Role } from './roles';

/**
 * Who may make a call: `public` needs no unlocked session (setup, unlock),
 * `anyUser` any unlocked session, otherwise the listed roles.
 */
export type Access = 'public' | 'anyUser' | readonly Role[];

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
}

/** A period's end not before its start: the check of every from–to input, its message on `to`. */
export const periodInOrder = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema.refine((p) => p.from <= p.to, { message: 'validation.periodOrder', path: ['to'] });

export const defineCall = <I extends z.ZodType, O extends z.ZodType>(def: CallDef<I, O>): CallDef<I, O> => def;

export const ERROR_CODES = [
  'VALIDATION',
  'AUTH',
  'LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What crosses the transport on failure: a code, a catalog key, details. Never a stack. */
export interface AppErrorShape {
  code: ErrorCode;
  messageKey: string;
  details?: Record<string, unknown>;
  /** zod issues mapped to field paths and catalog keys */
  fields?: { path: string; messageKey: string; params?: Record<string, unknown> }[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly details?: Record<string, unknown>;
  readonly fields?: AppErrorShape['fields'];
  constructor(
    code: ErrorCode,
    messageKey: string,
    details?: Record<string, unknown>,
    fields?: AppErrorShape['fields'],
  ) {
    super(messageKey);
    this.name = 'AppError';
    this.code = code;
    this.messageKey = messageKey;
    this.details = details;
    this.fields = fields;
  }
  toJSON(): AppErrorShape {
    return { code: this.code, messageKey: this.messageKey, details: this.details, fields: this.fields };
  }
}

/** A refusal of one field: the form puts the message under it. */
export const fieldError = (path: string, messageKey: string) =>
  new AppError('VALIDATION', messageKey, undefined, [{ path, messageKey }]);

export type CallResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

/**
 * A day that is on the calendar, in years a station's records can have (ours: 1900–2100). The format alone let
 * '9999-99-99' and 31 February into the database, and such a day later broke every list that computes with it.
 */
export function isCalendarDay(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (y < 1900 || y > 2100) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The largest file a call carries, in base64 characters, each checked by its schema before any parsing (ours): a
 * spreadsheet of a list (thousands of rows), a transfer package (one file with its photo and years of history). The
 * browser host's body limit follows the largest of them.
 */
export const FILE_INPUT_MAX = { spreadsheet: 20_000_000, package: 8_000_000 } as const;
export const LARGEST_INPUT = Math.max(...Object.values(FILE_INPUT_MAX));

/** Shared field schemas. Messages are catalog keys, translated where shown. */
export const requiredText = (max = 200) =>
  z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');
export const optionalText = (max = 200) => z.string().trim().max(max, 'validation.tooLong').default('');
/** an empty required day says it is required, not that its format is wrong (issue 15) */
export const isoDate = z
  .string({ error: 'validation.required' })
  .min(1, { message: 'validation.required', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date', abort: true })
  .refine(isCalendarDay, 'validation.noSuchDate');
/** a moment at the station, in its local time: 'YYYY-MM-DDTHH:mm' */
export const localDateTime = z
  .string({ error: 'validation.required' })
  .min(1, { message: 'validation.required', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.dateTime', abort: true })
  .refine(isCalendarDay, 'validation.noSuchDate');
export const languageSchema = z.enum(['kk', 'ru']);
export type Language = z.infer<typeof languageSchema>;
export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'validation.loginShort')
  .max(32, 'validation.tooLong')
  .regex(/^[a-z0-9._-]+$/, 'validation.loginChars');
export const passwordSchema = z.string().min(8, 'validation.passwordShort').max(200, 'validation.tooLong');
/** a generated file (PDF, XLSX) for the user to save or print */
export const fileOutput = z.object({ fileName: z.string(), base64: z.string() });
export type GeneratedFile = z.infer<typeof fileOutput>;
