// SQL that writes whole services: upserts by HSDS id, replaces the sets a file lists, keeps search_text.
import {
  and,
  getTableColumns,
  getTableName,
  inArray,
  isNull,
  notInArray,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { query, type Db } from '../../db/client.ts';
import {
  addresses,
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
  type LocalText,
} from '../../db/schema/index.ts';

export type OrganizationInsert = typeof organizations.$inferInsert;
export type ServiceInsert = typeof services.$inferInsert;
export type LocationInsert = typeof locations.$inferInsert;
export type ServiceAtLocationInsert = typeof serviceAtLocations.$inferInsert;
export type AddressInsert = typeof addresses.$inferInsert;
export type PhoneInsert = typeof phones.$inferInsert;
export type ScheduleInsert = typeof schedules.$inferInsert;
export type CostOptionInsert = typeof costOptions.$inferInsert;
export type TaxonomyTermInsert = typeof taxonomyTerms.$inferInsert;
export type LanguageInsert = typeof serviceLanguages.$inferInsert;

/**
 * Everything one write brings. Each `*By*` map holds the complete set for its owner: rows of that
 * owner not in the set are removed (or, for phones and schedules shared by several owners, detached).
 * Owners missing from a map keep what they have — an HSDS summary record without `phones` is no
 * instruction to delete them.
 */
export interface DirectoryWrite {
  organizations: OrganizationInsert[];
  taxonomyTerms: TaxonomyTermInsert[];
  services: ServiceInsert[];
  locations: LocationInsert[];
  serviceAtLocations: ServiceAtLocationInsert[];
  addresses: AddressInsert[];
  phones: PhoneInsert[];
  schedules: ScheduleInsert[];
  costOptions: CostOptionInsert[];
  salsByService: Map<string, string[]>;
  addressesByLocation: Map<string, string[]>;
  costOptionsByService: Map<string, string[]>;
  phonesBy: {
    service: Map<string, string[]>;
    location: Map<string, string[]>;
    organization: Map<string, string[]>;
  };
  schedulesBy: {
    service: Map<string, string[]>;
    location: Map<string, string[]>;
    serviceAtLocation: Map<string, string[]>;
  };
  languagesByService: Map<string, { code: string; name: string | null }[]>;
  areasByService: Map<string, number[]>;
  termsByService: Map<string, string[]>;
  /** Leave the area of existing locations as it is (the import had no area system to place them). */
  keepLocationAreas: boolean;
}

const CHUNK = 500;
function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** `set` for ON CONFLICT: every column but the key from the proposed row, owners kept if not given. */
function conflictSet(
  table: PgTable,
  skip: string[],
  keepOwners: string[] = [],
): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(table)) as [string, PgColumn][]) {
    if (key === 'id' || skip.includes(key)) continue;
    const proposed = sql.raw(`excluded.${column.name}`);
    set[key] = keepOwners.includes(key) ? sql`coalesce(${proposed}, ${column})` : proposed;
  }
  return set;
}

async function upsert<T extends PgTable>(
  db: Db,
  table: T,
  idColumn: PgColumn,
  rows: T['$inferInsert'][],
  set: Record<string, SQL>,
): Promise<void> {
  for (const part of chunks(rows))
    await db.insert(table).values(part).onConflictDoUpdate({ target: idColumn, set });
}

/** Removes an owner's rows that are not in its new set. */
async function pruneOwned(
  db: Db,
  table: PgTable,
  idColumn: PgColumn,
  ownerColumn: PgColumn,
  sets: Map<string, string[]>,
): Promise<void> {
  for (const owners of chunks([...sets.keys()])) {
    const keep = owners.flatMap((o) => sets.get(o) ?? []);
    await db
      .delete(table)
      .where(
        and(inArray(ownerColumn, owners), keep.length > 0 ? notInArray(idColumn, keep) : undefined),
      );
  }
}

/** Unlinks a shared row (phone, schedule) from an owner whose new set lacks it. */
async function detachOwned(
  db: Db,
  table: PgTable,
  idColumn: PgColumn,
  ownerColumn: PgColumn,
  sets: Map<string, string[]>,
): Promise<void> {
  for (const owners of chunks([...sets.keys()])) {
    const keep = owners.flatMap((o) => sets.get(o) ?? []);
    await db
      .update(table)
      .set({ [keyOf(table, ownerColumn)]: null })
      .where(
        and(inArray(ownerColumn, owners), keep.length > 0 ? notInArray(idColumn, keep) : undefined),
      );
  }
}

function keyOf(table: PgTable, column: PgColumn): string {
  const found = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  return found![0];
}

