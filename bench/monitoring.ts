// Benchmark 5: the monitoring module — index recompute and read path against hand-written SQL; the
// import (monitoring-import.ts) and the pages (monitoring-pages.ts) are run from here too.
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { createTestApp } from '../src/server/testing.ts';
import { computeIndexRun, readStoredConfig } from '../src/modules/monitoring/compute-index.ts';
import { computeIndex, type IndexUnit } from '../src/modules/monitoring/index-method.ts';
import * as repo from '../src/modules/monitoring/monitoring.repository.ts';
import { loadScope, resolveValues } from '../src/modules/monitoring/resolve-values.ts';
import {
  BERLIN,
  MSS_CONFIG,
  checkMssConfig,
  mssIndexSql,
  valuesInForceSql,
  verifyIndexSql,
  verifyValuesSql,
  type IndexSqlRow,
} from './monitoring-sql.ts';
import { benchMonitoringImport } from './monitoring-import.ts';
import { benchMonitoringPages, monitoringPageSteps } from './monitoring-pages.ts';
import type { PageBenchOptions } from './pages.ts';
import { loadTable, timedTable, type TimedRow } from './report.ts';
import { settle, timed } from './settle.ts';
import { fmt } from './stats.ts';

export interface MonitoringBenchOptions extends PageBenchOptions {
  /** Timed runs of the import (after one warm-up). */
  runs: number;
}

/** Calls per variant in the index and read-path comparisons, and per step of the pages. */
const CALLS = 20;
const STEP_CALLS = 15;

/**
 * Times the variants in turn, call after call (so a disturbance hits all alike), after `warmup`
 * unmeasured rounds; before each call a full GC and a short pause.
 */
async function alternate(
  variants: (() => Promise<unknown>)[],
  n: number,
  warmup: number,
): Promise<number[][]> {
  for (let i = 0; i < warmup; i += 1) for (const v of variants) await v();
  const samples: number[][] = variants.map(() => []);
  for (let i = 0; i < n; i += 1)
    for (const [j, v] of variants.entries()) {
      await settle(20);
      const s = performance.now();
      await v();
      samples[j]!.push(performance.now() - s);
    }
  return samples;
}

