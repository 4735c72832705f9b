// Reading HSDS records into rows: the shared context (problems named by record and field) and the place records.
import type { z } from 'zod';
import type { ErrorDetail } from '../../core/errors.ts';
import type { LocalText } from '../../db/schema/index.ts';
import type {
  AddressInsert,
  CostOptionInsert,
  LocationInsert,
  OrganizationInsert,
  PhoneInsert,
  ScheduleInsert,
  ServiceAtLocationInsert,
  ServiceInsert,
  TaxonomyTermInsert,
} from './directory.repository.ts';
import * as s from './hsds-schema.ts';

export interface GraphOptions {
  fileName: string;
  /** Language of the file's texts (ISO 639-1). */
  language: string;
  isExample: boolean;
  /** IANA zone of the opening hours. */
  timezone: string;
  /** Coordinates must lie inside [minLon, minLat, maxLon, maxLat]. */
  bbox?: [number, number, number, number] | undefined;
}

type Owners<K extends string> = Record<K, Map<string, Set<string>>>;
export type ReferencedTable = 'organizations' | 'services' | 'locations' | 'taxonomy_terms';

/** The file as rows, plus the sets it lists per owner and its references to records elsewhere. */
export interface HsdsGraph {
  organizations: Map<string, OrganizationInsert>;
  services: Map<string, ServiceInsert>;
  locations: Map<string, LocationInsert>;
  serviceAtLocations: Map<string, ServiceAtLocationInsert>;
  addresses: Map<string, AddressInsert>;
  phones: Map<string, PhoneInsert>;
  schedules: Map<string, ScheduleInsert>;
  costOptions: Map<string, CostOptionInsert>;
  taxonomyTerms: Map<string, TaxonomyTermInsert>;
  salsByService: Map<string, Set<string>>;
  addressesByLocation: Map<string, Set<string>>;
  costOptionsByService: Map<string, Set<string>>;
  phonesBy: Owners<'service' | 'location' | 'organization'>;
  schedulesBy: Owners<'service' | 'location' | 'serviceAtLocation'>;
  languagesByService: Map<string, Map<string, string | null>>;
  termsByService: Map<string, Set<string>>;
  /** Service area names as given; the import matches them to areas. */
  areaNamesByService: Map<string, { name: string; label: string }[]>;
  /** Ids used but not defined in the file: they must exist in the database. */
  references: { table: ReferencedTable; id: string; at: Where }[];
  problems: ErrorDetail[];
}

/** A record in the file: the top-level item it sits in, and its name ("location 3a19…"). */
export interface Where {
  row: number;
  label: string;
}

type Translations = Record<string, Record<string, string | undefined>> | undefined;

/** The state and helpers every record reader shares. */
export interface Reader {
  g: HsdsGraph;
  options: GraphOptions;
  /** A location's organisation: its own field (rank 2), the listing organisation (1), a service's (0). */
  locationOrg: Map<string, { id: string | null; rank: number }>;
  /** The top-level item being read (1-based). */
  row: number;
  problem(at: Where, field: string, message: string): void;
  where(type: string, raw: unknown, parent?: Where, index?: number): Where;
  parse<T>(schema: z.ZodType<T>, raw: unknown, at: Where): T | undefined;
  each(
    list: unknown[] | undefined,
    type: string,
    parent: Where,
    fn: (raw: unknown, at: Where) => void,
  ): void;
  /** Text in the file's language plus our `translations` extension. */
  local(main: string | undefined, tr: Translations, field: string): LocalText;
  checkTranslations(tr: Translations, at: Where): void;
  /** Adds a record; a second occurrence may fill gaps but must not contradict the first. */
  put<T extends { id: string }>(map: Map<string, T>, rec: T, at: Where, owners?: string[]): void;
  /** Notes that the file lists `owner`'s set (even an empty one), and one member. */
  listed(sets: Map<string, Set<string>>, owner: string, id?: string): void;
}

const MAX_PROBLEMS = 200;
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Canonical JSON (sorted keys) to compare two versions of one record. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}
const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  (Array.isArray(v) && v.length === 0) ||
  (isObject(v) && !(v instanceof Date) && Object.keys(v).length === 0);
/** The HSDS name of a row field: address1 → address_1, serviceId → service_id. */
const hsdsField = (key: string) =>
  key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/(\D)(\d)$/, '$1_$2');

