// Search for citizens: the query schema, the typed text turned into search terms, the typo check,
// and the use case (filters in SQL, typos and "open now" decided here, then one page of results).
import { z } from 'zod';
import type { Database, Db } from '../../db/client.ts';
import { hasWeeklyHours, hoursOn, isOpenAt, type OpeningInterval } from './opening-hours.ts';
import * as repo from './search.repository.ts';

const TEXT_MAX = 200;
const LIST_MAX = 20;
/** Shorter words are matched by full text only (too short for word parts and trigrams). */
const MIN_PART_WORD = 3;
const MAX_PART_WORDS = 6;
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Several values from a query string: repeated parameters or one comma-separated value. */
const list = (item: z.ZodType<string>, what: string) =>
  z.preprocess(
    (v) => {
      const values = (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
        .flatMap((x) => String(x).split(','))
        .map((x) => x.trim())
        .filter(Boolean);
      return values.length ? values : undefined;
    },
    z
      .array(item)
      .max(LIST_MAX, { error: `Höchstens ${LIST_MAX} ${what} auf einmal.` })
      .optional(),
  );

const number = (schema: z.ZodNumber) =>
  z.preprocess((v) => {
    const b = blankToUndefined(v);
    return typeof b === 'string' ? Number(b.replace(',', '.')) : b;
  }, schema.optional());

const flag = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim().toLowerCase();
    return ['1', 'true', 'ja', 'on'].includes(s)
      ? true
      : ['', '0', 'false', 'nein', 'off'].includes(s)
        ? false
        : v;
  },
  z.boolean({ error: 'muss ja oder nein sein' }).optional(),
);

const termId = z
  .string()
  .min(1)
  .max(100, { error: 'Eine Kategorie ist zu lang (höchstens 100 Zeichen).' });

export const searchQuerySchema = z
  .object({
    text: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() || undefined : v),
      z
        .string({ error: 'Der Suchtext muss Text sein.' })
        .max(TEXT_MAX, { error: `Der Suchtext ist zu lang (höchstens ${TEXT_MAX} Zeichen).` })
        .refine((v) => !CONTROL.test(v), { error: 'Der Suchtext enthält Steuerzeichen.' })
        .optional(),
    ),
    topic: list(termId, 'Themen'),
    targetGroup: list(termId, 'Zielgruppen'),
    age: number(
      z
        .number({ error: 'Das Alter muss eine Zahl sein.' })
        .int({ error: 'Das Alter muss eine ganze Zahl sein.' })
        .min(0, { error: 'Das Alter darf nicht negativ sein.' })
        .max(120, { error: 'Das Alter darf höchstens 120 sein.' }),
    ),
    language: list(
      z
        .string()
        .regex(/^[a-z]{2,3}$/i, { error: 'Eine Sprache ist als Kürzel anzugeben (z. B. „tr“).' })
        .transform((v) => v.toLowerCase()),
      'Sprachen',
    ),
    accessible: flag,
    free: flag,
    openNow: flag,
    areaId: number(
      z
        .number({ error: 'Das Gebiet muss eine Nummer sein.' })
        .int({ error: 'Das Gebiet muss eine ganze Nummer sein.' })
        .positive({ error: 'Das Gebiet muss eine positive Nummer sein.' }),
    ),
    near: z
      .object({
        lat: number(
          z
            .number({ error: 'Die Breite muss eine Zahl sein.' })
            .min(-90, { error: 'Die Breite liegt zwischen -90 und 90.' })
            .max(90, { error: 'Die Breite liegt zwischen -90 und 90.' }),
        ).refine((v) => v !== undefined, { error: 'Die Breite fehlt.' }),
        lon: number(
          z
            .number({ error: 'Die Länge muss eine Zahl sein.' })
            .min(-180, { error: 'Die Länge liegt zwischen -180 und 180.' })
            .max(180, { error: 'Die Länge liegt zwischen -180 und 180.' }),
        ).refine((v) => v !== undefined, { error: 'Die Länge fehlt.' }),
        radiusKm: number(
          z
            .number({ error: 'Der Umkreis muss eine Zahl sein.' })
            .positive({ error: 'Der Umkreis muss größer als 0 sein.' })
            .max(100, { error: 'Der Umkreis darf höchstens 100 km sein.' }),
        ),
      })
      .transform((n) => ({ lat: n.lat!, lon: n.lon!, radiusKm: n.radiusKm }))
      .optional(),
    sort: z
      .enum(['relevance', 'distance'], { error: 'Sortierung nach Relevanz oder Entfernung.' })
      .default('relevance'),
    limit: number(
      z
        .number({ error: 'Die Seitengröße muss eine Zahl sein.' })
        .int({ error: 'Die Seitengröße muss eine ganze Zahl sein.' })
        .min(1, { error: 'Die Seitengröße muss mindestens 1 sein.' })
        .max(100, { error: 'Die Seitengröße darf höchstens 100 sein.' }),
    ).transform((v) => v ?? 20),
    offset: number(
      z
        .number({ error: 'Der Versatz muss eine Zahl sein.' })
        .int({ error: 'Der Versatz muss eine ganze Zahl sein.' })
        .min(0, { error: 'Der Versatz darf nicht negativ sein.' })
        .max(10_000, { error: 'Der Versatz darf höchstens 10 000 sein.' }),
    ).transform((v) => v ?? 0),
    /** The instant "open now" refers to; the current time when absent (tests fix it). */
    now: z.date({ error: 'Der Zeitpunkt muss ein Datum sein.' }).optional(),
  })
  .refine((q) => q.sort !== 'distance' || q.near !== undefined, {
    error: 'Nach Entfernung sortieren geht nur mit einem Standort.',
    path: ['sort'],
  });

