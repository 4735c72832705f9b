// HSDS import on the real engine: the Oberhausen example directory, every kind of bad input refused
// whole with record and field, and a fuzz of mutated HSDS files that never leaves a partial write.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { AppError } from '../../core/errors.ts';
import { seedAreas } from '../areas/seed.ts';
import * as repo from './directory.repository.ts';
import { importHsds, type ImportHsdsInput } from './hsds-import.ts';

type Json = Record<string, unknown> & { id: string };
const fixture = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`./fixtures/hsds/${name}.json`, import.meta.url), 'utf8'));
const directory = (): (Json & { services: Json[]; locations: Json[] })[] =>
  JSON.parse(
    readFileSync(new URL('../../../data/oberhausen/angebote.json', import.meta.url), 'utf8'),
  );
const oberhausen = {
  systemId: 'oberhausen',
  areaLevel: 'sozialraum',
  bbox: 'system',
  isExample: true,
} as const;

let database: Database;
before(async () => {
  database = await createTestDatabase();
  await seedAreas(database, { only: ['oberhausen'] });
  await importHsds(database, 'cli', {
    fileName: 'angebote.json',
    json: directory(),
    ...oberhausen,
  });
});
after(() => database.close());

async function counts(): Promise<Record<string, number>> {
  const [audit] = await database.rows<{ n: number }>(sql`select count(*) as n from audit_log`);
  return { ...(await repo.directoryCounts(database.db)), audit: audit!.n };
}