export function emptyGraph(): HsdsGraph {
  return {
    organizations: new Map(),
    services: new Map(),
    locations: new Map(),
    serviceAtLocations: new Map(),
    addresses: new Map(),
    phones: new Map(),
    schedules: new Map(),
    costOptions: new Map(),
    taxonomyTerms: new Map(),
    salsByService: new Map(),
    addressesByLocation: new Map(),
    costOptionsByService: new Map(),
    phonesBy: { service: new Map(), location: new Map(), organization: new Map() },
    schedulesBy: { service: new Map(), location: new Map(), serviceAtLocation: new Map() },
    languagesByService: new Map(),
    termsByService: new Map(),
    areaNamesByService: new Map(),
    references: [],
    problems: [],
  };
}

export function createReader(options: GraphOptions): Reader {
  const lang = options.language;
  const reported = new Set<string>();
  const r: Reader = {
    g: emptyGraph(),
    options,
    locationOrg: new Map(),
    row: 0,
    problem(at, field, message) {
      // A record repeated in the file (a location under its organisation and its service) is reported once.
      const key = `${at.row}\u0000${field}\u0000${at.label}: ${message}`;
      if (reported.has(key) || r.g.problems.length >= MAX_PROBLEMS) return;
      reported.add(key);
      r.g.problems.push({
        file: options.fileName,
        row: at.row,
        unit: 'Objekt',
        field,
        message: `${at.label}: ${message}`,
      });
    },
    where(type, raw, parent, index) {
      const id =
        isObject(raw) && typeof raw['id'] === 'string' ? raw['id'].slice(0, 60) : undefined;
      const label = id
        ? `${type} ${id}`
        : `${type} Nr. ${(index ?? 0) + 1}${parent ? ` in ${parent.label}` : ''}`;
      return { row: r.row, label };
    },
    parse(schema, raw, at) {
      if (!isObject(raw)) {
        r.problem(at, '', 'ist kein Objekt');
        return undefined;
      }
      const result = schema.safeParse(raw);
      if (result.success) return result.data;
      for (const issue of result.error.issues)
        r.problem(at, issue.path.join('.'), s.issueMessage(issue, raw));
      return undefined;
    },
    each(list, type, parent, fn) {
      (list ?? []).forEach((raw, i) => fn(raw, r.where(type, raw, parent, i)));
    },
    local(main, tr, field) {
      const out: LocalText = {};
      if (main !== undefined && main !== '') out[lang] = main;
      for (const [code, texts] of Object.entries(tr ?? {})) {
        const t = texts[field];
        if (t !== undefined && t !== '' && code !== lang) out[code] = t;
      }
      return out;
    },
    checkTranslations(tr, at) {
      if (tr && lang in tr)
        r.problem(at, `translations.${lang}`, `ist die Sprache der Datei (${lang}) selbst`);
    },
    put(map, rec, at, owners = []) {
      const old = map.get(rec.id);
      if (!old) {
        map.set(rec.id, rec);
        return;
      }
      const merged = { ...old } as Record<string, unknown>;
      for (const [k, v] of Object.entries(rec)) {
        const before = merged[k];
        if (isEmpty(v)) continue;
        if (isEmpty(before)) merged[k] = v;
        else if (canonical(before) !== canonical(v)) {
          const what = owners.includes(k)
            ? 'gehört zu zwei verschiedenen Einträgen'
            : 'kommt mehrfach mit verschiedenen Angaben vor';
          r.problem(
            at,
            hsdsField(k),
            `${what} (${canonical(before).slice(0, 80)} / ${canonical(v).slice(0, 80)})`,
          );
        }
      }
      map.set(rec.id, merged as typeof rec);
    },
    listed(sets, owner, id) {
      const set = sets.get(owner) ?? new Set<string>();
      if (id !== undefined) set.add(id);
      sets.set(owner, set);
    },
  };
  return r;
}

export function phone(
  r: Reader,
  raw: unknown,
  at: Where,
  owner: Partial<PhoneInsert>,
): string | undefined {
  const p = r.parse(s.phoneSchema, raw, at);
  if (!p) return undefined;
  const rec: PhoneInsert = {
    id: p.id,
    serviceId: null,
    locationId: null,
    organizationId: null,
    ...owner,
    number: p.number,
    extension: p.extension === undefined ? null : String(p.extension),
    type: p.type ?? null,
    description: r.local(p.description, undefined, 'description'),
  };
  r.put(r.g.phones, rec, at, ['serviceId', 'locationId', 'organizationId']);
  return p.id;
}

