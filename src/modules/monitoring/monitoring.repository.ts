// All SQL of the monitoring module: catalogue, releases and values, index configurations and runs.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.ts';
import {
  areaLevels,
  areas,
  indexConfigs,
  indexResults,
  indexRuns,
  indicatorTopics,
  indicatorValues,
  indicators,
  releases,
} from '../../db/schema/index.ts';

export type IndicatorRow = typeof indicators.$inferSelect;
export type TopicRow = typeof indicatorTopics.$inferSelect;
export type ReleaseRow = typeof releases.$inferSelect;
export type ValueInsert = typeof indicatorValues.$inferInsert;
export type IndexConfigRow = typeof indexConfigs.$inferSelect;
export type IndexRunRow = typeof indexRuns.$inferSelect;
export type IndexResultRow = typeof indexResults.$inferSelect;

export async function upsertTopic(db: Db, t: typeof indicatorTopics.$inferInsert): Promise<void> {
  await db
    .insert(indicatorTopics)
    .values(t)
    .onConflictDoUpdate({ target: indicatorTopics.key, set: { name: t.name, rank: t.rank } });
}

export async function upsertIndicator(db: Db, row: typeof indicators.$inferInsert): Promise<void> {
  const { code: _code, ...set } = row;
  await db.insert(indicators).values(row).onConflictDoUpdate({ target: indicators.code, set });
}

export function listTopics(db: Db): Promise<TopicRow[]> {
  return db.select().from(indicatorTopics).orderBy(asc(indicatorTopics.rank));
}

export function listIndicators(db: Db): Promise<IndicatorRow[]> {
  return db.select().from(indicators).orderBy(asc(indicators.rank), asc(indicators.code));
}

export async function findIndicator(db: Db, code: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.code, code));
  return row;
}

export async function systemIds(db: Db): Promise<string[]> {
  const rows = await query<{ id: string }>(db, sql`select id from area_systems`);
  return rows.map((r) => r.id);
}

export interface AreaNode {
  id: number;
  code: string;
  name: string;
  levelKey: string;
  levelName: string;
  rank: number;
  parentId: number | null;
  population: number | null;
  populationDate: string | null;
}

/** Every area of a system with its level rank: the hierarchy that values aggregate over. */
export function areaNodes(db: Db, systemId: string): Promise<AreaNode[]> {
  return db
    .select({
      id: areas.id,
      code: areas.code,
      name: areas.name,
      levelKey: areas.levelKey,
      levelName: areaLevels.name,
      rank: areaLevels.rank,
      parentId: areas.parentId,
      population: areas.population,
      populationDate: areas.populationDate,
    })
    .from(areas)
    .innerJoin(
      areaLevels,
      and(eq(areaLevels.systemId, areas.systemId), eq(areaLevels.key, areas.levelKey)),
    )
    .where(eq(areas.systemId, systemId))
    .orderBy(asc(areaLevels.rank), asc(areas.code));
}

export async function insertRelease(
  db: Db,
  row: typeof releases.$inferInsert,
): Promise<ReleaseRow> {
  const [created] = await db.insert(releases).values(row).returning();
  return created!;
}

/** Writes values in chunks: one statement stays below the engines' parameter limit. */
export async function insertValues(db: Db, rows: ValueInsert[]): Promise<void> {
  const chunk = 2000;
  for (let i = 0; i < rows.length; i += chunk) {
    await db.insert(indicatorValues).values(rows.slice(i, i + chunk));
  }
}

export async function findRelease(db: Db, id: number): Promise<ReleaseRow | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.id, id));
  return row;
}

export function listReleases(db: Db, systemId?: string): Promise<ReleaseRow[]> {
  return db
    .select()
    .from(releases)
    .where(systemId ? eq(releases.systemId, systemId) : undefined)
    .orderBy(desc(releases.createdAt), desc(releases.id));
}

