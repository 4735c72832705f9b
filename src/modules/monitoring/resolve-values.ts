// The one way values leave the database: values in force → aggregation up the hierarchy → shares
// from counts → disclosure control. Pages, exports, the API and the index all read through here.
import type { Database } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import {
  aggregate,
  shareFromCounts,
  type AggArea,
  type AggregatedCell,
  type Cell,
} from './aggregate.ts';
import { discloseCounts, discloseShare, type DisclosedCell } from './disclosure.ts';
import * as repo from './monitoring.repository.ts';
import type { IndicatorInfo, ReleaseRef, SystemRef, ValueCell } from './view-model.ts';

export interface Viewer {
  /** Staff who may see values withheld in public (statisticians, admins). */
  internal: boolean;
  /** Show this unpublished release instead of the values in force (staff only). */
  previewReleaseId?: number | undefined;
}

export interface Scope {
  system: SystemRef;
  nodes: repo.AreaNode[];
  byId: Map<number, repo.AreaNode>;
  byCode: Map<string, repo.AreaNode>;
  catalogue: Map<string, IndicatorInfo>;
  viewer: Viewer;
  asOf: Date;
  preview: ReleaseRef | null;
}

export const publicSuppressionReason = 'gesperrt (Geheimhaltung)';

const aggregableKinds = new Set(['count', 'share', 'rate']);

export function toIndicatorInfo(i: repo.IndicatorRow, topics: Map<string, string>): IndicatorInfo {
  const kind = i.kind as IndicatorInfo['kind'];
  return {
    code: i.code,
    name: i.name,
    description: i.description,
    topicKey: i.topicKey,
    topicName: topics.get(i.topicKey) ?? i.topicKey,
    unit: i.unit,
    kind,
    numeratorCode: i.numeratorCode,
    denominatorCode: i.denominatorCode,
    per: i.per,
    polarity: i.polarity as IndicatorInfo['polarity'],
    source: i.source,
    licence: i.licence,
    minCount: i.minCount,
    precision: i.precision,
    isPublic: i.isPublic,
    isExample: i.isExample,
    aggregable:
      kind === 'count' || (aggregableKinds.has(kind) && i.numeratorCode !== null) ? true : false,
  };
}

export async function loadCatalogue(database: Database): Promise<Map<string, IndicatorInfo>> {
  const topics = new Map((await repo.listTopics(database.db)).map((t) => [t.key, t.name]));
  return new Map(
    (await repo.listIndicators(database.db)).map((i) => [i.code, toIndicatorInfo(i, topics)]),
  );
}

export function releaseRef(r: repo.ReleaseRow): ReleaseRef {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    publishedAt: r.publishedAt,
    source: r.source,
    licence: r.licence,
    isExample: r.isExample,
  };
}

export async function loadScope(
  database: Database,
  systemId: string,
  viewer: Viewer,
  asOf = new Date(),
): Promise<Scope> {
  const systemRow = await repo.findSystemRef(database.db, systemId);
  if (!systemRow)
    throw new AppError('not_found', `Die Gebietsgliederung „${systemId}“ gibt es nicht.`);
  let preview: ReleaseRef | null = null;
  if (viewer.previewReleaseId !== undefined) {
    if (!viewer.internal)
      throw new AppError(
        'forbidden',
        'Die Vorschau unveröffentlichter Daten ist dem Statistik-Team vorbehalten.',
      );
    const r = await repo.findRelease(database.db, viewer.previewReleaseId);
    if (!r || r.systemId !== systemId)
      throw new AppError(
        'not_found',
        `Die Veröffentlichung ${viewer.previewReleaseId} gibt es in dieser Gliederung nicht.`,
      );
    preview = releaseRef(r);
  }
  const nodes = await repo.areaNodes(database.db, systemId);
  const catalogue = await loadCatalogue(database);
  return {
    system: systemRow,
    nodes,
    byId: new Map(nodes.map((n) => [n.id, n])),
    byCode: new Map(nodes.map((n) => [n.code, n])),
    catalogue,
    viewer,
    asOf,
    preview,
  };
}

/** The indicators a visitor may see: public ones, and for staff the internal ones too. */
export function visibleIndicator(scope: Scope, code: string): IndicatorInfo {
  const i = scope.catalogue.get(code);
  if (!i || (!i.isPublic && !scope.viewer.internal))
    throw new AppError('not_found', `Den Indikator „${code}“ gibt es nicht.`);
  return i;
}

export interface Resolved {
  /** Cells of an indicator in a period for every area of the system. */
  cells(code: string, period: string): Map<number, ValueCell>;
  /** Periods with values for the indicator (or for its numerator and denominator), ascending. */
  periods(code: string): string[];
  releases: ReleaseRef[];
  /** Whether any shown cell is withheld in public and shown only to staff. */
  usedInternal(): boolean;
}

