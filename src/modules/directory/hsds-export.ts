// HSDS 3.1 JSON from the directory: service_full, organization_full, service_at_location_full, HSDA pages.
import type { Database } from '../../db/client.ts';
import type { LocalText } from '../../db/schema/index.ts';
import * as repo from './directory.repository.ts';
import { SERVICE_TEXTS, stableUuid } from './hsds-schema.ts';

export { stableUuid };

export interface ExportOptions {
  /** Language of the texts (falls back to German, then any language); default 'de'. */
  language?: string;
  /** Add the other languages in our `translations` extension (what the import reads back). */
  translations?: boolean;
}

type Json = Record<string, unknown>;

/** Drops absent values, so the JSON carries only what the directory knows. */
function compact(record: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

function pick(text: LocalText, language: string): string | undefined {
  return text[language] ?? text['de'] ?? Object.values(text)[0];
}

/** Our extension: { "en": { "name": "…" } } for every language but the chosen one. */
function translations(
  fields: Record<string, LocalText>,
  o: Required<ExportOptions>,
): Json | undefined {
  if (!o.translations) return undefined;
  const out: Record<string, Record<string, string>> = {};
  for (const [field, text] of Object.entries(fields))
    for (const [lang, value] of Object.entries(text))
      if (lang !== o.language) (out[lang] ??= {})[field] = value;
  return Object.keys(out).length > 0 ? out : undefined;
}

const resolve = (o: ExportOptions = {}): Required<ExportOptions> => ({
  language: o.language ?? 'de',
  translations: o.translations ?? false,
});

export function exportPhone(p: repo.PhoneRow, o: Required<ExportOptions>): Json {
  const extension =
    p.extension !== null && /^\d+$/.test(p.extension) ? Number(p.extension) : undefined;
  return compact({
    id: p.id,
    number: p.number,
    extension,
    type: p.type,
    description: pick(p.description, o.language),
  });
}

export function exportSchedule(h: repo.ScheduleRow, o: Required<ExportOptions>): Json {
  return compact({
    id: h.id,
    freq: h.freq,
    byday: h.byday,
    opens_at: h.opensAt,
    closes_at: h.closesAt,
    valid_from: h.validFrom,
    valid_to: h.validTo,
    description: pick(h.description, o.language),
  });
}

export function exportLocation(full: repo.LocationFull, o: Required<ExportOptions>): Json {
  const l = full.location;
  return compact({
    id: l.id,
    location_type: l.locationType,
    name: l.name,
    description: pick(l.description, o.language),
    transportation: l.transportation,
    latitude: l.latitude,
    longitude: l.longitude,
    addresses: full.addresses.map((a) =>
      compact({
        id: a.id,
        attention: a.attention,
        address_1: a.address1,
        address_2: a.address2,
        city: a.city,
        region: a.region,
        state_province: a.stateProvince,
        postal_code: a.postalCode,
        country: a.country,
        address_type: a.addressType,
      }),
    ),
    // HSDS wants an id per accessibility record; we store the facts, so the id is derived.
    accessibility: l.accessibility.map((a, i) =>
      compact({
        id: stableUuid(l.id, 'accessibility', String(i)),
        description: a.description === '' ? undefined : a.description,
        details: a.details,
      }),
    ),
    phones: full.phones.map((p) => exportPhone(p, o)),
    schedules: full.schedules.map((h) => exportSchedule(h, o)),
    translations: translations({ description: l.description }, o),
  });
}

export function exportTaxonomyTerm(t: repo.TaxonomyTermRow, o: Required<ExportOptions>): Json {
  return compact({
    id: t.id,
    code: t.code,
    name: pick(t.name, o.language) ?? '',
    description: pick(t.description, o.language) ?? '',
    parent_id: t.parentId,
    taxonomy: t.taxonomy,
    translations: translations({ name: t.name, description: t.description }, o),
  });
}

function exportOrganizationSummary(
  org: repo.OrganizationRow,
  phones: repo.PhoneRow[],
  o: Required<ExportOptions>,
): Json {
  return compact({
    id: org.id,
    name: org.name,
    description: pick(org.description, o.language) ?? '',
    email: org.email,
    website: org.website,
    phones: phones.map((p) => exportPhone(p, o)),
    translations: translations({ description: org.description }, o),
  });
}

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);