async function replaceLinks<T extends PgTable>(
  db: Db,
  table: T,
  ownerColumn: PgColumn,
  owners: string[],
  rows: T['$inferInsert'][],
): Promise<void> {
  for (const part of chunks(owners)) await db.delete(table).where(inArray(ownerColumn, part));
  for (const part of chunks(rows)) await db.insert(table).values(part).onConflictDoNothing();
}

/** Writes a whole import in dependency order; run it inside the caller's transaction. */
export async function writeDirectory(db: Db, w: DirectoryWrite): Promise<void> {
  await upsert(db, organizations, organizations.id, w.organizations, {
    ...conflictSet(organizations, ['createdAt']),
    updatedAt: sql`now()`,
  });
  // A term's rank is the editors' order: an import adds terms but does not reorder them.
  await upsert(
    db,
    taxonomyTerms,
    taxonomyTerms.id,
    w.taxonomyTerms,
    conflictSet(taxonomyTerms, ['rank']),
  );
  await upsert(db, services, services.id, w.services, conflictSet(services, ['searchText']));
  await upsert(
    db,
    locations,
    locations.id,
    w.locations,
    conflictSet(locations, w.keepLocationAreas ? ['areaId'] : []),
  );

  await pruneOwned(db, addresses, addresses.id, addresses.locationId, w.addressesByLocation);
  await upsert(db, addresses, addresses.id, w.addresses, conflictSet(addresses, []));
  // Deleting a service at location would cascade to hours it shares with its service or location.
  for (const owners of chunks([...w.salsByService.keys()])) {
    const keep = owners.flatMap((o) => w.salsByService.get(o) ?? []);
    await db.execute(sql`
      update schedules set service_at_location_id = null
       where service_at_location_id in (
         select id from service_at_locations
          where service_id in ${owners} ${keep.length > 0 ? sql`and id not in ${keep}` : sql``})`);
  }
  await pruneOwned(
    db,
    serviceAtLocations,
    serviceAtLocations.id,
    serviceAtLocations.serviceId,
    w.salsByService,
  );
  await upsert(
    db,
    serviceAtLocations,
    serviceAtLocations.id,
    w.serviceAtLocations,
    conflictSet(serviceAtLocations, []),
  );
  await pruneOwned(db, costOptions, costOptions.id, costOptions.serviceId, w.costOptionsByService);
  await upsert(db, costOptions, costOptions.id, w.costOptions, conflictSet(costOptions, []));

  const phoneOwners = ['serviceId', 'locationId', 'organizationId'];
  await upsert(db, phones, phones.id, w.phones, conflictSet(phones, [], phoneOwners));
  await detachOwned(db, phones, phones.id, phones.serviceId, w.phonesBy.service);
  await detachOwned(db, phones, phones.id, phones.locationId, w.phonesBy.location);
  await detachOwned(db, phones, phones.id, phones.organizationId, w.phonesBy.organization);
  await db
    .delete(phones)
    .where(and(isNull(phones.serviceId), isNull(phones.locationId), isNull(phones.organizationId)));

  const scheduleOwners = ['serviceId', 'locationId', 'serviceAtLocationId'];
  await upsert(
    db,
    schedules,
    schedules.id,
    w.schedules,
    conflictSet(schedules, [], scheduleOwners),
  );
  await detachOwned(db, schedules, schedules.id, schedules.serviceId, w.schedulesBy.service);
  await detachOwned(db, schedules, schedules.id, schedules.locationId, w.schedulesBy.location);
  await detachOwned(
    db,
    schedules,
    schedules.id,
    schedules.serviceAtLocationId,
    w.schedulesBy.serviceAtLocation,
  );
  await db
    .delete(schedules)
    .where(
      and(
        isNull(schedules.serviceId),
        isNull(schedules.locationId),
        isNull(schedules.serviceAtLocationId),
      ),
    );

  const languageRows = [...w.languagesByService].flatMap(([serviceId, list]) =>
    list.map((l) => ({ serviceId, code: l.code, name: l.name })),
  );
  await replaceLinks(
    db,
    serviceLanguages,
    serviceLanguages.serviceId,
    [...w.languagesByService.keys()],
    languageRows,
  );
  const areaRows = [...w.areasByService].flatMap(([serviceId, ids]) =>
    ids.map((areaId) => ({ serviceId, areaId })),
  );
  await replaceLinks(
    db,
    serviceAreas,
    serviceAreas.serviceId,
    [...w.areasByService.keys()],
    areaRows,
  );
  const termRows = [...w.termsByService].flatMap(([serviceId, ids]) =>
    ids.map((termId) => ({ serviceId, termId })),
  );
  await replaceLinks(
    db,
    serviceTaxonomy,
    serviceTaxonomy.serviceId,
    [...w.termsByService.keys()],
    termRows,
  );

  const touched = await servicesTouching(db, {
    organizationIds: w.organizations.map((o) => o.id),
    locationIds: w.locations.map((l) => l.id),
    termIds: w.taxonomyTerms.map((t) => t.id),
  });
  await refreshSearchText(db, [...new Set([...w.services.map((s) => s.id), ...touched])]);
}

