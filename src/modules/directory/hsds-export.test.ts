// HSDS export on the real engine: the HSDS 3.1 examples and the Oberhausen directory round-trip, and
// what we write validates against the official HSDS schemas (compiled JSON schemas, HSDA Page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { seedAreas } from '../areas/seed.ts';
import * as repo from './directory.repository.ts';
import {
  exportOrganizations,
  exportService,
  exportServiceAtLocation,
  exportServices,
} from './hsds-export.ts';
import { importHsds } from './hsds-import.ts';

type Json = Record<string, unknown>;
const read = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));
const fixture = (name: string) =>
  read(new URL(`./fixtures/hsds/${name}.json`, import.meta.url)) as Json;
const directory = () =>
  read(new URL('../../../data/oberhausen/angebote.json', import.meta.url)) as Json[];

// The official schemas (HSDS 3.1, CC BY-SA 4.0, Open Referral), copied unchanged into fixtures/hsds/schema.
// ajv and ajv-formats are devDependencies.
const schemaDir = new URL('./fixtures/hsds/schema/', import.meta.url);
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => void;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// The schema files refer to each other by file name ("phone.json"): each is added under its name.
for (const file of readdirSync(schemaDir))
  if (file.endsWith('.json') && file !== 'openapi.json' && file !== 'compiled')
    ajv.addSchema(read(new URL(file, schemaDir)) as Json, file);
