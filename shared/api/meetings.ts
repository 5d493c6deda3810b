import { z } from 'zod';
import { defineCall, isoDate, languageSchema, optionalText, fileOutput, requiredText } from './contract';
import { ROLE_GROUPS } from './roles';

/**
 * Reporting meetings of the inspector with the population (Chapter 3, p.25–34): at least
 * one a quarter (p.26), notice ≥ 10 calendar days before (p.27), invitees (p.28), the
 * registration and the protocol drawn up the same day (p.32), every item followed up
 * (p.32), control by the UPP lead (p.33), awards (p.34), materials kept one year (p.32).
 */
export const MEETING_KINDS = ['gathering', 'akimMeeting', 'jointGathering'] as const;
export const MEETING_FORMATS = ['indoor', 'outdoor', 'online'] as const;
export const NOTICE_CHANNELS = ['media', 'social', 'enterprises'] as const;
export const INVITEE_KINDS = [
  'maslikhat',
  'public',
  'health',
  'labour',
  'education',
  'agriculture',
  'housing',
  'organization',
  'media',
] as const;
export const ITEM_KINDS = ['complaint', 'proposal', 'remark'] as const;
/**
 * Registration fields beyond the name; the law that governs them (art. 39-3(1)) is not in our sources, so the station
 * chooses.
 */
export const PARTICIPANT_FIELDS = ['address', 'organization', 'phone'] as const;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time');

export const meetingInputSchema = z
  .object({
    kind: z.enum(MEETING_KINDS),
    format: z.enum(MEETING_FORMATS),
    date: isoDate,
    time,
    place: requiredText(300),
    sectionIds: z.array(z.number().int()).min(1, 'meetings.sectionsRequired').max(10),
    inspectorIds: z.array(z.number().int()).min(1, 'meetings.inspectorsRequired').max(10),
    expected: z.number().int().min(0).max(100_000).nullable().default(null),
    policeLeaders: optionalText(300),
    executiveReps: optionalText(300),
  })
  .refine((m) => m.kind !== 'jointGathering' || m.sectionIds.length > 1, {
    message: 'meetings.jointNeedsSections',
    path: ['sectionIds'],
  });
export type MeetingInput = z.input<typeof meetingInputSchema>;

export const itemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(ITEM_KINDS),
  text: z.string(),
  raisedBy: z.string(),
  answeredInFull: z.boolean(),
  answer: z.string(),
  outsideCompetence: z.boolean(),
  checkDue: isoDate.nullable(),
  checkResult: z.string(),
  checkDoneAt: z.string().nullable(),
  forwardTo: z.string(),
  forwardedOn: isoDate.nullable(),
  forwardNumber: z.string(),
  initiatorAddress: z.string(),
  initiatorNotifiedOn: isoDate.nullable(),
  /** not answered in full, and neither checked nor forwarded with the initiator told */
  open: z.boolean(),
});
export type MeetingItem = z.infer<typeof itemSchema>;

export const participantSchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  address: z.string(),
  organization: z.string(),
  phone: z.string(),
});

