// Read use case: the area profile ("Sozialraum-Steckbrief") — every indicator of an area beside its
// parent and the city, with ratings, changes, time series, index placement and a locator map.
import type { Database } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import { displayShapes } from '../areas/index.ts';
import * as repo from './monitoring.repository.ts';
import { loadScope, resolveValues, type Viewer } from './resolve-values.ts';
import {
  ancestorsOf,
  areaRef,
  indicatorsWithData,
  noticeOf,
  periodAtOrBefore,
  rate,
} from './view-common.ts';
import { indexPlacements } from './view-index.ts';
import type { ProfileRow, ProfileView, ValueCell } from './view-model.ts';

function changeCell(from: ValueCell, to: ValueCell): ValueCell {
  if (from.state === 'suppressed' || to.state === 'suppressed')
    return {
      value: null,
      state: 'suppressed',
      reason: 'abgeleitet aus einem gesperrten Wert',
      internal: false,
      origin: 'computed',
      numerator: null,
      denominator: null,
    };
  if (from.value === null || to.value === null)
    return { ...to, value: null, state: 'missing', reason: 'kein Vergleichswert', origin: 'none' };
  return {
    value: to.value - from.value,
    state: 'ok',
    reason: null,
    internal: from.internal || to.internal,
    origin: 'computed',
    numerator: null,
    denominator: null,
  };
}

export async function viewProfile(
  database: Database,
  systemId: string,
  code: string,
  viewer: Viewer,
  period?: string,
): Promise<ProfileView> {
  const scope = await loadScope(database, systemId, viewer);
  const node = scope.byCode.get(code);
  if (!node)
    throw new AppError('not_found', `Das Gebiet „${code}“ gibt es in dieser Gliederung nicht.`);
  const codes = [...scope.catalogue.values()]
    .filter((i) => i.isPublic || viewer.internal)
    .map((i) => i.code);
  const resolved = await resolveValues(database, scope, codes);
  const shown = indicatorsWithData(scope, resolved);
  const allPeriods = [...new Set(shown.flatMap((i) => resolved.periods(i.code)))].sort();
  if (period && !allPeriods.includes(period))
    throw new AppError('not_found', `Für den Zeitraum ${period} gibt es hier keine Werte.`);
  const chosen = period ?? allPeriods[allPeriods.length - 1] ?? '';

  const ancestors = ancestorsOf(scope, node);
  const parent = ancestors[ancestors.length - 1] ?? null;
  const city = ancestors[0] ?? null;
  const topics = new Map<string, { key: string; name: string; rows: ProfileRow[] }>();
  for (const indicator of shown) {
    const periods = resolved.periods(indicator.code);
    const at = periodAtOrBefore(periods, chosen);
    if (!at) continue;
    const cellAt = (p: string, id: number | undefined) =>
      id === undefined ? null : (resolved.cells(indicator.code, p).get(id) ?? null);
    const value = cellAt(at, node.id)!;
    const cityCell = cellAt(at, city?.id);
    const upTo = periods.filter((p) => p <= at);
    const first = upTo[0];
    const row: ProfileRow = {
      indicator,
      period: at,
      value,
      parent: cellAt(at, parent?.id),
      city: cityCell,
      rating: rate(indicator, value, cityCell),
      change:
        first !== undefined && first !== at && indicator.kind !== 'change_pp'
          ? { from: first, value: changeCell(cellAt(first, node.id)!, value) }
          : null,
      series: upTo.map((p) => ({
        period: p,
        area: cellAt(p, node.id)!,
        parent: cellAt(p, parent?.id),
        city: cellAt(p, city?.id),
      })),
    };
    let topic = topics.get(indicator.topicKey);
    if (!topic)
      topics.set(
        indicator.topicKey,
        (topic = { key: indicator.topicKey, name: indicator.topicName, rows: [] }),
      );
    topic.rows.push(row);
  }
  const topicOrder = new Map((await repo.listTopics(database.db)).map((t, i) => [t.key, i]));

  const siblings = scope.nodes.filter(
    (n) => n.levelKey === node.levelKey && n.parentId === node.parentId,
  );
  const shapes = (await displayShapes(database, systemId, { ids: siblings.map((s) => s.id) })).map(
    (s) => ({ areaId: s.id, code: s.code, name: s.name, geometry: s.geometry }),
  );

  // Areas without a population of their own (e.g. Sozialquartiere) take it from the indicator the
  // system's index uses as population, at the chosen period.
  let population = { value: node.population, date: node.populationDate };
  if (population.value === null) {
    for (const config of await repo.listIndexConfigs(database.db)) {
      const code = config.systemId === systemId ? config.config['populationIndicator'] : undefined;
      if (typeof code !== 'string' || !scope.catalogue.has(code)) continue;
      const at = periodAtOrBefore(resolved.periods(code), chosen);
      const cell = at ? resolved.cells(code, at).get(node.id) : undefined;
      if (at && cell?.state === 'ok' && cell.value !== null) {
        population = { value: cell.value, date: at };
        break;
      }
    }
  }
  return {
    system: scope.system,
    area: { ...areaRef(node), population: population.value, populationDate: population.date },
    ancestors: ancestors.map(areaRef),
    parent: parent ? areaRef(parent) : null,
    city: city ? areaRef(city) : null,
    children: scope.nodes.filter((n) => n.parentId === node.id).map(areaRef),
    period: chosen,
    periods: allPeriods,
    topics: [...topics.values()].sort(
      (a, b) => (topicOrder.get(a.key) ?? 99) - (topicOrder.get(b.key) ?? 99),
    ),
    index: await indexPlacements(database, systemId, node.id, node.levelKey, chosen),
    locator: { shapes, highlightId: node.id },
    notice: noticeOf(scope, resolved, shown),
  };
}
