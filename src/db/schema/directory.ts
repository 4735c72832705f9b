// Tables of the directory module, shaped on Open Referral HSDS 3.1: organisations, services,
// locations, services at locations, addresses, phones, schedules, languages, costs, taxonomy.
// Free text is stored per language ({ de: …, en: … }); German is the source.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';

/** Text per language, German as the source: { de: "…", en: "…", tr: "…" }. */
export type LocalText = Record<string, string>;

export const organizations = pgTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: jsonb('description').$type<LocalText>().notNull().default({}),
  email: text('email'),
  website: text('website'),
  isExample: boolean('is_example').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const services = pgTable(
  'services',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: jsonb('name').$type<LocalText>().notNull(),
    alternateName: text('alternate_name'),
    description: jsonb('description').$type<LocalText>().notNull().default({}),
    url: text('url'),
    email: text('email'),
    /** HSDS: active | inactive | defunct | temporarily closed */
    status: text('status').notNull().default('active'),
    applicationProcess: jsonb('application_process').$type<LocalText>().notNull().default({}),
    eligibilityDescription: jsonb('eligibility_description')
      .$type<LocalText>()
      .notNull()
      .default({}),
    feesDescription: jsonb('fees_description').$type<LocalText>().notNull().default({}),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    /** "geprüft am": when and by whom the entry was last confirmed as right. */
    assuredDate: timestamp('assured_date', { withTimezone: true }),
    assurerEmail: text('assurer_email'),
    /** When each language's texts were last changed, to flag translations older than German. */
    textUpdatedAt: jsonb('text_updated_at').$type<Record<string, string>>().notNull().default({}),
    isExample: boolean('is_example').notNull().default(false),
    /** German full-text document, kept by the repository on every write. */
    searchText: text('search_text').notNull().default(''),
    lastModified: timestamp('last_modified', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('services_organization_idx').on(t.organizationId),
    index('services_fts_idx').using('gin', sql`to_tsvector('german', ${t.searchText})`),
    index('services_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check(
      'services_status_check',
      sql`${t.status} in ('active', 'inactive', 'defunct', 'temporarily closed')`,
    ),
  ],
);

export const locations = pgTable('locations', {
  id: text('id').primaryKey(),
  organizationId: text('organization_id').references(() => organizations.id, {
    onDelete: 'cascade',
  }),
  /** HSDS: physical | postal | virtual */
  locationType: text('location_type').notNull().default('physical'),
  name: text('name'),
  description: jsonb('description').$type<LocalText>().notNull().default({}),
  transportation: text('transportation'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  /** Accessibility facts (HSDS accessibility records): e.g. { "rollstuhlgerecht": true }. */
  accessibility: jsonb('accessibility')
    .$type<{ description: string; details?: string }[]>()
    .notNull()
    .default([]),
  /** The Sozialraum (or other area) the location lies in, found by point lookup. */
  areaId: integer('area_id').references(() => areas.id, { onDelete: 'set null' }),
});

export const serviceAtLocations = pgTable(
  'service_at_locations',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    description: jsonb('description').$type<LocalText>().notNull().default({}),
  },
  (t) => [index('sal_service_idx').on(t.serviceId), index('sal_location_idx').on(t.locationId)],
);

export const addresses = pgTable('addresses', {
  id: text('id').primaryKey(),
  locationId: text('location_id')
    .notNull()
    .references(() => locations.id, { onDelete: 'cascade' }),
  attention: text('attention'),
  address1: text('address_1').notNull(),
  address2: text('address_2'),
  city: text('city').notNull(),
  region: text('region'),
  stateProvince: text('state_province').notNull(),
  postalCode: text('postal_code').notNull(),
  country: text('country').notNull(),
  /** HSDS: physical | postal | virtual */
  addressType: text('address_type').notNull().default('physical'),
});

export const phones = pgTable('phones', {
  id: text('id').primaryKey(),
  serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
  locationId: text('location_id').references(() => locations.id, { onDelete: 'cascade' }),
  organizationId: text('organization_id').references(() => organizations.id, {
    onDelete: 'cascade',
  }),
  number: text('number').notNull(),
  extension: text('extension'),
  type: text('type'),
  description: jsonb('description').$type<LocalText>().notNull().default({}),
});

export const schedules = pgTable(
  'schedules',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
    locationId: text('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    serviceAtLocationId: text('service_at_location_id').references(() => serviceAtLocations.id, {
      onDelete: 'cascade',
    }),
    /** RFC 5545 parts as HSDS has them; weekly opening hours use freq WEEKLY + byday + opens/closes. */
    freq: text('freq'),
    byday: text('byday'),
    opensAt: text('opens_at'),
    closesAt: text('closes_at'),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    /** IANA zone of opens/closes (Europe/Berlin), so "open now" is right across DST changes. */
    timezone: text('timezone').notNull().default('Europe/Berlin'),
    description: jsonb('description').$type<LocalText>().notNull().default({}),
  },
  (t) => [
    index('schedules_service_idx').on(t.serviceId),
    index('schedules_location_idx').on(t.locationId),
    index('schedules_sal_idx').on(t.serviceAtLocationId),
  ],
);

/** Languages spoken (ISO 639 codes) per service or location. */
export const serviceLanguages = pgTable(
  'service_languages',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name'),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.code] })],
);

export const costOptions = pgTable(
  'cost_options',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    option: text('option'),
    amount: doublePrecision('amount'),
    currency: text('currency'),
    amountDescription: text('amount_description'),
  },
  (t) => [index('cost_options_service_idx').on(t.serviceId)],
);

/** The areas (Sozialräume) a service serves, distinct from where its locations are. */
export const serviceAreas = pgTable(
  'service_areas',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.areaId] })],
);

export const taxonomyTerms = pgTable('taxonomy_terms', {
  id: text('id').primaryKey(),
  /** topic | target_group | … (HSDS taxonomy name) */
  taxonomy: text('taxonomy').notNull(),
  code: text('code'),
  name: jsonb('name').$type<LocalText>().notNull(),
  description: jsonb('description').$type<LocalText>().notNull().default({}),
  parentId: text('parent_id'),
  rank: integer('rank').notNull().default(0),
});

export const serviceTaxonomy = pgTable(
  'service_taxonomy',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    termId: text('term_id')
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.termId] }),
    index('service_taxonomy_term_idx').on(t.termId),
  ],
);

/**
 * Searches counted in aggregate, for "what people could not find": normalised terms, filters,
 * Sozialraum and result count per day — no address, no user, no time finer than a day.
 */
export const searchLog = pgTable(
  'search_log',
  {
    day: date('day').notNull(),
    terms: text('terms').notNull(),
    filters: text('filters').notNull().default(''),
    areaId: integer('area_id').references(() => areas.id, { onDelete: 'cascade' }),
    results: integer('results').notNull(),
    count: integer('count').notNull().default(1),
  },
  (t) => [
    unique('search_log_key').on(t.day, t.terms, t.filters, t.areaId, t.results).nullsNotDistinct(),
  ],
);