export function schedule(
  r: Reader,
  raw: unknown,
  at: Where,
  owner: Partial<ScheduleInsert>,
): string | undefined {
  const h = r.parse(s.scheduleSchema, raw, at);
  if (!h) return undefined;
  const rec: ScheduleInsert = {
    id: h.id,
    serviceId: null,
    locationId: null,
    serviceAtLocationId: null,
    ...owner,
    freq: h.freq ?? null,
    byday: h.byday ?? null,
    opensAt: h.opens_at ?? null,
    closesAt: h.closes_at ?? null,
    validFrom: h.valid_from ?? null,
    validTo: h.valid_to ?? null,
    timezone: r.options.timezone,
    description: r.local(h.description, undefined, 'description'),
  };
  r.put(r.g.schedules, rec, at, ['serviceId', 'locationId', 'serviceAtLocationId']);
  return h.id;
}

export function location(
  r: Reader,
  raw: unknown,
  at: Where,
  organizationId: string | null,
  rank: number,
): string | undefined {
  const l = r.parse(s.locationSchema, raw, at);
  if (!l) return undefined;
  if ((l.latitude === undefined) !== (l.longitude === undefined))
    r.problem(
      at,
      l.latitude === undefined ? 'latitude' : 'longitude',
      'fehlt (Breiten- und Längengrad gehören zusammen)',
    );
  const box = r.options.bbox;
  if (box && l.latitude !== undefined && l.longitude !== undefined) {
    const [minLon, minLat, maxLon, maxLat] = box;
    const outLat = l.latitude < minLat || l.latitude > maxLat;
    const outLon = l.longitude < minLon || l.longitude > maxLon;
    if (outLat || outLon)
      r.problem(
        at,
        outLat ? 'latitude' : 'longitude',
        `Koordinaten (${l.latitude}, ${l.longitude}) liegen außerhalb des Gebiets (Breite ${minLat}–${maxLat}, Länge ${minLon}–${maxLon})`,
      );
  }
  const accessibility: { description: string; details?: string }[] = [];
  r.each(l.accessibility, 'accessibility', at, (a, aAt) => {
    const acc = r.parse(s.accessibilitySchema, a, aAt);
    if (acc)
      accessibility.push({
        description: acc.description ?? '',
        ...(acc.details ? { details: acc.details } : {}),
      });
  });
  const ownRank = l.organization_id ? 2 : rank;
  if ((r.locationOrg.get(l.id)?.rank ?? -1) < ownRank)
    r.locationOrg.set(l.id, { id: l.organization_id ?? organizationId, rank: ownRank });
  if (l.organization_id) r.g.references.push({ table: 'organizations', id: l.organization_id, at });
  r.checkTranslations(l.translations, at);
  r.put(
    r.g.locations,
    {
      id: l.id,
      organizationId: null,
      locationType: l.location_type,
      name: l.name ?? null,
      description: r.local(l.description, l.translations, 'description'),
      transportation: l.transportation ?? null,
      latitude: l.latitude ?? null,
      longitude: l.longitude ?? null,
      // Absent (a summary record): the stored facts stay; see the import's merge.
      accessibility: l.accessibility ? accessibility : undefined,
      areaId: null,
    },
    at,
  );
  if (l.addresses) r.listed(r.g.addressesByLocation, l.id);
  r.each(l.addresses, 'address', at, (a, aAt) => {
    const d = r.parse(s.addressSchema, a, aAt);
    if (!d) return;
    r.listed(r.g.addressesByLocation, l.id, d.id);
    r.put(
      r.g.addresses,
      {
        id: d.id,
        locationId: l.id,
        attention: d.attention ?? null,
        address1: d.address_1,
        address2: d.address_2 ?? null,
        city: d.city,
        region: d.region ?? null,
        stateProvince: d.state_province,
        postalCode: d.postal_code,
        country: d.country,
        addressType: d.address_type,
      },
      aAt,
      ['locationId'],
    );
  });
  if (l.phones) r.listed(r.g.phonesBy.location, l.id);
  r.each(l.phones, 'phone', at, (p, pAt) =>
    r.listed(r.g.phonesBy.location, l.id, phone(r, p, pAt, { locationId: l.id })),
  );
  if (l.schedules) r.listed(r.g.schedulesBy.location, l.id);
  r.each(l.schedules, 'schedule', at, (h, hAt) =>
    r.listed(r.g.schedulesBy.location, l.id, schedule(r, h, hAt, { locationId: l.id })),
  );
  return l.id;
}