/** One service as HSDS service_full; `withOrganization: false` for services inside organization_full. */
export function exportService(
  full: repo.ServiceFull,
  options: ExportOptions & { withOrganization?: boolean; withLocations?: boolean } = {},
): Json {
  const o = resolve(options);
  const s = full.service;
  const texts: Record<(typeof SERVICE_TEXTS)[number], LocalText> = {
    name: s.name,
    description: s.description,
    application_process: s.applicationProcess,
    eligibility_description: s.eligibilityDescription,
    fees_description: s.feesDescription,
  };
  return compact({
    id: s.id,
    name: pick(s.name, o.language) ?? '',
    alternate_name: s.alternateName,
    description: pick(s.description, o.language),
    url: s.url,
    email: s.email,
    status: s.status,
    application_process: pick(s.applicationProcess, o.language),
    fees_description: pick(s.feesDescription, o.language),
    eligibility_description: pick(s.eligibilityDescription, o.language),
    minimum_age: s.minimumAge,
    maximum_age: s.maximumAge,
    assured_date: isoDay(s.assuredDate),
    assurer_email: s.assurerEmail,
    last_modified: s.lastModified.toISOString(),
    organization:
      options.withOrganization === false
        ? undefined
        : exportOrganizationSummary(full.organization, full.organizationPhones, o),
    phones: full.phones.map((p) => exportPhone(p, o)),
    schedules: full.schedules.map((h) => exportSchedule(h, o)),
    service_areas: full.serviceAreas.map((a) => ({
      id: stableUuid(s.id, 'service_area', a.systemId, a.code),
      name: a.name,
    })),
    service_at_locations:
      options.withLocations === false
        ? undefined
        : full.locations.map((sal) =>
            compact({
              id: sal.serviceAtLocation.id,
              description: pick(sal.serviceAtLocation.description, o.language),
              schedules: sal.schedules.map((h) => exportSchedule(h, o)),
              location: exportLocation(sal.location, o),
            }),
          ),
    languages: full.languages.map((l) =>
      compact({ id: stableUuid(s.id, 'language', l.code), code: l.code, name: l.name }),
    ),
    cost_options: full.costOptions.map((c) =>
      compact({
        id: c.id,
        option: c.option,
        currency: c.currency,
        amount: c.amount,
        amount_description: c.amountDescription,
      }),
    ),
    attributes: full.taxonomyTerms.map((t) => ({
      id: stableUuid(s.id, 'attribute', t.id),
      link_id: s.id,
      link_entity: 'service',
      taxonomy_term_id: t.id,
      taxonomy_term: exportTaxonomyTerm(t, o),
    })),
    translations: translations(texts, o),
  });
}

/** A service at one of its locations as HSDS service_at_location_full. */
export function exportServiceAtLocation(
  full: repo.ServiceFull,
  serviceAtLocationId: string,
  options: ExportOptions = {},
): Json | undefined {
  const o = resolve(options);
  const sal = full.locations.find((l) => l.serviceAtLocation.id === serviceAtLocationId);
  if (!sal) return undefined;
  return compact({
    id: sal.serviceAtLocation.id,
    description: pick(sal.serviceAtLocation.description, o.language),
    schedules: sal.schedules.map((h) => exportSchedule(h, o)),
    location: exportLocation(sal.location, o),
    service: exportService(full, { ...options, withLocations: false }),
  });
}

/** An organisation with its locations and services as HSDS organization_full. */
export function exportOrganization(
  full: repo.OrganizationFull,
  services: repo.ServiceFull[],
  options: ExportOptions = {},
): Json {
  const o = resolve(options);
  return {
    ...exportOrganizationSummary(full.organization, full.phones, o),
    locations: full.locations.map((l) => exportLocation(l, o)),
    services: services.map((s) => exportService(s, { ...options, withOrganization: false })),
  };
}

export interface HsdaPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** One HSDA page of services (service_full), ordered like the listing. */
export async function exportServices(
  database: Database,
  options: ExportOptions & { page?: number; perPage?: number } = {},
): Promise<HsdaPage<Json>> {
  const perPage = Math.min(Math.max(options.perPage ?? 50, 1), 1000);
  const page = Math.max(options.page ?? 1, 1);
  const total = await repo.countServices(database.db);
  const ids = await repo.serviceIdsPage(database.db, {
    offset: (page - 1) * perPage,
    limit: perPage,
  });
  const contents = (await repo.findServicesFull(database.db, ids)).map((f) =>
    exportService(f, options),
  );
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** Organisations (all, or these ids) as HSDS organization_full, with their services. */
export async function exportOrganizations(
  database: Database,
  options: ExportOptions & { ids?: string[] } = {},
): Promise<Json[]> {
  const orgs = await repo.findOrganizationsFull(database.db, options.ids);
  const services = new Map(
    (
      await repo.findServicesFull(
        database.db,
        orgs.flatMap((org) => org.serviceIds),
      )
    ).map((s) => [s.service.id, s]),
  );
  return orgs.map((org) =>
    exportOrganization(
      org,
      org.serviceIds.flatMap((id) => services.get(id) ?? []),
      options,
    ),
  );
}
