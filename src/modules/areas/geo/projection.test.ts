// Reprojection: .prj recognition and agreement of our EPSG:31467 transform with an independent WGS84 conversion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../core/errors.ts';
import { dataRoot } from '../seed.ts';
import { crsFromPrj, normaliseCrsName } from './projection.ts';
import { readFeatures } from './read-features.ts';

test('recognises the .prj files of Berlin (EPSG:25833) and VG5000 (EPSG:31467) and NRW (EPSG:25832)', () => {
  assert.equal(
    crsFromPrj(readFileSync(join(dataRoot, 'berlin/lor_planungsraeume_2021.prj'), 'utf8'), 'x.prj'),
    'EPSG:25833',
  );
  assert.equal(
    crsFromPrj(readFileSync(join(dataRoot, 'germany/VG5000_KRS.prj'), 'utf8'), 'x.prj'),
    'EPSG:31467',
  );
  const nrw = readFileSync(join(dataRoot, 'berlin/lor_planungsraeume_2021.prj'), 'utf8')
    .replace('Zone_33N', 'Zone_32N')
    .replace('15.0', '9.0');
  assert.equal(crsFromPrj(nrw, 'x.prj'), 'EPSG:25832');
  assert.equal(crsFromPrj(nrw.replace('500000.0', '32500000.0'), 'x.prj'), 'EPSG:4647');
  assert.throws(() => crsFromPrj('PROJCS["Unknown"]', 'u.prj'), AppError);
  assert.equal(normaliseCrsName('urn:ogc:def:crs:EPSG::25832'), 'EPSG:25832');
  assert.equal(normaliseCrsName('urn:ogc:def:crs:OGC:1.3:CRS84'), 'EPSG:4326');
});

test('VG5000 Kreise reprojected from Gauss-Krüger (DHDN) agree with the independent WGS84 file within 5 m', async () => {
  const read = await readFeatures(join(dataRoot, 'germany/VG5000_KRS.shp'));
  const ours = read.features.find(
    (f) => f.properties['ARS'] === '05119' && String(f.properties['GF']) === '9',
  );
  assert.ok(ours?.geometry);
  const reference = JSON.parse(
    readFileSync(join(dataRoot, 'oberhausen/oberhausen-stadt-vg5000-2021.geojson'), 'utf8'),
  );
  const refRing: number[][] = reference.features[0].geometry.coordinates[0];
  const ourRing = (
    ours.geometry.type === 'Polygon'
      ? ours.geometry.coordinates[0]
      : ours.geometry.coordinates[0]![0]
  )!;
  assert.equal(ourRing.length, refRing.length);
  const metres = (a: number[], b: number[]) => {
    const dy = (a[1]! - b[1]!) * 111_320;
    const dx = (a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180);
    return Math.hypot(dx, dy);
  };
  // Rings may start at another vertex or run the other way; compare each vertex with its nearest.
  for (const p of ourRing) {
    const nearest = Math.min(...refRing.map((q) => metres(p, q)));
    assert.ok(nearest < 5, `vertex ${p.join(',')} is ${nearest.toFixed(1)} m from the reference`);
  }
});
