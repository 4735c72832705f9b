// Benchmark 5.2: importing the Berlin MSS 2021 file (11,382 values) against plain INSERTs and COPY.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Database } from '../src/db/client.ts';
import { indicatorValues } from '../src/db/schema/index.ts';
import { dataRoot } from '../src/modules/areas/index.ts';
import { importValues } from '../src/modules/monitoring/import-values.ts';
import * as repo from '../src/modules/monitoring/monitoring.repository.ts';
import { parseValueFile, type KnownIndicator } from '../src/modules/monitoring/parse-values.ts';
import { monitoringManifests } from '../src/modules/monitoring/seed.ts';
import {
  BERLIN,
  copyInsertPglite,
  countValues,
  multiRowInsert,
  toCsv,
  unnestInsert,
  type ValueTuple,
} from './monitoring-sql.ts';
import type { TimedRow } from './report.ts';
import { timed } from './settle.ts';

const MSS_FILE = 'mss_2021_indicators_plr.csv';

/** 5.2: importValues of the MSS file as a draft against plain INSERTs of the same parsed rows. */
export async function benchMonitoringImport(
  database: Database,
  runs: number,
  progress: (message: string) => void,
): Promise<{ rows: TimedRow[]; note: string }> {
  const found = (await monitoringManifests()).find((m) => m.manifest.system === BERLIN);
  const release = found?.manifest.releases.find((r) => r.file === MSS_FILE);
  if (!found || !release?.mapping) throw new Error(`${MSS_FILE} is not in the Berlin manifest`);
  const mapping = release.mapping;
  const bytes = readFileSync(join(dataRoot, 'berlin', MSS_FILE));
  const nodes = await repo.areaNodes(database.db, BERLIN);
  const areaIds = new Map(nodes.map((a) => [a.code, a.id]));
  const known = new Map<string, KnownIndicator>(
    (await repo.listIndicators(database.db)).map((i) => [
      i.code,
      { code: i.code, kind: i.kind as KnownIndicator['kind'], per: i.per },
    ]),
  );
  const parsed = await parseValueFile(
    { fileName: MSS_FILE, bytes, format: 'wide', mapping },
    { areaCodes: new Set(areaIds.keys()), indicators: known },
  );
  const expected = parsed.rows.length;
  if (expected !== 11_382) throw new Error(`${MSS_FILE}: ${expected} values, expected 11,382`);
  const tuples = (releaseId: number): ValueTuple[] =>
    parsed.rows.map((r) => [
      releaseId,
      areaIds.get(r.areaCode)!,
      r.indicatorCode,
      r.period,
      r.value,
      r.numerator,
      r.denominator,
      r.flag,
    ]);
  const draft = async (title: string) =>
    (
      await repo.insertRelease(database.db, {
        systemId: BERLIN,
        title,
        status: 'draft',
        fileName: MSS_FILE,
        format: 'wide',
        valueCount: expected,
      })
    ).id;
  const input = (title: string, dryRun: boolean) => ({
    systemId: BERLIN,
    fileName: MSS_FILE,
    bytes,
    format: 'wide' as const,
    mapping,
    title,
    dryRun,
  });
  const pglite = database.engine === 'pglite';
  const s = {
    read: [] as number[],
    dry: [] as number[],
    full: [] as number[],
    multi: [] as number[],
    unnest: [] as number[],
    copy: [] as number[],
    build: [] as number[],
  };
  // What repo.insertValues hands to the driver: 2,000-row drizzle INSERTs, built but not sent.
  const buildStatements = () => {
    const values: repo.ValueInsert[] = tuples(0).map(
      ([releaseId, areaId, indicatorCode, period, value, numerator, denominator, flag]) => ({
        releaseId,
        areaId,
        indicatorCode,
        period,
        value,
        numerator,
        denominator,
        flag,
      }),
    );
    let params = 0;
    for (let i = 0; i < values.length; i += 2000)
      params += database.db
        .insert(indicatorValues)
        .values(values.slice(i, i + 2000))
        .toSQL().params.length;
    if (params !== expected * 8) throw new Error(`drizzle built ${params} parameters`);
  };

  /** Times one write into a fresh draft release, checks the count, deletes the release (untimed). */
  const write = async (label: string, fn: (id: number) => Promise<unknown>): Promise<number> => {
    const id = await draft(`Bench ${label}`);
    const ms = await timed(() => fn(id));
    const n = await countValues(database, id);
    if (n !== expected) throw new Error(`${label}: ${n} values stored, expected ${expected}`);
    await repo.deleteRelease(database.db, id);
    return ms;
  };
  for (let i = 0; i <= runs; i += 1) {
    progress(`Monitoring import: run ${i}/${runs}${i === 0 ? ' (warm-up)' : ''}`);
    const read = await timed(async () => {
      const text = new TextDecoder().decode(bytes);
      const rows = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;
      if (rows.length !== 543) throw new Error(`papaparse read ${rows.length} lines`);
    });
    const dry = await timed(() => importValues(database, 'cli', input(`Bench dry ${i}`, true)));
    let releaseId = 0;
    const full = await timed(async () => {
      const summary = await importValues(database, 'cli', input(`Bench import ${i}`, false));
      if (summary.valueCount !== expected || summary.status !== 'draft')
        throw new Error(`importValues: ${summary.valueCount} values, ${summary.status}`);
      releaseId = summary.releaseId!;
    });
    if ((await countValues(database, releaseId)) !== expected) throw new Error('import count');
    await repo.deleteRelease(database.db, releaseId);
    const multi = await write('multi-row', (id) => multiRowInsert(database, tuples(id)));
    const unnest = await write('unnest', (id) => unnestInsert(database, tuples(id)));
    const copy = pglite
      ? await write('copy', (id) => copyInsertPglite(database, toCsv(tuples(id))))
      : NaN;
    const build = await timed(async () => buildStatements());
    if (i === 0) continue;
    s.build.push(build);
    s.read.push(read);
    s.dry.push(dry);
    s.full.push(full);
    s.multi.push(multi);
    s.unnest.push(unnest);
    if (pglite) s.copy.push(copy);
  }
  const rows: TimedRow[] = [
    { label: 'Read the CSV with papaparse alone (baseline A)', samples: s.read, isBaseline: true },
    {
      label: 'Plain multi-row INSERT of the same 11,382 rows (baseline B)',
      samples: s.multi,
      isBaseline: true,
      note: 'hand-built text, 2 statements of ≤ 8,000 rows, one transaction, on the driver',
    },
    {
      label: 'INSERT … SELECT FROM unnest(8 arrays), one statement, on the driver',
      samples: s.unnest,
      baseline: s.multi,
      note: 'vs B',
    },
  ];
  if (pglite)
    rows.push({
      label: "COPY … FROM '/dev/blob' (CSV, PGlite)",
      samples: s.copy,
      baseline: s.multi,
      note: 'vs B; CSV built in the timing',
    });
  rows.push(
    {
      label: 'importValues dryRun (read, parse, check; no write)',
      samples: s.dry,
      baseline: s.read,
      note: 'vs A',
    },
    {
      label: 'importValues (11,382 values, draft)',
      samples: s.full,
      baseline: s.read,
      note: 'vs A',
    },
    {
      label: 'importValues (11,382 values, draft)',
      samples: s.full,
      baseline: s.multi,
      note: 'vs B',
    },
    {
      label: 'importValues minus dryRun (≈ its database write)',
      samples: s.full.map((f, i) => f - s.dry[i]!),
      baseline: s.multi,
      note: 'vs B; per-run difference',
    },
    {
      label: 'step: building its 6 drizzle INSERTs of 2,000 rows (toSQL), CPU only',
      samples: s.build,
      baseline: s.multi,
      note: 'vs B; part of the write above',
    },
  );
  const note = pglite
    ? ''
    : 'COPY … FROM STDIN is not measured on the server: `pg` alone answers a COPY with CopyFail ("No source stream defined", node_modules/pg/lib/query.js), and pg-copy-streams is not installed.';
  return { rows, note };
}
