// fast-check model of GeoJSON documents (features, defects, CRS) and the outcome it predicts.
import fc from 'fast-check';
import { PARENTS, type ExpectedArea, type Expectation } from '../support.ts';
import { codeFor, codeFormArb, missingArb, missingValue, nameArb, oneIn } from './common.ts';
import type { CodeForm, Missing } from './common.ts';
import { badGeometry, markers, square, type BadGeometry } from './geometry.ts';

type GeoDefect =
  | {
      kind: 'wrongType';
      value: 'null' | 'number' | 'string' | 'array' | 'lowercase' | 'collection';
    }
  | { kind: 'missingCode'; form: Missing }
  | { kind: 'missingName'; form: Missing }
  | { kind: 'duplicate' }
  | { kind: 'codeOnOtherLevel' }
  | { kind: 'unknownParent' }
  | { kind: 'missingParent'; form: Missing }
  | { kind: 'badGeometry'; geometry: BadGeometry };

interface GeoFeatureSpec {
  codeForm: CodeForm;
  name: string;
  parent: number;
  parentPadded: boolean;
  shape: 'none' | 'polygon' | 'multipolygon' | 'holed' | 'withZ';
  x: number;
  y: number;
  size: number;
  extra: Record<string, unknown>;
  defect: GeoDefect | null;
}

type CrsChoice =
  | 'none'
  | 'crs84'
  | 'epsg4326'
  | 'utm32'
  | 'gk2'
  | 'unknownEpsg'
  | 'garbage'
  | 'nullCrs'
  | 'oddCrs';

const geoDefectArb: fc.Arbitrary<GeoDefect> = fc.oneof(
  fc.record({
    kind: fc.constant('wrongType' as const),
    value: fc.constantFrom(
      'null' as const,
      'number' as const,
      'string' as const,
      'array' as const,
      'lowercase' as const,
      'collection' as const,
    ),
  }),
  fc.record({ kind: fc.constant('missingCode' as const), form: missingArb }),
  fc.record({ kind: fc.constant('missingName' as const), form: missingArb }),
  fc.constant({ kind: 'duplicate' as const }),
  fc.constant({ kind: 'codeOnOtherLevel' as const }),
  fc.constant({ kind: 'unknownParent' as const }),
  fc.record({ kind: fc.constant('missingParent' as const), form: missingArb }),
  fc.record({
    kind: fc.constant('badGeometry' as const),
    geometry: fc.constantFrom<BadGeometry>(
      'unclosed',
      'short',
      'empty',
      'emptyRing',
      'point',
      'line',
      'coordsString',
      'coordsNull',
      'coordsObject',
      'posInfinity',
      'negInfinity',
      'nullCoordinate',
      'stringCoordinate',
      'oneNumber',
      'huge',
      'projected',
      'noType',
      'typeOnly',
      ...(['scalar', 'degenerate', 'collinear'] as BadGeometry[]),
    ),
  }),
);

const geoFeatureArb = (defects: boolean): fc.Arbitrary<GeoFeatureSpec> =>
  fc.record({
    codeForm: codeFormArb as fc.Arbitrary<CodeForm>,
    name: nameArb,
    parent: fc.integer({ min: 0, max: PARENTS.length - 1 }),
    parentPadded: fc.boolean(),
    shape: fc.constantFrom('none', 'polygon', 'multipolygon', 'holed', 'withZ'),
    x: fc.double({ min: 0, max: 1, noNaN: true }),
    y: fc.double({ min: 0, max: 1, noNaN: true }),
    size: fc.double({ min: 0, max: 1, noNaN: true }),
    extra: fc.dictionary(
      fc.constantFrom('STAND', 'FLAECHE', 'BEMERKUNG', 'id'),
      fc.oneof(
        fc.string(),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constant(null),
      ),
      { maxKeys: 2 },
    ),
    defect: defects ? oneIn(3, geoDefectArb, null) : fc.constant<GeoDefect | null>(null),
  });

interface GeoDoc {
  crs: CrsChoice;
  features: GeoFeatureSpec[];
}

const crsMember: Record<CrsChoice, unknown> = {
  none: undefined,
  crs84: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
  epsg4326: { type: 'name', properties: { name: 'EPSG:4326' } },
  utm32: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
  gk2: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::31466' } },
  unknownEpsg: { type: 'name', properties: { name: 'EPSG:9999' } },
  garbage: { type: 'name', properties: { name: 'Gauß-Krüger irgendwie' } },
  nullCrs: null,
  oddCrs: { properties: 5 },
};

