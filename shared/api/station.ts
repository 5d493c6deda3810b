import { z } from 'zod';
import { defineCall, optionalText } from './contract';
import { ROLE_GROUPS } from './roles';
import { newSectionSchema, sectionKindSchema, stationFields } from './fields';

export const sectionSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  kind: sectionKindSchema,
  boundary: z.string(),
  orderRef: z.string(),
  active: z.boolean(),
  /** p.6: the sections that adjoin it (their inspectors cover its absences) */
  adjacentIds: z.array(z.number().int()),
});
export type Section = z.infer<typeof sectionSchema>;

export const settingsSchema = z.object({
  idleMinutes: z.number().int().min(1, 'validation.range').max(240, 'validation.range'),
  /** p.9: 18:00–21:00 in the current text; the 2022 draft said 17:00–20:00. */
  receptionFrom: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time'),
  receptionTo: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time'),
  backupKeep: z.number().int().min(1, 'validation.range').max(365, 'validation.range'),
  /**
   * p.32: what the meeting registration asks besides the name (art. 39-3(1) of the self-government law is not in our
   * sources)
   */
  meetingFields: z.array(z.enum(['address', 'organization', 'phone'])).default(['address', 'organization']),
  /**
   * (ours, not the Order's) the deadlines the Order does not set, each the station's to choose: how many days ahead
   * Today shows a visit's follow-up (p.9 sets none); how many days a person file's paper may stay out of the safe, 0
   * for the same day (p.13 sets none); how many days after the confirmation of arrival the materials are sent (p.14
   * sets the 72 hours of the request only)
   */
  followUpNoticeDays: z.number().int().min(0, 'validation.range').max(30, 'validation.range').default(3),
  fileOutDays: z.number().int().min(0, 'validation.range').max(30, 'validation.range').default(0),
  materialsDays: z.number().int().min(0, 'validation.range').max(30, 'validation.range').default(0),
});
export type Settings = z.infer<typeof settingsSchema>;

export const stationSchema = z.object({
  uppNumber: z.string(),
  uppName: z.string(),
  policeBody: z.string(),
  address: z.string(),
  uppNameKk: z.string(),
  policeBodyKk: z.string(),
  addressKk: z.string(),
  sections: z.array(sectionSchema),
  settings: settingsSchema,
});
export type Station = z.infer<typeof stationSchema>;

/** The station's own words in a language: the Kazakh name, police body and address where given, else the Russian. */
export const stationIn = <S extends Pick<Station, 'uppName' | 'policeBody' | 'address'> & Partial<Station>>(
  s: S,
  lang: 'kk' | 'ru',
): S =>
  lang === 'kk'
    ? {
        ...s,
        uppName: s.uppNameKk || s.uppName,
        policeBody: s.policeBodyKk || s.policeBody,
        address: s.addressKk || s.address,
      }
    : s;

export const stationApi = {
  'station.get': defineCall({ input: z.object({}), output: stationSchema, access: 'anyUser' }),
  'station.update': defineCall({
    input: z.object(stationFields),
    output: stationSchema,
    access: ROLE_GROUPS.stationAdmins,
  }),
  'station.saveSection': defineCall({
    input: newSectionSchema.extend({
      id: z.number().int().optional(),
      boundary: optionalText(2000),
      orderRef: optionalText(200),
      /** p.6: the sections adjoining this one; left out, they stay as they are */
      adjacentIds: z.array(z.number().int()).max(200).optional(),
    }),
    output: stationSchema,
    access: ROLE_GROUPS.stationAdmins,
  }),
  'station.updateSettings': defineCall({
    input: settingsSchema,
    output: stationSchema,
    access: ROLE_GROUPS.stationAdmins,
  }),
};
