// Benchmark 5 (monitoring): the hand-written SQL baselines, and the checks that they compute what the code computes.
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Database } from '../src/db/client.ts';
import * as repo from '../src/modules/monitoring/monitoring.repository.ts';

export const BERLIN = 'berlin-lor-2021';
export const MSS_CONFIG = 'mss-2021';

export interface IndexSqlRow {
  area_id: number;
  status_index: number | null;
  status_class: string | null;
  dynamics_index: number | null;
  dynamics_class: string | null;
}

/**
 * The MSS 2021 index as one statement: values in force for the period, one row per Planungsraum,
 * z-standardise S1, S3, S4 and D1, D3, D4 over the areas with EW ≥ 300 and all six values, sum,
 * standardise the sums again (population standard deviation), classify. Written for exactly the
 * stored configuration; `checkMssConfig` refuses to run if that configuration changed.
 */
export function mssIndexSql(period: string) {
  return sql`
    with v as (
      select distinct on (v.area_id, v.indicator_code)
             v.area_id, v.indicator_code, case when v.flag = 'ok' then v.value end as value
        from indicator_values v join releases r on r.id = v.release_id
       where r.system_id = ${BERLIN} and r.status = 'published'
         and (r.embargo_until is null or r.embargo_until <= now())
         and v.period = ${period}
         and v.indicator_code in ('EW', 'S1', 'S3', 'S4', 'D1', 'D3', 'D4')
       order by v.area_id, v.indicator_code, r.published_at desc, r.id desc
    ),
    units as (
      select a.id as area_id,
             max(v.value) filter (where v.indicator_code = 'EW') as ew,
             max(v.value) filter (where v.indicator_code = 'S1') as s1,
             max(v.value) filter (where v.indicator_code = 'S3') as s3,
             max(v.value) filter (where v.indicator_code = 'S4') as s4,
             max(v.value) filter (where v.indicator_code = 'D1') as d1,
             max(v.value) filter (where v.indicator_code = 'D3') as d3,
             max(v.value) filter (where v.indicator_code = 'D4') as d4
        from areas a left join v on v.area_id = a.id
       where a.system_id = ${BERLIN} and a.level_key = 'planungsraum'
       group by a.id
    ),
    sums as (
      select area_id,
             (s1 - avg(s1) over ()) / stddev_pop(s1) over ()
           + (s3 - avg(s3) over ()) / stddev_pop(s3) over ()
           + (s4 - avg(s4) over ()) / stddev_pop(s4) over () as status_sum,
             (d1 - avg(d1) over ()) / stddev_pop(d1) over ()
           + (d3 - avg(d3) over ()) / stddev_pop(d3) over ()
           + (d4 - avg(d4) over ()) / stddev_pop(d4) over () as dynamics_sum
        from units
       where ew >= 300 and s1 is not null and s3 is not null and s4 is not null
         and d1 is not null and d3 is not null and d4 is not null
    ),
    idx as (
      select area_id,
             (status_sum - avg(status_sum) over ()) / stddev_pop(status_sum) over () as status_index,
             (dynamics_sum - avg(dynamics_sum) over ()) / stddev_pop(dynamics_sum) over () as dynamics_index
        from sums
    )
    select u.area_id, i.status_index, i.dynamics_index,
           case when i.status_index is null then null
                when i.status_index < -1.0 then 'hoch'
                when i.status_index <= 1.0 then 'mittel'
                when i.status_index < 1.5 then 'niedrig'
                else 'sehr niedrig' end as status_class,
           case when i.dynamics_index is null then null
                when i.dynamics_index < -1.0 then 'positiv'
                when i.dynamics_index <= 1.0 then 'stabil'
                else 'negativ' end as dynamics_class
      from units u left join idx i on i.area_id = u.area_id
     order by u.area_id`;
}

/** JSON with object keys sorted (jsonb does not keep the order they were written in). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

/** Fails unless the stored configuration is the one mssIndexSql was written for. */
export async function checkMssConfig(database: Database): Promise<void> {
  const row = await repo.findIndexConfig(database.db, MSS_CONFIG);
  const c = (row?.config ?? {}) as Record<string, unknown>;
  const expected = {
    systemId: BERLIN,
    levelKey: 'planungsraum',
    statusIndicators: ['S1', 'S3', 'S4'],
    dynamicsIndicators: ['D1', 'D3', 'D4'],
    minPopulation: 300,
    statusCutoffs: { high: -1, low: 1, veryLow: 1.5 },
    dynamicsCutoffs: { positive: -1, negative: 1 },
    highIsBad: {},
    sd: 'population',
    populationIndicator: 'EW',
    dynamicsYears: undefined,
  };
  const actual = { ...c, systemId: row?.systemId, levelKey: row?.levelKey };
  for (const [key, want] of Object.entries(expected)) {
    const got = (actual as Record<string, unknown>)[key];
    if (canonical(got) !== canonical(want))
      throw new Error(
        `${MSS_CONFIG}.${key} is ${JSON.stringify(got)}, the SQL baseline assumes ${JSON.stringify(want)}`,
      );
  }
}

/**
 * Compares the SQL's indices and classes with a stored run, area by area; throws on any difference
 * (classes exactly, indices to 1e-9). Returns the number of indexed areas.
 */
