// Import of area files on the real engine: the Berlin shapefile, and every kind of bad input refused whole.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { AppError } from '../../core/errors.ts';
import { dataRoot } from './seed.ts';
import { importAreas } from './import-areas.ts';
import { upsertAreaSystem } from './upsert-area-system.ts';

let database: Database;
const dir = mkdtempSync(join(tmpdir(), 'areas-import-'));
const berlin = join(dataRoot, 'berlin');

async function countAreas(systemId: string): Promise<number> {
  const [row] = await database.rows<{ n: number }>(
    sql`select count(*) as n from areas where system_id = ${systemId}`,
  );
  return row!.n;
}

function geojson(name: string, features: unknown[], extra: Record<string, unknown> = {}): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', ...extra, features }));
  return path;
}

const square = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
const feature = (
  code: string,
  name: string,
  geometry: unknown,
  props: Record<string, unknown> = {},
) => ({
  type: 'Feature',
  properties: { code, name, ...props },
  geometry,
});

async function refused(promise: Promise<unknown>, pattern: RegExp): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof AppError, `expected AppError, got ${String(e)}`);
    const text = [
      e.message,
      ...e.details.map((d) => `${d.file ?? ''} ${d.row ?? ''} ${d.field ?? ''} ${d.message}`),
    ].join('\n');
    assert.match(text, pattern);
    return e;
  }
  assert.fail('import was not refused');
}

before(async () => {
  database = await createTestDatabase();
  await upsertAreaSystem(database, {
    id: 'berlin-test',
    name: 'Berlin Test',
    description: '',
    levels: [
      { key: 'bezirk', name: 'Bezirk' },
      { key: 'planungsraum', name: 'Planungsraum' },
    ],
    source: 'test',
    licence: 'CC BY 3.0 DE',
    isExample: false,
  });
  await upsertAreaSystem(database, {
    id: 'probe',
    name: 'Probe',
    description: '',
    levels: [
      { key: 'stadt', name: 'Stadt' },
      { key: 'teil', name: 'Stadtteil' },
    ],
    source: '',
    licence: '',
    isExample: true,
  });
});
after(async () => database.close());

test('the Berlin Planungsräume shapefile (EPSG:25833) yields 542 areas matching GROESSE_M2 within 0.5 %', async () => {
  await importAreas(database, join(berlin, 'bezirke.csv'), {
    systemId: 'berlin-test',
    levelKey: 'bezirk',
    mapping: { codeField: 'code', nameField: 'name' },
    dryRun: false,
  });
  const summary = await importAreas(database, join(berlin, 'lor_planungsraeume_2021.shp'), {
    systemId: 'berlin-test',
    levelKey: 'planungsraum',
    mapping: { codeField: 'PLR_ID', nameField: 'PLR_NAME', parentPrefix: 2 },
    dryRun: false,
  });
  assert.equal(summary.crs, 'EPSG:25833');
  assert.equal(summary.created, 542);
  const rows = await database.rows<{
    code: string;
    area_m2: number;
    expected: number;
    min_lon: number;
    min_lat: number;
    max_lon: number;
    max_lat: number;
  }>(
    sql`select code, area_m2, (attributes->>'GROESSE_M2')::float8 as expected, min_lon, min_lat, max_lon, max_lat
          from areas where system_id = 'berlin-test' and level_key = 'planungsraum'`,
  );
  assert.equal(rows.length, 542);
  let worst = 0;
  for (const r of rows) {
    const deviation = Math.abs(r.area_m2 - r.expected) / r.expected;
    worst = Math.max(worst, deviation);
    assert.ok(
      deviation < 0.005,
      `${r.code}: ${r.area_m2} m² vs ${r.expected} m² (${(deviation * 100).toFixed(3)} %)`,
    );
    // Berlin's bounding box in WGS84.
    assert.ok(
      r.min_lon > 13.08 && r.max_lon < 13.77 && r.min_lat > 52.33 && r.max_lat < 52.68,
      `${r.code} outside Berlin`,
    );
  }
  assert.ok(worst > 0, 'areas are computed, not copied');
});

test('a dry run reports what would be written and writes nothing', async () => {
  const path = geojson('dry.geojson', [feature('S1', 'Stadt', square(7, 51, 0.1))]);
  const summary = await importAreas(database, path, {
    systemId: 'probe',
    levelKey: 'stadt',
    mapping: { codeField: 'code', nameField: 'name' },
    dryRun: true,
  });
  assert.equal(summary.created, 1);
  assert.equal(summary.dryRun, true);
  assert.equal(await countAreas('probe'), 0);
});

