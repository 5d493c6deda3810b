import type { z } from 'zod';
import { authApi } from './auth';
import { usersApi } from './users';
import { stationApi } from './station';
import { staffApi } from './staff';
import { todayApi } from './today';
import { citizensApi } from './citizens';
import { receptionApi } from './reception';
import { notebookApi } from './notebook';
import { preventionApi } from './prevention';
import { meetingsApi } from './meetings';
import { plansApi } from './plans';
import { listsApi, listsImportApi } from './lists';
import { handoverApi, tourApi } from './handover';
import { passportApi } from './passport';

/** Every call of Uchaske, declared once; both transports and the router read this. */
export const api = {
  ...authApi,
  ...usersApi,
  ...stationApi,
  ...staffApi,
  ...todayApi,
  ...citizensApi,
  ...receptionApi,
  ...notebookApi,
  ...preventionApi,
  ...meetingsApi,
  ...plansApi,
  ...listsApi,
  ...listsImportApi,
  ...handoverApi,
  ...tourApi,
  ...passportApi,
};
export type Api = typeof api;
export type CallName = keyof Api;
export type CallInput<N extends CallName> = z.input<Api[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Api[N]['output']>;

export * from './contract';
export type { SessionUser } from './auth';
export type { User } from './users';
export type { Station, Section, Settings } from './station';
export type { Absence } from './staff';
export type { DueItem } from './today';
export type { Citizen, CitizenHit, CitizenInput } from './citizens';
export type { Reception, ReceptionCategory, ReceptionFilter, ReceptionInput } from './reception';
export type { NotebookEntry, EntryKind } from './notebook';
export type { PersonFile, PersonFileRow, PersonFileInput, Safe, Category, SupervisionRecord } from './prevention';
export type { Meeting, MeetingRow, MeetingInput, MeetingItem } from './meetings';
export type { Plan, PlanItem } from './plans';
export type { FirearmOwner, ProbationPerson, Foreigner, ListKind, ImportPreview } from './lists';
export type { HandoverAct, ActSnapshot, TourAddress } from './handover';
export type { Passport, PassportObject, ObjectPart } from './passport';
