// All SQL of the directory search: German full text and word parts, trigram typo candidates, the
// filters, distance on latitude/longitude (haversine), and the rows a result page shows.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.ts';
import type { WeeklySchedule } from './opening-hours.ts';

/** A content word of the query in its spellings (as typed, with or without umlauts); letters only. */
export interface QueryWord {
  variants: string[];
}

export interface TextMatch {
  /** The text as typed, for websearch_to_tsquery. */
  websearch: string;
  /** The same with umlauts and their spellings ae/oe/ue folded to a/o/u. */
  folded: string;
  /** to_tsquery input matching word prefixes ("schuldner:* & beratung:*"), built from letters only. */
  prefix: string | null;
  /** to_tsquery input of excluded words ("-wort"), or null. */
  excluded: string | null;
  words: QueryWord[];
}

/**
 * exact: full text, or every word inside the text ("beratung" in "Schuldnerberatung");
 * typo: trigram candidates for the edit-distance check in search.ts (the fallback when exact finds nothing).
 */
export type TextMode = 'exact' | 'typo';

export interface MatchFilters {
  text: TextMatch | null;
  mode: TextMode;
  topic?: string[] | undefined;
  targetGroup?: string[] | undefined;
  age?: number | undefined;
  language?: string[] | undefined;
  accessible?: boolean | undefined;
  free?: boolean | undefined;
  /** Open now is decided in TypeScript; here it only leaves out temporarily closed services. */
  openNow?: boolean | undefined;
  areaId?: number | undefined;
  near?: { lat: number; lon: number; radiusKm?: number | undefined } | undefined;
  sort: 'relevance' | 'distance';
}

/**
 * pg_trgm word similarity from which a service is a typo candidate; search.ts then decides by edit
 * distance. Measured: "Schuldenberatng" is 0.43 alike a text that only says "Schuldnerberatung",
 * "bertaung" 0.38 alike "Beratung"; unrelated words sharing a stem part reach 0.40 as well.
 */
export const CANDIDATE_SIMILARITY = 0.35;
/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Great-circle distance in km from the point to the location row `l` (haversine). */
function haversine(near: { lat: number; lon: number }): SQL {
  return sql`(2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
    power(sin(radians(l.latitude - ${near.lat}::float8) / 2), 2)
    + cos(radians(${near.lat}::float8)) * cos(radians(l.latitude))
      * power(sin(radians(l.longitude - ${near.lon}::float8) / 2), 2)))))`;
}

function tsquery(t: TextMatch): SQL {
  const prefix = t.prefix ? sql` || to_tsquery('german', ${t.prefix})` : sql``;
  return sql`(websearch_to_tsquery('german', ${t.websearch})
    || websearch_to_tsquery('german', unaccent(${t.folded}))${prefix})`;
}

const document = sql`to_tsvector('german', s.search_text)`;

/** Every word in any of its spellings, by `pattern`; `%>` and ILIKE can use the trigram index. */
function everyWord(words: QueryWord[], pattern: (spelling: string) => SQL): SQL {
  const each = words.map((w) => sql`(${sql.join(w.variants.map(pattern), sql` or `)})`);
  return sql`(${sql.join(each, sql` and `)})`;
}

/** Mean over the words of the best spelling's similarity, 0…1. */
function typoScore(words: QueryWord[]): SQL {
  const per = words.map(
    (w) =>
      sql`greatest(${sql.join(
        w.variants.map((v) => sql`word_similarity(${v}, s.search_text)`),
        sql`, `,
      )})`,
  );
  return sql`((${sql.join(per, sql` + `)}) / ${words.length}::real)`;
}

function textCondition(t: TextMatch, mode: TextMode): { where: SQL; score: SQL; typoText: SQL } {
  const excluded = t.excluded
    ? sql` and not ${document} @@ to_tsquery('german', ${t.excluded})`
    : sql``;
  if (mode === 'typo')
    return {
      where: sql`(${everyWord(t.words, (v) => sql`s.search_text %> ${v}`)}${excluded})`,
      score: typoScore(t.words),
      typoText: sql`s.search_text`,
    };
  const fullText = sql`${document} @@ ${tsquery(t)}`;
  // Words are letters and digits only, so they carry no LIKE wildcards.
  const parts = t.words.length
    ? sql` or (${everyWord(t.words, (v) => sql`s.search_text ilike ${`%${v}%`}`)}${excluded})`
    : sql``;
  return {
    where: sql`(${fullText}${parts})`,
    // Full-text hits rank by ts_rank above hits inside words.
    score: sql`case when ${fullText} then 1 + ts_rank(${document}, ${tsquery(t)}) else 0.5 end`,
    typoText: sql`null::text`,
  };
}