const schema = (name: string): ValidateFunction => ajv.getSchema(`${name}.json`)!;
const openapi = read(new URL('openapi.json', schemaDir)) as {
  components: { schemas: { Page: Json } };
};
const validators = {
  service: schema('service'),
  organization: schema('organization'),
  serviceAtLocation: schema('service_at_location'),
  // The list form exists only compiled (17 KB; the other compiled files are megabytes of inlined refs).
  serviceListItem: ajv.compile(read(new URL('compiled/service_list.json', schemaDir)) as Json),
  page: ajv.compile(openapi.components.schemas.Page),
};
function valid(validate: ValidateFunction, json: unknown, what: string): void {
  assert.ok(validate(json), `${what}: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
}

/**
 * HSDS fields the directory does not store, and why. The round trip compares every other field.
 * - organization: alternate_name, additional_websites, tax_status, tax_id, year_incorporated,
 *   legal_status, logo, uri, parent_organization_id, funding, programs, organization_identifiers,
 *   contacts — administrative data of the provider that no page or search of ours uses; contacts
 *   name people, which the public directory does not publish.
 * - service: program, additional_urls, interpretation_services, wait_time, fees (deprecated in
 *   3.1), accreditations, licenses, alert, funding, required_documents, contacts, capacities,
 *   metadata, and attribute details (link_type, value, label; the term's taxonomy_detail,
 *   language, term_uri) — the schema keeps one fee text, languages spoken and taxonomy terms.
 * - service_areas whose name is no area of the chosen system (they are stored as links to areas,
 *   so free text such as the examples' "available to all residents of the MyCity area" is not).
 * - location: url, alternate_name, external_identifier(_type), languages, contacts, the ids and
 *   urls of accessibility records (we keep description and details; ids are derived on export).
 * - service_at_location: service_areas, contacts, phones (phones belong to a service, location
 *   or organisation in our schema).
 * - phone: languages; language: id and note (languages are stored per service as code and name).
 * - schedule: timezone (HSDS has a fixed UTC offset; we store the IANA zone Europe/Berlin so that
 *   "open now" is right across daylight-saving changes), dtstart, until, count, wkst, interval,
 *   byweekno, bymonthday, byyearday, schedule_link, attending_type, notes.
 * - cost_option: valid_from, valid_to.
 */
const NOT_EXPORTED = [
  'funding',
  'program',
  'programs',
  'contacts',
  'required_documents',
  'capacities',
  'metadata',
  'additional_urls',
  'additional_websites',
  'organization_identifiers',
  'interpretation_services',
  'accreditations',
  'licenses',
  'alert',
  'timezone',
  'dtstart',
  'bymonthday',
  'schedule_link',
  'external_identifier',
  'legal_status',
  'logo',
];

type Spec = { [field: string]: true | Spec | [Spec] };
const t = true as const;
const phone: Spec = { id: t, number: t, extension: t, type: t, description: t };
const schedule: Spec = {
  id: t,
  freq: t,
  byday: t,
  opens_at: t,
  closes_at: t,
  valid_from: t,
  valid_to: t,
  description: t,
};
const address: Spec = {
  id: t,
  attention: t,
  address_1: t,
  address_2: t,
  city: t,
  region: t,
  state_province: t,
  postal_code: t,
  country: t,
  address_type: t,
};
const location: Spec = {
  id: t,
  location_type: t,
  name: t,
  description: t,
  transportation: t,
  latitude: t,
  longitude: t,
  addresses: [address],
  accessibility: [{ description: t, details: t }],
  phones: [phone],
  schedules: [schedule],
};
const term: Spec = { id: t, code: t, name: t, description: t, parent_id: t, taxonomy: t };
const orgSummary: Spec = { id: t, name: t, description: t, email: t, website: t, phones: [phone] };
const sal: Spec = { id: t, description: t, schedules: [schedule], location };
const serviceBase: Spec = {
  id: t,
  name: t,
  alternate_name: t,
  description: t,
  url: t,
  email: t,
  status: t,
  application_process: t,
  fees_description: t,
  eligibility_description: t,
  minimum_age: t,
  maximum_age: t,
  assured_date: t,
  assurer_email: t,
  last_modified: t,
  phones: [phone],
  schedules: [schedule],
  languages: [{ code: t, name: t }],
  cost_options: [{ id: t, option: t, currency: t, amount: t, amount_description: t }],
  attributes: [{ taxonomy_term: term }],
};
const specs = {
  service: { ...serviceBase, service_at_locations: [sal], organization: orgSummary },
  organization: {
    ...orgSummary,
    locations: [location],
    services: [{ ...serviceBase, service_at_locations: [sal] }],
  },
  serviceAtLocation: { ...sal, service: { ...serviceBase, organization: orgSummary } },
} satisfies Record<string, Spec>;

/** The stored fields of a record; lists sorted, absent, null, '' and [] all count as absent. */
function project(value: unknown, spec: Spec | true): unknown {
  if (spec === true) return value === null || value === '' ? undefined : value;
  if (!value || typeof value !== 'object') return undefined;
  const out: Json = {};
  for (const [key, sub] of Object.entries(spec)) {
    const v = (value as Json)[key];
    const p = Array.isArray(sub)
      ? Array.isArray(v) && v.length > 0
        ? v
            .map((x) => project(x, sub[0]!))
            .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
        : undefined
      : project(v, sub);
    if (p !== undefined) out[key] = p;
  }
  return out;
}

/** The spec narrowed to the fields a (summary) input has: every one of them must come back. */
function only(spec: Spec, sample: unknown): Spec {
  const out: Spec = {};
  if (!sample || typeof sample !== 'object') return out;
  for (const [key, sub] of Object.entries(spec)) {
    const v = (sample as Json)[key];
    if (v === undefined) continue;
    if (sub === true) out[key] = true;
    else if (Array.isArray(sub))
      out[key] = [Array.isArray(v) && v.length > 0 ? only(sub[0]!, v[0]) : sub[0]!];
    else out[key] = only(sub, v);
  }
  return out;
}
/** Asserts that the export has every stored field of the input with the same value. */
function roundTrips(output: unknown, input: unknown, spec: Spec): void {
  const fields = only(spec, input);
  assert.deepEqual(project(output, fields), project(input, spec));
}

async function withDatabase(fn: (database: Database) => Promise<void>): Promise<void> {
  const database = await createTestDatabase();
  try {
    await fn(database);
  } finally {
    await database.close();
  }
}
const importExample = (database: Database, name: string) =>
  importHsds(database, 'cli', { fileName: `${name}.json`, json: fixture(name), language: 'en' });
const SERVICE = 'ac148810-d857-441c-9679-408f346de14b';

test('service_full round-trips every stored field and validates', () =>
  withDatabase(async (database) => {
    await importExample(database, 'service_full');
    const out = exportService((await repo.findServiceFull(database.db, SERVICE))!, {
      language: 'en',
    });
    roundTrips(out, fixture('service_full'), specs.service);
    valid(validators.service, out, 'service_full');
    const text = JSON.stringify(out);
    for (const key of NOT_EXPORTED) assert.ok(!text.includes(`"${key}"`), key);
  }));

test('organization_full round-trips every stored field and validates', () =>
  withDatabase(async (database) => {
    await importExample(database, 'organization_full');
    const [out] = await exportOrganizations(database, { language: 'en' });
    roundTrips(out, fixture('organization_full'), specs.organization);
    valid(validators.organization, out, 'organization_full');
  }));

test('service_at_location_full and the lists round-trip and validate', () =>
  withDatabase(async (database) => {
    for (const name of ['service_at_location_full', 'service_at_location_list', 'service_list'])
      await importExample(database, name);
    const full = (await repo.findServiceFull(database.db, SERVICE))!;
    const salId = 'e94c9f38-1e8f-4564-91d4-d53501ab1765';
    const sal = exportServiceAtLocation(full, salId, { language: 'en' });
    roundTrips(sal, fixture('service_at_location_full'), specs.serviceAtLocation);
    valid(validators.serviceAtLocation, sal, 'service_at_location_full');
    const listed = (fixture('service_at_location_list')['contents'] as Json[])[0]!;
    roundTrips(sal, listed, specs.serviceAtLocation);

    const page = await exportServices(database, { language: 'en', perPage: 10 });
    valid(validators.page, page, 'page');
    assert.equal(page.total_items, 1);
    const item = page.contents[0]!;
    valid(validators.serviceListItem, item, 'service_list item');
    valid(validators.service, item, 'service in list');
    roundTrips(item, (fixture('service_list')['contents'] as Json[])[0], specs.service);
  }));

test('the Oberhausen directory round-trips whole, every language included, and validates', () =>
  withDatabase(async (database) => {
    await seedAreas(database, { only: ['oberhausen'] });
    const input = directory();
    await importHsds(database, 'cli', {
      fileName: 'angebote.json',
      json: input,
      systemId: 'oberhausen',
      areaLevel: 'sozialraum',
      bbox: 'system',
      isExample: true,
    });
    const out = await exportOrganizations(database, { translations: true });
    const byId = (list: Json[]) =>
      [...list].sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
    const normal = (orgs: Json[]) =>
      byId(orgs).map((o) => ({
        ...o,
        locations: byId(o['locations'] as Json[]),
        services: byId(o['services'] as Json[]).map((s) =>
          Object.fromEntries(
            Object.entries(s).map(([k, v]) => [k, Array.isArray(v) ? byId(v as Json[]) : v]),
          ),
        ),
      }));
    assert.deepEqual(normal(out), normal(input));
    for (const org of out) valid(validators.organization, org, String(org['name']));

    const count = input.flatMap((o) => o['services'] as Json[]).length;
    const page = await exportServices(database, { language: 'uk', perPage: 100 });
    assert.equal(page.total_items, count);
    valid(validators.page, page, 'page');
    const names = page.contents.map((s) => s['name']);
    assert.ok(names.includes('Консультації щодо боргів в Остерфельді'), 'Ukrainian where given');
    assert.ok(names.includes('Mittagstisch für Ältere'), 'German where no Ukrainian is given');
    const pages = Math.ceil(count / 25);
    const last = await exportServices(database, { language: 'uk', perPage: 25, page: pages });
    assert.deepEqual(
      [last.size, last.first_page, last.last_page, last.total_pages],
      [count - 25 * (pages - 1), pages === 1, true, pages],
    );
  }));

test('pages of the service list cover every service once', () =>
  withDatabase(async (database) => {
    await seedAreas(database, { only: ['oberhausen'] });
    await importHsds(database, 'cli', { fileName: 'a.json', json: directory() });
    const total = await repo.countServices(database.db);
    const seen: string[] = [];
    for (let offset = 0; offset < total + 7; offset += 7)
      seen.push(
        ...(await repo.listServicesPage(database.db, { offset, limit: 7 })).map((s) => s.id),
      );
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
  }));