/** Services whose search document depends on these organisations, locations or terms. */
export async function servicesTouching(
  db: Db,
  on: { organizationIds: string[]; locationIds: string[]; termIds: string[] },
): Promise<string[]> {
  const found = new Set<string>();
  const collect = async (statement: SQL) => {
    for (const r of await query<{ id: string }>(db, statement)) found.add(r.id);
  };
  for (const part of chunks(on.organizationIds))
    await collect(sql`select id from services where organization_id in ${part}`);
  for (const part of chunks(on.locationIds))
    await collect(
      sql`select service_id as id from service_at_locations where location_id in ${part}`,
    );
  for (const part of chunks(on.termIds))
    await collect(sql`select service_id as id from service_taxonomy where term_id in ${part}`);
  return [...found];
}

/** The German text of a column, or any language when the entry has no German (yet). */
const german = (column: string) =>
  sql.raw(
    `coalesce(${column}->>'de', (select t.value from jsonb_each_text(${column}) t order by t.key limit 1))`,
  );

/**
 * Rebuilds the German full-text document of services: name, alternate name, description,
 * eligibility, organisation, taxonomy terms, and the cities and areas (with their parents) of the
 * locations. Call it after every write that touches any of these.
 */
export async function refreshSearchText(db: Db, serviceIds: string[]): Promise<void> {
  for (const part of chunks(serviceIds)) {
    await db.execute(sql`
      update services s set search_text = concat_ws(' ',
        ${german('s.name')}, s.alternate_name, ${german('s.description')},
        ${german('s.eligibility_description')},
        (select o.name from organizations o where o.id = s.organization_id),
        (select string_agg(${german('t.name')}, ' ' order by t.rank, t.id)
           from service_taxonomy st join taxonomy_terms t on t.id = st.term_id
          where st.service_id = s.id),
        (select string_agg(distinct p.place, ' ')
           from (select a.city as place
                   from service_at_locations sal join addresses a on a.location_id = sal.location_id
                  where sal.service_id = s.id
                 union
                 select ar.name
                   from service_at_locations sal join locations l on l.id = sal.location_id
                   join areas ar on ar.id = l.area_id
                  where sal.service_id = s.id
                 union
                 select up.name
                   from service_at_locations sal join locations l on l.id = sal.location_id
                   join areas ar on ar.id = l.area_id join areas up on up.id = ar.parent_id
                  where sal.service_id = s.id) p))
      where s.id in ${part}`);
  }
}

/**
 * Stored texts per language of the records an import is about to overwrite, to merge languages
 * (and a location's accessibility facts, which a summary record leaves out).
 */
export async function existingTexts(
  db: Db,
  ids: {
    organizations: string[];
    services: string[];
    locations: string[];
    serviceAtLocations: string[];
    phones: string[];
    schedules: string[];
    taxonomyTerms: string[];
  },
): Promise<Map<string, Record<string, LocalText>>> {
  const specs: [PgTable, PgColumn, Record<string, PgColumn>, string[]][] = [
    [
      organizations,
      organizations.id,
      { description: organizations.description },
      ids.organizations,
    ],
    [
      services,
      services.id,
      {
        name: services.name,
        description: services.description,
        applicationProcess: services.applicationProcess,
        eligibilityDescription: services.eligibilityDescription,
        feesDescription: services.feesDescription,
        textUpdatedAt: services.textUpdatedAt,
      },
      ids.services,
    ],
    [
      locations,
      locations.id,
      { description: locations.description, accessibility: locations.accessibility },
      ids.locations,
    ],
    [
      serviceAtLocations,
      serviceAtLocations.id,
      { description: serviceAtLocations.description },
      ids.serviceAtLocations,
    ],
    [phones, phones.id, { description: phones.description }, ids.phones],
    [schedules, schedules.id, { description: schedules.description }, ids.schedules],
    [
      taxonomyTerms,
      taxonomyTerms.id,
      { name: taxonomyTerms.name, description: taxonomyTerms.description },
      ids.taxonomyTerms,
    ],
  ];
  const found = new Map<string, Record<string, LocalText>>();
  for (const [table, idColumn, columns, list] of specs) {
    for (const part of chunks(list)) {
      const rows = (await db
        .select({ id: idColumn, ...columns })
        .from(table)
        .where(inArray(idColumn, part))) as unknown as ({ id: string } & Record<
        string,
        LocalText
      >)[];
      // Keys are table-qualified: the same UUID may name a phone and a schedule.
      for (const { id, ...texts } of rows) found.set(`${getTableName(table)}:${id}`, texts);
    }
  }
  return found;
}