export async function updateRelease(
  db: Db,
  id: number,
  set: Partial<typeof releases.$inferInsert>,
): Promise<ReleaseRow | undefined> {
  const [row] = await db.update(releases).set(set).where(eq(releases.id, id)).returning();
  return row;
}

export async function deleteRelease(db: Db, id: number): Promise<void> {
  await db.delete(releases).where(eq(releases.id, id));
}

export interface ReleaseSummaryRow {
  indicator_code: string;
  period: string;
  n: number;
}

/** What a release holds: values per indicator and period. */
export function releaseContents(db: Db, releaseId: number): Promise<ReleaseSummaryRow[]> {
  return query<ReleaseSummaryRow>(
    db,
    sql`select indicator_code, period, count(*)::int as n from indicator_values
        where release_id = ${releaseId} group by indicator_code, period order by indicator_code, period`,
  );
}

export interface ValueRow {
  area_id: number;
  indicator_code: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  flag: string;
  release_id: number;
}

export interface ValueFilter {
  systemId: string;
  indicatorCodes: string[];
  periods?: string[];
  /** Only this release (a preview of a draft), instead of the latest published values. */
  releaseId?: number;
  /** Published releases count from their embargo date on. */
  asOf: Date;
}

/**
 * The values in force: per area, indicator and period the value of the latest published release
 * whose embargo has passed — or, for a preview, the values of one release.
 */
export function valuesInForce(db: Db, f: ValueFilter): Promise<ValueRow[]> {
  if (f.indicatorCodes.length === 0) return Promise.resolve([]);
  const codes = sql`v.indicator_code in (${sql.join(
    f.indicatorCodes.map((c) => sql`${c}`),
    sql`, `,
  )})`;
  const periods =
    f.periods && f.periods.length > 0
      ? sql`and v.period in (${sql.join(
          f.periods.map((p) => sql`${p}`),
          sql`, `,
        )})`
      : sql``;
  if (f.releaseId !== undefined) {
    return query<ValueRow>(
      db,
      sql`select v.area_id, v.indicator_code, v.period, v.value, v.numerator, v.denominator, v.flag, v.release_id
          from indicator_values v where v.release_id = ${f.releaseId} and ${codes} ${periods}`,
    );
  }
  return query<ValueRow>(
    db,
    sql`select distinct on (v.area_id, v.indicator_code, v.period)
          v.area_id, v.indicator_code, v.period, v.value, v.numerator, v.denominator, v.flag, v.release_id
        from indicator_values v join releases r on r.id = v.release_id
        where r.system_id = ${f.systemId} and r.status = 'published'
          and (r.embargo_until is null or r.embargo_until <= ${f.asOf.toISOString()}::timestamptz)
          and ${codes} ${periods}
        order by v.area_id, v.indicator_code, v.period, r.published_at desc, r.id desc`,
  );
}

export interface AvailabilityRow {
  indicator_code: string;
  period: string;
}

/** Which indicators have public values for which periods in a system. */
export function availability(db: Db, systemId: string, asOf: Date): Promise<AvailabilityRow[]> {
  return query<AvailabilityRow>(
    db,
    sql`select distinct v.indicator_code, v.period
        from indicator_values v join releases r on r.id = v.release_id
        where r.system_id = ${systemId} and r.status = 'published'
          and (r.embargo_until is null or r.embargo_until <= ${asOf.toISOString()}::timestamptz)
        order by v.indicator_code, v.period`,
  );
}

/** The published releases a set of values came from, for the source line. */
export function releasesByIds(db: Db, ids: number[]): Promise<ReleaseRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(releases).where(inArray(releases.id, ids));
}

export async function upsertIndexConfig(
  db: Db,
  row: typeof indexConfigs.$inferInsert,
): Promise<void> {
  const { id: _id, ...set } = row;
  await db
    .insert(indexConfigs)
    .values(row)
    .onConflictDoUpdate({ target: indexConfigs.id, set: { ...set, updatedAt: new Date() } });
}