export async function verifyIndexSql(
  database: Database,
  runId: number,
  rows: IndexSqlRow[],
): Promise<number> {
  const stored = new Map(
    (await repo.indexResultsOf(database.db, runId)).map((r) => [r.areaId, r] as const),
  );
  if (rows.length !== stored.size || rows.length !== 542)
    throw new Error(
      `SQL index: ${rows.length} rows, stored run ${runId}: ${stored.size} (want 542)`,
    );
  const close = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;
  const wrong: string[] = [];
  for (const r of rows) {
    const s = stored.get(r.area_id);
    if (
      !s ||
      s.statusClass !== r.status_class ||
      s.dynamicsClass !== r.dynamics_class ||
      !close(s.statusIndex, r.status_index) ||
      !close(s.dynamicsIndex, r.dynamics_index)
    )
      wrong.push(
        `area ${r.area_id}: SQL ${r.status_class}/${r.dynamics_class} (${r.status_index}, ${r.dynamics_index}), ` +
          `stored ${s?.statusClass}/${s?.dynamicsClass} (${s?.statusIndex}, ${s?.dynamicsIndex})`,
      );
  }
  if (wrong.length > 0)
    throw new Error(
      `SQL index differs from run ${runId} in ${wrong.length} areas:\n${wrong.slice(0, 5).join('\n')}`,
    );
  return rows.filter((r) => r.status_class !== null).length;
}

/** The values in force written out by hand (what repo.valuesInForce sends), for one or all periods. */
export function valuesInForceSql(systemId: string, codes: string[], period?: string) {
  const list = sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );
  return sql`
    select distinct on (v.area_id, v.indicator_code, v.period)
           v.area_id, v.indicator_code, v.period, v.value, v.numerator, v.denominator, v.flag, v.release_id
      from indicator_values v join releases r on r.id = v.release_id
     where r.system_id = ${systemId} and r.status = 'published'
       and (r.embargo_until is null or r.embargo_until <= now())
       and v.indicator_code in (${list}) ${period ? sql`and v.period = ${period}` : sql``}
     order by v.area_id, v.indicator_code, v.period, r.published_at desc, r.id desc`;
}

/** Fails unless the hand-written SQL returns exactly the rows of repo.valuesInForce. */
export async function verifyValuesSql(
  database: Database,
  systemId: string,
  codes: string[],
  period?: string,
): Promise<number> {
  const key = (r: repo.ValueRow) =>
    [r.area_id, r.indicator_code, r.period, r.value, r.numerator, r.denominator, r.flag].join('|');
  const mine = (await database.rows<repo.ValueRow>(valuesInForceSql(systemId, codes, period))).map(
    key,
  );
  const theirs = (
    await repo.valuesInForce(database.db, {
      systemId,
      indicatorCodes: codes,
      ...(period ? { periods: [period] } : {}),
      asOf: new Date(),
    })
  ).map(key);
  const a = new Set(mine);
  if (mine.length !== theirs.length || theirs.some((k) => !a.has(k)))
    throw new Error(`values in force: SQL ${mine.length} rows, repository ${theirs.length}`);
  return mine.length;
}

export type ValueTuple = [
  releaseId: number,
  areaId: number,
  code: string,
  period: string,
  value: number | null,
  numerator: number | null,
  denominator: number | null,
  flag: string,
];

const COLUMNS = 'release_id, area_id, indicator_code, period, value, numerator, denominator, flag';

type Send = (text: string, params: unknown[]) => Promise<unknown>;

/**
 * Runs `fn` in one transaction straight on the driver (PGlite, or one pooled pg client), without
 * drizzle: the baselines below should cost what the database and the wire cost, nothing more.
 */
async function onDriver(database: Database, fn: (send: Send) => Promise<void>): Promise<void> {
  if (database.pglite) {
    await database.pglite.transaction((tx) => fn((text, params) => tx.query(text, params)));
    return;
  }
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    await client.query('begin');
    await fn((text, params) => client.query(text, params));
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}

/**
 * Baseline: a plain multi-row INSERT, text and parameters built by hand, in as few statements as the
 * protocol's 65,535-parameter limit allows (8 a row: 2 statements of ≤ 8,000 rows).
 */
export async function multiRowInsert(database: Database, rows: ValueTuple[]): Promise<void> {
  const chunk = 8000;
  await onDriver(database, async (send) => {
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      const tuples = part.map((_r, j) => {
        const b = j * 8;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
      });
      await send(
        `insert into indicator_values (${COLUMNS}) values ${tuples.join(', ')}`,
        part.flat(),
      );
    }
  });
}

/** Baseline: one INSERT … SELECT over unnest() of eight array parameters, on the driver. */
export async function unnestInsert(database: Database, rows: ValueTuple[]): Promise<void> {
  const col = (i: number) => rows.map((r) => r[i]);
  await onDriver(database, async (send) => {
    await send(
      `insert into indicator_values (${COLUMNS})
       select * from unnest($1::int[], $2::int[], $3::text[], $4::text[],
                            $5::float8[], $6::float8[], $7::float8[], $8::text[])`,
      [0, 1, 2, 3, 4, 5, 6, 7].map(col),
    );
  });
}

/** The rows as CSV for COPY (empty field = NULL; codes and periods never hold commas or quotes). */
export function toCsv(rows: ValueTuple[]): string {
  return rows.map((r) => r.map((x) => (x === null ? '' : String(x))).join(',')).join('\n');
}

/** Baseline on PGlite: COPY … FROM '/dev/blob', PGlite's in-process form of COPY FROM STDIN. */
export async function copyInsertPglite(database: Database, csv: string): Promise<void> {
  if (!database.pglite) throw new Error('COPY from a blob needs PGlite');
  await database.pglite.query(
    `copy indicator_values (${COLUMNS}) from '/dev/blob' with (format csv)`,
    [],
    { blob: new Blob([csv]) },
  );
}

export async function countValues(database: Database, releaseId: number): Promise<number> {
  const [row] = await database.rows<{ n: number }>(
    sql`select count(*)::int as n from indicator_values where release_id = ${releaseId}`,
  );
  return row?.n ?? 0;
}
