// SQL for the search form's choices: taxonomy terms, languages offered, Sozialräume of the city.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.ts';

export function termsOf(db: Db) {
  return query<{ id: string; taxonomy: string; name: Record<string, string> }>(
    db,
    sql`select id, taxonomy, name from taxonomy_terms order by taxonomy, rank, id`,
  );
}

export function languageCodes(db: Db) {
  return query<{ code: string; n: number }>(
    db,
    sql`select code, count(*)::int as n from service_languages group by code order by count(*) desc, code`,
  );
}

/** The areas services are linked to, on the level with the most links (the Sozialräume). */
export function servedAreas(db: Db, systemId: string | null) {
  return query<{ id: number; code: string; name: string }>(
    db,
    sql`select distinct a.id, a.code, a.name from service_areas sa join areas a on a.id = sa.area_id
        where (${systemId}::text is null or a.system_id = ${systemId}::text) order by a.name`,
  );
}

export async function anyExample(db: Db): Promise<boolean> {
  const [row] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from services where is_example`,
  );
  return (row?.n ?? 0) > 0;
}

export interface MissedSearchRow {
  terms: string;
  area_name: string | null;
  searches: number;
  max_results: number;
  last_day: string;
}

/** Searches with no or few results over the last days, most frequent first. */
export function missedSearches(db: Db, since: string, maxResults: number) {
  return query<MissedSearchRow>(
    db,
    sql`select l.terms, a.name as area_name, sum(l.count)::int as searches,
          max(l.results)::int as max_results, max(l.day)::text as last_day
        from search_log l left join areas a on a.id = l.area_id
        where l.day >= ${since}::date and l.results <= ${maxResults} and l.terms <> ''
        group by l.terms, a.name
        order by sum(l.count) desc, l.terms
        limit 200`,
  );
}
