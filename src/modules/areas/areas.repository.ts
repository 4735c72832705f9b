// All SQL of the areas module: systems, levels, areas, hierarchy walks and point lookup candidates.
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.ts';
import { areaLevels, areaSystems, areas } from '../../db/schema/index.ts';
import type { Geometry } from 'geojson';

export type AreaSystemRow = typeof areaSystems.$inferSelect;
export type AreaLevelRow = typeof areaLevels.$inferSelect;
export type AreaInsert = typeof areas.$inferInsert;

export interface SystemSummary extends AreaSystemRow {
  levels: AreaLevelRow[];
  areaCount: number;
}

export interface AreaListItem {
  id: number;
  code: string;
  name: string;
  levelKey: string;
  parentId: number | null;
  population: number | null;
  populationDate: string | null;
  areaM2: number | null;
  hasGeometry: boolean;
}

const listColumns = {
  id: areas.id,
  code: areas.code,
  name: areas.name,
  levelKey: areas.levelKey,
  parentId: areas.parentId,
  population: areas.population,
  populationDate: areas.populationDate,
  areaM2: areas.areaM2,
  hasGeometry: sql<boolean>`${areas.geometry} is not null`.as('has_geometry'),
};

export async function listSystems(db: Db): Promise<SystemSummary[]> {
  const systems = await db.select().from(areaSystems).orderBy(asc(areaSystems.name));
  const levels = await db
    .select()
    .from(areaLevels)
    .orderBy(asc(areaLevels.systemId), asc(areaLevels.rank));
  const counts = await query<{ system_id: string; n: number }>(
    db,
    sql`select system_id, count(*) as n from areas group by system_id`,
  );
  const countBy = new Map(counts.map((c) => [c.system_id, Number(c.n)]));
  return systems.map((s) => ({
    ...s,
    levels: levels.filter((l) => l.systemId === s.id),
    areaCount: countBy.get(s.id) ?? 0,
  }));
}

export async function findSystem(db: Db, id: string): Promise<SystemSummary | undefined> {
  const [system] = await db.select().from(areaSystems).where(eq(areaSystems.id, id));
  if (!system) return undefined;
  const levels = await db
    .select()
    .from(areaLevels)
    .where(eq(areaLevels.systemId, id))
    .orderBy(asc(areaLevels.rank));
  const [count] = await query<{ n: number }>(
    db,
    sql`select count(*) as n from areas where system_id = ${id}`,
  );
  return { ...system, levels, areaCount: Number(count?.n ?? 0) };
}

export async function upsertSystem(
  db: Db,
  system: typeof areaSystems.$inferInsert,
  levels: { key: string; name: string }[],
): Promise<void> {
  const { id, ...rest } = system;
  await db
    .insert(areaSystems)
    .values(system)
    .onConflictDoUpdate({ target: areaSystems.id, set: { ...rest, updatedAt: sql`now()` } });
  // Levels are replaced only where no area uses a removed key; the FK refuses otherwise.
  const existing = await db.select().from(areaLevels).where(eq(areaLevels.systemId, id));
  const wanted = new Set(levels.map((l) => l.key));
  for (const old of existing) {
    if (!wanted.has(old.key))
      await db
        .delete(areaLevels)
        .where(and(eq(areaLevels.systemId, id), eq(areaLevels.key, old.key)));
  }
  // Ranks are unique: move them out of the way before setting the new order.
  await db
    .update(areaLevels)
    .set({ rank: sql`${areaLevels.rank} + 1000` })
    .where(eq(areaLevels.systemId, id));
  for (const [rank, level] of levels.entries()) {
    await db
      .insert(areaLevels)
      .values({ systemId: id, key: level.key, name: level.name, rank })
      .onConflictDoUpdate({
        target: [areaLevels.systemId, areaLevels.key],
        set: { name: level.name, rank },
      });
  }
}