const missingCell = (reason: string): ValueCell => ({
  value: null,
  state: 'missing',
  reason,
  internal: false,
  origin: 'none',
  numerator: null,
  denominator: null,
});

function toValueCell(cell: AggregatedCell | undefined, origin: ValueCell['origin']): ValueCell {
  if (!cell || cell.value === null) return missingCell(cell?.note ?? 'kein Wert');
  return {
    value: cell.value,
    state: 'ok',
    reason: null,
    internal: false,
    origin,
    numerator: cell.numerator,
    denominator: cell.denominator,
  };
}

/** Applies a disclosure decision: suppressed cells lose their value in public, staff see it marked. */
function withDisclosure(
  cell: ValueCell,
  d: DisclosedCell | undefined,
  internal: boolean,
): ValueCell {
  if (!d || d.suppressed === false || cell.state !== 'ok') return cell;
  if (internal) return { ...cell, internal: true, reason: d.reason };
  // One reason for every withheld cell in public: telling primary from secondary suppression
  // ("fewer than 3 cases") would narrow a hidden value down.
  return {
    ...cell,
    value: null,
    numerator: null,
    denominator: null,
    state: 'suppressed',
    reason: publicSuppressionReason,
  };
}

/**
 * Resolved values per database, reused while the values in force stay the same: a release is
 * published, withdrawn, deleted or leaves its embargo rarely, while pages ask for the same
 * indicators all day. The version is one cheap aggregate over the system's releases.
 */
const resolvedCache = new WeakMap<Database, Map<string, { version: string; resolved: Resolved }>>();
const cacheLimit = 256;

export async function resolveValues(
  database: Database,
  scope: Scope,
  codes: string[],
  periods?: string[],
): Promise<Resolved> {
  for (const code of codes) visibleIndicator(scope, code);
  const key = [
    scope.system.id,
    [...codes].sort().join(','),
    periods ? [...periods].sort().join(',') : '*',
    scope.viewer.internal ? 'intern' : 'public',
    scope.preview?.id ?? '',
  ].join('|');
  const version = await repo.valuesVersion(database.db, scope.system.id, scope.asOf);
  let perDb = resolvedCache.get(database);
  if (!perDb) resolvedCache.set(database, (perDb = new Map()));
  const hit = perDb.get(key);
  if (hit && hit.version === version) {
    perDb.delete(key);
    perDb.set(key, hit);
    return hit.resolved;
  }
  const resolved = await computeResolved(database, scope, codes, periods);
  perDb.set(key, { version, resolved });
  if (perDb.size > cacheLimit) perDb.delete(perDb.keys().next().value!);
  return resolved;
}

