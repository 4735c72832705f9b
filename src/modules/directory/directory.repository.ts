// All SQL of the directory module: whole services read for pages and exports; writes in directory-write.repository.ts.
import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.ts';
import {
  addresses,
  areaLevels,
  areas,
  costOptions,
  locations,
  organizations,
  phones,
  schedules,
  serviceAreas,
  serviceAtLocations,
  serviceLanguages,
  serviceTaxonomy,
  services,
  taxonomyTerms,
} from '../../db/schema/index.ts';

export * from './directory-write.repository.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;
export type ServiceAtLocationRow = typeof serviceAtLocations.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect;
export type PhoneRow = typeof phones.$inferSelect;
export type ScheduleRow = typeof schedules.$inferSelect;
export type LanguageRow = typeof serviceLanguages.$inferSelect;
export type CostOptionRow = typeof costOptions.$inferSelect;
export type TaxonomyTermRow = typeof taxonomyTerms.$inferSelect;

/** An area as the directory shows it: where a location lies, or what a service serves. */
export interface AreaRef {
  id: number;
  systemId: string;
  code: string;
  name: string;
  levelKey: string;
}

export interface LocationFull {
  location: LocationRow;
  area: AreaRef | null;
  addresses: AddressRow[];
  phones: PhoneRow[];
  schedules: ScheduleRow[];
}

export interface ServiceAtLocationFull {
  serviceAtLocation: ServiceAtLocationRow;
  /** Hours at this place only (HSDS schedules of the service at location). */
  schedules: ScheduleRow[];
  location: LocationFull;
}

/** Everything an entry page or an HSDS export needs about one service. */
export interface ServiceFull {
  service: ServiceRow;
  organization: OrganizationRow;
  organizationPhones: PhoneRow[];
  phones: PhoneRow[];
  schedules: ScheduleRow[];
  languages: LanguageRow[];
  costOptions: CostOptionRow[];
  taxonomyTerms: TaxonomyTermRow[];
  serviceAreas: AreaRef[];
  locations: ServiceAtLocationFull[];
}

export interface OrganizationFull {
  organization: OrganizationRow;
  phones: PhoneRow[];
  locations: LocationFull[];
  serviceIds: string[];
}

