// The directory search on the real engine: 60 invented services in Oberhausen's Sozialräume, German
// full text with typos and umlauts, every filter, distance against a hand-computed haversine,
// totals against pages, and "open now" across the daylight-saving changes with a fixed instant.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import * as t from '../../db/schema/index.ts';
import { seedAreas } from '../areas/seed.ts';
import { CANDIDATE_SIMILARITY } from './search.repository.ts';
import {
  allowedEdits,
  editsWithin,
  foldForMatch,
  searchServices,
  typoMatch,
  type SearchQueryInput,
} from './search.ts';

type Hours = [byday: string, opens: string, closes: string];
interface Entry {
  id: string;
  name: string;
  text: string;
  topics?: string[];
  groups?: string[];
  minAge?: number;
  maxAge?: number;
  languages?: string[];
  status?: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  serves?: string[];
  /** Latitude, longitude; none for an online service. */
  at?: [number, number];
  accessible?: boolean;
  costs?: { amount: number | null; option?: string }[];
  hours?: Hours[];
  locationHours?: Hours[];
}

const WEEK = 'MO,TU,WE,TH,FR,SA,SU';
const OSTERFELD: [number, number] = [51.496, 6.889];
const core: Entry[] = [
  {
    id: 'schuldner',
    name: 'Schuldnerberatung',
    // No standalone "Schulden" or "Beratung": the compound alone must be found.
    text: 'Hilfe bei Geldproblemen, Pfändung und Verbraucherinsolvenz',
    topics: ['finanzen'],
    groups: ['erwachsene'],
    minAge: 18,
    languages: ['de', 'tr'],
    serves: ['sr-osterfeld'],
    at: [51.497, 6.8895],
    costs: [{ amount: 0 }],
    hours: [['MO,TU,WE,TH,FR', '08:00', '12:00']],
  },
  {
    id: 'fluechtlinge',
    name: 'Beratung für Flüchtlinge',
    text: 'Flüchtlingsberatung und Begleitung zu Behörden für Geflüchtete',
    topics: ['migration'],
    groups: ['gefluechtete'],
    languages: ['de', 'ar', 'uk'],
    serves: ['05119000'],
    at: [51.4705, 6.8525],
    accessible: true,
    costs: [{ amount: null, option: 'Kostenlos' }],
    hours: [['MO,WE', '09:00', '15:00']],
  },
  {
    id: 'jugendzentrum',
    name: 'Jugendzentrum Kanalstraße',
    text: 'Offene Jugendarbeit mit Sport, Musik und Hausaufgabenhilfe',
    topics: ['freizeit'],
    groups: ['jugendliche'],
    minAge: 10,
    maxAge: 21,
    serves: ['sr-sterkrade-mitte'],
    at: [51.517, 6.845],
    costs: [{ amount: 0 }],
    hours: [
      ['MO,TU,WE,TH', '14:00', '21:00'],
      ['FR', '18:00', '01:00'],
    ],
  },
  {
    id: 'familienzentrum',
    name: 'Familienzentrum Regenbogen',
    text: 'Kindertagesbetreuung, Elternberatung und Sprachförderung',
    topics: ['familie'],
    groups: ['familien'],
    maxAge: 6,
    serves: ['sq-klosterhardt'],
    at: [51.505, 6.875],
    accessible: true,
  },
  {
    id: 'erziehung',
    name: 'Erziehungsberatungsstelle',
    text: 'Beratung für Eltern, Kinder und Jugendliche bei Erziehungsfragen',
    topics: ['erziehung'],
    groups: ['familien'],
    serves: ['sr-mitte-styrum'],
    at: [51.4695, 6.851],
    costs: [{ amount: 0 }, { amount: 15, option: 'Kurs' }],
  },
  {
    id: 'sucht',
    name: 'Suchtberatung',
    text: 'Beratung bei Alkohol, Drogen und Glücksspiel',
    topics: ['gesundheit'],
    groups: ['erwachsene'],
    serves: ['sr-ost'],
    at: [51.479, 6.88],
    costs: [{ amount: 20 }],
    locationHours: [['MO,TU,WE,TH,FR', '10:00', '18:00']],
  },
  {
    id: 'tafel',
    name: 'Lebensmittelausgabe Tafel',
    text: 'Lebensmittel für Menschen mit geringem Einkommen',
    topics: ['grundversorgung'],
    status: 'temporarily closed',
    serves: ['sr-alstaden-lirich'],
    at: [51.458, 6.828],
    hours: [[WEEK, '00:00', '24:00']],
  },
  {
    id: 'alt',
    name: 'Schuldnerberatung (eingestellt)',
    text: 'Früheres Angebot der Schuldnerberatung',
    topics: ['finanzen'],
    status: 'defunct',
    serves: ['sr-osterfeld'],
    at: [51.4965, 6.889],
  },
  {
    id: 'nachtcafe',
    name: 'Nachtcafé',
    text: 'Warmer Ort in der Nacht von Samstag auf Sonntag',
    topics: ['wohnen'],
    serves: ['sr-osterfeld'],
    at: [OSTERFELD[0] + 0.01, OSTERFELD[1]],
    hours: [['SA', '22:00', '03:00']],
  },
  {
    id: 'fruehstueck',
    name: 'Frühstückstreff',
    text: 'Frühstück und Gespräch an jedem Tag der Woche',
    topics: ['grundversorgung'],
    serves: ['sr-sterkrade-nord'],
    at: [51.4955, 6.8885],
    hours: [[WEEK, '08:00', '12:00']],
    locationHours: [[WEEK, '06:00', '20:00']],
  },
  {
    id: 'online',
    name: 'Onlineberatung Elterncafé',
    text: 'Beratung im Chat für Mütter und Väter',
    topics: ['familie'],
    groups: ['familien'],
    languages: ['de', 'en'],
    serves: ['05119000'],
  },
  {
    id: 'ohne-zeiten',
    name: 'Stadtteilbibliothek',
    text: 'Bücher, Medien und Lesungen',
    topics: ['freizeit'],
    serves: ['sr-osterfeld'],
    at: [51.4975, 6.8905],
  },
];

