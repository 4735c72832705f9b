// Benchmark 3: importing the 542 Berlin Planungsräume against reading the shapefile alone and a plain INSERT.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as shapefile from 'shapefile';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { dataRoot } from '../src/modules/areas/seed.ts';
import { importAreas } from '../src/modules/areas/import-areas.ts';
import { upsertAreaSystem } from '../src/modules/areas/upsert-area-system.ts';
import type { TimedRow } from './report.ts';
import { timed } from './settle.ts';

const stem = join(dataRoot, 'berlin', 'lor_planungsraeume_2021');
const SHP = `${stem}.shp`;
const mapping = { codeField: 'PLR_ID', nameField: 'PLR_NAME' };
const LEVEL = 'planungsraum';

interface StoredRow {
  code: string;
  name: string;
  level_key: string;
  parent_id: number | null;
  population: number | null;
  population_date: string | null;
  population_source: string | null;
  geometry: unknown;
  display_geometry: unknown;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  area_m2: number | null;
  attributes: unknown;
}

let systems = 0;

/** A fresh system with the one level, as import-areas.test.ts sets it up (not timed). */
async function freshSystem(database: Database): Promise<string> {
  systems += 1;
  const id = `bench-import-${process.pid}-${systems}`;
  await upsertAreaSystem(database, {
    id,
    name: `Bench ${systems}`,
    description: '',
    levels: [{ key: LEVEL, name: 'Planungsraum' }],
    source: 'bench',
    licence: '',
    isExample: false,
  });
  return id;
}

async function dropSystem(database: Database, id: string): Promise<void> {
  await database.rows(sql`delete from area_systems where id = ${id}`);
}

/** Baseline: the shapefile package alone, every record read (geometry and attributes), nothing else. */
async function readShapefileOnly(): Promise<number> {
  const encoding = readFileSync(`${stem}.cpg`, 'utf8').trim().toLowerCase();
  const source = await shapefile.open(SHP, `${stem}.dbf`, { encoding });
  let n = 0;
  for (;;) {
    const next = await source.read();
    if (next.done) break;
    n += 1;
  }
  return n;
}

/** Baseline: the rows importAreas stored, written again with one plain multi-row INSERT. */
async function plainInsert(database: Database, systemId: string, rows: StoredRow[]): Promise<void> {
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  const values = rows.map(
    (r) =>
      sql`(${systemId}, ${r.code}, ${r.name}, ${r.level_key}, ${r.parent_id}, ${r.population},
           ${r.population_date}, ${r.population_source}, ${json(r.geometry)}::jsonb,
           ${json(r.display_geometry)}::jsonb, ${r.min_lon}, ${r.min_lat}, ${r.max_lon}, ${r.max_lat},
           ${r.area_m2}, ${json(r.attributes)}::jsonb)`,
  );
  await database.rows(
    sql`insert into areas (system_id, code, name, level_key, parent_id, population, population_date,
          population_source, geometry, display_geometry, min_lon, min_lat, max_lon, max_lat, area_m2,
          attributes)
        values ${sql.join(values, sql`, `)}`,
  );
}

export async function benchImport(
  database: Database,
  runs: number,
  progress: (message: string) => void,
): Promise<TimedRow[]> {
  const read: number[] = [];
  const dry: number[] = [];
  const full: number[] = [];
  const insert: number[] = [];
  // Run 0 warms up (module loading, JIT, proj4 definitions) and is not counted.
  for (let i = 0; i <= runs; i += 1) {
    progress(`Import: run ${i}/${runs}${i === 0 ? ' (warm-up)' : ''}`);
    const keep = i > 0;

    const readMs = await timed(async () => {
      const n = await readShapefileOnly();
      if (n !== 542) throw new Error(`expected 542 records, read ${n}`);
    });

    const target = await freshSystem(database);
    const options = { systemId: target, levelKey: LEVEL, mapping };
    const dryMs = await timed(() => importAreas(database, SHP, { ...options, dryRun: true }));
    const fullMs = await timed(async () => {
      const summary = await importAreas(database, SHP, { ...options, dryRun: false });
      if (summary.created !== 542) throw new Error(`expected 542 created, got ${summary.created}`);
    });

    const stored = await database.rows<StoredRow>(
      sql`select code, name, level_key, parent_id, population, population_date::text as population_date,
                 population_source, geometry, display_geometry, min_lon, min_lat, max_lon, max_lat,
                 area_m2, attributes
            from areas where system_id = ${target} order by code`,
    );
    const copy = await freshSystem(database);
    const insertMs = await timed(() => plainInsert(database, copy, stored));
    const [count] = await database.rows<{ n: number }>(
      sql`select count(*) as n from areas where system_id = ${copy}`,
    );
    if (count?.n !== 542) throw new Error(`plain INSERT stored ${count?.n} rows`);
    await dropSystem(database, target);
    await dropSystem(database, copy);

    if (keep) {
      read.push(readMs);
      dry.push(dryMs);
      full.push(fullMs);
      insert.push(insertMs);
    }
  }
  return [
    {
      label: 'Read shapefile with `shapefile` alone (baseline A)',
      samples: read,
      isBaseline: true,
    },
    {
      label: 'Plain multi-row INSERT of the same 542 rows (baseline B)',
      samples: insert,
      isBaseline: true,
      note: 'one statement, JSON serialised in the timing',
    },
    {
      label: 'importAreas dryRun (read, reproject, check, derive; no write)',
      samples: dry,
      baseline: read,
      note: 'vs A',
    },
    { label: 'importAreas (542 PLR, new system)', samples: full, baseline: read, note: 'vs A' },
    { label: 'importAreas (542 PLR, new system)', samples: full, baseline: insert, note: 'vs B' },
    {
      label: 'importAreas minus dryRun (≈ its database write)',
      samples: full.map((f, i) => f - dry[i]!),
      baseline: insert,
      note: 'vs B; per-run difference',
    },
  ];
}
