import { common } from './catalogs/common';
import { setup } from './catalogs/setup';
import { today } from './catalogs/today';
import { users } from './catalogs/users';
import { staff } from './catalogs/staff';
import { station } from './catalogs/station';
import { backup } from './catalogs/backup';
import { reception } from './catalogs/reception';
import { notebook } from './catalogs/notebook';
import { prevention } from './catalogs/prevention';
import { meetings } from './catalogs/meetings';
import { plans } from './catalogs/plans';
import { lists } from './catalogs/lists';
import { handover } from './catalogs/handover';
import { passport } from './catalogs/passport';
import { documents } from './catalogs/documents';
import { print } from './catalogs/print';
import { updates } from './catalogs/updates';
import { search } from './catalogs/search';
import { figures } from './catalogs/figures';
import { tours } from './catalogs/tours';
import { help } from './catalogs/help';

/** Russian catalog, assembled from the modules' catalogs (shared/i18n/catalogs/). */
export const ru = {
  ...common.ru,
  ...setup.ru,
  ...today.ru,
  ...users.ru,
  ...staff.ru,
  ...station.ru,
  ...backup.ru,
  ...reception.ru,
  ...notebook.ru,
  ...prevention.ru,
  ...meetings.ru,
  ...plans.ru,
  ...lists.ru,
  ...handover.ru,
  ...passport.ru,
  ...documents.ru,
  ...print.ru,
  ...updates.ru,
  ...search.ru,
  ...figures.ru,
  ...tours.ru,
  ...help.ru,
};

export type Catalog = typeof ru;
