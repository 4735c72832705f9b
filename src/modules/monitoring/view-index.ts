// Read use cases of the index: the index page of a configuration and an area's placements.
import type { Database } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import { displayShapes } from '../areas/index.ts';
import { ensureFreshIndex, readStoredConfig } from './compute-index.ts';
import { DYNAMICS_CLASSES, STATUS_CLASSES, groupLabel } from './index-method.ts';
import * as repo from './monitoring.repository.ts';
import {
  loadCatalogue,
  loadScope,
  releaseRef,
  resolveValues,
  type Viewer,
} from './resolve-values.ts';
import { areaRef, periodAtOrBefore } from './view-common.ts';
import type { IndexPlacement, IndexView } from './view-model.ts';

/** The latest run of each of the system's configurations on the area's level, up to the period. */
export async function indexPlacements(
  database: Database,
  systemId: string,
  areaId: number,
  levelKey: string,
  period: string,
): Promise<IndexPlacement[]> {
  const placements: IndexPlacement[] = [];
  for (const config of await repo.listIndexConfigs(database.db)) {
    if (config.systemId !== systemId || config.levelKey !== levelKey) continue;
    await ensureFreshIndex(database, config.id);
    const periods = (await repo.indexRunPeriods(database.db, config.id)).map((p) => p.period);
    const at = periods.find((p) => p <= period) ?? periods[periods.length - 1];
    if (!at) continue;
    const run = await repo.latestIndexRun(database.db, config.id, at);
    if (!run) continue;
    const result = (await repo.indexResultsOf(database.db, run.id)).find(
      (r) => r.areaId === areaId,
    );
    if (!result) continue;
    placements.push({
      configId: config.id,
      configName: config.name,
      period: run.period,
      statusIndex: result.statusIndex,
      statusClass: result.statusClass,
      dynamicsIndex: result.dynamicsIndex,
      dynamicsClass: result.dynamicsClass,
      group:
        result.statusClass && result.dynamicsClass
          ? groupLabel(result.statusClass as 'hoch', result.dynamicsClass as 'stabil')
          : result.statusClass
            ? `Status ${result.statusClass}`
            : null,
      notIndexedReason: result.notIndexedReason,
    });
  }
  return placements;
}

export async function viewIndex(
  database: Database,
  configId: string,
  viewer: Viewer,
  period?: string,
): Promise<IndexView> {
  const config = await repo.findIndexConfig(database.db, configId);
  if (!config) throw new AppError('not_found', `Den Index „${configId}“ gibt es nicht.`);
  await ensureFreshIndex(database, configId);
  const periods = (await repo.indexRunPeriods(database.db, configId)).map((p) => p.period);
  if (period && !periods.includes(period))
    throw new AppError(
      'not_found',
      `Für ${period} ist der Index „${config.name}“ nicht berechnet.`,
    );
  const run = await repo.latestIndexRun(database.db, configId, period);
  if (!run) throw new AppError('not_found', `Der Index „${config.name}“ ist noch nicht berechnet.`);
  const scope = await loadScope(database, config.systemId, { internal: viewer.internal });
  const catalogue = await loadCatalogue(database);
  const stored = readStoredConfig(config, (c) => catalogue.get(c)?.polarity);
  const info = (code: string) => catalogue.get(code)!;
  const results = await repo.indexResultsOf(database.db, run.id);
  // The population the index used (its population indicator at the run's period), else the area's own.
  const populationOf = new Map<number, number>();
  if (stored.populationIndicator && catalogue.has(stored.populationIndicator)) {
    const code = stored.populationIndicator;
    const resolved = await resolveValues(database, scope, [code]);
    const at = periodAtOrBefore(resolved.periods(code), run.period);
    if (at)
      for (const [id, cell] of resolved.cells(code, at))
        if (cell.state === 'ok' && cell.value !== null) populationOf.set(id, cell.value);
  }
  const rows = results
    .map((r) => {
      const node = scope.byId.get(r.areaId)!;
      return {
        area: areaRef(node),
        population: populationOf.get(node.id) ?? node.population,
        statusIndex: r.statusIndex,
        statusClass: r.statusClass,
        dynamicsIndex: r.dynamicsIndex,
        dynamicsClass: r.dynamicsClass,
        group:
          r.statusClass && r.dynamicsClass
            ? groupLabel(r.statusClass as 'hoch', r.dynamicsClass as 'stabil')
            : r.statusClass
              ? `Status ${r.statusClass}`
              : null,
        notIndexedReason: r.notIndexedReason,
      };
    })
    .sort((a, b) => a.area.code.localeCompare(b.area.code));
  const groups = STATUS_CLASSES.flatMap((s) =>
    DYNAMICS_CLASSES.map((d) => ({
      statusClass: s,
      dynamicsClass: d,
      label: groupLabel(s, d),
      count: rows.filter((r) => r.statusClass === s && r.dynamicsClass === d).length,
    })),
  );
  const releases = (await repo.releasesByIds(database.db, run.releaseIds)).map(releaseRef);
  const level = scope.system.levels.find((l) => l.key === config.levelKey);
  const shapes = (
    await displayShapes(database, config.systemId, { levelKey: config.levelKey })
  ).map((s) => ({ areaId: s.id, code: s.code, name: s.name, geometry: s.geometry }));
  return {
    config: {
      id: config.id,
      name: config.name,
      description: config.description,
      isExample: config.isExample,
      statusIndicators: stored.statusCodes.map(info),
      dynamicsIndicators: stored.dynamicsCodes.map(info),
      dynamicsYears: stored.dynamicsYears,
      minPopulation: stored.method.minPopulation,
      minUnits: stored.method.minUnits,
      statusCutoffs: stored.method.statusCutoffs,
      dynamicsCutoffs: stored.method.dynamicsCutoffs,
    },
    system: scope.system,
    level: { key: config.levelKey, name: level?.name ?? config.levelKey },
    period: run.period,
    periods,
    computedAt: run.computedAt,
    indexedCount: run.indexedCount,
    rows,
    groups,
    shapes,
    notice: {
      example: config.isExample || scope.system.isExample || releases.some((r) => r.isExample),
      preview: null,
      internal: false,
      releases,
    },
  };
}
