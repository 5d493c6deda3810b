import type { Handlers } from '../module';
import { AppError, type Language, type CallsOf } from '../../../../shared/api';
import { translator } from '../../../../shared/i18n';
import { formatDate, shortName, localName } from '../../../../shared/format';
import { printForm } from '../../documents/print';
import { getUser } from '../users/service';
import {
  addItem,
  addParticipant,
  cancelMeeting,
  disposeMaterials,
  finalizeMeeting,
  readMeeting,
  listMeetings,
  openItems,
  planMeeting,
  recordNotice,
  removeParticipant,
  reportFigures,
  resolveItem,
  saveInvitees,
  saveRecord,
  updateMeeting,
  type ReportFigures,
} from './service';

/** p.30: the report's skeleton from the figures; the inspector edits it into his own words. */
function reportDraft(f: ReportFigures, lang: Language): string {
  const t = translator(lang);
  const lines = [
    t('meetings.draft.period', { from: formatDate(f.from), to: formatDate(f.to) }),
    '',
    t('meetings.draft.situation'),
    '',
    t('meetings.draft.receptions', { total: f.receptions.total }),
    ...f.receptions.byCategory.map((c) => `  — ${localName(c, lang)}: ${c.count}`),
    ...Object.entries(f.receptions.byAction).map(([a, n]) => `  · ${t(`reception.actions.${a}`)}: ${n}`),
    '',
    t('meetings.draft.files', { active: f.files.active, checks: f.files.checks, violations: f.files.violations }),
    ...Object.entries(f.files.byCategory).map(([k, n]) => `  — ${t(`prevention.categoryShort.${k}`)}: ${n}`),
    t('meetings.draft.lists', f.lists),
    '',
    t('meetings.draft.legislation'),
    '',
    f.previousItems.length
      ? t('meetings.draft.previous', { date: formatDate(f.previousItems[0]!.date) })
      : t('meetings.draft.noPrevious'),
    ...f.previousItems.map((i) => `  — ${i.text}: ${i.settled ? i.outcome : t('meetings.draft.stillOpen')}`),
  ];
  return lines.join('\n');
}

export const meetingsHandlers: Handlers<CallsOf<'meetings'>> = {
  'meetings.list': async ({ year }, { ctx }) => listMeetings(ctx(), year),
  'meetings.get': async ({ id }, { ctx }) => readMeeting(ctx(), id),
  'meetings.plan': async (m, { ctx }) => planMeeting(ctx(), m),
  'meetings.update': async ({ id, meeting }, { ctx }) => updateMeeting(ctx(), id, meeting),
  'meetings.cancel': async ({ id, reason }, { ctx }) => cancelMeeting(ctx(), id, reason),
  'meetings.recordNotice': async ({ id, channels, noticeOn, details }, { ctx }) =>
    recordNotice(ctx(), id, channels, noticeOn, details),
  'meetings.saveInvitees': async ({ id, invitees }, { ctx }) => saveInvitees(ctx(), id, invitees),
  'meetings.draftReport': async ({ id, language }, { ctx }) => {
    const c = ctx();
    return { text: reportDraft(await reportFigures(c.db, await readMeeting(c, id), c.now), language) };
  },
  'meetings.saveRecord': async ({ id, ...r }, { ctx }) => saveRecord(ctx(), id, r),
  'meetings.addParticipant': async ({ id, ...p }, { ctx }) => addParticipant(ctx(), id, p),
  'meetings.removeParticipant': async ({ id, participantId }, { ctx }) => removeParticipant(ctx(), id, participantId),
  'meetings.addItem': async ({ id, ...i }, { ctx }) => addItem(ctx(), id, i),
  'meetings.resolveItem': async ({ id, itemId, ...r }, { ctx }) => resolveItem(ctx(), id, itemId, r),
  'meetings.finalize': async ({ id }, { ctx }) => finalizeMeeting(ctx(), id),
  'meetings.dispose': async ({ id, disposalAct }, { ctx }) => disposeMaterials(ctx(), id, disposalAct),
  'meetings.openItems': async (_i, { ctx }) => openItems(ctx()),
  'meetings.print': async ({ id, document, itemId, language }, { ctx }) => {
    const c = ctx();
    const meeting = await readMeeting(c, id);
    const signer = shortName(await getUser(c.db, c.user.id));
    const item = itemId === null ? null : meeting.items.find((i) => i.id === itemId);
    if ((document === 'forwarding' || document === 'notification') && (!item || !item.outsideCompetence))
      throw new AppError('CONFLICT', 'meetings.notForwarded');
    if (document === 'protocol' && !meeting.finalizedAt) throw new AppError('CONFLICT', 'meetings.notFinalized');
    if (document === 'registration' && meeting.disposedOn) throw new AppError('CONFLICT', 'meetings.closed');
    const inspectors = await Promise.all(meeting.inspectorIds.map((u) => getUser(c.db, u)));
    const fileName = `meeting-${meeting.date}-${document}${item ? `-${item.id}` : ''}-${language}.pdf`;
    if (document === 'notice')
      return printForm(c, fileName, 'meetingNotice', language, (station) => ({ station, meeting }));
    if (document === 'registration')
      return printForm(c, fileName, 'meetingRegistration', language, (station) => ({
        station,
        meeting,
        fields: station.settings.meetingFields,
      }));
    if (document === 'protocol')
      return printForm(c, fileName, 'meetingProtocol', language, (station) => ({
        station,
        meeting,
        signers: inspectors.map(shortName),
      }));
    return printForm(
      c,
      fileName,
      document === 'forwarding' ? 'forwardingLetter' : 'initiatorNotification',
      language,
      (station) => ({ station, meeting, item: item!, signer }),
    );
  },
};