/** Imports and expects a refusal naming the record and field; checks that nothing was written. */
async function refused(
  input: Partial<ImportHsdsInput>,
  record: string,
  field: string,
  text: RegExp,
) {
  const before = await counts();
  const error = await importHsds(database, 'cli', {
    fileName: 'bad.json',
    json: null,
    ...input,
  }).then(
    () => assert.fail('import accepted'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
  assert.equal(error.code, 'import_invalid');
  const hit = error.details.find(
    (d) => d.field === field && d.message.includes(record) && text.test(d.message),
  );
  assert.ok(hit, `no error for ${record}, ${field}: ${JSON.stringify(error.details)}`);
  assert.equal(hit.file, 'bad.json');
  assert.deepEqual(await counts(), before, 'nothing may be written');
  return error;
}

test('the Oberhausen example directory imports whole, placed in its six Sozialräume', async () => {
  const json = directory();
  const services = json.flatMap((o) => o.services);
  assert.ok(
    services.length >= 55 && json.length >= 28,
    'about 60 services from about 30 providers',
  );
  const summary = await importHsds(database, 'cli', {
    fileName: 'angebote.json',
    json,
    ...oberhausen,
    dryRun: true,
  });
  assert.equal(summary.organizations, json.length);
  assert.equal(summary.services, services.length);
  assert.equal(summary.locations, json.flatMap((o) => o.locations).length);
  assert.equal(summary.locationsWithArea, summary.locations);
  assert.deepEqual(summary.warnings, []);
  const c = await repo.directoryCounts(database.db);
  assert.equal(c['services'], services.length);
  assert.equal(c['organizations'], json.length);
  assert.equal(c['phones'], 0, 'the example directory has no phone numbers');

  const perArea = await database.rows<{ name: string; located: number; served: number }>(sql`
    select a.name,
      (select count(*) from locations l where l.area_id = a.id) as located,
      (select count(*) from service_areas sa where sa.area_id = a.id) as served
    from areas a where a.system_id = 'oberhausen' and a.level_key = 'sozialraum' order by a.code`);
  assert.equal(perArea.length, 6);
  for (const a of perArea) assert.ok(a.located >= 3 && a.served >= 8, JSON.stringify(a));
  const [flags] = await database.rows<{ examples: number; mails: number; terms: number }>(sql`
    select (select count(*) from services where not is_example) + (select count(*) from organizations where not is_example) as examples,
           (select count(*) from services where email not like '%@example.org') as mails,
           (select count(distinct term_id) from service_taxonomy) as terms`);
  assert.deepEqual(flags, { examples: 0, mails: 0, terms: 21 });
});

test('the debt counselling in Osterfeld is open on weekdays and findable in its search text', async () => {
  const [row] = await database.rows<{ id: string; search_text: string }>(
    sql`select id, search_text from services where name->>'de' = 'Schuldnerberatung Osterfeld'`,
  );
  assert.ok(row);
  for (const word of ['Schuldnerberatung', 'Osterfeld', 'Geld und Schulden', 'Beratungsstelle'])
    assert.ok(row.search_text.includes(word), word);
  const full = (await repo.findServiceFull(database.db, row.id))!;
  const days = new Set(full.schedules.flatMap((s) => s.byday!.split(',')));
  for (const day of ['MO', 'TU', 'WE', 'TH', 'FR']) assert.ok(days.has(day), day);
  assert.ok(full.schedules.every((s) => s.timezone === 'Europe/Berlin'));
  assert.deepEqual(
    full.serviceAreas.map((a) => a.name),
    ['Osterfeld'],
  );
  assert.equal(full.locations[0]!.location.area?.name, 'Osterfeld');
  assert.deepEqual(Object.keys(full.service.name).sort(), ['ar', 'de', 'en', 'tr', 'uk']);
});

test('a second import keeps translations the file does not carry and dates the changed German', async () => {
  const json = directory();
  const service = json
    .flatMap((o) => o.services)
    .find((s) => s['name'] === 'Schuldnerberatung Osterfeld')!;
  const before = (await repo.findServiceFull(database.db, service.id))!.service;
  delete service['translations'];
  service['description'] = 'Neue Beschreibung der Schuldnerberatung.';
  const { audit: auditBefore, ...rowsBefore } = await counts();
  await importHsds(database, 'cli', { fileName: 'angebote.json', json, ...oberhausen });
  const now = (await repo.findServiceFull(database.db, service.id))!.service;
  assert.equal(now.description['de'], 'Neue Beschreibung der Schuldnerberatung.');
  assert.equal(now.description['en'], before.description['en']);
  assert.ok(now.textUpdatedAt['de']! > now.textUpdatedAt['en']!, 'English is older than German');
  const { audit: auditAfter, ...rowsAfter } = await counts();
  assert.deepEqual(rowsAfter, rowsBefore, 'no duplicates');
  assert.equal(auditAfter, auditBefore! + 1, 'one audit entry per import');
});

test('required fields, unknown terms and bad schedules are refused with record and field', async () => {
  const service = fixture('service_full');
  await refused({ json: { ...service, name: undefined } }, 'service ac148810', 'name', /fehlt/);
  await refused({ json: { ...service, status: 'open' } }, 'service ac148810', 'status', /active/);
  const unknownTerm = '0bc248fa-dc27-4650-9ba4-000000000000';
  await refused(
    { json: { ...service, attributes: [{ id: unknownTerm, taxonomy_term_id: unknownTerm }] } },
    `attribute ${unknownTerm}`,
    'taxonomy_term_id',
    /unbekannten Taxonomie-Begriff/,
  );
  const schedule = (service['schedules'] as Json[])[0]!;
  for (const [field, value, text] of [
    ['opens_at', '25:00', /Uhrzeit/],
    ['closes_at', '9 Uhr', /Uhrzeit/],
    ['byday', 'MO,XX', /„XX“ ist kein Wochentag/],
    ['freq', 'DAILY', /WEEKLY/],
    ['valid_from', '2024-02-30', /Datum/],
  ] as const)
    await refused(
      { json: { ...service, schedules: [{ ...schedule, [field]: value }] } },
      `schedule ${schedule.id}`,
      field,
      text,
    );
});

test('coordinates outside WGS84 or outside the city are refused', async () => {
  await refused(
    { json: fixture('service_full.original'), language: 'en' },
    'location 3a19ff88-4620-4d17-9830-ac1d859eb5d5',
    'latitude',
    /zwischen −90 und 90/,
  );
  const json = directory();
  const location = json[3]!.locations[0]!;
  location['longitude'] = 7.05; // Essen, east of Oberhausen
  for (const s of json[3]!.services)
    for (const sal of s['service_at_locations'] as Json[])
      (sal['location'] as Json)['longitude'] = 7.05;
  await refused(
    { json, ...oberhausen, fileName: 'bad.json' },
    `location ${location.id}`,
    'longitude',
    /außerhalb des Gebiets/,
  );
});

test('overlong, control-character and script-bearing text is refused', async () => {
  const service = fixture('service_full');
  const cases: [string, unknown, RegExp][] = [
    ['description', 'x'.repeat(10_001), /zu lang/],
    ['name', 'Beratung\u0007', /Steuerzeichen/],
    ['alternate_name', 'Beratung\u202Egnutareb', /Steuerzeichen/],
    ['description', '<script>alert(1)</script>', /HTML oder Skript/],
    ['eligibility_description', 'Für alle <img src=x onerror=alert(1)>', /HTML oder Skript/],
    ['url', 'javascript:alert(1)', /Webadresse/],
    ['minimum_age', 12.5, /ganze Zahl/],
    ['id', 'not-a-uuid', /UUID/],
  ];
  for (const [field, value, text] of cases)
    await refused({ json: { ...service, [field]: value } }, 'service', field, text);
});

test('a file is written whole or not at all', async () => {
  const good = fixture('organization_full');
  const bad = {
    ...fixture('service_list'),
    contents: [{ ...fixture('service_full'), minimum_age: -1 }],
  };
  await refused(
    { json: [good, ...(bad.contents as Json[])] },
    'service ac148810',
    'minimum_age',
    /negativ/,
  );
  const phone = (fixture('service_full')['phones'] as Json[])[0]!;
  const conflicting = { ...fixture('service_full'), phones: [{ ...phone, number: '0' }] };
  await refused(
    { json: conflicting, language: 'en' },
    `phone ${phone.id}`,
    'number',
    /verschiedenen Angaben/,
  );
  for (const json of [[], 42, 'text', null, [17], {}, { contents: 'x' }]) {
    const before = await counts();
    await assert.rejects(importHsds(database, 'cli', { fileName: 'x.json', json }), AppError);
    assert.deepEqual(await counts(), before);
  }
});

test('a full record replaces the lists it carries; a summary record keeps them', async () => {
  const load = async (json: unknown) => {
    await importHsds(database, 'cli', { fileName: 'x.json', json, language: 'en' });
    return (await repo.findServiceFull(database.db, 'ac148810-d857-441c-9679-408f346de14b'))!;
  };
  const full = fixture('service_full');
  const first = await load(full);
  assert.deepEqual(
    [first.phones.length, first.schedules.length, first.locations.length],
    [1, 1, 1],
  );
  // Without phones, the service lets go of its phone; the location and organisation keep it.
  const noPhones = await load({ ...full, phones: [] });
  assert.equal(noPhones.phones.length, 0);
  assert.equal(noPhones.organizationPhones.length, 1);
  assert.equal(noPhones.locations[0]!.location.phones.length, 1);
  // The HSDA list item has no lists: everything stays, including the location's accessibility.
  const summary = await load(fixture('service_list'));
  assert.equal(summary.locations.length, 1);
  assert.equal(summary.locations[0]!.location.location.accessibility.length, 1);
  assert.equal(summary.costOptions.length, 1);
  // Dropping the service at location keeps the hours it shares with the service and location.
  const { schedules: _hours, organization, ...rest } = full;
  const { locations: _places, ...org } = organization as Json;
  const noPlaces = await load({ ...rest, organization: org, service_at_locations: [] });
  assert.equal(noPlaces.locations.length, 0);
  assert.equal(noPlaces.schedules.length, 1);
  const place = await repo.findLocationsFull(database.db, ['3a19ff88-4620-4d17-9830-ac1d859eb5d5']);
  assert.equal(place.get('3a19ff88-4620-4d17-9830-ac1d859eb5d5')!.schedules.length, 1);
});

test('options are checked before anything is read', async () => {
  await assert.rejects(
    importHsds(database, 'cli', { fileName: 'x.json', json: [], language: 'Deutsch' }),
    (e: unknown) => e instanceof AppError && e.code === 'invalid_input',
  );
  await assert.rejects(
    importHsds(database, 'cli', {
      fileName: 'x.json',
      json: fixture('service_full'),
      systemId: 'atlantis',
    }),
    (e: unknown) => e instanceof AppError && e.code === 'not_found',
  );
});

/** Every path to a value in a JSON document, for mutations. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value && typeof value === 'object')
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

function mutate(doc: unknown, path: (string | number)[], replacement: unknown, remove: boolean) {
  if (path.length === 0) return remove ? {} : replacement;
  let parent = doc as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (remove) delete parent[last];
  else parent[last] = replacement;
  return doc;
}

test('fuzz: mutated HSDS files give an import or an AppError, never a partial write', async () => {
  const base = fixture('service_full');
  const all = paths(base);
  const nasty = fc.oneof(
    fc.jsonValue(),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', ' ', '\u0000', '25:00', 'MO,,TU', '<b>', 'x'.repeat(400), '1e999'),
    fc.constantFrom(-1, 1e308, 90.0001, -180.5, 0.5, Number.MAX_SAFE_INTEGER),
    fc.constantFrom('ac148810-d857-441c-9679-408f346de14b', '3a19ff88-4620-4d17-9830-ac1d859eb5d5'),
  );
  const mutation = fc.record({ at: fc.nat(all.length - 1), value: nasty, remove: fc.boolean() });
  const outcomes = { accepted: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
      let doc: unknown = structuredClone(base);
      for (const m of mutations) {
        const path = all[m.at]!;
        try {
          doc = mutate(doc, path, m.value, m.remove);
        } catch {
          // an earlier mutation removed the path's parent: nothing to change
        }
      }
      const before = await counts();
      try {
        await importHsds(database, 'cli', { fileName: 'fuzz.json', json: doc, language: 'en' });
        outcomes.accepted += 1;
        const ids = await database.rows<{ id: string }>(sql`select id from services`);
        const read = await repo.findServicesFull(
          database.db,
          ids.map((r) => r.id),
        );
        assert.equal(read.length, ids.length, 'every service reads back whole');
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        outcomes.refused += 1;
        assert.deepEqual(await counts(), before, 'a refused file writes nothing');
      }
    }),
    { numRuns: Number(process.env['FUZZ_RUNS'] ?? 1) * 150 },
  );
  assert.ok(outcomes.accepted > 0 && outcomes.refused > 0, JSON.stringify(outcomes));
});
