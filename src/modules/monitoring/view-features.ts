// Read use case for OGC API Features: collections are the levels of area systems, items are areas
// with the latest public value of every indicator as properties (disclosure-controlled).
import type { Database } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import { displayShapes } from '../areas/index.ts';
import * as repo from './monitoring.repository.ts';
import { availableIndicators, loadScope, resolveValues } from './resolve-values.ts';
import { exampleLabel } from './export-values.ts';

export interface CollectionInfo {
  id: string;
  systemId: string;
  levelKey: string;
  title: string;
  description: string;
  bbox: [number, number, number, number] | null;
  areaCount: number;
}

/** Collection ids are "<system>.<level>", e.g. "berlin-lor-2021.planungsraum". */
export function collectionId(systemId: string, levelKey: string): string {
  return `${systemId}.${levelKey}`;
}

export async function listCollections(database: Database): Promise<CollectionInfo[]> {
  const rows = await repo.levelExtents(database.db);
  return rows.map((r) => ({
    id: collectionId(r.system_id, r.level_key),
    systemId: r.system_id,
    levelKey: r.level_key,
    title: `${r.system_name}: ${r.level_name}`,
    description: `${r.n} Gebiete der Ebene „${r.level_name}“ mit den öffentlichen Indikatorwerten als Eigenschaften.${r.is_example ? ` ${exampleLabel}.` : ''}`,
    bbox:
      r.min_lon === null
        ? null
        : [Number(r.min_lon), Number(r.min_lat), Number(r.max_lon), Number(r.max_lat)],
    areaCount: Number(r.n),
  }));
}

export async function findCollection(database: Database, id: string): Promise<CollectionInfo> {
  const found = (await listCollections(database)).find((c) => c.id === id);
  if (!found) throw new AppError('not_found', `Die Sammlung „${id}“ gibt es nicht.`);
  return found;
}

export interface FeaturePage {
  features: {
    type: 'Feature';
    id: string;
    geometry: unknown;
    properties: Record<string, string | number | boolean | null>;
  }[];
  numberMatched: number;
  example: boolean;
  sources: string[];
}

export async function collectionItems(
  database: Database,
  collection: CollectionInfo,
  page: { limit: number; offset: number; code?: string },
): Promise<FeaturePage> {
  const scope = await loadScope(database, collection.systemId, { internal: false });
  const nodes = scope.nodes.filter(
    (n) => n.levelKey === collection.levelKey && (!page.code || n.code === page.code),
  );
  if (page.code && nodes.length === 0)
    throw new AppError('not_found', `Das Gebiet „${page.code}“ gibt es in dieser Sammlung nicht.`);
  const slice = nodes.slice(page.offset, page.offset + page.limit);
  const available = await availableIndicators(database, scope);
  const codes = [...available.keys()];
  const latest = new Map(codes.map((c) => [c, available.get(c)!.at(-1)!]));
  const resolved = await resolveValues(database, scope, codes, [...new Set(latest.values())]);
  const shapes = new Map(
    (await displayShapes(database, collection.systemId, { ids: slice.map((n) => n.id) })).map(
      (s) => [s.id, s.geometry],
    ),
  );
  const example = scope.system.isExample || resolved.releases.some((r) => r.isExample);
  return {
    numberMatched: nodes.length,
    example,
    sources: [...new Set(resolved.releases.map((r) => `${r.source} (${r.licence})`))],
    features: slice.map((n) => {
      const properties: Record<string, string | number | boolean | null> = {
        code: n.code,
        name: n.name,
        ebene: n.levelName,
        einwohner: n.population,
      };
      for (const code of codes) {
        const cell = resolved.cells(code, latest.get(code)!).get(n.id);
        const info = scope.catalogue.get(code)!;
        properties[code] =
          cell && cell.state === 'ok' && cell.value !== null
            ? Number(cell.value.toFixed(info.precision))
            : null;
        if (cell && cell.state === 'suppressed') properties[`${code}_status`] = 'gesperrt';
      }
      if (example) properties['hinweis'] = exampleLabel;
      return { type: 'Feature', id: n.code, geometry: shapes.get(n.id) ?? null, properties };
    }),
  };
}