test('bad files are refused with file, feature and field, and nothing is written', async () => {
  await importAreas(
    database,
    geojson('city.geojson', [feature('S1', 'Stadt', square(7, 51, 0.1))]),
    {
      systemId: 'probe',
      levelKey: 'stadt',
      mapping: { codeField: 'code', nameField: 'name' },
      dryRun: false,
    },
  );
  const before = await countAreas('probe');
  const teil = {
    systemId: 'probe',
    levelKey: 'teil',
    mapping: { codeField: 'code', nameField: 'name', parentField: 'parent' },
    dryRun: false,
  };

  const broken = join(dir, 'broken.geojson');
  writeFileSync(broken, '{"type": "FeatureCollection", "features": [');
  await refused(importAreas(database, broken, teil), /broken\.geojson.*kein gültiges JSON/);

  await refused(
    importAreas(
      database,
      geojson('dup.geojson', [
        feature('T1', 'A', square(7, 51), { parent: 'S1' }),
        feature('T1', 'B', square(7.02, 51), { parent: 'S1' }),
      ]),
      teil,
    ),
    /dup\.geojson 2 code .*doppelt/,
  );
  await refused(
    importAreas(
      database,
      geojson('orphan.geojson', [
        feature('T1', 'A', square(7, 51), { parent: 'S1' }),
        feature('T2', 'B', square(7.02, 51), { parent: 'S9' }),
      ]),
      teil,
    ),
    /orphan\.geojson 2 parent .*„S9“/,
  );
  const open = {
    type: 'Polygon',
    coordinates: [
      [
        [7, 51],
        [7.1, 51],
        [7.1, 51.1],
        [7, 51.1],
      ],
    ],
  };
  await refused(
    importAreas(
      database,
      geojson('ring.geojson', [feature('T1', 'A', open, { parent: 'S1' })]),
      teil,
    ),
    /ring\.geojson 1 geometry .*(nicht geschlossen|weniger als 4)/,
  );
  await refused(
    importAreas(
      database,
      geojson('projected.geojson', [
        feature('T1', 'A', square(350000, 5700000, 100), { parent: 'S1' }),
      ]),
      teil,
    ),
    /projected\.geojson 1 geometry .*nicht in WGS84/,
  );
  await refused(
    importAreas(
      database,
      geojson('crs.geojson', [feature('T1', 'A', square(7, 51), { parent: 'S1' })], {
        crs: { type: 'name', properties: { name: 'urn:made:up' } },
      }),
      teil,
    ),
    /Unbekannte Projektion/,
  );
  await refused(
    importAreas(database, geojson('nofield.geojson', [feature('T1', 'A', square(7, 51))]), {
      ...teil,
      mapping: { codeField: 'kennung', nameField: 'name' },
    }),
    /kennung.*gibt es in der Datei nicht/,
  );

  const noPrj = join(dir, 'noprj.shp');
  copyFileSync(join(berlin, 'lor_prognoseraeume_2021.shp'), noPrj);
  copyFileSync(join(berlin, 'lor_prognoseraeume_2021.dbf'), join(dir, 'noprj.dbf'));
  await refused(
    importAreas(database, noPrj, {
      ...teil,
      mapping: { codeField: 'PGR_ID', nameField: 'PGR_NAME' },
    }),
    /Projektionsdatei noprj\.prj/,
  );
  const oddPrj = join(dir, 'odd.shp');
  copyFileSync(join(berlin, 'lor_prognoseraeume_2021.shp'), oddPrj);
  copyFileSync(join(berlin, 'lor_prognoseraeume_2021.dbf'), join(dir, 'odd.dbf'));
  writeFileSync(join(dir, 'odd.prj'), 'PROJCS["Lambert_Mars",GEOGCS["GCS_Mars_2000"]]');
  await refused(
    importAreas(database, oddPrj, {
      ...teil,
      mapping: { codeField: 'PGR_ID', nameField: 'PGR_NAME' },
    }),
    /Lambert_Mars.*nicht bekannt/,
  );

  // One good feature beside one bad one: still nothing written.
  await refused(
    importAreas(
      database,
      geojson('mixed.geojson', [
        feature('T1', 'A', square(7, 51), { parent: 'S1' }),
        feature('', 'B', square(7.02, 51), { parent: 'S1' }),
      ]),
      teil,
    ),
    /mixed\.geojson 2 code .*Schlüssel fehlt/,
  );
  assert.equal(await countAreas('probe'), before);
});

test('areas with a parent field, one without geometry', async () => {
  const summary = await importAreas(
    database,
    geojson('teile.geojson', [
      feature('T1', 'Teil 1', square(7, 51), { parent: 'S1' }),
      feature('T2', 'Teil 2', null, { parent: 'S1' }),
    ]),
    {
      systemId: 'probe',
      levelKey: 'teil',
      mapping: { codeField: 'code', nameField: 'name', parentField: 'parent' },
      dryRun: false,
    },
  );
  assert.deepEqual([summary.created, summary.withGeometry, summary.withoutGeometry], [2, 1, 1]);
  const [row] = await database.rows<{ parent: string }>(
    sql`select p.code as parent from areas a join areas p on p.id = a.parent_id where a.code = 'T2'`,
  );
  assert.equal(row?.parent, 'S1');
});
