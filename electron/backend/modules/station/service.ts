import { AppError, type Settings, type Station } from '../../../../shared/api';
import { settingsSchema } from '../../../../shared/api/station';
import type { Ctx, Db } from '../../context';
import { change, type Tx } from '../../change';

export const DEFAULT_SETTINGS: Settings = {
  idleMinutes: 10,
  receptionFrom: '18:00',
  receptionTo: '21:00',
  backupKeep: 14,
  meetingFields: ['address', 'organization'],
  followUpNoticeDays: 3,
  fileOutDays: 0,
  materialsDays: 0,
};

export async function readSettings(db: Db): Promise<Settings> {
  const r = await db.selectFrom('station').select('settings_json').where('id', '=', 1).executeTakeFirst();
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(r ? JSON.parse(r.settings_json) : {}) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Each section's number by its id, as lists and answers name a section. */
export async function sectionNumbers(db: Db): Promise<Map<number, string>> {
  return new Map((await db.selectFrom('sections').select(['id', 'number']).execute()).map((s) => [s.id, s.number]));
}

export async function getStation(db: Db): Promise<Station> {
  const s = await db.selectFrom('station').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  const sections = await db.selectFrom('sections').selectAll().orderBy('id').execute();
  const pairs = await db.selectFrom('section_adjacency').selectAll().execute();
  const adjacentTo = (id: number) =>
    pairs.flatMap((p) => (p.a === id ? [p.b] : p.b === id ? [p.a] : [])).sort((x, y) => x - y);
  return {
    uppNumber: s.upp_number,
    uppName: s.upp_name,
    policeBody: s.police_body,
    address: s.address,
    uppNameKk: s.upp_name_kk,
    policeBodyKk: s.police_body_kk,
    addressKk: s.address_kk,
    settings: await readSettings(db),
    sections: sections.map((x) => ({
      id: x.id,
      number: x.number,
      kind: x.kind,
      boundary: x.boundary,
      orderRef: x.order_ref,
      active: x.active === 1,
      adjacentIds: adjacentTo(x.id),
    })),
  };
}

export interface StationFields {
  uppNumber: string;
  uppName: string;
  policeBody: string;
  address: string;
  uppNameKk: string;
  policeBodyKk: string;
  addressKk: string;
}

const stationColumns = (f: StationFields) => ({
  upp_number: f.uppNumber,
  upp_name: f.uppName,
  police_body: f.policeBody,
  address: f.address,
  upp_name_kk: f.uppNameKk,
  police_body_kk: f.policeBodyKk,
  address_kk: f.addressKk,
});

export async function insertStation(
  tx: Tx,
  f: StationFields,
  sections: { number: string; kind: 'urban' | 'rural' }[],
): Promise<void> {
  const numbers = sections.map((s) => s.number.trim());
  if (new Set(numbers).size !== numbers.length) throw new AppError('VALIDATION', 'errors.sectionDuplicate');
  await tx.db
    .insertInto('station')
    .values({
      id: 1,
      ...stationColumns(f),
      settings_json: JSON.stringify(DEFAULT_SETTINGS),
    })
    .execute();
  for (const s of sections)
    await tx.db
      .insertInto('sections')
      .values({ number: s.number, kind: s.kind, boundary: '', order_ref: '', active: 1 })
      .execute();
  await tx.audit({
    action: 'setup.create',
    entity: 'station',
    entityId: 1,
    after: await getStation(tx.db),
  });
}

export async function updateStation(ctx: Ctx, f: StationFields): Promise<Station> {
  return change(ctx, async (tx) => {
    const before = await getStation(tx.db);
    await tx.db.updateTable('station').set(stationColumns(f)).where('id', '=', 1).execute();
    const after = await getStation(tx.db);
    await tx.audit({
      action: 'station.update',
      entity: 'station',
      entityId: 1,
      before,
      after,
    });
    return after;
  });
}

export async function saveSection(
  ctx: Ctx,
  s: {
    id?: number;
    number: string;
    kind: 'urban' | 'rural';
    boundary: string;
    orderRef: string;
    adjacentIds?: number[];
  },
): Promise<Station> {
  return change(ctx, async (tx) => {
    const clash = await tx.db.selectFrom('sections').select('id').where('number', '=', s.number).executeTakeFirst();
    if (clash && clash.id !== s.id)
      throw new AppError('CONFLICT', 'errors.sectionDuplicate', undefined, [
        { path: 'number', messageKey: 'errors.sectionDuplicate' },
      ]);
    const values = { number: s.number, kind: s.kind, boundary: s.boundary, order_ref: s.orderRef };
    let id = s.id;
    if (id === undefined) {
      id = (
        await tx.db
          .insertInto('sections')
          .values({ ...values, active: 1 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await tx.audit({
        action: 'station.addSection',
        entity: 'section',
        entityId: id,
        after: values,
      });
    } else {
      const before = await tx.db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND', 'errors.notFound');
      await tx.db.updateTable('sections').set(values).where('id', '=', id).execute();
      await tx.audit({
        action: 'station.updateSection',
        entity: 'section',
        entityId: id,
        before,
        after: values,
      });
    }
    if (s.adjacentIds !== undefined) await setAdjacent(tx, id, s.adjacentIds);
    return getStation(tx.db);
  });
}

/** p.6: the sections adjoining one, as a set of pairs; audited with what it was. */
async function setAdjacent(tx: Tx, id: number, adjacentIds: number[]): Promise<void> {
  const others = [...new Set(adjacentIds)].filter((x) => x !== id);
  if (others.length) {
    const found = await tx.db.selectFrom('sections').select('id').where('id', 'in', others).execute();
    if (found.length !== others.length)
      throw new AppError('VALIDATION', 'errors.unknownSection', undefined, [
        { path: 'adjacentIds', messageKey: 'errors.unknownSection' },
      ]);
  }
  const mine = tx.db
    .selectFrom('section_adjacency')
    .selectAll()
    .where((eb) => eb.or([eb('a', '=', id), eb('b', '=', id)]));
  const before = (await mine.execute()).map((p) => (p.a === id ? p.b : p.a)).sort((x, y) => x - y);
  await tx.db
    .deleteFrom('section_adjacency')
    .where((eb) => eb.or([eb('a', '=', id), eb('b', '=', id)]))
    .execute();
  for (const o of others)
    await tx.db
      .insertInto('section_adjacency')
      .values({ a: Math.min(id, o), b: Math.max(id, o) })
      .execute();
  await tx.audit({
    action: 'station.adjacency',
    entity: 'section',
    entityId: id,
    before,
    after: others.sort((x, y) => x - y),
  });
}

export async function updateSettings(ctx: Ctx, settings: Settings): Promise<Station> {
  if (settings.receptionFrom >= settings.receptionTo) {
    throw new AppError('VALIDATION', 'validation.periodOrder', undefined, [
      { path: 'receptionTo', messageKey: 'validation.periodOrder' },
    ]);
  }
  const station = await change(ctx, async (tx) => {
    const before = await readSettings(tx.db);
    await tx.db
      .updateTable('station')
      .set({ settings_json: JSON.stringify(settings) })
      .where('id', '=', 1)
      .execute();
    await tx.audit({
      action: 'station.updateSettings',
      entity: 'settings',
      entityId: 1,
      before,
      after: settings,
    });
    return getStation(tx.db);
  });
  ctx.session.setIdleMinutes(settings.idleMinutes);
  return station;
}