/** Renders the document and predicts the outcome from the model. */
export function renderGeoDoc(doc: GeoDoc): { text: string; expectation: Expectation } {
  const projected = doc.crs === 'utm32' || doc.crs === 'gk2';
  const features: unknown[] = [];
  const expected = new Map<string, ExpectedArea>();
  const faulty: number[] = [];
  const bearers: string[] = [];
  doc.features.forEach((f, i) => {
    const row = i + 1;
    const [x, y, d] =
      doc.crs === 'utm32'
        ? [340000 + f.x * 20000, 5700000 + f.y * 10000, 100 + f.size * 1000]
        : doc.crs === 'gk2'
          ? [2550000 + f.x * 10000, 5700000 + f.y * 10000, 100 + f.size * 1000]
          : [6.8 + f.x * 0.2, 51.45 + f.y * 0.1, 0.001 + f.size * 0.01];
    let { raw: codeRaw, code } = codeFor(i, f.codeForm);
    let defect = f.defect;
    if (defect?.kind === 'duplicate') {
      if (bearers.length === 0) defect = null;
      else code = codeRaw = bearers[i % bearers.length]!;
    }
    if (defect?.kind === 'codeOnOtherLevel') code = codeRaw = PARENTS[f.parent]!;
    if (defect?.kind === 'badGeometry' && defect.geometry === 'projected' && projected)
      defect = { kind: 'badGeometry', geometry: 'huge' };
    const properties: Record<string, unknown> = { ...f.extra };
    const codeValue = defect?.kind === 'missingCode' ? missingValue(defect.form) : codeRaw;
    if (codeValue !== undefined) properties['code'] = codeValue;
    const nameValue = defect?.kind === 'missingName' ? missingValue(defect.form) : f.name;
    if (nameValue !== undefined) properties['name'] = nameValue;
    const parentCode = PARENTS[f.parent]!;
    const parentValue =
      defect?.kind === 'missingParent'
        ? missingValue(defect.form)
        : defect?.kind === 'unknownParent'
          ? 'P404'
          : f.parentPadded
            ? ` ${parentCode}  `
            : parentCode;
    if (parentValue !== undefined) properties['parent'] = parentValue;
    let geometry: unknown = null;
    if (defect?.kind === 'badGeometry') geometry = badGeometry(defect.geometry, x, y, d, projected);
    else if (f.shape === 'polygon') geometry = { type: 'Polygon', coordinates: [square(x, y, d)] };
    else if (f.shape === 'withZ')
      geometry = {
        type: 'Polygon',
        coordinates: [square(x, y, d).map((p) => [...p, 42])],
      };
    else if (f.shape === 'holed')
      geometry = {
        type: 'Polygon',
        coordinates: [square(x, y, d), square(x + d / 4, y + d / 4, d / 2).reverse()],
      };
    else if (f.shape === 'multipolygon')
      geometry = {
        type: 'MultiPolygon',
        coordinates: [[square(x, y, d)], [square(x + 2 * d, y, d)]],
      };
    if (defect?.kind === 'wrongType') {
      const values: Record<typeof defect.value, unknown> = {
        null: null,
        number: 42,
        string: 'Feature',
        array: [properties],
        lowercase: { type: 'feature', properties, geometry },
        collection: { type: 'FeatureCollection', features: [] },
      };
      features.push(values[defect.value]);
    } else features.push({ type: 'Feature', properties, geometry });
    if (defect) faulty.push(row);
    const keepsCode =
      !defect || !['wrongType', 'missingCode', 'missingName', 'duplicate'].includes(defect.kind);
    if (keepsCode && defect?.kind !== 'codeOnOtherLevel') bearers.push(code);
    if (!defect)
      expected.set(code, {
        name: f.name.trim(),
        parent: parentCode,
        hasGeometry: f.shape !== 'none',
      });
  });
  const collection: Record<string, unknown> = { type: 'FeatureCollection' };
  if (doc.crs !== 'none') collection['crs'] = crsMember[doc.crs];
  collection['features'] = features;
  let text = JSON.stringify(collection);
  for (const [marker, value] of Object.entries(markers)) text = text.replaceAll(marker, value);
  let expectation: Expectation;
  if (doc.crs === 'unknownEpsg' || doc.crs === 'garbage' || doc.features.length === 0)
    expectation = { kind: 'refused', faultyRows: [] };
  else if (faulty.length > 0) expectation = { kind: 'refused', faultyRows: faulty };
  else expectation = { kind: 'success', areas: expected };
  return { text, expectation };
}

const geoDocArb: fc.Arbitrary<GeoDoc> = fc.record({
  crs: fc.constantFrom<CrsChoice>(
    'none',
    'none',
    'crs84',
    'epsg4326',
    'utm32',
    'utm32',
    'gk2',
    ...(['unknownEpsg'] as CrsChoice[]),
    'garbage',
    'nullCrs',
    'oddCrs',
  ),
  features: fc.oneof(
    fc.array(geoFeatureArb(false), { minLength: 1, maxLength: 6 }),
    fc.array(geoFeatureArb(true), { minLength: 0, maxLength: 8 }),
  ),
});

type GeoInput =
  | { kind: 'model'; doc: GeoDoc; ext: '.geojson' | '.json' }
  | { kind: 'truncated'; doc: GeoDoc; at: number }
  | { kind: 'json'; value: unknown }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'text'; text: string };

export const geoInputArb: fc.Arbitrary<GeoInput> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('model' as const),
      doc: geoDocArb,
      ext: fc.constantFrom('.geojson' as const, '.json' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('truncated' as const),
      doc: geoDocArb,
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('json' as const),
      value: fc.jsonValue(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bytes' as const),
      bytes: fc.uint8Array({ maxLength: 200 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      text: fc.constantFrom(
        '',
        ...['null'],
        'true',
        '[]',
        '"FeatureCollection"',
        '{"type":"FeatureCollection"}',
        '{"type":"FeatureCollection","features":{}}',
        '{"type":"FeatureCollection","features":null}',
        '{"type":"FeatureCollection","features":[null]}',
        '{"type":"FeatureCollection","features":[]}',
        '{"type":"FeatureCollection","features":[{"type":"Feature"}]}',
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":null,"geometry":null}]}',
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A","name":"B","parent":"P1"},"geometry":{"type":"Polygon","coordinates":[[[NaN,51],[7,51],[7,52],[NaN,51]]]}}]}',
        '\uFEFF{"type":"FeatureCollection","features":[]}',
      ),
    }),
  },
);