export const meetingSchema = z.object({
  id: z.number().int(),
  kind: z.enum(MEETING_KINDS),
  format: z.enum(MEETING_FORMATS),
  date: isoDate,
  time: z.string(),
  place: z.string(),
  sectionIds: z.array(z.number().int()),
  sections: z.string(),
  inspectorIds: z.array(z.number().int()),
  inspectors: z.string(),
  expected: z.number().int().nullable(),
  policeLeaders: z.string(),
  executiveReps: z.string(),
  noticeChannels: z.array(z.enum(NOTICE_CHANNELS)),
  noticeOn: isoDate.nullable(),
  noticeDetails: z.string(),
  /** p.27: told fewer than ten calendar days before */
  noticeLate: z.boolean(),
  invitees: z.array(
    z.object({ id: z.number().int(), kind: z.enum(INVITEE_KINDS), name: z.string(), came: z.boolean() }),
  ),
  participants: z.array(participantSchema),
  participantsCount: z.number().int(),
  reportText: z.string(),
  decisions: z.string(),
  videoRef: z.string(),
  awards: z.string(),
  items: z.array(itemSchema),
  status: z.enum(['planned', 'held', 'cancelled']),
  finalizedAt: z.string().nullable(),
  /** p.32: the protocol was not drawn up on the meeting day */
  finalizedLate: z.boolean(),
  cancelReason: z.string(),
  disposedOn: isoDate.nullable(),
  disposalAct: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingRowSchema = meetingSchema
  .pick({
    id: true,
    kind: true,
    format: true,
    date: true,
    time: true,
    place: true,
    sections: true,
    inspectors: true,
    status: true,
    noticeOn: true,
    noticeLate: true,
    finalizedAt: true,
    participantsCount: true,
    disposedOn: true,
  })
  .extend({ openItems: z.number().int() });
export type MeetingRow = z.infer<typeof meetingRowSchema>;

const id = { id: z.number().int() };

export const meetingsApi = {
  'meetings.list': defineCall({
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: z.array(meetingRowSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'meetings.get': defineCall({ input: z.object(id), output: meetingSchema, access: ROLE_GROUPS.sectionReaders }),
  'meetings.plan': defineCall({ input: meetingInputSchema, output: meetingSchema, access: ROLE_GROUPS.sectionStaff }),
  'meetings.update': defineCall({
    input: z.object({ ...id, meeting: meetingInputSchema }),
    output: meetingSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'meetings.cancel': defineCall({
    input: z.object({ ...id, reason: requiredText(300) }),
    output: meetingSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** p.27: channels and the day the public was told. */
  'meetings.recordNotice': defineCall({
    input: z.object({
      ...id,
      channels: z.array(z.enum(NOTICE_CHANNELS)).min(1, 'meetings.channelsRequired'),
      noticeOn: isoDate,
      details: optionalText(1000),
    }),
    output: meetingSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'meetings.saveInvitees': defineCall({
    input: z.object({
      ...id,
      invitees: z
        .array(z.object({ kind: z.enum(INVITEE_KINDS), name: requiredText(200), came: z.boolean().default(false) }))
        .max(200),
    }),
    output: meetingSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** p.29–30: the section's own figures for the report, as a draft to edit. */
  'meetings.draftReport': defineCall({
    input: z.object({ ...id, language: languageSchema }),
    output: z.object({ text: z.string() }),
    access: ROLE_GROUPS.sectionStaff,
  }),
  'meetings.saveRecord': defineCall({
    input: z.object({
      ...id,
      reportText: optionalText(20_000),
      decisions: optionalText(5000),
      videoRef: optionalText(300),
      awards: optionalText(2000),
    }),
    output: meetingSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'meetings.addParticipant': defineCall({
    input: z.object({
      ...id,
      fullName: requiredText(150),
      address: optionalText(300),
      organization: optionalText(200),
      phone: optionalText(40),
    }),
    output: meetingSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'meetings.removeParticipant': defineCall({
    input: z.object({ ...id, participantId: z.number().int() }),
    output: meetingSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'meetings.addItem': defineCall({
    input: z
      .object({
        ...id,
        kind: z.enum(ITEM_KINDS),
        text: requiredText(2000),
        raisedBy: requiredText(200),
        answeredInFull: z.boolean(),
        answer: optionalText(2000),
        outsideCompetence: z.boolean().default(false),
        checkDue: isoDate.nullable().default(null),
        forwardTo: optionalText(300),
        initiatorAddress: optionalText(300),
      })
      .refine((i) => !i.answeredInFull || i.answer !== '', { message: 'meetings.answerRequired', path: ['answer'] })
      .refine((i) => i.answeredInFull || i.outsideCompetence || i.checkDue !== null, {
        message: 'meetings.checkDueRequired',
        path: ['checkDue'],
      })
      .refine((i) => !i.outsideCompetence || i.forwardTo !== '', {
        message: 'meetings.forwardToRequired',
        path: ['forwardTo'],
      }),
    output: meetingSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** p.32: the check of an item not answered in full, or its forwarding and the initiator told. */
  'meetings.resolveItem': defineCall({
    input: z.object({
      ...id,
      itemId: z.number().int(),
      checkResult: optionalText(2000),
      forwardedOn: isoDate.nullable().default(null),
      forwardNumber: optionalText(50),
      initiatorNotifiedOn: isoDate.nullable().default(null),
    }),
    output: meetingSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** p.32: drawn up and signed by the inspector on the meeting day. */
  'meetings.finalize': defineCall({ input: z.object(id), output: meetingSchema, access: ROLE_GROUPS.sectionStaff }),
  'meetings.dispose': defineCall({
    input: z.object({ ...id, disposalAct: requiredText(100) }),
    output: meetingSchema,
    access: ['uppLead'],
  }),
  /** p.33: every open item of every protocol. */
  'meetings.openItems': defineCall({
    input: z.object({}),
    output: z.array(itemSchema.extend({ meetingId: z.number().int(), meetingDate: isoDate, inspectors: z.string() })),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'meetings.print': defineCall({
    input: z.object({
      ...id,
      document: z.enum(['notice', 'registration', 'protocol', 'forwarding', 'notification']),
      itemId: z.number().int().nullable().default(null),
      language: languageSchema,
    }),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
};