/** Terms of one taxonomy chosen by id or code, with all their narrower terms. */
function termFilter(taxonomy: string, terms: string[]): SQL {
  return sql`exists (select 1 from service_taxonomy st where st.service_id = s.id and st.term_id in (
    with recursive chosen(id) as (
      select id from taxonomy_terms
       where taxonomy = ${taxonomy} and (id in (${list(terms)}) or code in (${list(terms)}))
      union
      select t.id from taxonomy_terms t join chosen on t.parent_id = chosen.id)
    select id from chosen))`;
}

/** The area, the areas it lies in (a city-wide service serves every Sozialraum) and those within it. */
function servesArea(areaId: number): SQL {
  return sql`exists (select 1 from service_areas sa where sa.service_id = s.id and sa.area_id in (
    with recursive up(id, parent_id) as (
      select id, parent_id from areas where id = ${areaId}
      union select a.id, a.parent_id from areas a join up on a.id = up.parent_id),
    down(id) as (
      select id from areas where id = ${areaId}
      union select a.id from areas a join down on a.parent_id = down.id)
    select id from up union select id from down))`;
}

const FREE_WORDS = '(kostenlos|kostenfrei|gebührenfrei|unentgeltlich|gratis|free)';

function conditions(f: MatchFilters, distance: SQL | null): SQL[] {
  const c: SQL[] = [
    f.openNow ? sql`s.status = 'active'` : sql`s.status in ('active', 'temporarily closed')`,
  ];
  if (f.topic?.length) c.push(termFilter('topic', f.topic));
  if (f.targetGroup?.length) c.push(termFilter('target_group', f.targetGroup));
  if (f.age !== undefined)
    c.push(
      sql`coalesce(s.minimum_age, 0) <= ${f.age} and coalesce(s.maximum_age, 999) >= ${f.age}`,
    );
  if (f.language?.length)
    c.push(sql`exists (select 1 from service_languages sl where sl.service_id = s.id
      and lower(split_part(sl.code, '-', 1)) in (${list(f.language)}))`);
  if (f.accessible)
    c.push(sql`exists (select 1 from service_at_locations sal join locations l on l.id = sal.location_id
      where sal.service_id = s.id and jsonb_array_length(l.accessibility) > 0)`);
  if (f.free)
    c.push(sql`exists (select 1 from cost_options c where c.service_id = s.id and (c.amount = 0
        or (c.amount is null and lower(concat_ws(' ', c.option, c.amount_description)) ~ ${FREE_WORDS})))
      and not exists (select 1 from cost_options c where c.service_id = s.id and c.amount > 0)`);
  if (f.areaId !== undefined) c.push(servesArea(f.areaId));
  if (distance && f.near?.radiusKm !== undefined) c.push(sql`${distance} <= ${f.near.radiusKm}`);
  return c;
}

/** The matching services as (id, score, distance_km, typo_text) in result order. */
function matchQuery(f: MatchFilters, extra: SQL = sql``): SQL {
  const text = f.text ? textCondition(f.text, f.mode) : null;
  const near = f.near
    ? sql`left join lateral (select min(${haversine(f.near)}) as km
        from service_at_locations sal join locations l on l.id = sal.location_id
        where sal.service_id = s.id and l.latitude is not null and l.longitude is not null) d on true`
    : sql``;
  const distance = f.near ? sql`d.km` : null;
  const where = conditions(f, distance);
  if (text) where.push(text.where);
  const score = text ? text.score : sql`0`;
  const nameKey = sql`lower(unaccent(coalesce(s.name->>'de', '')))`;
  const order =
    f.sort === 'distance' && distance
      ? sql`${distance} asc nulls last,${text ? sql` ${score} desc,` : sql``} ${nameKey}, s.id`
      : text
        ? sql`${score} desc, ${nameKey}, s.id`
        : sql`${nameKey}, s.id`;
  return sql`select s.id, (${score})::float8 as score, ${distance ?? sql`null::float8`} as distance_km,
      ${text?.typoText ?? sql`null::text`} as typo_text, row_number() over (order by ${order}) as rn${extra}
    from services s ${near}
    where ${sql.join(where, sql` and `)}
    order by ${order}`;
}

export interface MatchRow {
  id: string;
  score: number;
  distance_km: number | null;
  /** The search text of a typo candidate (not a full-text hit), null otherwise. */
  typo_text: string | null;
}

