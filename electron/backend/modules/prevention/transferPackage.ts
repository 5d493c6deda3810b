import { z } from 'zod';
import { AppError, type PersonFile, type Station } from '../../../../shared/api';
import { CATEGORIES, SUPERVISION_KINDS, photoSchema, relationSchema } from '../../../../shared/api/prevention';
import { citizenInputSchema } from '../../../../shared/api/citizens';
import { fullName } from '../../../../shared/format';
import { DEFAULT_SCRYPT, unwrapKey, wrapKey, type ScryptParams } from '../../store/keyring';

/**
 * The transfer package (ours, beside p.14): one person file sealed with AES-256-GCM under
 * scrypt of a passphrase the two stations agree by another channel. GCM authenticates the
 * whole content, so a wrong passphrase, a damaged file and a tampered one are all refused.
 */
const FORMAT = 'uchaske.personFile';

const sealedSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  salt: z.string(),
  nonce: z.string(),
  data: z.string(),
  tag: z.string(),
  scrypt: z.object({ N: z.number().int().min(1024), r: z.number().int().min(1), p: z.number().int().min(1) }),
});

export const packageContentSchema = z.object({
  fromStation: z.string().max(500),
  exportedAt: z.string().max(40),
  citizen: citizenInputSchema,
  file: z.object({
    number: z.number().int(),
    categories: z.array(z.enum(CATEGORIES)).min(1),
    groundsBody: z.string().max(300),
    groundsNumber: z.string().max(50),
    groundsDate: z.string().max(10).nullable(),
    restrictions: z.string().max(3000),
    obligations: z.string().max(3000),
    startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    plannedEnd: z.string().max(10).nullable(),
    actualAddress: z.string().max(300),
    phones: z.string().max(100),
    relations: z.array(relationSchema).max(30),
    notes: z.string().max(3000),
    departedAt: z.string().max(20).nullable(),
    newAddress: z.string().max(300),
    photo: photoSchema,
  }),
  supervision: z
    .array(
      z.object({
        kind: z.enum(SUPERVISION_KINDS),
        plannedFor: z.string().max(10).nullable(),
        doneAt: z.string().max(20).nullable(),
        by: z.string().max(200),
        text: z.string().max(3000),
        violation: z.boolean(),
        violationText: z.string().max(2000),
        measures: z.string().max(2000),
      }),
    )
    .max(5000),
});
export type PackageContent = z.infer<typeof packageContentSchema>;

export function packageContent(file: PersonFile, station: Station, exportedAt: string): PackageContent {
  const c = file.citizen;
  return {
    fromStation: `${station.policeBody}, УПП № ${station.uppNumber} «${station.uppName}»`,
    exportedAt,
    citizen: {
      id: null,
      iin: c.iin ?? '',
      noIin: c.noIin,
      surname: c.surname,
      name: c.name,
      patronymic: c.patronymic,
      birthDate: c.birthDate,
      sex: c.sex,
      address: c.address,
      phone: c.phone,
      citizenship: c.citizenship,
      passportNo: c.passportNo,
      passportValidUntil: c.passportValidUntil,
    },
    file: {
      number: file.number,
      categories: file.categories,
      groundsBody: file.groundsBody,
      groundsNumber: file.groundsNumber,
      groundsDate: file.groundsDate,
      restrictions: file.restrictions,
      obligations: file.obligations,
      startDate: file.startDate,
      plannedEnd: file.plannedEnd,
      actualAddress: file.actualAddress,
      phones: file.phones,
      relations: file.relations,
      notes: file.notes,
      departedAt: file.departedAt,
      newAddress: file.newAddress,
      photo: file.photo,
    },
    supervision: file.supervision
      .filter((v) => v.doneAt !== null)
      .reverse()
      .map((v) => ({
        kind: v.kind,
        plannedFor: v.plannedFor,
        doneAt: v.doneAt,
        by: v.by,
        text: v.text,
        violation: v.violation,
        violationText: v.violationText,
        measures: v.measures,
      })),
  };
}

export function sealPackage(
  content: PackageContent,
  passphrase: string,
  scrypt: ScryptParams = DEFAULT_SCRYPT,
): Buffer {
  const sealed = wrapKey(Buffer.from(JSON.stringify(content), 'utf8'), passphrase, scrypt);
  return Buffer.from(JSON.stringify({ format: FORMAT, version: 1, ...sealed }), 'utf8');
}

/** The content, or a translated refusal; nothing is trusted before the tag verifies and the schema passes. */
export function openPackage(bytes: Buffer, passphrase: string): PackageContent {
  const damaged = () => new AppError('VALIDATION', 'prevention.packageDamaged');
  let outer: z.infer<typeof sealedSchema>;
  try {
    outer = sealedSchema.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw damaged();
  }
  // no dearer than ours (ours): a package is opened at the desk, and parameters chosen by whoever made the file
  // (N 2^20, r 16) would hold the backend for minutes and gigabytes before the passphrase is even checked
  const { N, r, p } = outer.scrypt;
  if (N > DEFAULT_SCRYPT.N || r > DEFAULT_SCRYPT.r || p > DEFAULT_SCRYPT.p)
    throw new AppError('VALIDATION', 'prevention.packageForeign');
  let plain: Buffer | null;
  try {
    plain = unwrapKey(outer, passphrase);
  } catch {
    plain = null;
  }
  if (!plain) throw damaged();
  const parsed = (() => {
    try {
      return packageContentSchema.safeParse(JSON.parse(plain.toString('utf8')));
    } catch {
      return null;
    }
  })();
  if (!parsed?.success) throw damaged();
  return parsed.data;
}

export const packagePersonName = (c: PackageContent['citizen']) => fullName(c);
