// Findings of the area import fuzzers, reduced to the smallest input and fixed; kept as regression tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../core/errors.ts';
import { importAreas, type ImportSummary } from '../import-areas.ts';
import type { ImportOptions } from '../schema.ts';
import {
  countAll,
  csvOptions,
  describeError,
  fuzzDatabase,
  geoOptions,
  nextPath,
  nextStem,
  resetLevel,
  SHP_SYSTEM,
  useFuzzDatabase,
} from './support.ts';
import { shpBytes, shpParts } from './generators/shapefile.ts';

useFuzzDatabase();

async function attempt(path: string, options: ImportOptions): Promise<AppError | ImportSummary> {
  try {
    return await importAreas(fuzzDatabase(), path, options);
  } catch (e) {
    if (e instanceof AppError) return e;
    return assert.fail(`importAreas threw ${String(e).slice(0, 300)} (not an AppError)`);
  } finally {
    await resetLevel(options.systemId, options.levelKey);
  }
}

/** Refused as AppError, nothing written, every detail names the file, and `row` is named. */
async function expectRefused(
  path: string,
  options: ImportOptions,
  row?: number,
  files: string[] = [basename(path)],
): Promise<void> {
  const countBefore = await countAll();
  const result = await attempt(path, options);
  assert.ok(result instanceof AppError, `accepted: ${JSON.stringify(result)}`);
  assert.equal(await countAll(), countBefore);
  for (const d of result.details)
    assert.ok(
      d.file && files.includes(d.file),
      `detail without the file:\n${describeError(result)}`,
    );
  if (row !== undefined)
    assert.ok(
      result.details.some((d) => d.row === row),
      `row ${row} not named:\n${describeError(result)}`,
    );
}

function writeGeo(features: unknown[], crs?: string): string {
  const path = nextPath('.geojson');
  writeFileSync(
    path,
    JSON.stringify({
      type: 'FeatureCollection',
      ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
      features,
    }),
  );
  return path;
}

const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  properties: { code: 'T1', name: 'Altstadt', parent: 'P1', ...properties },
  geometry,
});

test('finding 1: a GeoJSON file containing just `null` is refused as not a FeatureCollection', async () => {
  const path = nextPath('.geojson');
  writeFileSync(path, 'null');
  await expectRefused(path, geoOptions);
});

test('finding 2: degenerate rings (equal or collinear points) are refused with their feature', async () => {
  const equal = [
    [7, 51],
    [7, 51],
    [7, 51],
    [7, 51],
  ];
  const collinear = [
    [7, 51],
    [7.1, 51],
    [7.2, 51],
    [7, 51],
  ];
  for (const ring of [equal, collinear])
    await expectRefused(
      writeGeo([feature({}, { type: 'Polygon', coordinates: [ring] })]),
      geoOptions,
      1,
    );
});

test('finding 3: DHDN coordinates out of range (NaN after reprojection) are refused', async () => {
  const ring = [
    [2550000, 5700000],
    [1e300, 1e300],
    [2551000, 5701000],
    [2550000, 5701000],
    [2550000, 5700000],
  ];
  await expectRefused(
    writeGeo([feature({}, { type: 'Polygon', coordinates: [ring] })], 'EPSG:31466'),
    geoOptions,
    1,
  );
});

test('finding 4: a population above 2,147,483,647 is refused with its row', async () => {
  for (const value of ['2147483648', '99.999.999.999']) {
    const path = nextPath('.csv');
    writeFileSync(path, `code;name;parent;einwohner\nT1;Altstadt;P1;${value}\n`);
    await expectRefused(path, csvOptions, 1);
  }
});

test('finding 5: NUL characters (CSV names, NUL-padded .dbf) are removed before writing', async () => {
  const csv = nextPath('.csv');
  writeFileSync(csv, 'code;name;parent;einwohner\nT1;Nord\u0000Süd;P1;5\n');
  const result = await attempt(csv, csvOptions);
  assert.ok(!(result instanceof AppError), 'NUL is removed, the row is imported');
  // Some writers pad .dbf text fields with NUL instead of blanks.
  const stem = nextStem('nul');
  for (const ext of shpParts) writeFileSync(`${stem}${ext}`, shpBytes[ext]);
  const dbf = Buffer.from(shpBytes['.dbf']);
  for (let i = dbf.readUInt16LE(8); i < dbf.length; i++) if (dbf[i] === 0x20) dbf[i] = 0;
  writeFileSync(`${stem}.dbf`, dbf);
  const padded = await attempt(`${stem}.shp`, {
    systemId: SHP_SYSTEM,
    levelKey: 'pgr',
    mapping: { codeField: 'PGR_ID', nameField: 'PGR_NAME' },
    dryRun: false,
  });
  assert.ok(!(padded instanceof AppError), 'a NUL-padded .dbf imports');
});

test('finding 6: a geometry that is not an object (e.g. WKT text) is refused, only null means none', async () => {
  await expectRefused(
    writeGeo([feature({}, 'POLYGON((7 51, 7.1 51, 7.1 51.1, 7 51))')]),
    geoOptions,
    1,
  );
});

test('finding 7: an unsupported EPSG code (GeoJSON crs or --crs) is refused naming the file', async () => {
  const ring = [
    [7, 51],
    [7.1, 51],
    [7.1, 51.1],
    [7, 51],
  ];
  await expectRefused(
    writeGeo([feature({}, { type: 'Polygon', coordinates: [ring] })], 'EPSG:9999'),
    geoOptions,
  );
  const stem = nextStem('crs');
  for (const ext of shpParts) writeFileSync(`${stem}${ext}`, shpBytes[ext]);
  await expectRefused(
    `${stem}.shp`,
    {
      systemId: SHP_SYSTEM,
      levelKey: 'pgr',
      mapping: { codeField: 'PGR_ID', nameField: 'PGR_NAME' },
      dryRun: false,
      crs: 'EPSG:9999',
    },
    undefined,
    shpParts.map((ext) => `${basename(stem)}${ext}`),
  );
});

test('finding 8: when only the first feature lacks a property, that feature is named', async () => {
  const first = { type: 'Feature', properties: { code: 'T1', parent: 'P1' }, geometry: null };
  await expectRefused(writeGeo([first, feature({ code: 'T2' }, null)]), geoOptions, 1);
});
