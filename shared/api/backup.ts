import { z } from 'zod';
import { defineCall } from './contract';
import { ROLE_GROUPS } from './roles';

export const backupKindSchema = z.enum(['daily', 'manual', 'lock', 'migration']);

/** One verified copy: when, what kind, its size, and what it holds (counts only, no names). */
export const backupCopySchema = z.object({
  fileName: z.string(),
  kind: backupKindSchema,
  createdAt: z.string(),
  bytes: z.number(),
  /** verified when written; false when its files have changed or gone since */
  intact: z.boolean(),
  station: z.string(),
  counts: z.record(z.string(), z.number()),
});
export type BackupCopy = z.infer<typeof backupCopySchema>;

export const backupDestinationSchema = z.object({
  folder: z.string(),
  /** the folder is there now (a USB drive may be out) */
  present: z.boolean(),
  copies: z.array(backupCopySchema),
});
export type BackupDestination = z.infer<typeof backupDestinationSchema>;

const folderSchema = z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong');

/** A copy a restore may choose: where its file is, besides what the list shows. */
export const restoreCandidateSchema = backupCopySchema.extend({ file: z.string(), folder: z.string() });
export type RestoreCandidate = z.infer<typeof restoreCandidateSchema>;

/** How a copy is opened: a password that was valid in it (an administrator's), or the recovery code of its sheet. */
export const openCopySchema = z
  .object({
    file: z.string().trim().min(1, 'validation.required').max(1000, 'validation.tooLong'),
    by: z.enum(['password', 'code']),
    login: z.string().trim().max(100, 'validation.tooLong'),
    password: z.string().max(200, 'validation.tooLong'),
    recoveryCode: z.string().trim().max(100, 'validation.tooLong'),
  })
  .superRefine((v, ctx) => {
    const need = v.by === 'password' ? (['login', 'password'] as const) : (['recoveryCode'] as const);
    for (const k of need) if (!v[k]) ctx.addIssue({ code: 'custom', path: [k], message: 'validation.required' });
  });

/** What a copy holds, shown before anything changes. */
export const copyPreviewSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  station: z.string(),
  schemaVersion: z.number().int(),
  counts: z.record(z.string(), z.number()),
});
export type CopyPreview = z.infer<typeof copyPreviewSchema>;

export const backupApi = {
  'backup.list': defineCall({
    input: z.object({}),
    output: z.object({
      home: z.array(backupCopySchema),
      destinations: z.array(backupDestinationSchema),
      lastOutside: z.string().nullable(),
      /** when the database key last changed: copies from before open with the secrets revoked since */
      lastKeyChange: z.string().nullable(),
    }),
    access: ROLE_GROUPS.stationAdmins,
  }),
  'backup.now': defineCall({
    input: z.object({}),
    output: z.object({
      copy: backupCopySchema,
      missed: z.array(z.object({ folder: z.string(), messageKey: z.string() })),
    }),
    access: ROLE_GROUPS.stationAdmins,
  }),
  /** where the copy being made is: written, checked, taken to the folders (the panel shows it while it waits) */
  'backup.progress': defineCall({
    input: z.object({}),
    output: z
      .object({
        step: z.enum(['writing', 'verifying', 'folders']),
        done: z.number().int(),
        total: z.number().int(),
      })
      .nullable(),
    access: ROLE_GROUPS.stationAdmins,
  }),
  /** the folders copies also go to: a USB drive, a share of the department (ours) */
  'backup.setFolders': defineCall({
    input: z.object({ folders: z.array(folderSchema).max(10, 'validation.range') }),
    output: z.object({ folders: z.array(z.string()) }),
    access: ROLE_GROUPS.stationAdmins,
  }),
  /**
   * Deletes every copy made before a moment (the last key change, by default on the screen), in the data folder and
   * each destination that is there now (ours: after a revocation, the copies from before are what the revoked person
   * could still open).
   */
  'backup.deleteBefore': defineCall({
    input: z.object({ before: z.string().datetime({ offset: true, message: 'validation.dateTime' }) }),
    output: z.object({ removed: z.number().int(), missed: z.array(z.string()), made: backupCopySchema.nullable() }),
    access: ROLE_GROUPS.stationAdmins,
  }),
  /**
   * Restore works locked too (the unlock and first-run screens): the copy's own password or code is the key. With
   * a session open, only the station's administrators may (checked in the handler).
   */
  'backup.candidates': defineCall({
    input: z.object({ folder: z.string().trim().max(1000, 'validation.tooLong').nullable() }),
    output: z.array(restoreCandidateSchema),
    access: 'public',
  }),
  'backup.inspect': defineCall({ input: openCopySchema, output: copyPreviewSchema, access: 'public' }),
  'backup.restore': defineCall({ input: openCopySchema, output: copyPreviewSchema, access: 'public' }),
  /** Only while the database is here without its keyring: the keyring saved beside a copy is put back. */
  'backup.putBackKeyring': defineCall({
    input: openCopySchema,
    output: z.object({ ok: z.literal(true) }),
    access: 'public',
  }),
};
