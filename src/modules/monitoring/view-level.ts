// Read use case: one indicator on one level in one period — the data of the map, the ranking and the exports.
import type { Database } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import { displayShapes } from '../areas/index.ts';
import {
  availableIndicators,
  loadScope,
  resolveValues,
  visibleIndicator,
  type Viewer,
} from './resolve-values.ts';
import { areaRef, noticeOf } from './view-common.ts';
import type { LevelTable } from './view-model.ts';

export interface LevelQuery {
  indicator?: string | undefined;
  period?: string | undefined;
  level?: string | undefined;
  /** Load display geometries (maps, GeoJSON); tables and CSV do without. */
  shapes?: boolean;
}

export async function viewLevel(
  database: Database,
  systemId: string,
  q: LevelQuery,
  viewer: Viewer,
): Promise<LevelTable> {
  const scope = await loadScope(database, systemId, viewer);
  const available = await availableIndicators(database, scope);
  const indicators = [...scope.catalogue.values()].filter((i) => available.has(i.code));
  if (indicators.length === 0)
    throw new AppError(
      'not_found',
      `Für „${scope.system.name}“ gibt es noch keine veröffentlichten Werte.`,
    );
  const indicator = q.indicator ? visibleIndicator(scope, q.indicator) : indicators[0]!;
  const periods = available.get(indicator.code) ?? [];
  if (periods.length === 0)
    throw new AppError('not_found', `Für „${indicator.name}“ gibt es hier keine Werte.`);
  if (q.period && !periods.includes(q.period))
    throw new AppError(
      'not_found',
      `Für „${indicator.name}“ gibt es keine Werte zum Zeitraum ${q.period} (vorhanden: ${periods.join(', ')}).`,
    );
  const period = q.period ?? periods[periods.length - 1]!;
  const resolved = await resolveValues(database, scope, [indicator.code], [period]);
  const cells = resolved.cells(indicator.code, period);
  // Default level: the finest level with values for this indicator.
  const levels = [...scope.system.levels].sort((a, b) => b.rank - a.rank);
  const withValues = levels.find((l) =>
    scope.nodes.some((n) => n.levelKey === l.key && cells.get(n.id)?.state === 'ok'),
  );
  const level = q.level ? levels.find((l) => l.key === q.level) : (withValues ?? levels[0]);
  if (!level) throw new AppError('not_found', `Die Ebene „${q.level}“ gibt es nicht.`);
  const nodes = scope.nodes.filter((n) => n.levelKey === level.key);
  const top = scope.nodes.find((n) => n.parentId === null && n.levelKey !== level.key);
  const shapes = q.shapes
    ? (await displayShapes(database, systemId, { levelKey: level.key })).map((s) => ({
        areaId: s.id,
        code: s.code,
        name: s.name,
        geometry: s.geometry,
      }))
    : [];
  return {
    system: scope.system,
    level: { key: level.key, name: level.name },
    indicator,
    period,
    periods,
    indicators,
    rows: nodes.map((n) => ({
      area: areaRef(n),
      parent: n.parentId === null ? null : areaRef(scope.byId.get(n.parentId)!),
      cell: cells.get(n.id)!,
    })),
    reference: top ? { area: areaRef(top), cell: cells.get(top.id)! } : null,
    shapes,
    notice: noticeOf(scope, resolved, [indicator]),
  };
}