export type SearchQueryInput = z.input<typeof searchQuerySchema>;
export type SearchQuery = z.output<typeof searchQuerySchema>;

export interface SearchItem {
  id: string;
  /** German name. */
  name: string;
  alternateName: string | null;
  description: string;
  /**
   * Full-text hits 1 + ts_rank; hits inside words 0.5; typo hits (only when nothing else is found)
   * their trigram similarity, 0…1; 0 without text.
   */
  score: number;
  distanceKm: number | null;
  organisation: { id: string; name: string };
  areaNames: string[];
  languages: string[];
  location: repo.ItemRow['location'];
  status: string;
  isExample: boolean;
  /** "Geprüft am": when the entry was last confirmed as right. */
  assuredDate: Date | null;
  /** Open at `now` by its weekly schedules; null when it has none. */
  openNow: boolean | null;
  /** Today's openings (in Europe/Berlin) for the list. */
  hoursToday: OpeningInterval[];
}

export interface SearchResult {
  total: number;
  items: SearchItem[];
}

/** Umlauts and their spellings ae/oe/ue as plain vowels, ß as ss: "Flüchtlinge", "Fluechtlinge" → "fluchtlinge". */
export function foldGerman(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of the text as websearch_to_tsquery reads them: "-wort" excludes, "or" joins. */
export function parseText(text: string): {
  positive: string[];
  negative: string[];
  folded: string;
} {
  const positive: string[] = [];
  const negative: string[] = [];
  const folded: string[] = [];
  for (const chunk of text.normalize('NFC').split(/\s+/)) {
    const words = (chunk.match(WORD) ?? []).map((w) => w.toLowerCase());
    if (words.length === 0) continue;
    if (chunk.toLowerCase() === 'or') {
      folded.push('or');
      continue;
    }
    const negated = /^-[\p{L}\p{N}]/u.test(chunk);
    (negated ? negative : positive).push(...words);
    folded.push(negated ? `-${words.join('-')}` : words.map(foldGerman).join(' '));
  }
  return {
    positive: [...new Set(positive)],
    negative: [...new Set(negative)],
    folded: folded.join(' '),
  };
}

/** Spellings to try by trigrams: as typed, and with ae/oe/ue as umlauts or umlauts as ae/oe/ue. */
export function spellings(word: string): string[] {
  const out = new Set([word]);
  if (/ae|oe|ue/.test(word))
    out.add(word.replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/ue/g, 'ü'));
  if (/[äöüß]/.test(word))
    out.add(word.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss'));
  return [...out];
}

/** Text as the typo check compares it: lower case, no accents, ae/oe/ue as a/o/u, one space between words. */
export function foldForMatch(s: string): string {
  return foldGerman(s.normalize('NFD').replace(/\p{M}/gu, ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Typos allowed in a word: none below 4 letters, one up to 7, two up to 12, then three. */
export function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : length < 13 ? 2 : 3;
}

/**
 * The fewest edits (insert, delete, replace a letter, swap two neighbours) that turn `word` into
 * some stretch of `text` (Sellers' approximate substring matching with transpositions); with
 * `atWordStart` the stretch must begin a word of the text.
 */
export function editsWithin(word: string, text: string, atWordStart = false): number {
  const m = word.length;
  const far = m + 1;
  let before = Array.from({ length: m + 1 }, (_, i) => i);
  let previous = before.slice();
  let current = new Array<number>(m + 1).fill(0);
  let best = m;
  for (let j = 1; j <= text.length && best > 0; j++) {
    // A stretch may begin after position j: anywhere, or only where a word begins.
    current[0] = !atWordStart || text[j - 1] === ' ' ? 0 : far;
    for (let i = 1; i <= m; i++) {
      const cost = word[i - 1] === text[j - 1] ? 0 : 1;
      let v = Math.min(previous[i]! + 1, current[i - 1]! + 1, previous[i - 1]! + cost);
      if (i > 1 && j > 1 && word[i - 1] === text[j - 2] && word[i - 2] === text[j - 1])
        v = Math.min(v, before[i - 2]! + 1);
      current[i] = v;
    }
    best = Math.min(best, current[m]!);
    [before, previous, current] = [previous, current, before];
  }
  return best;
}

/**
 * Whether a word occurs in the text despite typos: with its allowed edits where a word of the text
 * begins ("Schuldenberatng" → "Schuldnerberatung", 3), with at most one inside a word, so compound
 * parts are found ("bertaung" in "Schuldnerberatung") but "Lebensberatung" is not "Pflegeberatung".
 */
export function typoMatch(words: readonly string[], text: string): boolean {
  const folded = foldForMatch(text);
  return words.every((w) => {
    const allowed = allowedEdits(w.length);
    return (
      editsWithin(w, folded) <= Math.min(1, allowed) || editsWithin(w, folded, true) <= allowed
    );
  });
}

function prefixTerm(word: string): string {
  if (word.length < MIN_PART_WORD) return word;
  const forms = [...new Set([word, foldGerman(word)])].map((w) => `${w}:*`);
  return forms.length > 1 ? `(${forms.join(' | ')})` : forms[0]!;
}

/**
 * The typed text as search terms: full text (websearch syntax, umlauts folded, word prefixes), the
 * content words to find inside words ("schuldner beratung" in "Schuldnerberatung") or, failing
 * that, with typos (trigram candidates, then `checks` by edit distance).
 */
export async function textMatch(
  db: Db,
  text: string,
): Promise<{ match: repo.TextMatch; checks: string[] }> {
  const { positive, negative, folded } = parseText(text);
  const content = await repo.contentWords(
    db,
    positive.filter((w) => w.length >= MIN_PART_WORD),
  );
  const words = positive.filter((w) => content.has(w)).slice(0, MAX_PART_WORDS);
  const prefix = positive.length
    ? [...positive.slice(0, 10).map(prefixTerm), ...negative.map((w) => `!${w}`)].join(' & ')
    : null;
  return {
    match: {
      websearch: text,
      folded,
      prefix,
      excluded: negative.length ? negative.join(' | ') : null,
      words: words.map((w) => ({ variants: spellings(w) })),
    },
    checks: words.map(foldForMatch),
  };
}

/**
 * One page of matches and their total. Typos (decided by edit distance) and "open now" (by the
 * zone rules in Intl) are decided here, before paging, so that total and pages agree.
 */
async function matchPage(
  db: Db,
  f: repo.MatchFilters & { limit: number; offset: number },
  checks: string[],
  now: Date,
): Promise<{ total: number; page: repo.MatchRow[] }> {
  if (!f.openNow && f.mode === 'exact') {
    const { total, rows } = await repo.findMatchPage(db, f, f.limit, f.offset);
    return { total, page: rows };
  }
  const matches = (await repo.findAllMatches(db, f, f.openNow === true)).filter(
    (r) =>
      (r.typo_text === null || typoMatch(checks, r.typo_text)) &&
      (!f.openNow || isOpenAt(applicable(r.schedules ?? []), now)),
  );
  return { total: matches.length, page: matches.slice(f.offset, f.offset + f.limit) };
}

function applicable(schedules: repo.ScheduleRow[]): repo.ScheduleRow[] {
  const own = schedules.filter((s) => s.own);
  return own.length ? own : schedules;
}

/** Finds services for citizens: German full text with typo tolerance, filters, distance, open now. */
export async function searchServices(
  database: Database,
  input: SearchQueryInput,
): Promise<SearchResult> {
  const q = searchQuerySchema.parse(input);
  const now = q.now ?? new Date();
  return database.db.transaction(async (tx) => {
    const text = q.text ? await textMatch(tx, q.text) : null;
    const run = (mode: repo.TextMode) =>
      matchPage(tx, { ...q, text: text?.match ?? null, mode }, text?.checks ?? [], now);
    let { total, page } = await run('exact');
    // Typo tolerance is the fallback: only when the exact search finds nothing.
    if (total === 0 && text?.checks.length) {
      await repo.setWordSimilarityThreshold(tx, repo.CANDIDATE_SIMILARITY);
      ({ total, page } = await run('typo'));
    }
    const rows = new Map(
      (
        await repo.loadItems(
          tx,
          page.map((r) => r.id),
          q.near,
        )
      ).map((r) => [r.id, r]),
    );
    const items = page.map((m): SearchItem => {
      const r = rows.get(m.id)!;
      const schedules = applicable(r.schedules);
      return {
        id: r.id,
        name: r.name ?? '',
        alternateName: r.alternate_name,
        description: r.description ?? '',
        score: Number(m.score),
        distanceKm: m.distance_km === null ? null : Number(m.distance_km),
        organisation: { id: r.organization_id, name: r.organization_name },
        areaNames: r.area_names,
        languages: r.languages,
        location: r.location,
        status: r.status,
        isExample: r.is_example,
        assuredDate: r.assured_date === null ? null : new Date(r.assured_date),
        openNow: hasWeeklyHours(schedules) ? isOpenAt(schedules, now) : null,
        hoursToday: hoursOn(schedules, now, 'Europe/Berlin'),
      };
    });
    return { total, items };
  });
}