const SOZIALRAEUME: [string, number, number][] = [
  ['sr-mitte-styrum', 51.47, 6.852],
  ['sr-ost', 51.479, 6.88],
  ['sr-alstaden-lirich', 51.458, 6.828],
  ['sr-sterkrade-mitte', 51.517, 6.845],
  ['sr-sterkrade-nord', 51.538, 6.85],
  ['sr-osterfeld', 51.496, 6.889],
];
/** Name; text; topic; weekly hours. */
const KINDS = [
  'Stadtteiltreff; Offener Treff für Nachbarinnen und Nachbarn mit Café; freizeit; MO,WE 10:00 16:00',
  'Seniorenbegegnung; Mittagstisch und Begegnung für ältere Menschen; gesundheit; TU,TH 11:00 14:00',
  'Lernhilfe; Hausaufgabenhilfe und Lernförderung für Schulkinder; familie; MO,TU,WE,TH 13:00 17:00',
  'Sportangebot; Bewegung und Sport für alle Altersgruppen; freizeit; SA 09:00 13:00',
  'Pflegeberatung; Beratung zu Pflegegrad, Pflegediensten und Entlastung; gesundheit; MO,TU,WE,TH,FR 09:00 12:00',
  'Mieterberatung; Beratung zu Mietrecht, Nebenkosten und Wohngeld; wohnen; WE 15:00 18:00',
  'Sprachcafé; Deutsch üben im Gespräch, für Zugewanderte; migration; FR 16:00 18:00',
  'Kleiderkammer; Kleidung für Erwachsene und Kinder gegen kleinen Beitrag; grundversorgung; TU 09:00 12:00',
].map((line) => line.split('; ') as [string, string, string, string]);
/** Filler: each kind in each Sozialraum until there are 60 services. */
const filler: Entry[] = KINDS.flatMap(([kind, text, topic, hours], k) =>
  SOZIALRAEUME.map(([code, lat, lon], r): Entry => ({
    id: `f-${k}-${r}`,
    name: `${kind} ${code.slice(3)}`,
    text,
    topics: [topic],
    languages: r % 2 ? ['de'] : ['de', 'en'],
    serves: [code],
    at: [lat + 0.002 * k, lon - 0.002 * r],
    costs: [{ amount: k % 3 === 0 ? 0 : 2 }],
    hours: [hours.split(' ') as Hours],
  })),
).slice(0, 60 - core.length);
const entries = [...core, ...filler];

