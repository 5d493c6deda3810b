import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { getStation, saveSection, updateSettings, updateStation } from './service';

export const stationHandlers: Handlers<CallsOf<'station'>> = {
  'station.get': async (_i, { ctx }) => getStation(ctx().db),
  'station.update': async (i, { ctx }) => updateStation(ctx(), i),
  'station.saveSection': async (i, { ctx }) => saveSection(ctx(), i),
  'station.updateSettings': async (i, { ctx }) => updateSettings(ctx(), i),
};