async function computeResolved(
  database: Database,
  scope: Scope,
  codes: string[],
  periods?: string[],
): Promise<Resolved> {
  const wanted = new Set<string>();
  for (const code of codes) {
    const i = visibleIndicator(scope, code);
    wanted.add(code);
    if (i.numeratorCode) wanted.add(i.numeratorCode);
    if (i.denominatorCode) wanted.add(i.denominatorCode);
  }
  const rows = await repo.valuesInForce(database.db, {
    systemId: scope.system.id,
    indicatorCodes: [...wanted],
    ...(periods ? { periods } : {}),
    ...(scope.preview ? { releaseId: scope.preview.id } : {}),
    asOf: scope.asOf,
  });
  const raw = new Map<string, Map<string, Map<number, repo.ValueRow>>>();
  const releaseIds = new Set<number>();
  for (const r of rows) {
    releaseIds.add(r.release_id);
    let byPeriod = raw.get(r.indicator_code);
    if (!byPeriod) raw.set(r.indicator_code, (byPeriod = new Map()));
    let byArea = byPeriod.get(r.period);
    if (!byArea) byPeriod.set(r.period, (byArea = new Map()));
    byArea.set(r.area_id, r);
  }
  const releases = (await repo.releasesByIds(database.db, [...releaseIds])).map(releaseRef);
  const areas: AggArea[] = scope.nodes.map((n) => ({
    id: n.id,
    parentId: n.parentId,
    rank: n.rank,
  }));
  const cache = new Map<string, Map<number, ValueCell>>();
  const countCache = new Map<
    string,
    { cells: Map<number, AggregatedCell>; disclosed: Map<number, DisclosedCell> }
  >();
  let internalUsed = false;

  const sourceSuppressed = (code: string, period: string): Set<number> => {
    const out = new Set<number>();
    for (const [id, r] of raw.get(code)?.get(period) ?? [])
      if (r.flag === 'suppressed') out.add(id);
    return out;
  };

  const importedCells = (code: string, period: string): Map<number, Cell> => {
    const m = new Map<number, Cell>();
    for (const [id, r] of raw.get(code)?.get(period) ?? [])
      if (r.flag === 'ok')
        m.set(id, { value: r.value, numerator: r.numerator, denominator: r.denominator });
    return m;
  };

  const counts = (code: string, period: string, minCount: number) => {
    const key = `${code}\u0000${period}\u0000${minCount}`;
    let hit = countCache.get(key);
    if (!hit) {
      const info = scope.catalogue.get(code)!;
      const cells = aggregate(
        areas,
        {
          code,
          kind: info.kind,
          numeratorCode: null,
          denominatorCode: null,
          per: info.per,
          minCount,
        },
        importedCells(code, period),
      );
      hit = { cells, disclosed: discloseCounts(areas, cells, minCount) };
      countCache.set(key, hit);
    }
    return hit;
  };

  const compute = (code: string, period: string): Map<number, ValueCell> => {
    const info = scope.catalogue.get(code)!;
    const result = new Map<number, ValueCell>();
    const atSource = sourceSuppressed(code, period);
    const mark = (id: number, cell: ValueCell): void => {
      if (cell.internal) internalUsed = true;
      result.set(id, cell);
    };
    if (info.kind === 'count') {
      const { cells, disclosed } = counts(code, period, info.minCount);
      for (const n of scope.nodes) {
        const origin = cells.get(n.id)?.origin === 'aggregated' ? 'aggregated' : 'imported';
        mark(
          n.id,
          withDisclosure(
            toValueCell(cells.get(n.id), origin),
            disclosed.get(n.id),
            scope.viewer.internal,
          ),
        );
      }
    } else if (
      (info.kind === 'share' || info.kind === 'rate') &&
      info.numeratorCode &&
      info.denominatorCode
    ) {
      const num = counts(info.numeratorCode, period, info.minCount);
      const den = counts(info.denominatorCode, period, info.minCount);
      const own = importedCells(code, period);
      const fromCounts = shareFromCounts(num.cells, den.cells, info.per);
      const shares = own.size > 0 ? aggregate(areas, toAgg(info), own) : fromCounts;
      const disclosed = discloseShare(areas, num.disclosed, den.disclosed, shares);
      for (const n of scope.nodes) {
        const c = shares.get(n.id);
        const origin = own.has(n.id) ? 'imported' : c?.origin === 'none' ? 'none' : 'computed';
        mark(
          n.id,
          withDisclosure(toValueCell(c, origin), disclosed.get(n.id), scope.viewer.internal),
        );
      }
    } else {
      const cells = aggregate(areas, toAgg(info), importedCells(code, period));
      for (const n of scope.nodes)
        mark(
          n.id,
          toValueCell(
            cells.get(n.id),
            cells.get(n.id)?.origin === 'aggregated' ? 'aggregated' : 'imported',
          ),
        );
    }
    for (const id of atSource)
      result.set(id, {
        ...missingCell('an der Quelle gesperrt (Geheimhaltung)'),
        state: 'suppressed',
      });
    return result;
  };

  return {
    cells(code, period) {
      const key = `${code}\u0000${period}`;
      let hit = cache.get(key);
      if (!hit) cache.set(key, (hit = compute(code, period)));
      return hit;
    },
    periods(code) {
      const info = scope.catalogue.get(code);
      const own = [...(raw.get(code)?.keys() ?? [])];
      if (info?.numeratorCode && info.denominatorCode) {
        const num = new Set(raw.get(info.numeratorCode)?.keys() ?? []);
        for (const p of raw.get(info.denominatorCode)?.keys() ?? []) if (num.has(p)) own.push(p);
      }
      return [...new Set(own)].sort();
    },
    releases,
    usedInternal: () => internalUsed,
  };
}

function toAgg(info: IndicatorInfo) {
  return {
    code: info.code,
    kind: info.kind,
    numeratorCode: info.numeratorCode,
    denominatorCode: info.denominatorCode,
    per: info.per,
    minCount: info.minCount,
  };
}

/**
 * Which indicators have values in the scope, with their periods — without computing any value
 * (a share defined by counts is available where both its counts are).
 */
export async function availableIndicators(
  database: Database,
  scope: Scope,
): Promise<Map<string, string[]>> {
  const rows = scope.preview
    ? (await repo.releaseContents(database.db, scope.preview.id)).map((r) => ({
        indicator_code: r.indicator_code,
        period: r.period,
      }))
    : await repo.availability(database.db, scope.system.id, scope.asOf);
  const raw = new Map<string, Set<string>>();
  for (const r of rows) {
    let s = raw.get(r.indicator_code);
    if (!s) raw.set(r.indicator_code, (s = new Set()));
    s.add(r.period);
  }
  const out = new Map<string, string[]>();
  for (const i of scope.catalogue.values()) {
    if (!i.isPublic && !scope.viewer.internal) continue;
    const periods = new Set(raw.get(i.code) ?? []);
    if (i.numeratorCode && i.denominatorCode) {
      const den = raw.get(i.denominatorCode) ?? new Set();
      for (const p of raw.get(i.numeratorCode) ?? []) if (den.has(p)) periods.add(p);
    }
    if (periods.size > 0) out.set(i.code, [...periods].sort());
  }
  return out;
}
