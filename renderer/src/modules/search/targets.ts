import type { SearchHit, SearchKind } from '../../../../shared/api';

/** Where a found record lives: the address of its screen, as the screens' own lists open it. */
export function searchTarget(h: Pick<SearchHit, 'kind' | 'id' | 'parentId' | 'restricted'>): string | null {
  switch (h.kind) {
    case 'citizen':
      return `/citizens/${h.id}`;
    case 'reception':
      return `/reception/${h.id}`;
    case 'personFile':
      // p.15: the screen asks the purpose before the file opens
      return h.restricted ? null : `/prevention/${h.id}`;
    case 'notebook':
      return `/notebook/${h.parentId}/${h.id}`;
    case 'firearmOwner':
      return `/lists/firearms/${h.id}`;
    case 'probation':
      return `/lists/probation/${h.id}`;
    case 'foreigner':
      return `/lists/foreigners/${h.id}`;
    case 'meeting':
      return `/meetings/${h.id}`;
    case 'meetingItem':
      return `/meetings/${h.parentId}`;
    case 'handoverAct':
      return `/handover/${h.id}`;
  }
}

/** The catalog key of a hit's tag, where the kind has one. */
export const TAG_KEYS: Partial<Record<SearchKind | 'planItem', string>> = {
  personFile: 'prevention.statuses',
  notebook: 'notebook.kinds',
  meeting: 'meetings.kinds',
  meetingItem: 'meetings.itemKinds',
  handoverAct: 'handover.kinds',
  planItem: 'plans.results',
};
