// Use cases of the social index: compute a configuration per period from the values in force and
// store each run with the configuration it used; export a run as CSV.
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import { audit } from '../accounts/index.ts';
import type { Acting } from './import-values.ts';
import {
  computeIndex,
  validateIndexConfig,
  type IndexConfig,
  type IndexUnit,
} from './index-method.ts';
import * as repo from './monitoring.repository.ts';
import { loadScope, resolveValues } from './resolve-values.ts';

/** What is stored per configuration: the method's parameters plus how to find its inputs. */
const storedConfigSchema = z
  .object({
    /** Dynamics as the change of these indicators over N years, computed from the values. */
    dynamicsYears: z.number().int().min(1).max(20).nullish(),
    /** Population for the minimum rule from this indicator; otherwise the areas' own population. */
    populationIndicator: z.string().min(1).nullish(),
  })
  .passthrough();

export interface StoredIndexConfig {
  method: IndexConfig;
  statusCodes: string[];
  dynamicsCodes: string[];
  dynamicsYears: number | null;
  populationIndicator: string | null;
}

/** Code under which a computed change enters the method (a status indicator may also be a dynamics one). */
const changeCode = (code: string, years: number) => `${code}@Δ${years}`;

export function readStoredConfig(
  row: repo.IndexConfigRow,
  polarity: (code: string) => string | undefined,
): StoredIndexConfig {
  const extra = storedConfigSchema.parse(row.config);
  const { dynamicsYears, populationIndicator, ...rest } = extra;
  const years = dynamicsYears ?? null;
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const statusCodes = strings(rest['statusIndicators']);
  const dynamicsCodes = strings(rest['dynamicsIndicators']);
  const rename = (c: string) => (years ? changeCode(c, years) : c);
  // Polarity from the catalogue unless the configuration says otherwise.
  const given = (rest['highIsBad'] ?? {}) as Record<string, unknown>;
  const highIsBad: Record<string, unknown> = {};
  for (const c of statusCodes)
    highIsBad[c] = given[c] ?? (polarity(c) === 'high_good' ? false : undefined);
  for (const c of dynamicsCodes)
    highIsBad[rename(c)] =
      given[rename(c)] ?? given[c] ?? (polarity(c) === 'high_good' ? false : undefined);
  for (const k of Object.keys(highIsBad)) if (highIsBad[k] === undefined) delete highIsBad[k];
  const method = validateIndexConfig({
    ...rest,
    id: row.id,
    name: row.name,
    dynamicsIndicators: dynamicsCodes.map(rename),
    highIsBad,
  });
  return {
    method,
    statusCodes,
    dynamicsCodes,
    dynamicsYears: years,
    populationIndicator: populationIndicator ?? null,
  };
}

/** The same day or year, N years earlier (2023 → 2021, 2023-12-31 → 2021-12-31). */
export function yearsBefore(period: string, years: number): string {
  const year = Number(period.slice(0, 4)) - years;
  return `${String(year).padStart(4, '0')}${period.slice(4)}`;
}