function groupBy<T>(rows: T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const areaRef = {
  id: areas.id,
  systemId: areas.systemId,
  code: areas.code,
  name: areas.name,
  levelKey: areas.levelKey,
};

/** Locations with their addresses, phones, hours and area, in id order. */
export async function findLocationsFull(db: Db, ids: string[]): Promise<Map<string, LocationFull>> {
  const result = new Map<string, LocationFull>();
  if (ids.length === 0) return result;
  const rows = await db
    .select({ location: locations, area: areaRef })
    .from(locations)
    .leftJoin(areas, eq(areas.id, locations.areaId))
    .where(inArray(locations.id, ids))
    .orderBy(asc(locations.id));
  const addressRows = await db
    .select()
    .from(addresses)
    .where(inArray(addresses.locationId, ids))
    .orderBy(asc(addresses.id));
  const phoneRows = await db
    .select()
    .from(phones)
    .where(inArray(phones.locationId, ids))
    .orderBy(asc(phones.id));
  const scheduleRows = await db
    .select()
    .from(schedules)
    .where(inArray(schedules.locationId, ids))
    .orderBy(asc(schedules.id));
  const byAddress = groupBy(addressRows, (r) => r.locationId);
  const byPhone = groupBy(phoneRows, (r) => r.locationId);
  const bySchedule = groupBy(scheduleRows, (r) => r.locationId);
  for (const { location, area } of rows) {
    result.set(location.id, {
      location,
      area: area && area.id !== null ? area : null,
      addresses: byAddress.get(location.id) ?? [],
      phones: byPhone.get(location.id) ?? [],
      schedules: bySchedule.get(location.id) ?? [],
    });
  }
  return result;
}

/** Whole services by id (batched: one query per table), in the order of `ids`; unknown ids are skipped. */
export async function findServicesFull(db: Db, ids: string[]): Promise<ServiceFull[]> {
  if (ids.length === 0) return [];
  const serviceRows = await db.select().from(services).where(inArray(services.id, ids));
  if (serviceRows.length === 0) return [];
  const found = serviceRows.map((s) => s.id);
  const orgIds = [...new Set(serviceRows.map((s) => s.organizationId))];
  const orgRows = await db.select().from(organizations).where(inArray(organizations.id, orgIds));
  const phoneRows = await db
    .select()
    .from(phones)
    .where(or(inArray(phones.serviceId, found), inArray(phones.organizationId, orgIds)))
    .orderBy(asc(phones.id));
  const salRows = await db
    .select()
    .from(serviceAtLocations)
    .where(inArray(serviceAtLocations.serviceId, found))
    .orderBy(asc(serviceAtLocations.id));
  const salIds = salRows.map((r) => r.id);
  const scheduleRows = await db
    .select()
    .from(schedules)
    .where(
      or(
        inArray(schedules.serviceId, found),
        salIds.length > 0 ? inArray(schedules.serviceAtLocationId, salIds) : undefined,
      ),
    )
    .orderBy(asc(schedules.id));
  const languageRows = await db
    .select()
    .from(serviceLanguages)
    .where(inArray(serviceLanguages.serviceId, found))
    .orderBy(asc(serviceLanguages.code));
  const costRows = await db
    .select()
    .from(costOptions)
    .where(inArray(costOptions.serviceId, found))
    .orderBy(asc(costOptions.id));
  const termRows = await db
    .select({ serviceId: serviceTaxonomy.serviceId, term: taxonomyTerms })
    .from(serviceTaxonomy)
    .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, serviceTaxonomy.termId))
    .where(inArray(serviceTaxonomy.serviceId, found))
    .orderBy(asc(taxonomyTerms.taxonomy), asc(taxonomyTerms.rank), asc(taxonomyTerms.id));
  const areaRows = await db
    .select({ serviceId: serviceAreas.serviceId, area: areaRef })
    .from(serviceAreas)
    .innerJoin(areas, eq(areas.id, serviceAreas.areaId))
    .where(inArray(serviceAreas.serviceId, found))
    .orderBy(asc(areas.systemId), asc(areas.code));
  const locationsById = await findLocationsFull(db, [...new Set(salRows.map((r) => r.locationId))]);

  const orgs = new Map(orgRows.map((o) => [o.id, o]));
  const byService = <T>(rows: T[], key: (r: T) => string | null) => groupBy(rows, key);
  const servicePhones = byService(phoneRows, (r) => r.serviceId);
  const orgPhones = byService(phoneRows, (r) => r.organizationId);
  const serviceSchedules = byService(scheduleRows, (r) => r.serviceId);
  const salSchedules = byService(scheduleRows, (r) => r.serviceAtLocationId);
  const languages = byService(languageRows, (r) => r.serviceId);
  const costs = byService(costRows, (r) => r.serviceId);
  const terms = byService(termRows, (r) => r.serviceId);
  const served = byService(areaRows, (r) => r.serviceId);
  const sals = byService(salRows, (r) => r.serviceId);

  const byId = new Map(serviceRows.map((s) => [s.id, s]));
  return ids.flatMap((id) => {
    const service = byId.get(id);
    if (!service) return [];
    return [
      {
        service,
        organization: orgs.get(service.organizationId)!,
        organizationPhones: orgPhones.get(service.organizationId) ?? [],
        phones: servicePhones.get(id) ?? [],
        schedules: serviceSchedules.get(id) ?? [],
        languages: languages.get(id) ?? [],
        costOptions: costs.get(id) ?? [],
        taxonomyTerms: (terms.get(id) ?? []).map((t) => t.term),
        serviceAreas: (served.get(id) ?? []).map((a) => a.area),
        locations: (sals.get(id) ?? []).flatMap((serviceAtLocation) => {
          const location = locationsById.get(serviceAtLocation.locationId);
          if (!location) return [];
          const hours = salSchedules.get(serviceAtLocation.id) ?? [];
          return [{ serviceAtLocation, schedules: hours, location }];
        }),
      },
    ];
  });
}

export async function findServiceFull(db: Db, id: string): Promise<ServiceFull | undefined> {
  const [full] = await findServicesFull(db, [id]);
  return full;
}

/** Organisations with their phones, locations and the ids of their services (by name). */
export async function findOrganizationsFull(db: Db, ids?: string[]): Promise<OrganizationFull[]> {
  if (ids && ids.length === 0) return [];
  const orgRows = await db
    .select()
    .from(organizations)
    .where(ids ? inArray(organizations.id, ids) : undefined)
    .orderBy(asc(organizations.name), asc(organizations.id));
  if (orgRows.length === 0) return [];
  const orgIds = orgRows.map((o) => o.id);
  const phoneRows = await db
    .select()
    .from(phones)
    .where(inArray(phones.organizationId, orgIds))
    .orderBy(asc(phones.id));
  const locationRows = await db
    .select({ id: locations.id, organizationId: locations.organizationId })
    .from(locations)
    .where(inArray(locations.organizationId, orgIds))
    .orderBy(asc(locations.id));
  const serviceRows = await db
    .select({ id: services.id, organizationId: services.organizationId })
    .from(services)
    .where(inArray(services.organizationId, orgIds))
    .orderBy(sql`${services.name}->>'de'`, asc(services.id));
  const locationsById = await findLocationsFull(
    db,
    locationRows.map((l) => l.id),
  );
  const orgPhones = groupBy(phoneRows, (r) => r.organizationId);
  const orgLocations = groupBy(locationRows, (r) => r.organizationId);
  const orgServices = groupBy(serviceRows, (r) => r.organizationId);
  return orgRows.map((organization) => ({
    organization,
    phones: orgPhones.get(organization.id) ?? [],
    locations: (orgLocations.get(organization.id) ?? []).flatMap((l) => {
      const full = locationsById.get(l.id);
      return full ? [full] : [];
    }),
    serviceIds: (orgServices.get(organization.id) ?? []).map((s) => s.id),
  }));
}

