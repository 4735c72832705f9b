// Searches counted in aggregate for "what people could not find": normalised terms, filters,
// Sozialraum and result count per day. No address, no user, no coordinates, nothing finer than a day.
import { sql } from 'drizzle-orm';
import { query, type Database } from '../../db/client.ts';
import { wallClock } from './opening-hours.ts';
import type { SearchQuery } from './search.ts';

export interface SearchLogEntry {
  /** Lower-case words, each once, sorted: "beratung schuldner". */
  normalisedTerms: string;
  /** Canonical filter description without the place a person searched from. */
  filters: string;
  resultCount: number;
  /** The Sozialraum searched for ("serves this Sozialraum"), if any. */
  areaId: number | null;
  /** Local date (Europe/Berlin), "JJJJ-MM-TT". */
  day: string;
}

const TERMS_MAX = 200;

/** The words of a query, lower case, each once and sorted, so spellings of one need count together. */
export function normaliseTerms(text: string | undefined): string {
  const words = (text ?? '')
    .normalize('NFC')
    .toLocaleLowerCase('de')
    .match(/[\p{L}\p{N}]+/gu);
  const terms = [...new Set(words ?? [])].sort().join(' ');
  return terms.length > TERMS_MAX ? terms.slice(0, TERMS_MAX).replace(/\s+\S*$/, '') : terms;
}

/** The filters as one canonical string ("alter=12;sprache=ar,tr;umkreis=5km"); never coordinates. */
export function describeFilters(
  q: Pick<
    SearchQuery,
    'topic' | 'targetGroup' | 'age' | 'language' | 'accessible' | 'free' | 'openNow' | 'near'
  >,
): string {
  const parts: string[] = [];
  const list = (key: string, values: string[] | undefined) => {
    if (values?.length) parts.push(`${key}=${[...new Set(values)].sort().join(',')}`);
  };
  if (q.age !== undefined) parts.push(`alter=${q.age}`);
  if (q.accessible) parts.push('barrierefrei');
  if (q.openNow) parts.push('jetzt-geöffnet');
  if (q.free) parts.push('kostenlos');
  list('sprache', q.language);
  list('thema', q.topic);
  if (q.near)
    parts.push(q.near.radiusKm !== undefined ? `umkreis=${q.near.radiusKm}km` : 'in-der-nähe');
  list('zielgruppe', q.targetGroup);
  return parts.join(';');
}

/** The log entry of one search, on the local day of `now`. */
export function searchLogEntry(
  q: SearchQuery,
  resultCount: number,
  now = new Date(),
): SearchLogEntry {
  return {
    normalisedTerms: normaliseTerms(q.text),
    filters: describeFilters(q),
    resultCount,
    areaId: q.areaId ?? null,
    day: wallClock(now, 'Europe/Berlin').date,
  };
}

/** Counts the search: one row per day, terms, filters, Sozialraum and result count. */
export async function logSearch(database: Database, entry: SearchLogEntry): Promise<void> {
  await query(
    database.db,
    sql`insert into search_log (day, terms, filters, area_id, results, count)
        values (${entry.day}::date, ${entry.normalisedTerms}, ${entry.filters}, ${entry.areaId},
                ${entry.resultCount}, 1)
        on conflict (day, terms, filters, area_id, results)
        do update set count = search_log.count + 1`,
  );
}