export async function computeIndexRun(
  database: Database,
  acting: Acting,
  configId: string,
  period?: string,
): Promise<repo.IndexRunRow[]> {
  const row = await repo.findIndexConfig(database.db, configId);
  if (!row) throw new AppError('not_found', `Die Index-Konfiguration „${configId}“ gibt es nicht.`);
  const scope = await loadScope(database, row.systemId, { internal: true });
  const stored = readStoredConfig(row, (c) => scope.catalogue.get(c)?.polarity);
  for (const code of [...stored.statusCodes, ...stored.dynamicsCodes])
    if (!scope.catalogue.has(code))
      throw new AppError('invalid_input', `Der Index nutzt den unbekannten Indikator „${code}“.`);
  const units = scope.nodes.filter((n) => n.levelKey === row.levelKey);
  if (units.length === 0)
    throw new AppError('invalid_input', `Die Ebene „${row.levelKey}“ hat keine Gebiete.`);
  const codes = [
    ...new Set([
      ...stored.statusCodes,
      ...stored.dynamicsCodes,
      ...(stored.populationIndicator ? [stored.populationIndicator] : []),
    ]),
  ];
  const resolved = await resolveValues(database, scope, codes);
  const common = (list: string[]) =>
    list
      .map((c) => new Set(resolved.periods(c)))
      .reduce((a, b) => new Set([...a].filter((p) => b.has(p))));
  let periods = [...common(stored.statusCodes)];
  if (stored.dynamicsCodes.length > 0) {
    const dyn = common(stored.dynamicsCodes);
    periods = periods.filter((p) =>
      stored.dynamicsYears
        ? dyn.has(p) && dyn.has(yearsBefore(p, stored.dynamicsYears))
        : dyn.has(p),
    );
  }
  if (period) {
    if (!periods.includes(period))
      throw new AppError(
        'not_found',
        `Für ${period} fehlen Werte für den Index (vorhanden: ${periods.join(', ') || 'keine'}).`,
      );
    periods = [period];
  }
  if (periods.length === 0)
    throw new AppError(
      'not_found',
      'Es gibt keinen Zeitraum, für den alle Indikatoren des Index Werte haben.',
    );

  const runs: repo.IndexRunRow[] = [];
  for (const p of periods.sort()) {
    const value = (code: string, at: string, id: number) =>
      resolved.cells(code, at).get(id)?.value ?? null;
    const input: IndexUnit[] = units.map((n) => {
      const values: Record<string, number | null> = {};
      for (const c of stored.statusCodes) values[c] = value(c, p, n.id);
      for (const c of stored.dynamicsCodes) {
        if (stored.dynamicsYears) {
          const now = value(c, p, n.id);
          const before = value(c, yearsBefore(p, stored.dynamicsYears), n.id);
          values[changeCode(c, stored.dynamicsYears)] =
            now !== null && before !== null ? now - before : null;
        } else values[c] = value(c, p, n.id);
      }
      const population = stored.populationIndicator
        ? value(stored.populationIndicator, p, n.id)
        : n.population;
      return { areaId: n.id, code: n.code, population, values };
    });
    const result = computeIndex(input, stored.method);
    const run = await database.db.transaction(async (tx) => {
      const created = await repo.insertIndexRun(
        tx,
        {
          configId,
          systemId: row.systemId,
          levelKey: row.levelKey,
          period: p,
          configSnapshot: row.config,
          releaseIds: resolved.releases.map((r) => r.id).sort((a, b) => a - b),
          indexedCount: result.indexedCount,
          computedBy: acting === 'cli' ? null : acting.userId,
        },
        result.areas.map((a) => ({
          areaId: a.areaId,
          statusIndex: a.statusIndex,
          statusClass: a.statusClass,
          dynamicsIndex: a.dynamicsIndex,
          dynamicsClass: a.dynamicsClass,
          notIndexedReason: a.notIndexedReason,
        })),
      );
      await audit(tx, acting, {
        action: 'index.compute',
        entity: 'index_run',
        entityId: created.id,
        after: { configId, period: p, indexed: result.indexedCount, releases: created.releaseIds },
      });
      return created;
    });
    runs.push(run);
  }
  return runs;
}

/**
 * Recomputes a configuration when the values in force changed after its latest run (a release was
 * published or withdrawn, or an embargo ended), so the index never lags behind the figures.
 */
export async function ensureFreshIndex(database: Database, configId: string): Promise<void> {
  const config = await repo.findIndexConfig(database.db, configId);
  if (!config) return;
  const run = await repo.latestIndexRun(database.db, configId);
  const changed = await repo.lastValuesChange(database.db, config.systemId, new Date());
  if (run && (!changed || changed <= run.computedAt)) return;
  try {
    await computeIndexRun(database, 'cli', configId);
  } catch (e) {
    // Nothing to index (no period with all inputs, too few units): the old runs stay as they are.
    if (!(e instanceof AppError)) throw e;
  }
}

const round2 = (v: number | null) => (v === null ? '' : v.toFixed(2));

/** `area_code,status_index,status_class,dynamics_index,dynamics_class` of the latest run. */
export async function indexExportCsv(
  database: Database,
  systemId: string,
  configId: string,
  period?: string,
): Promise<string> {
  const row = await repo.findIndexConfig(database.db, configId);
  if (!row) throw new AppError('not_found', `Die Index-Konfiguration „${configId}“ gibt es nicht.`);
  if (row.systemId !== systemId)
    throw new AppError(
      'invalid_input',
      `Die Index-Konfiguration „${configId}“ gehört zur Gliederung „${row.systemId}“, nicht zu „${systemId}“.`,
    );
  await ensureFreshIndex(database, configId);
  const run = await repo.latestIndexRun(database.db, configId, period);
  if (!run)
    throw new AppError(
      'not_found',
      `Für „${configId}“${period ? ` und ${period}` : ''} ist noch kein Index berechnet (sozialraum index compute --config ${configId}).`,
    );
  const codes = new Map((await repo.areaNodes(database.db, systemId)).map((n) => [n.id, n.code]));
  const lines = (await repo.indexResultsOf(database.db, run.id))
    .map((r) => ({ code: codes.get(r.areaId) ?? String(r.areaId), r }))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ code, r }) =>
      [
        code,
        round2(r.statusIndex),
        r.statusClass ?? '',
        round2(r.dynamicsIndex),
        r.dynamicsClass ?? '',
      ].join(','),
    );
  return `${['area_code', 'status_index', 'status_class', 'dynamics_index', 'dynamics_class'].join(',')}\n${lines.join('\n')}\n`;
}