/** An area for its page: everything but the full geometry (which can be large), and whether it has one. */
export async function findArea(db: Db, systemId: string, code: string) {
  const { geometry: _full, ...columns } = getTableColumns(areas);
  const [row] = await db
    .select({ ...columns, hasGeometry: sql<boolean>`${areas.geometry} is not null` })
    .from(areas)
    .where(and(eq(areas.systemId, systemId), eq(areas.code, code)));
  return row;
}

/** An area with its full geometry, for downloads. */
export async function findAreaWithGeometry(db: Db, systemId: string, code: string) {
  const [row] = await db
    .select()
    .from(areas)
    .where(and(eq(areas.systemId, systemId), eq(areas.code, code)));
  return row;
}

/** The chain of parents from the top level down to (excluding) the area. */
export async function ancestors(
  db: Db,
  areaId: number,
): Promise<{ id: number; code: string; name: string; level_key: string }[]> {
  return query(
    db,
    sql`with recursive up(id, code, name, level_key, parent_id, depth) as (
          select a.id, a.code, a.name, a.level_key, a.parent_id, 0 from areas a
           where a.id = (select parent_id from areas where id = ${areaId})
          union all
          select a.id, a.code, a.name, a.level_key, a.parent_id, up.depth + 1
            from areas a join up on a.id = up.parent_id)
        select id, code, name, level_key from up order by depth desc`,
  );
}

export async function childrenOf(db: Db, areaId: number): Promise<AreaListItem[]> {
  return db
    .select(listColumns)
    .from(areas)
    .where(eq(areas.parentId, areaId))
    .orderBy(asc(areas.code));
}

export async function areasAtLevel(
  db: Db,
  systemId: string,
  levelKey: string,
): Promise<AreaListItem[]> {
  return db
    .select(listColumns)
    .from(areas)
    .where(and(eq(areas.systemId, systemId), eq(areas.levelKey, levelKey)))
    .orderBy(asc(areas.code));
}

export interface MapFeatureRow {
  id: number;
  code: string;
  name: string;
  levelKey: string;
  population: number | null;
  geometry: Geometry | null;
}