/** Taxonomy terms as [code, taxonomy, broader term]. */
const TERMS: [string, string, string | null][] = [
  ...[
    'finanzen',
    'migration',
    'freizeit',
    'familie',
    'gesundheit',
    'grundversorgung',
    'wohnen',
  ].map((c): [string, string, null] => [c, 'topic', null]),
  ['erziehung', 'topic', 'familie'],
  ...['erwachsene', 'jugendliche', 'familien', 'gefluechtete'].map((c): [string, string, null] => [
    c,
    'target_group',
    null,
  ]),
];

const searchText = (e: Entry) => `${e.name}. ${e.text}. Beispielträger e. V.`;

let database: Database;
let area: Record<string, number>;

async function insertEntries(db: Database['db']): Promise<void> {
  await db
    .insert(t.organizations)
    .values({ id: 'org', name: 'Beispielträger e. V.', isExample: true });
  await db.insert(t.taxonomyTerms).values(
    TERMS.map(([id, taxonomy, parent]) => ({
      id: `term-${id}`,
      code: id,
      taxonomy,
      name: { de: id },
      parentId: parent && `term-${parent}`,
    })),
  );
  const hours = (
    rows: Hours[] | undefined,
    key: Partial<typeof t.schedules.$inferInsert>,
    prefix: string,
  ) =>
    (rows ?? []).map(([byday, opensAt, closesAt], i) => ({
      id: `${prefix}-${i}`,
      freq: 'WEEKLY',
      byday,
      opensAt,
      closesAt,
      ...key,
    }));
  for (const e of entries) {
    await db.insert(t.services).values({
      id: e.id,
      organizationId: 'org',
      name: { de: e.name },
      status: e.status ?? 'active',
      isExample: true,
      minimumAge: e.minAge ?? null,
      maximumAge: e.maxAge ?? null,
      searchText: searchText(e),
    });
    if (e.at) {
      await db.insert(t.locations).values({
        id: `loc-${e.id}`,
        organizationId: 'org',
        latitude: e.at[0],
        longitude: e.at[1],
        accessibility: e.accessible ? [{ description: 'Stufenloser Eingang' }] : [],
      });
      await db
        .insert(t.serviceAtLocations)
        .values({ id: `sal-${e.id}`, serviceId: e.id, locationId: `loc-${e.id}` });
    }
    const schedules = [
      ...hours(e.hours, { serviceId: e.id }, `h-${e.id}`),
      ...hours(e.locationHours, { locationId: `loc-${e.id}` }, `lh-${e.id}`),
    ];
    if (schedules.length) await db.insert(t.schedules).values(schedules);
    for (const code of e.languages ?? [])
      await db.insert(t.serviceLanguages).values({ serviceId: e.id, code });
    for (const [i, c] of (e.costs ?? []).entries())
      await db.insert(t.costOptions).values({
        id: `c-${e.id}-${i}`,
        serviceId: e.id,
        amount: c.amount,
        option: c.option ?? null,
      });
    for (const code of e.serves ?? [])
      await db.insert(t.serviceAreas).values({ serviceId: e.id, areaId: area[code]! });
    for (const term of e.topics ?? [])
      await db.insert(t.serviceTaxonomy).values({ serviceId: e.id, termId: `term-${term}` });
    for (const term of e.groups ?? [])
      await db.insert(t.serviceTaxonomy).values({ serviceId: e.id, termId: `term-${term}` });
  }
}

