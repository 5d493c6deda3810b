import { z } from 'zod';
import { defineCall } from './contract';
import { ROLE_GROUPS } from './roles';

/**
 * Where a new version comes from (ours): the station has no internet, so either the department's server on the LAN
 * (http or https) or a folder, a USB drive somebody brings. No source means no check.
 */
export const updateSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('url'),
    url: z
      .string()
      .trim()
      .max(500, 'validation.tooLong')
      .regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, 'updates.badUrl'),
  }),
  z.object({
    kind: z.literal('folder'),
    folder: z
      .string()
      .trim()
      .min(1, 'validation.required')
      .max(1000, 'validation.tooLong')
      .refine((f) => /^([a-zA-Z]:[\\/]|[\\/])/.test(f), 'backup.folderNotAbsolute'),
  }),
]);
export type UpdateSource = z.infer<typeof updateSourceSchema>;

/** A release the source offers, from its signed manifest. */
export const releaseSchema = z.object({
  version: z.string(),
  notes: z.string(),
  releaseDate: z.string(),
  bytes: z.number(),
});
export type Release = z.infer<typeof releaseSchema>;

/** What the panel shows: the installed version, the source, what was found, where a download is. */
export const updateStatusSchema = z.object({
  currentVersion: z.string(),
  source: updateSourceSchema.nullable(),
  /** how many release keys this build trusts; none means every release is refused */
  trustedKeys: z.number().int(),
  /** the Windows signature of the installer is checked against this publisher; null: this build names none */
  publisher: z.string().nullable(),
  /** installing runs the Windows installer: elsewhere (the browser host) a release is only checked and fetched */
  canInstall: z.boolean(),
  phase: z.enum(['idle', 'checking', 'downloading', 'downloaded', 'installing']),
  available: releaseSchema.nullable(),
  progress: z.object({ percent: z.number(), transferred: z.number(), total: z.number() }).nullable(),
  installAtQuit: z.boolean(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

/** A refusal is an answer, not an error: it is written to the audit log, which a failed call would roll back. */
const refusedSchema = z.object({
  outcome: z.literal('refused'),
  messageKey: z.string(),
  /** the version the refused release names, where it was read (an older one) */
  version: z.string().optional(),
});

export const updatesApi = {
  'updates.status': defineCall({ input: z.object({}), output: updateStatusSchema, access: ROLE_GROUPS.stationAdmins }),
  'updates.setSource': defineCall({
    input: z.object({ source: updateSourceSchema.nullable() }),
    output: updateStatusSchema,
    access: ROLE_GROUPS.stationAdmins,
  }),
  /** reads the source's manifest and its signature; nothing is downloaded */
  'updates.check': defineCall({
    input: z.object({}),
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('available'), release: releaseSchema }),
      z.object({ outcome: z.literal('upToDate'), version: z.string() }),
      z.object({ outcome: z.literal('unavailable'), messageKey: z.string() }),
      refusedSchema,
    ]),
    access: ROLE_GROUPS.stationAdmins,
  }),
  /** downloads the installer the signed manifest names; electron-updater checks its sha512 */
  'updates.download': defineCall({
    input: z.object({}),
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('downloaded'), release: releaseSchema }),
      z.object({ outcome: z.literal('unavailable'), messageKey: z.string() }),
      refusedSchema,
    ]),
    access: ROLE_GROUPS.stationAdmins,
  }),
  /** a verified copy of the station first; then the installer runs now (the program closes) or when it closes */
  'updates.install': defineCall({
    input: z.object({ when: z.enum(['now', 'atQuit']) }),
    output: z.object({ when: z.enum(['now', 'atQuit']), copy: z.string() }),
    access: ROLE_GROUPS.stationAdmins,
  }),
};