/** 5.1: computeIndexRun against one SQL statement, checked area by area; then its steps. */
async function benchIndex(
  database: Database,
  n: number,
): Promise<{ rows: TimedRow[]; check: string }> {
  await checkMssConfig(database);
  const seeded = await repo.latestIndexRun(database.db, MSS_CONFIG);
  if (!seeded) throw new Error(`${MSS_CONFIG} has no run: is Berlin seeded?`);
  const period = seeded.period;
  const [max] = await database.rows<{ id: number }>(
    sql`select coalesce(max(id), 0)::int as id from index_runs`,
  );
  const runSql = () => database.rows<IndexSqlRow>(mssIndexSql(period));
  // A freshly seeded database has no planner statistics (PGlite never runs autovacuum; the
  // server's runs within a minute or so): the SQL then gets nested loops. One ANALYZE here, before
  // all of benchmark 5; the second of two calls before it is shown for the record.
  await runSql();
  const unanalysed = await timed(runSql);
  await database.rows(sql`analyze`);
  await verifyIndexSql(database, seeded.id, await runSql());

  // The steps of computeIndexRun one by one, on the same inputs.
  const config = (await repo.findIndexConfig(database.db, MSS_CONFIG))!;
  const scope = await loadScope(database, BERLIN, { internal: true });
  const stored = readStoredConfig(config, (c) => scope.catalogue.get(c)?.polarity);
  const codes = [...stored.statusCodes, ...stored.dynamicsCodes, stored.populationIndicator!];
  const resolve = async () => {
    const r = await resolveValues(database, scope, codes);
    for (const c of codes) r.cells(c, period);
    return r;
  };
  const resolved = await resolve();
  const units: IndexUnit[] = scope.nodes
    .filter((u) => u.levelKey === config.levelKey)
    .map((u) => {
      const value = (c: string) => resolved.cells(c, period).get(u.id)?.value ?? null;
      const values: Record<string, number | null> = {};
      for (const c of [...stored.statusCodes, ...stored.dynamicsCodes]) values[c] = value(c);
      return { areaId: u.id, code: u.code, population: value('EW'), values };
    });
  const result = computeIndex(units, stored.method);
  const store = () =>
    database.db.transaction((tx) =>
      repo.insertIndexRun(
        tx,
        {
          configId: MSS_CONFIG,
          systemId: BERLIN,
          levelKey: config.levelKey,
          period,
          configSnapshot: config.config,
          releaseIds: resolved.releases.map((r) => r.id),
          indexedCount: result.indexedCount,
          computedBy: null,
        },
        result.areas.map((a) => ({
          areaId: a.areaId,
          statusIndex: a.statusIndex,
          statusClass: a.statusClass,
          dynamicsIndex: a.dynamicsIndex,
          dynamicsClass: a.dynamicsClass,
          notIndexedReason: a.notIndexedReason,
        })),
      ),
    );

  let lastRun = seeded.id;
  const [sqlMs, fullMs, scopeMs, fetchMs, resolveMs, computeMs, storeMs] = await alternate(
    [
      runSql,
      async () => {
        const runs = await computeIndexRun(database, 'cli', MSS_CONFIG);
        if (runs.length !== 1) throw new Error(`computeIndexRun stored ${runs.length} runs`);
        lastRun = runs[0]!.id;
      },
      async () => {
        await repo.findIndexConfig(database.db, MSS_CONFIG);
        await loadScope(database, BERLIN, { internal: true });
      },
      () => resolveValues(database, scope, codes),
      resolve,
      async () => computeIndex(units, stored.method),
      store,
    ],
    n,
    2,
  );
  // The last run computeIndexRun stored must agree with the SQL, too.
  const indexed = await verifyIndexSql(database, lastRun, await runSql());
  await database.rows(sql`delete from index_runs where id > ${max?.id ?? 0}`);
  const vs = sqlMs!;
  return {
    rows: [
      {
        label: 'One SQL statement: values in force → z → sums → index → classes (baseline)',
        samples: vs,
        isBaseline: true,
        note: '542 rows',
      },
      {
        label: '`computeIndexRun(database, "cli", "mss-2021")`',
        samples: fullMs!,
        baseline: vs,
        note: 'read, compute, store run + 542 results + audit',
      },
      {
        label: 'step: findIndexConfig + loadScope (system, 755 areas, catalogue)',
        samples: scopeMs!,
        baseline: vs,
      },
      {
        label: 'step: resolveValues of EW, S1–S4, D1–D4, no cell asked for',
        samples: fetchMs!,
        baseline: vs,
        note: 'values in force query, grouping, releases query',
      },
      {
        label: 'step: resolveValues of EW, S1–S4, D1–D4 + their cells',
        samples: resolveMs!,
        baseline: vs,
        note: 'values in force, aggregation, disclosure',
      },
      { label: 'step: computeIndex (CPU only)', samples: computeMs!, baseline: vs },
      {
        label: 'step: insertIndexRun (run + 542 results) in a transaction',
        samples: storeMs!,
        baseline: vs,
        note: 'without the audit entry',
      },
    ],
    check: `Before ANALYZE the SQL took ${fmt(unanalysed)} ms (one call). Checked before and after the timing: the SQL's status and dynamics classes equal those of the stored run for all 542 Planungsräume (${indexed} indexed, ${542 - indexed} not indexed), the indices agree to 1e-9.`,
  };
}