export async function findIndexConfig(db: Db, id: string): Promise<IndexConfigRow | undefined> {
  const [row] = await db.select().from(indexConfigs).where(eq(indexConfigs.id, id));
  return row;
}

export function listIndexConfigs(db: Db): Promise<IndexConfigRow[]> {
  return db.select().from(indexConfigs).orderBy(asc(indexConfigs.name));
}

export async function insertIndexRun(
  db: Db,
  run: typeof indexRuns.$inferInsert,
  results: Omit<typeof indexResults.$inferInsert, 'runId'>[],
): Promise<IndexRunRow> {
  const [created] = await db.insert(indexRuns).values(run).returning();
  const chunk = 2000;
  for (let i = 0; i < results.length; i += chunk) {
    await db
      .insert(indexResults)
      .values(results.slice(i, i + chunk).map((r) => ({ ...r, runId: created!.id })));
  }
  return created!;
}

export async function latestIndexRun(
  db: Db,
  configId: string,
  period?: string,
): Promise<IndexRunRow | undefined> {
  const [row] = await db
    .select()
    .from(indexRuns)
    .where(
      period
        ? and(eq(indexRuns.configId, configId), eq(indexRuns.period, period))
        : eq(indexRuns.configId, configId),
    )
    .orderBy(desc(indexRuns.period), desc(indexRuns.computedAt), desc(indexRuns.id))
    .limit(1);
  return row;
}

export function indexResultsOf(db: Db, runId: number): Promise<IndexResultRow[]> {
  return db.select().from(indexResults).where(eq(indexResults.runId, runId));
}

export function indexRunPeriods(db: Db, configId: string): Promise<{ period: string }[]> {
  return query<{ period: string }>(
    db,
    sql`select distinct period from index_runs where config_id = ${configId} order by period desc`,
  );
}

export interface ReleaseListRow extends ReleaseRow {
  systemName: string;
  createdByName: string | null;
  publishedByName: string | null;
  withdrawnByName: string | null;
}

/** Releases with the names of their system and of the people who created, published or withdrew them. */
export async function releasesWithNames(
  db: Db,
  filter: { id?: number; systemId?: string } = {},
): Promise<ReleaseListRow[]> {
  const rows = await query<{
    id: number;
    system_name: string;
    c: string | null;
    p: string | null;
    w: string | null;
  }>(
    db,
    sql`select r.id, s.name as system_name, cu.display_name as c, pu.display_name as p, wu.display_name as w
        from releases r join area_systems s on s.id = r.system_id
        left join users cu on cu.id = r.created_by
        left join users pu on pu.id = r.published_by
        left join users wu on wu.id = r.withdrawn_by
        where (${filter.id ?? null}::int is null or r.id = ${filter.id ?? null}::int)
          and (${filter.systemId ?? null}::text is null or r.system_id = ${filter.systemId ?? null}::text)`,
  );
  const names = new Map(rows.map((r) => [r.id, r]));
  const base = await db
    .select()
    .from(releases)
    .where(
      filter.id !== undefined
        ? eq(releases.id, filter.id)
        : filter.systemId
          ? eq(releases.systemId, filter.systemId)
          : undefined,
    )
    .orderBy(desc(releases.createdAt), desc(releases.id));
  return base.map((r) => {
    const n = names.get(r.id);
    return {
      ...r,
      systemName: n?.system_name ?? r.systemId,
      createdByName: n?.c ?? null,
      publishedByName: n?.p ?? null,
      withdrawnByName: n?.w ?? null,
    };
  });
}

export function systemsWithAreas(db: Db): Promise<{ id: string; name: string }[]> {
  return query<{ id: string; name: string }>(
    db,
    sql`select s.id, s.name from area_systems s where exists (select 1 from areas a where a.system_id = s.id) order by s.name`,
  );
}