/** One page of matches and the total, when SQL decides every condition. */
export async function findMatchPage(
  db: Db,
  f: MatchFilters,
  limit: number,
  offset: number,
): Promise<{ total: number; rows: MatchRow[] }> {
  const rows = await query<MatchRow & { total: number }>(
    db,
    sql`${matchQuery(f, sql`, count(*) over () as total`)} limit ${limit} offset ${offset}`,
  );
  if (rows.length > 0) return { total: Number(rows[0]!.total), rows };
  const [count] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${matchQuery(f)}) m`,
  );
  return { total: count?.n ?? 0, rows: [] };
}

export interface ScheduleRow extends WeeklySchedule {
  /** Set on the service or one of its service-at-locations, rather than on a location. */
  own: boolean;
}

/**
 * Per service of the set `ids` (SQL yielding ids), the schedules that say when it is open: its own
 * and its service-at-locations' (own = true), and those of its locations. Set-based, so the
 * planner can hash-join however many services match.
 */
function schedulesByService(ids: SQL): SQL {
  const columns = sql`x.freq, x.byday, x.opens_at, x.closes_at, x.timezone, x.valid_from, x.valid_to`;
  return sql`select x.sid as id, json_agg(json_build_object('freq', x.freq, 'byday', x.byday,
        'opensAt', x.opens_at, 'closesAt', x.closes_at, 'timezone', x.timezone,
        'validFrom', x.valid_from, 'validTo', x.valid_to, 'own', x.own)) as schedules
    from (
      select coalesce(x.service_id, sal.service_id) as sid, ${columns}, true as own
        from schedules x left join service_at_locations sal on sal.id = x.service_at_location_id
       where coalesce(x.service_id, sal.service_id) in (${ids})
      union all
      select sal.service_id, ${columns}, false
        from schedules x join service_at_locations sal on sal.location_id = x.location_id
       where x.service_id is null and x.service_at_location_id is null and sal.service_id in (${ids})
    ) x group by x.sid`;
}

/** Every match in result order (with its schedules if asked), for conditions decided in TypeScript. */
export function findAllMatches(
  db: Db,
  f: MatchFilters,
  withSchedules: boolean,
): Promise<(MatchRow & { schedules?: ScheduleRow[] })[]> {
  if (!withSchedules) return query(db, matchQuery(f));
  return query(
    db,
    sql`with m as materialized (${matchQuery(f)})
        select m.*, coalesce(sc.schedules, '[]'::json) as schedules
          from m left join (${schedulesByService(sql`select id from m`)}) sc on sc.id = m.id
         order by m.rn`,
  );
}

/** The query words PostgreSQL's German configuration does not drop as stop words. */
export async function contentWords(db: Db, words: string[]): Promise<Set<string>> {
  if (words.length === 0) return new Set();
  const rows = await query<{ w: string }>(
    db,
    sql`select w from unnest(array[${list(words)}]::text[]) w
         where numnode(plainto_tsquery('german', w)) > 0`,
  );
  return new Set(rows.map((r) => r.w));
}

/** Sets pg_trgm's word-similarity threshold of the `%>` operator for this transaction only. */
export async function setWordSimilarityThreshold(db: Db, value: number): Promise<void> {
  await query(
    db,
    sql`select set_config('pg_trgm.word_similarity_threshold', ${String(value)}, true)`,
  );
}

export interface ItemRow {
  id: string;
  name: string | null;
  alternate_name: string | null;
  description: string | null;
  status: string;
  is_example: boolean;
  assured_date: Date | string | null;
  organization_id: string;
  organization_name: string;
  area_names: string[];
  languages: string[];
  location: {
    id: string;
    name: string | null;
    latitude: number | null;
    longitude: number | null;
    areaId: number | null;
    address: string | null;
  } | null;
  schedules: ScheduleRow[];
}

/** What a result list shows of each service; the location is the nearest one when `near` is given. */
export function loadItems(
  db: Db,
  ids: string[],
  near: { lat: number; lon: number } | undefined,
): Promise<ItemRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  const order = near ? sql`${haversine(near)} asc nulls last, l.id` : sql`l.latitude is null, l.id`;
  return query<ItemRow>(
    db,
    sql`select s.id, s.name->>'de' as name, s.alternate_name, s.description->>'de' as description,
        s.status, s.is_example, s.assured_date, o.id as organization_id, o.name as organization_name,
        array(select a.name from service_areas sa join areas a on a.id = sa.area_id
               where sa.service_id = s.id order by a.name) as area_names,
        array(select sl.code from service_languages sl where sl.service_id = s.id order by sl.code) as languages,
        (select json_build_object('id', l.id, 'name', l.name, 'latitude', l.latitude,
                  'longitude', l.longitude, 'areaId', l.area_id,
                  'address', (select concat_ws(', ', ad.address_1, concat_ws(' ', ad.postal_code, ad.city))
                                from addresses ad where ad.location_id = l.id order by ad.id limit 1))
           from service_at_locations sal join locations l on l.id = sal.location_id
          where sal.service_id = s.id order by ${order} limit 1) as location,
        coalesce(sc.schedules, '[]'::json) as schedules
      from services s join organizations o on o.id = s.organization_id
      left join (${schedulesByService(list(ids))}) sc on sc.id = s.id
     where s.id in (${list(ids)})`,
  );
}