/** 5.3: resolveValues (values in force → aggregate → disclosure, public viewer) against its SQL. */
async function benchRead(database: Database, n: number): Promise<TimedRow[]> {
  const cases: {
    label: string;
    system: string;
    codes: string[] | null;
    latest: boolean;
    /** Also time loadScope of the system. */
    scope: boolean;
    calls?: number;
  }[] = [
    {
      label: 'Oberhausen `kinderarmut`',
      system: 'oberhausen',
      codes: ['kinderarmut'],
      latest: true,
      scope: true,
    },
    { label: 'Berlin `S4`', system: BERLIN, codes: ['S4'], latest: true, scope: true },
    {
      label: 'Berlin, every public indicator, all periods (as the profile reads)',
      system: BERLIN,
      codes: null,
      latest: false,
      scope: false,
      calls: Math.ceil(n / 2),
    },
  ];
  const rows: TimedRow[] = [];
  for (const c of cases) {
    const scope = await loadScope(database, c.system, { internal: false });
    const codes =
      c.codes ?? [...scope.catalogue.values()].filter((i) => i.isPublic).map((i) => i.code);
    const wanted = [
      ...new Set(
        codes.flatMap((code) => {
          const i = scope.catalogue.get(code)!;
          return [code, i.numeratorCode, i.denominatorCode].filter((x): x is string => x !== null);
        }),
      ),
    ];
    const probe = await resolveValues(database, scope, codes);
    const period = c.latest ? probe.periods(codes[0]!).at(-1) : undefined;
    if (c.latest && !period) throw new Error(`${c.label}: no period`);
    const periods = period ? [period] : undefined;
    const valueRows = await verifyValuesSql(database, c.system, wanted, period);
    const cellsOf = (r: Awaited<ReturnType<typeof resolveValues>>) => {
      let cells = 0;
      let suppressed = 0;
      for (const code of codes)
        for (const p of r.periods(code))
          for (const cell of r.cells(code, p).values()) {
            cells += 1;
            if (cell.state === 'suppressed') suppressed += 1;
          }
      return { cells, suppressed };
    };
    const shown = cellsOf(await resolveValues(database, scope, codes, periods));
    const [sqlMs, plainMs, fullMs, scopeMs] = await alternate(
      [
        () => database.rows(valuesInForceSql(c.system, wanted, period)),
        () => resolveValues(database, scope, codes, periods),
        async () => cellsOf(await resolveValues(database, scope, codes, periods)),
        ...(c.scope ? [() => loadScope(database, c.system, { internal: false })] : []),
      ],
      c.calls ?? n,
      3,
    );
    rows.push(
      {
        label: `${c.label}: values in force, hand-written SQL (baseline)`,
        samples: sqlMs!,
        isBaseline: true,
        note: `${valueRows} rows${period ? `, period ${period}` : ''}`,
      },
      {
        label: `${c.label}: resolveValues, no cell asked for`,
        samples: plainMs!,
        baseline: sqlMs,
        note: 'SQL + grouping + releases query',
      },
      {
        label: `${c.label}: resolveValues + every cell`,
        samples: fullMs!,
        baseline: sqlMs,
        note: `${shown.cells} cells (${scope.nodes.length} areas), ${shown.suppressed} suppressed`,
      },
    );
    if (scopeMs)
      rows.push({
        label: `${c.label}: loadScope (run before it by every page)`,
        samples: scopeMs,
        baseline: sqlMs,
        note: 'system, areas, catalogue',
      });
  }
  return rows;
}

/** All of benchmark 5 on a seeded app of its own (rate limits lifted for 127.0.0.1); markdown. */
export async function benchMonitoring(o: MonitoringBenchOptions): Promise<string> {
  const out: string[] = [];
  o.progress('Monitoring: fresh database, migrate, seed, start the app');
  const setupStart = performance.now();
  const t = await createTestApp({ seed: true, listen: true, rateLimitAllowList: ['127.0.0.1'] });
  const setupS = ((performance.now() - setupStart) / 1000).toFixed(1);
  try {
    out.push(
      `### 5. Monitoring (own app: fresh database, seed Berlin + Oberhausen, start: ${setupS} s)`,
      '',
    );
    o.progress('Monitoring: index recompute');
    const index = await benchIndex(t.database, CALLS);
    out.push(
      `#### 5.1 Index recompute, MSS 2021 (542 Planungsräume), ${CALLS} alternating calls after 2 unmeasured`,
      '',
      timedTable(index.rows),
      '',
      index.check,
      '',
    );
    const imported = await benchMonitoringImport(t.database, o.runs, o.progress);
    out.push(
      '#### 5.2 Import of the MSS 2021 file (11,382 values, wide CSV) as a draft',
      '',
      timedTable(imported.rows),
      '',
    );
    if (imported.note) out.push(imported.note, '');
    o.progress('Monitoring: read path');
    out.push(
      `#### 5.3 Read path, public viewer, ${CALLS} alternating calls after 3 unmeasured (${CALLS / 2} for every indicator)`,
      '',
      timedTable(await benchRead(t.database, CALLS)),
      '',
    );
    out.push(
      '#### 5.4 Monitoring pages vs. the same bytes from a static server',
      '',
      loadTable(await benchMonitoringPages(t, o)),
      '',
    );
    o.progress('Monitoring: page steps');
    out.push(
      `Where the time goes: the steps one at a time (c = 1), ${STEP_CALLS} calls each after 3 unmeasured`,
      '',
      timedTable(await monitoringPageSteps(t, STEP_CALLS)),
    );
  } finally {
    await t.close();
  }
  return out.join('\n');
}