before(async () => {
  database = await createTestDatabase();
  await seedAreas(database, { only: ['oberhausen'] });
  const rows = await database.rows<{ id: number; code: string }>(
    sql`select id, code from areas where system_id = 'oberhausen'`,
  );
  area = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  await insertEntries(database.db);
});
after(async () => database.close());

const ids = async (q: SearchQueryInput) =>
  (await searchServices(database, { limit: 100, ...q })).items.map((i) => i.id);
const listed = (e: Entry) =>
  e.status === undefined || e.status === 'active' || e.status === 'temporarily closed';
const expected = (pred: (e: Entry) => boolean) =>
  entries
    .filter((e) => listed(e) && pred(e))
    .map((e) => e.id)
    .sort();
const sorted = (a: string[]) => [...a].sort();

test('"schuldner beratung" and the misspelt "Schuldenberatng" find the Schuldnerberatung', async () => {
  for (const text of [
    'schuldner beratung',
    'Schuldenberatng',
    'Schuldnerberatung',
    'SCHULDNERBERATUNG',
    'schuldnr beratung',
  ]) {
    const found = await ids({ text });
    assert.equal(found[0], 'schuldner', text);
    assert.deepEqual(
      found,
      ['schuldner'],
      `${text}: nothing else (the defunct entry is never listed)`,
    );
  }
  const [hit] = (await searchServices(database, { text: 'Schuldenberatng', limit: 5 })).items;
  assert.ok(
    hit && hit.score > CANDIDATE_SIMILARITY && hit.score < 0.6,
    'a typo hit scores its trigram similarity',
  );
  assert.deepEqual(
    await ids({ text: 'Paarberatung' }),
    [],
    'a shared head ("-beratung") alone is no match',
  );
});

test('umlauts: Flüchtlinge, Fluechtlinge, Fluchtlinge and FLÜCHTLINGE find the same entry', async () => {
  for (const text of [
    'Flüchtlinge',
    'Fluechtlinge',
    'Fluchtlinge',
    'FLÜCHTLINGE',
    'fluechtlingsberatung',
  ])
    assert.equal((await ids({ text }))[0], 'fluechtlinge', text);
  assert.ok((await ids({ text: 'Fruehstueck' })).includes('fruehstueck'));
  assert.ok((await ids({ text: 'Elterncafe' })).includes('online'));
});

test('full-text hits rank above hits inside words; typos are the fallback; odd input is harmless', async () => {
  const found = await searchServices(database, { text: 'Beratung', limit: 100 });
  const scores = found.items.map((i) => i.score);
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
  );
  const byId = new Map(found.items.map((i) => [i.id, i.score]));
  assert.ok(byId.get('sucht')! >= 1, '"Beratung bei Alkohol" is a full-text hit');
  assert.equal(byId.get('schuldner'), 0.5, 'only "Schuldnerberatung": found inside the word');
  assert.deepEqual(
    sorted([...byId.keys()]),
    expected((e) => foldForMatch(searchText(e)).includes('beratung')),
  );
  assert.ok(!(await ids({ text: 'Beratung -Alkohol' })).includes('sucht'));
  assert.ok((await ids({ text: 'Beratung -Alkohol' })).includes('schuldner'));
  assert.deepEqual(
    sorted(await ids({ text: 'Plfegeberatung' })),
    expected((e) => e.name.startsWith('Pflegeberatung')),
  );
  assert.deepEqual(
    await ids({ text: 'Lebensberatung' }),
    [],
    'not the "Lebensmittel" of the Tafel',
  );
  for (const text of ["'; drop table services; --", 'a & b | !c:*', '"unclosed', '(((', 'ä'])
    assert.ok(Array.isArray(await ids({ text })), text);
  const [count] = await database.rows<{ n: number }>(sql`select count(*)::int as n from services`);
  assert.equal(count?.n, 60);
});

