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
import type { Catalog } from './ru';
import type { Shape } from './define';

/** Kazakh catalog: the same keys as the Russian one, checked by type here and in each module's catalog. */
export const kk: Shape<Catalog> = {
  ...common.kk,
  ...setup.kk,
  ...today.kk,
  ...users.kk,
  ...staff.kk,
  ...station.kk,
  ...backup.kk,
  ...reception.kk,
  ...notebook.kk,
  ...prevention.kk,
  ...meetings.kk,
  ...plans.kk,
  ...lists.kk,
  ...handover.kk,
  ...passport.kk,
  ...documents.kk,
  ...print.kk,
  ...updates.kk,
  ...search.kk,
  ...figures.kk,
  ...tours.kk,
  ...help.kk,
};
