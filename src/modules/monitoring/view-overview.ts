// Read use cases: the monitoring overview, the indicator catalogue and a system's page.
import type { Database } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import * as repo from './monitoring.repository.ts';
import { availableIndicators, loadCatalogue, loadScope, type Viewer } from './resolve-values.ts';
import { areaRef } from './view-common.ts';
import type { CatalogueView, OverviewView, SystemView } from './view-model.ts';

export async function viewOverview(database: Database, viewer: Viewer): Promise<OverviewView> {
  const configs = await repo.listIndexConfigs(database.db);
  const systems: OverviewView['systems'] = [];
  for (const id of await repo.systemIds(database.db)) {
    const scope = await loadScope(database, id, { internal: viewer.internal });
    const available = await availableIndicators(database, scope);
    if (available.size === 0) continue;
    const top = scope.nodes.find((n) => n.parentId === null) ?? null;
    const shown = [...available.keys()].map((c) => scope.catalogue.get(c)!);
    systems.push({
      system: scope.system,
      indicatorCount: available.size,
      periods: [...new Set([...available.values()].flat())].sort(),
      topArea: top ? areaRef(top) : null,
      indexConfigs: configs
        .filter((c) => c.systemId === id)
        .map((c) => ({ id: c.id, name: c.name, isExample: c.isExample })),
      example: scope.system.isExample || shown.some((i) => i.isExample),
    });
  }
  const catalogue = await loadCatalogue(database);
  return {
    systems: systems.sort((a, b) => a.system.name.localeCompare(b.system.name, 'de')),
    indicatorCount: [...catalogue.values()].filter((i) => i.isPublic || viewer.internal).length,
  };
}

export async function viewCatalogue(database: Database, viewer: Viewer): Promise<CatalogueView> {
  const catalogue = await loadCatalogue(database);
  const topics = await repo.listTopics(database.db);
  const visible = [...catalogue.values()].filter((i) => i.isPublic || viewer.internal);
  return {
    topics: topics
      .map((t) => ({
        key: t.key,
        name: t.name,
        indicators: visible.filter((i) => i.topicKey === t.key),
      }))
      .filter((t) => t.indicators.length > 0),
    names: Object.fromEntries([...catalogue.values()].map((i) => [i.code, i.name])),
  };
}

export async function viewSystem(
  database: Database,
  systemId: string,
  viewer: Viewer,
): Promise<SystemView> {
  const scope = await loadScope(database, systemId, viewer);
  const available = await availableIndicators(database, scope);
  if (available.size === 0 && !scope.preview)
    throw new AppError(
      'not_found',
      `Für „${scope.system.name}“ gibt es noch keine veröffentlichten Werte.`,
    );
  const indicators = [...available.keys()].map((c) => scope.catalogue.get(c)!);
  const configs = (await repo.listIndexConfigs(database.db)).filter((c) => c.systemId === systemId);
  return {
    system: scope.system,
    levels: [...scope.system.levels]
      .sort((a, b) => a.rank - b.rank)
      .map((l) => ({
        key: l.key,
        name: l.name,
        areas: scope.nodes.filter((n) => n.levelKey === l.key).map(areaRef),
      })),
    indicators,
    indexConfigs: configs.map((c) => ({
      id: c.id,
      name: c.name,
      isExample: c.isExample,
      levelKey: c.levelKey,
    })),
    notice: {
      example: scope.system.isExample || indicators.some((i) => i.isExample),
      preview: scope.preview,
      internal: false,
      releases: [],
    },
  };
}
