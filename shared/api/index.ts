import type { z } from 'zod';
import type { Role } from './roles';
import { authApi } from './auth';
import { setupApi } from './setup';
import { recoveryApi } from './recovery';
import { usersApi } from './users';
import { stationApi } from './station';
import { calendarApi } from './calendar';
import { auditApi } from './audit';
import { backupApi } from './backup';
import { staffApi } from './staff';
import { todayApi } from './today';
import { citizensApi } from './citizens';
import { citizenCardApi } from './citizenCard';
import { receptionApi } from './reception';
import { notebookApi } from './notebook';
import { preventionApi } from './prevention';
import { meetingsApi } from './meetings';
import { plansApi } from './plans';
import { listsApi } from './lists';
import { handoverApi } from './handover';
import { passportApi } from './passport';
import { documentsApi } from './documents';
import { updatesApi } from './updates';
import { searchApi } from './search';
import { figuresApi } from './figures';
import { toursApi } from './tours';
import { draftsApi } from './drafts';

/**
 * Every call of Uchaske, declared once, by module: a module's calls are named `<module>.<call>` and its backend half
 * lives in electron/backend/modules/<module>/. Adding a module: its file here, one line below.
 */
export const contracts = {
  auth: authApi,
  setup: setupApi,
  recovery: recoveryApi,
  users: usersApi,
  station: stationApi,
  calendar: calendarApi,
  audit: auditApi,
  backup: backupApi,
  staff: staffApi,
  today: todayApi,
  citizens: { ...citizensApi, ...citizenCardApi },
  reception: receptionApi,
  notebook: notebookApi,
  prevention: preventionApi,
  meetings: meetingsApi,
  plans: plansApi,
  lists: listsApi,
  handover: handoverApi,
  passport: passportApi,
  documents: documentsApi,
  updates: updatesApi,
  search: searchApi,
  figures: figuresApi,
  tours: toursApi,
  drafts: draftsApi,
} as const;
export type ModuleName = keyof typeof contracts;

/** The flat table both transports and the router read. */
export const api = {
  ...authApi,
  ...setupApi,
  ...recoveryApi,
  ...usersApi,
  ...stationApi,
  ...calendarApi,
  ...auditApi,
  ...backupApi,
  ...staffApi,
  ...todayApi,
  ...citizensApi,
  ...citizenCardApi,
  ...receptionApi,
  ...notebookApi,
  ...preventionApi,
  ...meetingsApi,
  ...plansApi,
  ...listsApi,
  ...handoverApi,
  ...passportApi,
  ...documentsApi,
  ...updatesApi,
  ...searchApi,
  ...figuresApi,
  ...toursApi,
  ...draftsApi,
} satisfies { [M in ModuleName]: (typeof contracts)[M] }[ModuleName];
export type Api = typeof api;
export type CallName = keyof Api;
/** The calls of one module. */
export type CallsOf<M extends ModuleName> = keyof (typeof contracts)[M] & CallName;
export type CallInput<N extends CallName> = z.input<Api[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Api[N]['output']>;

// the compiler checks the two tables: every call is named after its module, and the flat table holds all of them
type Misnamed = { [M in ModuleName]: Exclude<keyof (typeof contracts)[M], `${M}.${string}`> }[ModuleName];
type Missing = Exclude<{ [M in ModuleName]: keyof (typeof contracts)[M] }[ModuleName], CallName>;
export const contractIsConsistent: [Misnamed, Missing] extends [never, never] ? true : [Misnamed, Missing] = true;

export const isCallName = (name: string): name is CallName => Object.hasOwn(api, name);

/** Whether a role may make a call: the contract's `access`, the one source the backend enforces. */
export function canCall(role: Role, name: CallName): boolean {
  const access = api[name].access;
  return access === 'public' || access === 'anyUser' || access.includes(role);
}

export * from './contract';
export * from './roles';
export type { SessionUser } from './auth';
export type { User } from './users';
export type { Station, Section, Settings } from './station';
export type { Absence } from './staff';
export type { BackupCopy, BackupDestination, CopyPreview, RestoreCandidate } from './backup';
export type { DueItem } from './today';
export type { Citizen, CitizenHit, CitizenInput } from './citizens';
export type { CitizenCard } from './citizenCard';
export type { Reception, ReceptionCategory, ReceptionFilter, ReceptionInput } from './reception';
export type { NotebookEntry, EntryKind } from './notebook';
export type { PersonFile, PersonFileRow, PersonFileInput, Safe, Category, SupervisionRecord } from './prevention';
export type { Meeting, MeetingRow, MeetingInput, MeetingItem } from './meetings';
export type { Plan, PlanItem } from './plans';
export type { Draft } from './drafts';
export type { ApplicantCheck, FirearmOwner, ProbationPerson, Foreigner, ListKind, ImportPreview } from './lists';
export type { HandoverAct, ActSnapshot, TourAddress } from './handover';
export type { Passport, PassportObject, ObjectPart } from './passport';
export type { UpdateSource, UpdateStatus, Release } from './updates';
export type { SearchHit, SearchKind } from './search';
export type { OffencePlace, Tour, TourInput } from './tours';
export type { FigureColumn, FigureEntry, Figures, FiguresReport, FiguresRow, SectionFigures } from './figures';