export interface ServiceListItem {
  id: string;
  name: ServiceRow['name'];
  status: string;
  organizationId: string;
  organizationName: string;
  isExample: boolean;
  lastModified: Date;
  assuredDate: Date | null;
}

/** One page of services, ordered by German name (or any language when there is no German). */
export function listServicesPage(
  db: Db,
  page: { offset: number; limit: number },
): Promise<ServiceListItem[]> {
  return db
    .select({
      id: services.id,
      name: services.name,
      status: services.status,
      organizationId: services.organizationId,
      organizationName: organizations.name,
      isExample: services.isExample,
      lastModified: services.lastModified,
      assuredDate: services.assuredDate,
    })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .orderBy(
      sql`lower(coalesce(${services.name}->>'de', ${services.searchText}))`,
      asc(services.id),
    )
    .offset(page.offset)
    .limit(page.limit);
}

export async function countServices(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(services);
  return row?.n ?? 0;
}

/** Ids of every service, in the listing's order (for exports of the whole directory). */
export async function serviceIdsPage(
  db: Db,
  page: { offset: number; limit: number },
): Promise<string[]> {
  return (await listServicesPage(db, page)).map((s) => s.id);
}

export interface SystemArea extends AreaRef {
  rank: number;
  parentId: number | null;
}

/** Every area of a system with its level rank (0 = top), to match service areas by name. */
export function systemAreas(db: Db, systemId: string): Promise<SystemArea[]> {
  return db
    .select({ ...areaRef, rank: areaLevels.rank, parentId: areas.parentId })
    .from(areas)
    .innerJoin(
      areaLevels,
      and(eq(areaLevels.systemId, areas.systemId), eq(areaLevels.key, areas.levelKey)),
    )
    .where(eq(areas.systemId, systemId))
    .orderBy(asc(areaLevels.rank), asc(areas.code));
}

/** The bounding box [minLon, minLat, maxLon, maxLat] of a system's areas with geometry. */
export async function systemBbox(
  db: Db,
  systemId: string,
): Promise<[number, number, number, number] | null> {
  const [row] = await query<{ a: number | null; b: number; c: number; d: number }>(
    db,
    sql`select min(min_lon) as a, min(min_lat) as b, max(max_lon) as c, max(max_lat) as d
          from areas where system_id = ${systemId} and geometry is not null`,
  );
  return row && row.a !== null ? [row.a, row.b, row.c, row.d] : null;
}

export type DirectoryTable = 'organizations' | 'services' | 'locations' | 'taxonomy_terms';

/** Which of these ids exist in a table (for references to records outside the file). */
export async function existingIds(
  db: Db,
  table: DirectoryTable,
  ids: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = await query<{ id: string }>(
      db,
      sql`select id from ${sql.identifier(table)} where id in ${part}`,
    );
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** The highest rank per taxonomy, so imported terms line up after the existing ones. */
export async function maxTermRanks(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ taxonomy: taxonomyTerms.taxonomy, rank: sql<number>`max(${taxonomyTerms.rank})` })
    .from(taxonomyTerms)
    .groupBy(taxonomyTerms.taxonomy);
  return new Map(rows.map((r) => [r.taxonomy, Number(r.rank)]));
}

/** Counts per directory table, for tests and the import summary. */
export async function directoryCounts(db: Db): Promise<Record<string, number>> {
  const [row] = await query<Record<string, number>>(
    db,
    sql`select
      (select count(*) from organizations) as organizations,
      (select count(*) from services) as services,
      (select count(*) from locations) as locations,
      (select count(*) from service_at_locations) as service_at_locations,
      (select count(*) from addresses) as addresses,
      (select count(*) from phones) as phones,
      (select count(*) from schedules) as schedules,
      (select count(*) from service_languages) as service_languages,
      (select count(*) from cost_options) as cost_options,
      (select count(*) from service_areas) as service_areas,
      (select count(*) from taxonomy_terms) as taxonomy_terms,
      (select count(*) from service_taxonomy) as service_taxonomy`,
  );
  return row!;
}
