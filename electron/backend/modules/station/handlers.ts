import type { Handlers } from '../../handlers';
import {
  calendarOverrides,
  getStation,
  saveSection,
  setCalendarOverride,
  updateSettings,
  updateStation,
} from './service';
import { verifyAudit } from '../audit/service';
import { listBackups } from '../../store/backup';

type N =
  | 'station.get'
  | 'station.update'
  | 'station.saveSection'
  | 'station.updateSettings'
  | 'calendar.overrides'
  | 'calendar.setOverride'
  | 'audit.verify'
  | 'backup.list'
  | 'backup.now';

export const stationHandlers: Handlers<N> = {
  'station.get': async (_i, { ctx }) => getStation(ctx().db),
  'station.update': async (i, { ctx }) => updateStation(ctx(), i),
  'station.saveSection': async (i, { ctx }) => saveSection(ctx(), i),
  'station.updateSettings': async (i, { ctx }) => updateSettings(ctx(), i),
  'calendar.overrides': async (_i, { ctx }) => calendarOverrides(ctx().db),
  'calendar.setOverride': async (i, { ctx }) => setCalendarOverride(ctx(), i),
  'audit.verify': async (_i, { ctx }) => verifyAudit(ctx().db),
  'backup.list': async (_i, { ctx, backend }) => {
    ctx();
    return listBackups(backend.dataDir);
  },
  'backup.now': async (_i, { ctx, backend }) => {
    ctx();
    return { fileName: backend.backup('manual') };
  },
};