export async function findSystemRef(
  db: Db,
  id: string,
): Promise<
  | {
      id: string;
      name: string;
      isExample: boolean;
      levels: { key: string; name: string; rank: number }[];
    }
  | undefined
> {
  const [system] = await query<{ id: string; name: string; is_example: boolean }>(
    db,
    sql`select id, name, is_example from area_systems where id = ${id}`,
  );
  if (!system) return undefined;
  const levels = await db
    .select({ key: areaLevels.key, name: areaLevels.name, rank: areaLevels.rank })
    .from(areaLevels)
    .where(eq(areaLevels.systemId, id))
    .orderBy(asc(areaLevels.rank));
  return { id: system.id, name: system.name, isExample: system.is_example, levels };
}

/** For tests and checks: the audit actions of an entity, oldest first. */
export function auditOfSql(entity: string, entityId: string) {
  return sql`select action from audit_log where entity = ${entity} and entity_id = ${entityId} order by id`;
}

export function valueCountSql() {
  return sql`select count(*)::int as n from indicator_values`;
}

export interface LevelExtentRow {
  system_id: string;
  system_name: string;
  is_example: boolean;
  level_key: string;
  level_name: string;
  n: number;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
}

/** Every level of every system with its number of areas and its bounding box. */
export function levelExtents(db: Db): Promise<LevelExtentRow[]> {
  return query<LevelExtentRow>(
    db,
    sql`select s.id as system_id, s.name as system_name, s.is_example, l.key as level_key, l.name as level_name,
          count(a.id)::int as n, min(a.min_lon) as min_lon, min(a.min_lat) as min_lat,
          max(a.max_lon) as max_lon, max(a.max_lat) as max_lat
        from area_systems s join area_levels l on l.system_id = s.id
        join areas a on a.system_id = s.id and a.level_key = l.key
        group by s.id, s.name, s.is_example, l.key, l.name, l.rank
        order by s.id, l.rank`,
  );
}

/** The column mapping of the latest wide import into a system, to offer it again. */
export async function lastMapping(
  db: Db,
  systemId: string,
): Promise<Record<string, unknown> | null> {
  const [row] = await db
    .select({ mapping: releases.mapping })
    .from(releases)
    .where(and(eq(releases.systemId, systemId), sql`${releases.mapping} is not null`))
    .orderBy(desc(releases.createdAt), desc(releases.id))
    .limit(1);
  return row?.mapping ?? null;
}

/** When the values in force of a system last changed: a publication, a withdrawal, an embargo ending. */
export async function lastValuesChange(db: Db, systemId: string, asOf: Date): Promise<Date | null> {
  const at = asOf.toISOString();
  const [row] = await query<{ t: string | Date | null }>(
    db,
    sql`select max(greatest(
          published_at,
          withdrawn_at,
          case when embargo_until <= ${at}::timestamptz then embargo_until end
        )) as t
        from releases where system_id = ${systemId}`,
  );
  return row?.t ? new Date(row.t) : null;
}

/**
 * A fingerprint of the values in force of a system: changes whenever a release is added, published,
 * withdrawn or deleted, or an embargo passes.
 */
export async function valuesVersion(db: Db, systemId: string, asOf: Date): Promise<string> {
  const at = asOf.toISOString();
  const [row] = await query<Record<string, unknown>>(
    db,
    sql`select count(*)::int as n, max(id) as id, max(published_at) as p, max(withdrawn_at) as w,
          count(*) filter (where status = 'published')::int as np,
          max(embargo_until) filter (where embargo_until <= ${at}::timestamptz) as e,
          count(*) filter (where embargo_until > ${at}::timestamptz)::int as waiting,
          (select max(updated_at) from areas where system_id = ${systemId}) as a,
          (select count(*)::int from indicators) as i
        from releases where system_id = ${systemId}`,
  );
  return JSON.stringify(row ?? {});
}