test('typos: edit distance to a stretch of the text, with swapped letters', () => {
  assert.equal(editsWithin('schuldenberatng', 'schuldnerberatung'), 3);
  assert.equal(editsWithin('plfegeberatung', 'die pflegeberatung'), 1);
  assert.equal(editsWithin('beratung', 'schuldnerberatung'), 0);
  assert.equal(editsWithin('beratung', 'schuldnerberatung', true), 7);
  assert.equal(editsWithin('lebensberatung', 'die pflegeberatung'), 3);
  assert.ok(
    typoMatch(['bertaung'], 'Schuldnerberatung') &&
      !typoMatch(['lebensberatung'], 'Die Pflegeberatung'),
  );
  assert.equal(editsWithin('tafl', 'oberhausener tafel'), 1);
  assert.ok(
    editsWithin('lebensberatung', 'oberhausener tafel lebensmittelausgabe') > allowedEdits(14),
  );
  assert.deepEqual([3, 4, 7, 8, 12, 13].map(allowedEdits), [0, 1, 1, 2, 2, 3]);
  assert.equal(
    foldForMatch('Flüchtlinge, Fluechtlinge; Elterncafé!'),
    'fluchtlinge fluchtlinge elterncafe',
  );
});

test('filters: topic (with narrower terms), target group, age, language, accessibility, cost', async () => {
  assert.deepEqual(
    sorted(await ids({ topic: ['familie'] })),
    expected((e) => !!e.topics?.some((x) => x === 'familie' || x === 'erziehung')),
  );
  assert.deepEqual(
    sorted(await ids({ topic: 'finanzen,wohnen' })),
    expected((e) => !!e.topics?.some((x) => x === 'finanzen' || x === 'wohnen')),
  );
  assert.deepEqual(
    sorted(await ids({ targetGroup: ['term-familien'] })),
    expected((e) => !!e.groups?.includes('familien')),
  );
  const forAge = (age: number) =>
    expected((e) => (e.minAge ?? 0) <= age && age <= (e.maxAge ?? 999));
  for (const age of [6, 10, 17, 18, 21, 22])
    assert.deepEqual(sorted(await ids({ age })), forAge(age), `age ${age}`);
  assert.deepEqual(sorted(await ids({ language: ['TR', 'uk'] })), ['fluechtlinge', 'schuldner']);
  assert.deepEqual(
    sorted(await ids({ accessible: 'ja' })),
    expected((e) => !!e.accessible),
  );
  const free = expected(
    (e) =>
      !!e.costs?.length &&
      e.costs.every((c) => c.amount === 0 || (c.amount === null && c.option === 'Kostenlos')),
  );
  assert.deepEqual(sorted(await ids({ free: true })), free);
  assert.ok(
    free.includes('fluechtlinge') && !free.includes('erziehung') && !free.includes('sucht'),
  );
  const freeLeisure = expected(
    (e) => free.includes(e.id) && !!e.topics?.includes('freizeit') && (e.maxAge ?? 99) >= 15,
  );
  assert.deepEqual(sorted(await ids({ free: true, topic: ['freizeit'], age: 15 })), freeLeisure);
  assert.ok(freeLeisure.includes('jugendzentrum') && freeLeisure.length < free.length);
});

test('"serves this Sozialraum" includes city-wide and quartier services and differs from "near me"', async () => {
  const inOsterfeld = sorted(await ids({ areaId: area['sr-osterfeld'] }));
  const servesOsterfeld = (e: Entry) =>
    !!e.serves?.some((c) => ['sr-osterfeld', '05119000', 'sq-klosterhardt'].includes(c));
  assert.deepEqual(inOsterfeld, expected(servesOsterfeld));
  assert.ok(
    inOsterfeld.includes('fluechtlinge') &&
      inOsterfeld.includes('familienzentrum') &&
      !inOsterfeld.includes('fruehstueck'),
  );
  const near = await ids({ near: { lat: OSTERFELD[0], lon: OSTERFELD[1], radiusKm: 0.5 } });
  assert.ok(near.includes('fruehstueck'), 'located in Osterfeld, serving Sterkrade-Nord');
  assert.ok(!near.includes('fluechtlinge'), 'serves Osterfeld from the city centre');
  assert.deepEqual(await ids({ text: 'Schuldenberatng', areaId: area['sr-osterfeld'] }), [
    'schuldner',
  ]);
  assert.deepEqual(await ids({ text: 'Schuldenberatng', areaId: area['sr-sterkrade-nord'] }), []);
});