/** Display geometries of the given area ids, or of a level; only areas that have one. */
export async function displayGeometries(
  db: Db,
  where: { systemId: string; levelKey?: string; ids?: number[] },
): Promise<MapFeatureRow[]> {
  const conditions = [
    eq(areas.systemId, where.systemId),
    sql`${areas.displayGeometry} is not null`,
  ];
  if (where.levelKey) conditions.push(eq(areas.levelKey, where.levelKey));
  if (where.ids) {
    if (where.ids.length === 0) return [];
    conditions.push(
      sql`${areas.id} in (${sql.join(
        where.ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  }
  const rows = await db
    .select({
      id: areas.id,
      code: areas.code,
      name: areas.name,
      levelKey: areas.levelKey,
      population: areas.population,
      geometry: areas.displayGeometry,
    })
    .from(areas)
    .where(and(...conditions))
    .orderBy(asc(areas.code));
  return rows;
}

export async function codesAtLevel(
  db: Db,
  systemId: string,
  levelKey: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: areas.id, code: areas.code })
    .from(areas)
    .where(and(eq(areas.systemId, systemId), eq(areas.levelKey, levelKey)));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Codes of the system that exist on another level than the given one. */
export async function codesOnOtherLevels(
  db: Db,
  systemId: string,
  levelKey: string,
): Promise<Map<string, string>> {
  const rows = await query<{ code: string; level_key: string }>(
    db,
    sql`select code, level_key from areas where system_id = ${systemId} and level_key <> ${levelKey}`,
  );
  return new Map(rows.map((r) => [r.code, r.level_key]));
}

export async function upsertAreas(db: Db, rows: AreaInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insert(areas)
      .values(rows.slice(i, i + 100))
      .onConflictDoUpdate({
        target: [areas.systemId, areas.code],
        set: {
          name: sql`excluded.name`,
          parentId: sql`excluded.parent_id`,
          geometry: sql`coalesce(excluded.geometry, ${areas.geometry})`,
          displayGeometry: sql`coalesce(excluded.display_geometry, ${areas.displayGeometry})`,
          minLon: sql`coalesce(excluded.min_lon, ${areas.minLon})`,
          minLat: sql`coalesce(excluded.min_lat, ${areas.minLat})`,
          maxLon: sql`coalesce(excluded.max_lon, ${areas.maxLon})`,
          maxLat: sql`coalesce(excluded.max_lat, ${areas.maxLat})`,
          areaM2: sql`coalesce(excluded.area_m2, ${areas.areaM2})`,
          population: sql`coalesce(excluded.population, ${areas.population})`,
          populationDate: sql`coalesce(excluded.population_date, ${areas.populationDate})`,
          populationSource: sql`coalesce(excluded.population_source, ${areas.populationSource})`,
          attributes: sql`excluded.attributes`,
          updatedAt: sql`now()`,
        },
      });
  }
}

/** Attaches geometries (and their derived values) to existing areas, leaving names and parents. */
export async function setGeometries(db: Db, systemId: string, rows: AreaInsert[]): Promise<void> {
  for (const r of rows) {
    await db
      .update(areas)
      .set({
        geometry: r.geometry,
        displayGeometry: r.displayGeometry,
        minLon: r.minLon,
        minLat: r.minLat,
        maxLon: r.maxLon,
        maxLat: r.maxLat,
        areaM2: r.areaM2,
        updatedAt: sql`now()`,
      })
      .where(and(eq(areas.systemId, systemId), eq(areas.code, r.code)));
  }
}

export async function setPopulation(
  db: Db,
  systemId: string,
  rows: { code: string; population: number }[],
  date: string,
  source: string,
): Promise<number> {
  let updated = 0;
  for (const row of rows) {
    const result = await db
      .update(areas)
      .set({ population: row.population, populationDate: date, populationSource: source })
      .where(and(eq(areas.systemId, systemId), eq(areas.code, row.code)))
      .returning({ id: areas.id });
    updated += result.length;
  }
  return updated;
}

/**
 * Sums the population of a level's children into each parent, one level at a time from the
 * bottom, where every child has a figure of the same date; others are left empty.
 */
export async function rollupPopulation(
  db: Db,
  systemId: string,
  parentLevelKey: string,
  source: string,
): Promise<number> {
  const rows = await query<{ id: number }>(
    db,
    sql`with sums as (
          select c.parent_id, sum(c.population) as total, min(c.population_date) as d,
                 count(*) filter (where c.population is null) as missing,
                 count(distinct c.population_date) as dates
            from areas c
           where c.system_id = ${systemId} and c.parent_id is not null
             -- an area above the lowest level that has neither children nor a figure is an empty
             -- container (a Kreis dissolved in a merger): it adds nothing and blocks nothing.
             and not (c.population is null
                      and c.level_key <> (select key from area_levels where system_id = ${systemId} order by rank desc limit 1)
                      and not exists (select 1 from areas g where g.parent_id = c.id))
           group by c.parent_id)
        update areas p set population = s.total, population_date = s.d, population_source = ${source}, updated_at = now()
          from sums s
         where p.id = s.parent_id and p.system_id = ${systemId} and p.level_key = ${parentLevelKey}
           and s.missing = 0 and s.dates = 1
        returning p.id`,
  );
  return rows.length;
}

export interface PointCandidate {
  id: number;
  code: string;
  name: string;
  levelKey: string;
  systemId: string;
  rank: number;
  geometry: Geometry;
}

/** Areas whose bounding box contains the point; the exact test happens in TypeScript. */
export async function bboxCandidates(
  db: Db,
  lon: number,
  lat: number,
  systemId?: string,
): Promise<PointCandidate[]> {
  return query<PointCandidate>(
    db,
    sql`select a.id, a.code, a.name, a.level_key as "levelKey", a.system_id as "systemId", l.rank, a.geometry
          from areas a join area_levels l on l.system_id = a.system_id and l.key = a.level_key
         where a.geometry is not null
           and a.min_lon <= ${lon} and a.max_lon >= ${lon} and a.min_lat <= ${lat} and a.max_lat >= ${lat}
           ${systemId ? sql`and a.system_id = ${systemId}` : sql``}
         order by a.system_id, l.rank`,
  );
}
