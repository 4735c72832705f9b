// Use case: import HSDS 3.1 JSON (services, organisations, an HSDA page) into the directory, all or nothing.
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import type { Database, Db } from '../../db/client.ts';
import type { LocalText } from '../../db/schema/index.ts';
import { audit } from '../accounts/index.ts';
import { lookupPoint } from '../areas/index.ts';
import * as repo from './directory.repository.ts';
import { buildGraph, type HsdsGraph } from './hsds-graph.ts';
import { languageCode } from './hsds-schema.ts';

export type Acting = Actor | 'cli';

const bboxSchema = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine(([minLon, minLat, maxLon, maxLat]) => minLon < maxLon && minLat < maxLat, {
    error: 'braucht [minLon, minLat, maxLon, maxLat] mit min < max',
  });

export const importHsdsOptionsSchema = z.object({
  fileName: z.string().min(1).max(300),
  isExample: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  /** Language of the file's texts; `translations` (our extension) may add further languages. */
  language: languageCode.default('de'),
  /** Area system for service areas (matched by name) and for the area of each location. */
  systemId: z.string().min(1).max(100).optional(),
  /** Level whose areas the service areas name (e.g. 'sozialraum'); otherwise any level. */
  areaLevel: z.string().min(1).max(100).optional(),
  /** Locations must lie in this box; 'system' takes the box of the system's areas. */
  bbox: z.union([bboxSchema, z.literal('system')]).optional(),
  /** IANA zone of the opening hours. */
  timezone: z
    .string()
    .refine(
      (zone) => {
        try {
          new Intl.DateTimeFormat('de', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      },
      { error: 'ist keine IANA-Zeitzone' },
    )
    .default('Europe/Berlin'),
});
export type ImportHsdsInput = z.input<typeof importHsdsOptionsSchema> & { json: unknown };

export interface ImportHsdsSummary {
  dryRun: boolean;
  language: string;
  organizations: number;
  services: number;
  locations: number;
  serviceAtLocations: number;
  addresses: number;
  phones: number;
  schedules: number;
  costOptions: number;
  languages: number;
  taxonomyTerms: number;
  /** Links from services to the areas they serve. */
  serviceAreas: number;
  /** Locations placed in an area of the system. */
  locationsWithArea: number;
  /** What was read but not kept, e.g. service areas that name no area of the system. */
  warnings: string[];
}

const REFERENCE_FIELD = {
  organizations: ['organization_id', 'verweist auf die organization'],
  services: ['service_id', 'verweist auf den service'],
  locations: ['location_id', 'verweist auf die location'],
  taxonomy_terms: ['taxonomy_term_id', 'nennt den unbekannten Taxonomie-Begriff'],
} as const;

export async function importHsds(
  database: Database,
  acting: Acting,
  input: ImportHsdsInput,
): Promise<ImportHsdsSummary> {
  const parsed = importHsdsOptionsSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      'invalid_input',
      'Die Angaben zum HSDS-Import sind ungültig.',
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  const options = parsed.data;
  let bbox: [number, number, number, number] | undefined;
  if (options.bbox === 'system') {
    if (!options.systemId)
      throw new AppError('invalid_input', 'Für bbox „system“ fehlt die Gebietsgliederung.');
    bbox = (await repo.systemBbox(database.db, options.systemId)) ?? undefined;
    if (!bbox)
      throw new AppError(
        'not_found',
        `Die Gebietsgliederung „${options.systemId}“ hat keine Gebiete mit Geometrie.`,
      );
  } else bbox = options.bbox;

  const g = buildGraph(input.json, { ...options, bbox });
  const problems = [...g.problems];
  for (const table of ['organizations', 'services', 'locations', 'taxonomy_terms'] as const) {
    const refs = g.references.filter((r) => r.table === table);
    const found = await repo.existingIds(database.db, table, [...new Set(refs.map((r) => r.id))]);
    const [field, says] = REFERENCE_FIELD[table];
    for (const ref of refs.filter((r) => !found.has(r.id)))
      problems.push({
        file: options.fileName,
        row: ref.at.row,
        unit: 'Objekt',
        field,
        message: `${ref.at.label}: ${says} ${ref.id}, die es weder in der Datei noch in der Datenbank gibt`,
      });
  }
  const areas = options.systemId
    ? await placeInAreas(database, g, options.systemId, options.areaLevel)
    : { byService: new Map<string, number[]>(), byLocation: new Map(), warnings: [] };
  if (problems.length > 0) throw invalid(options.fileName, problems);

  const summary: ImportHsdsSummary = {
    dryRun: options.dryRun,
    language: options.language,
    organizations: g.organizations.size,
    services: g.services.size,
    locations: g.locations.size,
    serviceAtLocations: g.serviceAtLocations.size,
    addresses: g.addresses.size,
    phones: g.phones.size,
    schedules: g.schedules.size,
    costOptions: g.costOptions.size,
    languages: [...g.languagesByService.values()].reduce((n, l) => n + l.size, 0),
    taxonomyTerms: g.taxonomyTerms.size,
    serviceAreas: [...areas.byService.values()].reduce((n, l) => n + l.length, 0),
    locationsWithArea: [...areas.byLocation.values()].filter((a) => a !== null).length,
    warnings: areas.warnings,
  };
  if (options.dryRun) return summary;

  await database.db.transaction(async (tx) => {
    const write = await toWrite(tx, g, options.language, areas);
    await repo.writeDirectory(tx, { ...write, keepLocationAreas: !options.systemId });
    await audit(tx, acting, {
      action: 'directory.import_hsds',
      entity: 'hsds_file',
      entityId: options.fileName,
      after: { ...summary, serviceIds: [...g.services.keys()].slice(0, 1000) },
    });
  });
  return summary;
}

function invalid(fileName: string, problems: ErrorDetail[]): AppError {
  const count = problems.length >= 200 ? `mindestens ${problems.length}` : `${problems.length}`;
  return new AppError(
    'import_invalid',
    `Die HSDS-Datei „${fileName}“ enthält ${count} Fehler; nichts wurde gespeichert.`,
    problems,
  );
}

const normalName = (name: string) =>
  name
    .toLocaleLowerCase('de')
    .replace(/\s*([/-])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

interface Placement {
  byService: Map<string, number[]>;
  byLocation: Map<string, number | null>;
  warnings: string[];
}

/**
 * Service areas are matched to the system's areas by code or name (on one level if given, since
 * names repeat across levels: Osterfeld is a Stadtbezirk and a Sozialraum). A location lies in the
 * finest area its point falls in — unless the system has finer levels without geometry
 * (Oberhausen's Sozialräume): then it takes the one finer area that its services, each naming a
 * single area, agree on.
 */
async function placeInAreas(
  database: Database,
  g: HsdsGraph,
  systemId: string,
  levelKey: string | undefined,
): Promise<Placement> {
  const all = await repo.systemAreas(database.db, systemId);
  if (all.length === 0)
    throw new AppError(
      'not_found',
      `Die Gebietsgliederung „${systemId}“ gibt es nicht oder sie hat keine Gebiete.`,
    );
  const candidates = levelKey ? all.filter((a) => a.levelKey === levelKey) : all;
  if (candidates.length === 0)
    throw new AppError(
      'not_found',
      `Die Gebietsgliederung „${systemId}“ hat keine Gebiete auf der Ebene „${levelKey}“.`,
    );
  const byName = new Map<string, repo.SystemArea[]>();
  for (const a of candidates)
    for (const key of new Set([normalName(a.code), normalName(a.name)]))
      byName.set(key, [...(byName.get(key) ?? []), a]);
  const byCode = new Map(all.map((a) => [a.code, a]));
  const placement: Placement = { byService: new Map(), byLocation: new Map(), warnings: [] };
  const served = new Map<string, repo.SystemArea[]>();
  for (const [serviceId, names] of g.areaNamesByService) {
    const matched: repo.SystemArea[] = [];
    for (const { name, label } of names) {
      const found = byName.get(normalName(name)) ?? [];
      const shown = `${label}: „${name.slice(0, 80)}“`;
      if (found.length === 1) matched.push(found[0]!);
      else if (found.length === 0)
        placement.warnings.push(
          `${shown} ist kein Gebiet der Gliederung „${systemId}“ und wurde nicht übernommen.`,
        );
      else
        placement.warnings.push(
          `${shown} ist mehrdeutig (Ebenen ${found.map((a) => a.levelKey).join(', ')}) und wurde nicht übernommen; bitte die Ebene angeben.`,
        );
    }
    served.set(serviceId, matched);
    placement.byService.set(serviceId, [...new Set(matched.map((a) => a.id))]);
  }
  for (const location of g.locations.values()) {
    let hit: repo.SystemArea | undefined;
    if (location.latitude != null && location.longitude != null) {
      const hits = await lookupPoint(database, location.longitude, location.latitude, systemId);
      const finest = hits.sort((a, b) => b.rank - a.rank)[0];
      hit = finest ? byCode.get(finest.code) : undefined;
    }
    const agreed = new Set<number>();
    for (const sal of g.serviceAtLocations.values()) {
      if (sal.locationId !== location.id) continue;
      const finer = (served.get(sal.serviceId) ?? []).filter((a) => !hit || a.rank > hit.rank);
      if (new Set(finer.map((a) => a.id)).size === 1) agreed.add(finer[0]!.id);
    }
    placement.byLocation.set(location.id, agreed.size === 1 ? [...agreed][0]! : (hit?.id ?? null));
  }
  return placement;
}

const TEXT_FIELDS: Record<string, string[]> = {
  organizations: ['description'],
  services: [
    'name',
    'description',
    'applicationProcess',
    'eligibilityDescription',
    'feesDescription',
  ],
  locations: ['description'],
  service_at_locations: ['description'],
  phones: ['description'],
  schedules: ['description'],
  taxonomy_terms: ['name', 'description'],
};

/**
 * Texts per language: the file replaces its own language (and those of its translations) and
 * keeps the others; a service's language is stamped when one of its texts changed, so an older
 * translation shows as older than its German source.
 */
async function toWrite(
  tx: Db,
  g: HsdsGraph,
  language: string,
  areas: Placement,
): Promise<Omit<repo.DirectoryWrite, 'keepLocationAreas'>> {
  const existing = await repo.existingTexts(tx, {
    organizations: [...g.organizations.keys()],
    services: [...g.services.keys()],
    locations: [...g.locations.keys()],
    serviceAtLocations: [...g.serviceAtLocations.keys()],
    phones: [...g.phones.keys()],
    schedules: [...g.schedules.keys()],
    taxonomyTerms: [...g.taxonomyTerms.keys()],
  });
  const now = new Date().toISOString();
  const merge = <T extends { id: string }>(table: string, rows: Map<string, T>): T[] =>
    [...rows.values()].map((row) => {
      const old = existing.get(`${table}:${row.id}`);
      if (!old) return row;
      const merged: Record<string, unknown> = { ...row };
      for (const field of TEXT_FIELDS[table]!) {
        const { [language]: _replaced, ...kept } = old[field] ?? {};
        merged[field] = { ...kept, ...((row as Record<string, unknown>)[field] as LocalText) };
      }
      return merged as T;
    });

  const services = merge('services', g.services).map((s) => {
    const old = existing.get(`services:${s.id}`);
    const stamps: Record<string, string> = { ...(old?.['textUpdatedAt'] ?? {}) };
    const langs = new Set<string>([language]);
    for (const f of TEXT_FIELDS['services']!)
      for (const l of Object.keys((s as Record<string, unknown>)[f] as LocalText)) langs.add(l);
    for (const l of langs) {
      const changed = TEXT_FIELDS['services']!.some((f) => {
        const before = (old?.[f] ?? {})[l];
        return before !== ((s as Record<string, unknown>)[f] as LocalText)[l];
      });
      if (changed || !stamps[l]) stamps[l] = now;
    }
    return { ...s, textUpdatedAt: stamps };
  });

  // New terms line up after the existing ones of their taxonomy, in the order of their codes.
  const ranks = await repo.maxTermRanks(tx);
  const terms = merge('taxonomy_terms', g.taxonomyTerms)
    .map((t) => ({ ...t, isNew: !existing.has(`taxonomy_terms:${t.id}`) }))
    .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '') || a.id.localeCompare(b.id))
    .map(({ isNew, ...t }) => {
      if (!isNew) return t;
      const rank = (ranks.get(t.taxonomy) ?? -1) + 1;
      ranks.set(t.taxonomy, rank);
      return { ...t, rank };
    });

  const sets = (m: Map<string, Set<string>>) => new Map([...m].map(([k, v]) => [k, [...v]]));
  return {
    organizations: merge('organizations', g.organizations),
    taxonomyTerms: terms,
    services,
    locations: merge('locations', g.locations).map((l) => ({
      ...l,
      accessibility:
        l.accessibility ??
        (existing.get(`locations:${l.id}`)?.[
          'accessibility'
        ] as unknown as typeof l.accessibility) ??
        [],
      areaId: areas.byLocation.get(l.id) ?? null,
    })),
    serviceAtLocations: merge('service_at_locations', g.serviceAtLocations),
    addresses: [...g.addresses.values()],
    phones: merge('phones', g.phones),
    schedules: merge('schedules', g.schedules),
    costOptions: [...g.costOptions.values()],
    salsByService: sets(g.salsByService),
    addressesByLocation: sets(g.addressesByLocation),
    costOptionsByService: sets(g.costOptionsByService),
    phonesBy: {
      service: sets(g.phonesBy.service),
      location: sets(g.phonesBy.location),
      organization: sets(g.phonesBy.organization),
    },
    schedulesBy: {
      service: sets(g.schedulesBy.service),
      location: sets(g.schedulesBy.location),
      serviceAtLocation: sets(g.schedulesBy.serviceAtLocation),
    },
    languagesByService: new Map(
      [...g.languagesByService].map(([id, l]) => [
        id,
        [...l].map(([code, name]) => ({ code, name })),
      ]),
    ),
    areasByService: areas.byService,
    termsByService: sets(g.termsByService),
  };
}
