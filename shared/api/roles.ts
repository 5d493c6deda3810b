import { z } from 'zod';

/**
 * Roles of the station: the inspector (УП), his assistant, the UPP lead, the chiefs, the duty officer, the
 * administrator.
 */
export const ROLES = ['inspector', 'assistant', 'uppLead', 'supervisor', 'dutyOfficer', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * The role groups, named once: the contract's `access` lists use them, the backend's own checks ask `inGroup`, the
 * renderer asks `canCall` of the contract.
 */
export const ROLE_GROUPS = {
  /**
   * those who work a section and write its records: inspector (УП), assistant, UPP lead. The assistant has the
   * inspector's rights and duties in full (p.2(3)) but two: a procedural decision on a criminal offence, and hearing an
   * Art. 685(2)(4) CoAO case or imposing an administrative penalty — none of which the program records
   */
  sectionStaff: ['inspector', 'assistant', 'uppLead'],
  /** the section staff and the chiefs (supervisors) who read their records */
  sectionReaders: ['inspector', 'assistant', 'uppLead', 'supervisor'],
  /**
   * who holds a section as its inspector: the responsible inspector of a person file (p.12), the inspector of an
   * adjacent section who covers (p.6), the one an assistant works under (p.2(3)). Not a limit on what the assistant
   * does: he has the inspector's rights in full (p.2(3)), and writes with `sectionStaff`
   */
  inspectors: ['inspector', 'uppLead'],
  /** the UPP lead and the chiefs: they see every section and every inspector */
  chiefs: ['uppLead', 'supervisor'],
  /** who keeps the station's settings, users and keys */
  stationAdmins: ['uppLead', 'admin'],
  /** who may check the change log's chain */
  auditors: ['uppLead', 'admin', 'supervisor'],
  /** who has a work notebook or reads others' (p.20): all but the administrator */
  notebookUsers: ['inspector', 'assistant', 'uppLead', 'supervisor', 'dutyOfficer'],
  /** who reads every work notebook (p.20); the others read their own */
  allNotebooksReaders: ['uppLead', 'supervisor', 'dutyOfficer'],
  /** who reviews the work notebooks (p.20): the duty officer and the chiefs */
  notebookReviewers: ['dutyOfficer', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;
export type RoleGroup = keyof typeof ROLE_GROUPS;

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const inGroup = (group: RoleGroup, role: Role): boolean =>
  (ROLE_GROUPS[group] as readonly Role[]).includes(role);