/** Haversine by hand, mean Earth radius 6371.0088 km. */
function haversineKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[0] - a[0]) * rad) / 2) ** 2 +
    Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(((b[1] - a[1]) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

test('distance: haversine in SQL, radius filter, sorted nearest first, online services last', async () => {
  const here = { lat: OSTERFELD[0], lon: OSTERFELD[1] };
  const result = await searchServices(database, { near: here, sort: 'distance', limit: 100 });
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const item of result.items) {
    const at = byId.get(item.id)!.at;
    if (at) assert.ok(Math.abs(item.distanceKm! - haversineKm(OSTERFELD, at)) < 1e-9, item.id);
    else assert.equal(item.distanceKm, null, item.id);
  }
  const d = result.items.map((i) => i.distanceKm ?? Infinity);
  assert.deepEqual(
    d,
    [...d].sort((a, b) => a - b),
  );
  assert.equal(result.items.at(-1)!.id, 'online');
  // 0.01° of latitude due north: 6371.0088 km × π/180 × 0.01 = 1.111951 km.
  assert.equal(result.items.find((i) => i.id === 'nachtcafe')!.distanceKm!.toFixed(6), '1.111951');
  const within = await ids({ near: { ...here, radiusKm: 1.2 }, sort: 'distance' });
  assert.deepEqual(
    sorted(within),
    expected((e) => !!e.at && haversineKm(OSTERFELD, e.at) <= 1.2),
  );
  assert.ok(
    within.includes('nachtcafe') &&
      !(await ids({ near: { ...here, radiusKm: 1.1 } })).includes('nachtcafe'),
  );
  const [first] = (await searchServices(database, { near: here, sort: 'distance', limit: 1 }))
    .items;
  assert.deepEqual([first!.location?.latitude, first!.location?.longitude], [51.4955, 6.8885]);
});

test('total counts every match; pages cover them once, with and without "open now"', async () => {
  const all = expected(() => true);
  const seen: string[] = [];
  for (let offset = 0; offset < 70; offset += 7) {
    const page = await searchServices(database, { limit: 7, offset });
    assert.equal(page.total, all.length);
    seen.push(...page.items.map((i) => i.id));
  }
  assert.deepEqual(sorted(seen), all);
  assert.equal(new Set(seen).size, seen.length);
  const monday = new Date('2026-03-30T08:30:00Z'); // 10:30 CEST
  const open = await searchServices(database, { openNow: true, now: monday, limit: 100 });
  const paged: string[] = [];
  for (let offset = 0; offset < open.total + 3; offset += 3) {
    const page = await searchServices(database, { openNow: true, now: monday, limit: 3, offset });
    assert.equal(page.total, open.total);
    paged.push(...page.items.map((i) => i.id));
  }
  assert.deepEqual(
    paged,
    open.items.map((i) => i.id),
  );
  assert.ok(open.items.every((i) => i.openNow === true));
});

test('open now: 08:30 local on both sides of the spring and autumn changes, overnight, closed', async () => {
  const openAt = (iso: string, q: SearchQueryInput = {}) =>
    ids({ openNow: true, now: new Date(iso), ...q });
  for (const iso of [
    '2026-03-28T07:30:00Z',
    '2026-03-29T06:30:00Z',
    '2026-10-24T06:30:00Z',
    '2026-10-25T07:30:00Z',
  ])
    assert.ok((await openAt(iso)).includes('fruehstueck'), `${iso}: 08:30 local`);
  assert.ok(!(await openAt('2026-03-29T10:30:00Z')).includes('fruehstueck'), '12:30 CEST');
  assert.ok((await openAt('2026-03-28T10:30:00Z')).includes('fruehstueck'), '11:30 CET');
  assert.ok(
    !(await openAt('2026-10-25T06:30:00Z')).includes('fruehstueck'),
    '07:30 CET: own hours beat the location’s',
  );
  assert.ok((await openAt('2026-03-29T00:30:00Z')).includes('nachtcafe'), 'Sunday 01:30 CET');
  assert.ok(!(await openAt('2026-03-29T01:00:00Z')).includes('nachtcafe'), 'Sunday 03:00 CEST');
  assert.deepEqual(
    await openAt('2026-03-27T07:30:00Z', { text: 'Schuldenberatng', areaId: area['sr-osterfeld'] }),
    ['schuldner'],
  );
  assert.deepEqual(
    await openAt('2026-03-30T10:30:00Z', { text: 'Schuldenberatng' }),
    [],
    '12:30 CEST on Monday',
  );
  const friday = await openAt('2026-03-27T23:30:00Z'); // Saturday 00:30 CET
  assert.ok(friday.includes('jugendzentrum'));
  const tuesday = await openAt('2026-06-09T10:00:00Z');
  assert.ok(tuesday.includes('sucht'), 'hours of its location');
  assert.ok(
    !tuesday.includes('tafel') && !tuesday.includes('ohne-zeiten'),
    'temporarily closed; no hours',
  );
  const [item] = (
    await searchServices(database, {
      text: 'Stadtteilbibliothek',
      now: new Date('2026-06-09T10:00:00Z'),
    })
  ).items;
  assert.equal(item?.openNow, null);
  const [jugend] = (
    await searchServices(database, { text: 'Jugendzentrum', now: new Date('2026-06-05T10:00:00Z') })
  ).items;
  assert.deepEqual(jugend?.hoursToday, [
    { opens: '18:00', closes: '01:00', overnight: true, timezone: 'Europe/Berlin' },
  ]);
});

test('result items carry organisation, area names, languages and a location', async () => {
  const [item] = (await searchServices(database, { text: 'Beratung für Flüchtlinge' })).items;
  assert.equal(item?.name, 'Beratung für Flüchtlinge');
  assert.deepEqual(item?.organisation, { id: 'org', name: 'Beispielträger e. V.' });
  assert.deepEqual(item?.areaNames, ['Oberhausen']);
  assert.deepEqual(item?.languages, ['ar', 'de', 'uk']);
  assert.equal(item?.location?.id, 'loc-fluechtlinge');
  assert.equal(item?.assuredDate, null);
  assert.equal(item?.isExample, true);
});

test('the query schema refuses bad input with German messages', async () => {
  const refused = async (q: Record<string, unknown>, message: RegExp) =>
    assert.rejects(
      searchServices(database, q as SearchQueryInput),
      (e: unknown) =>
        e instanceof ZodError && message.test(e.issues.map((i) => i.message).join(' | ')),
    );
  await refused({ text: 'x'.repeat(201) }, /Suchtext ist zu lang \(höchstens 200 Zeichen\)/);
  await refused({ text: 'a\u0000b' }, /Steuerzeichen/);
  await refused({ limit: 101 }, /höchstens 100/);
  await refused({ limit: 0 }, /mindestens 1/);
  await refused({ offset: -1 }, /nicht negativ/);
  await refused({ age: 'zwölf' }, /Alter muss eine Zahl sein/);
  await refused({ language: ['türkisch'] }, /Kürzel/);
  await refused({ sort: 'distance' }, /nur mit einem Standort/);
  await refused({ near: { lat: 95, lon: 6.8 } }, /Breite liegt zwischen/);
  await refused({ near: { lat: 51.5, lon: 6.8, radiusKm: 500 } }, /höchstens 100 km/);
  await refused({ topic: Array.from({ length: 21 }, (_, i) => `t${i}`) }, /Höchstens 20 Themen/);
  assert.equal(
    (await searchServices(database, { text: '  ', limit: '5', offset: '0', age: '' })).items.length,
    5,
  );
});
