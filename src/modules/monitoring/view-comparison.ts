// Read use case: 2–6 areas of one system side by side, every indicator, beside the city.
import type { Database } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import { loadScope, resolveValues, type Viewer } from './resolve-values.ts';
import { areaRef, indicatorsWithData, noticeOf, periodAtOrBefore } from './view-common.ts';
import type { ComparisonView } from './view-model.ts';

export const maxCompared = 6;

export async function viewComparison(
  database: Database,
  systemId: string,
  codes: string[],
  viewer: Viewer,
  period?: string,
): Promise<ComparisonView> {
  const scope = await loadScope(database, systemId, viewer);
  const unique = [...new Set(codes.filter(Boolean))];
  if (unique.length > maxCompared)
    throw new AppError(
      'invalid_input',
      `Es lassen sich höchstens ${maxCompared} Gebiete vergleichen.`,
    );
  const nodes = unique.map((c) => {
    const n = scope.byCode.get(c);
    if (!n)
      throw new AppError('not_found', `Das Gebiet „${c}“ gibt es in dieser Gliederung nicht.`);
    return n;
  });
  const all = [...scope.catalogue.values()]
    .filter((i) => i.isPublic || viewer.internal)
    .map((i) => i.code);
  const resolved = await resolveValues(database, scope, all);
  const shown = indicatorsWithData(scope, resolved);
  const periods = [...new Set(shown.flatMap((i) => resolved.periods(i.code)))].sort();
  if (period && !periods.includes(period))
    throw new AppError('not_found', `Für den Zeitraum ${period} gibt es hier keine Werte.`);
  const chosen = period ?? periods[periods.length - 1] ?? '';
  const city = scope.nodes.find((n) => n.parentId === null);
  const topics: ComparisonView['topics'] = [];
  for (const indicator of shown) {
    const at = periodAtOrBefore(resolved.periods(indicator.code), chosen);
    if (!at) continue;
    const cells = resolved.cells(indicator.code, at);
    let topic = topics.find((t) => t.key === indicator.topicKey);
    if (!topic)
      topics.push((topic = { key: indicator.topicKey, name: indicator.topicName, rows: [] }));
    topic.rows.push({
      indicator,
      cells: nodes.map((n) => cells.get(n.id)!),
      city: city ? (cells.get(city.id) ?? null) : null,
    });
  }
  const levels = [...scope.system.levels].sort((a, b) => a.rank - b.rank);
  return {
    system: scope.system,
    areas: nodes.map((n) => ({ ...areaRef(n), population: n.population })),
    period: chosen,
    periods,
    topics,
    choices: levels.map((l) => ({
      level: l.name,
      areas: scope.nodes.filter((n) => n.levelKey === l.key).map(areaRef),
    })),
    notice: noticeOf(scope, resolved, shown),
  };
}
