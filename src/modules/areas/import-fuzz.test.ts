// Property-based fuzzing of the area imports (GeoJSON, CSV, shapefile) with fast-check on the real engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { AppError } from '../../core/errors.ts';
import { dataRoot } from './seed.ts';
import { importAreas, type ImportSummary } from './import-areas.ts';
import { upsertAreaSystem } from './upsert-area-system.ts';
import type { ImportOptions } from './schema.ts';

/** FUZZ_SEED reproduces a run (fast-check prints seed and path on failure); FUZZ_RUNS scales it. */
const withoutNul = (s: string) => s.split(String.fromCharCode(0)).join('');
const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
const scale = Number(process.env['FUZZ_RUNS'] ?? 1);
const runs = (n: number) => ({
  numRuns: Math.max(1, Math.round(n * scale)),
  includeErrorInReport: true,
  ...(seed !== undefined ? { seed } : {}),
});

let database: Database;
const dir = mkdtempSync(join(tmpdir(), 'areas-fuzz-'));
let fileNumber = 0;
const nextPath = (ext: string) => join(dir, `fuzz-${++fileNumber}${ext}`);

const SYSTEM = 'fuzz';
const SHP_SYSTEM = 'fuzz-shp';
const PARENTS = ['P1', 'P2', 'P3'];

before(async () => {
  database = await createTestDatabase();
  await upsertAreaSystem(database, {
    id: SYSTEM,
    name: 'Fuzz',
    description: '',
    levels: [
      { key: 'stadt', name: 'Stadt' },
      { key: 'teil', name: 'Stadtteil' },
    ],
    source: '',
    licence: '',
    isExample: true,
  });
  await upsertAreaSystem(database, {
    id: SHP_SYSTEM,
    name: 'Fuzz Shapefile',
    description: '',
    levels: [{ key: 'pgr', name: 'Prognoseraum' }],
    source: '',
    licence: '',
    isExample: true,
  });
  const parents = nextPath('.csv');
  writeFileSync(parents, `code;name\n${PARENTS.map((p) => `${p};Stadt ${p}`).join('\n')}\n`);
  await importAreas(database, parents, {
    systemId: SYSTEM,
    levelKey: 'stadt',
    mapping: { codeField: 'code', nameField: 'name' },
    dryRun: false,
  });
});
after(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The oracle shared by all formats.

interface ExpectedArea {
  name: string;
  parent: string | null;
  population?: number | null;
  hasGeometry?: boolean;
}

/** What the model says about a generated file. */
type Expectation =
  | { kind: 'success'; areas: Map<string, ExpectedArea> }
  /** Refused; details may name only these features/rows (1-based), and at least one of them. */
  | { kind: 'refused'; faultyRows: number[] }
  /** Accepted with this many areas (a file whose content the model does not describe). */
  | { kind: 'successCount'; count: number }
  /** Cannot be predicted (truncated text, corrupted bytes): only the invariants hold. */
  | { kind: 'unknown' };

/** Outcomes per expectation, reported as test diagnostics to show what the generators reach. */
const outcomes = new Map<string, number>();
function tally(key: string): void {
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}
function report(t: { diagnostic(message: string): void }): void {
  t.diagnostic(
    [...outcomes]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  );
  outcomes.clear();
}

async function countAll(): Promise<number> {
  const [row] = await database.rows<{ n: number }>(sql`select count(*) as n from areas`);
  return Number(row!.n);
}

async function resetLevel(systemId: string, levelKey: string): Promise<void> {
  await database.rows(
    sql`delete from areas where system_id = ${systemId} and level_key = ${levelKey}`,
  );
}

interface StoredArea {
  code: string;
  name: string;
  parent: string | null;
  population: number | null;
  has_geometry: boolean;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  geometry_text: string | null;
}

async function storedAreas(systemId: string, levelKey: string): Promise<StoredArea[]> {
  return database.rows<StoredArea>(
    sql`select a.code, a.name, p.code as parent, a.population, a.geometry is not null as has_geometry,
               a.min_lon, a.min_lat, a.max_lon, a.max_lat, a.geometry::text as geometry_text
          from areas a left join areas p on p.id = a.parent_id
         where a.system_id = ${systemId} and a.level_key = ${levelKey}
         order by a.code`,
  );
}

const describe = (e: AppError) =>
  [
    `${e.code}: ${e.message}`,
    ...e.details.map(
      (d) => `  ${d.file ?? '-'} | ${d.row ?? '-'} | ${d.field ?? '-'} | ${d.message}`,
    ),
  ].join('\n');

/**
 * Runs one import and checks the invariants: nothing but AppError escapes; a refusal writes
 * nothing and names the file (and a row ≥ 1 where it names one); a success writes exactly the
 * expected areas with plausible WGS84 geometries. The level is emptied again afterwards.
 */
async function check(
  path: string,
  options: ImportOptions,
  expectation: Expectation,
  files: string[] = [basename(path)],
): Promise<void> {
  const countBefore = await countAll();
  let summary: ImportSummary | undefined;
  let error: AppError | undefined;
  try {
    summary = await importAreas(database, path, options);
  } catch (e) {
    if (!(e instanceof AppError))
      throw new Error(`importAreas threw ${String(e)} (not an AppError) for ${basename(path)}`, {
        cause: e,
      });
    error = e;
  }
  tally(`${expectation.kind}→${error ? 'refused' : 'imported'}`);
  try {
    if (error) {
      assert.equal(
        await countAll(),
        countBefore,
        `refused import changed the database:\n${describe(error)}`,
      );
      assert.ok(error.details.length > 0, `refusal without details: ${describe(error)}`);
      for (const d of error.details) {
        assert.ok(d.file && files.includes(d.file), `detail without the file:\n${describe(error)}`);
        if (d.row !== undefined)
          assert.ok(Number.isInteger(d.row) && d.row >= 1, `bad row number:\n${describe(error)}`);
      }
      assert.ok(
        expectation.kind !== 'success' && expectation.kind !== 'successCount',
        `a valid file was refused:\n${describe(error)}`,
      );
      if (expectation.kind === 'refused' && expectation.faultyRows.length > 0) {
        // No innocent feature is blamed, and at least one culprit is named. (The importer reports
        // in stages: while geometries are broken, code/name/parent problems are not checked yet.)
        const faulty = new Set(expectation.faultyRows);
        const named = error.details.flatMap((d) => (d.row === undefined ? [] : [d.row]));
        const innocent = named.filter((r) => !faulty.has(r));
        assert.deepEqual(innocent, [], `valid features blamed:\n${describe(error)}`);
        // A field that no feature has at all is a fault of the file, named without a row.
        const fileLevelField = error.details.some(
          (d) => d.row === undefined && d.field && /gibt es in der Datei nicht/.test(d.message),
        );
        assert.ok(
          named.length > 0 || fileLevelField,
          `no feature at fault named:\n${describe(error)}`,
        );
      }
      return;
    }
    assert.ok(summary);
    assert.notEqual(
      expectation.kind,
      'refused',
      `an invalid file was accepted: ${JSON.stringify(summary)}`,
    );
    const stored = await storedAreas(options.systemId, options.levelKey);
    assert.equal(stored.length, summary.created + summary.updated, 'summary and database differ');
    assert.equal(await countAll(), countBefore + summary.created);
    for (const a of stored) {
      if (!a.has_geometry) continue;
      const box = [a.min_lon, a.min_lat, a.max_lon, a.max_lat];
      assert.ok(
        box.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
          a.min_lon! >= -180 &&
          a.max_lon! <= 180 &&
          a.min_lat! >= -90 &&
          a.max_lat! <= 90,
        `${a.code}: bounding box ${JSON.stringify(box)} is not WGS84`,
      );
      assert.doesNotMatch(a.geometry_text ?? '', /null|NaN|Infinity/, `${a.code}: broken geometry`);
    }
    if (expectation.kind === 'successCount') assert.equal(stored.length, expectation.count);
    if (expectation.kind === 'success') {
      const actual = new Map(
        stored.map((a) => [
          a.code,
          {
            name: a.name,
            parent: a.parent,
            population: a.population,
            hasGeometry: a.has_geometry,
          },
        ]),
      );
      assert.deepEqual([...actual.keys()].sort(), [...expectation.areas.keys()].sort());
      for (const [code, want] of expectation.areas) {
        const got = actual.get(code)!;
        // NUL cannot be stored in PostgreSQL text: the importer removes it.
        assert.equal(got.name, withoutNul(want.name).trim(), `${code}: name`);
        assert.equal(got.parent, want.parent, `${code}: parent`);
        if (want.population !== undefined)
          assert.equal(got.population, want.population, `${code}: population`);
        if (want.hasGeometry !== undefined)
          assert.equal(got.hasGeometry, want.hasGeometry, `${code}: geometry`);
      }
    }
  } finally {
    await resetLevel(options.systemId, options.levelKey);
  }
}

// ---------------------------------------------------------------------------------------------
// Shared generators.

/** The value in one of `oneIn` cases, otherwise the fallback. */
function oneIn<T, F>(oneIn: number, arb: fc.Arbitrary<T>, fallback: F): fc.Arbitrary<T | F> {
  return fc.oneof(
    { weight: oneIn - 1, arbitrary: fc.constant(fallback) },
    { weight: 1, arbitrary: arb },
  );
}

type Missing = 'absent' | 'empty' | 'blank' | 'null';
const missingArb = fc.constantFrom<Missing>('absent', 'empty', 'blank', 'null');

const germanNames = [
  'Altstadt',
  'Styrum',
  'Lirich-Süd',
  'Sterkrade-Mitte',
  'Osterfeld Ost',
  'Alt-Oberhausen',
  'Schmachtendorf/Holten',
  'Königshardt; Tackenberg',
  'Buschhausen, Dümpten',
  '„Klosterhardt“',
  'Marienviertel "Nord"',
  'Ğüßçäöü ÄÖÜ',
  ...['Nord\u0000Süd'],
];
const nameArb = fc
  .oneof(
    { weight: 5, arbitrary: fc.constantFrom(...germanNames) },
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
    },
  )
  .filter((s) => withoutNul(s).trim() !== '');

const codeFormArb = fc.constantFrom('plain', 'padded', 'number');
type CodeForm = 'plain' | 'padded' | 'number';

/** The code of the i-th feature (0-based) in the given form, and the code the import must store. */
function codeFor(i: number, form: CodeForm): { raw: string | number; code: string } {
  if (form === 'number') return { raw: 1000 + i, code: String(1000 + i) };
  const code = `T${i + 1}`;
  return { raw: form === 'padded' ? `  ${code} ` : code, code };
}

function missingValue(form: Missing): string | null | undefined {
  if (form === 'absent') return undefined;
  if (form === 'null') return null;
  return form === 'empty' ? '' : ' \t ';
}

// ---------------------------------------------------------------------------------------------
// GeoJSON.

type BadGeometry =
  | 'unclosed'
  | 'short'
  | 'empty'
  | 'emptyRing'
  | 'point'
  | 'line'
  | 'coordsString'
  | 'coordsNull'
  | 'coordsObject'
  | 'posInfinity'
  | 'negInfinity'
  | 'nullCoordinate'
  | 'stringCoordinate'
  | 'oneNumber'
  | 'huge'
  | 'projected'
  | 'noType'
  | 'typeOnly'
  | 'scalar'
  | 'degenerate'
  | 'collinear';

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

const markers: Record<string, string> = {
  '"__POS_INF__"': '1e400',
  '"__NEG_INF__"': '-1e400',
};

type Position = (number | string | null)[];

function square(x: number, y: number, d: number): Position[] {
  return [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];
}

function badGeometry(
  kind: BadGeometry,
  x: number,
  y: number,
  d: number,
  projected: boolean,
): unknown {
  const ring = square(x, y, d);
  const polygon = (r: Position[]) => ({ type: 'Polygon', coordinates: [r] });
  const replaced = (p: Position) => polygon(ring.map((q, i) => (i === 1 ? p : q)));
  switch (kind) {
    case 'unclosed':
      return polygon([...ring.slice(0, 4), [x, y + d / 2]]);
    case 'short':
      return polygon([ring[0]!, ring[1]!, ring[0]!]);
    case 'empty':
      return { type: 'Polygon', coordinates: [] };
    case 'emptyRing':
      return { type: 'MultiPolygon', coordinates: [[[]]] };
    case 'point':
      return { type: 'Point', coordinates: [x, y] };
    case 'line':
      return { type: 'LineString', coordinates: ring };
    case 'coordsString':
      return { type: 'Polygon', coordinates: 'abc' };
    case 'coordsNull':
      return { type: 'MultiPolygon', coordinates: null };
    case 'coordsObject':
      return { type: 'Polygon', coordinates: {} };
    case 'posInfinity':
      return replaced([x + d, '__POS_INF__']);
    case 'negInfinity':
      return replaced(['__NEG_INF__', y]);
    case 'nullCoordinate':
      return replaced([x + d, null]);
    case 'stringCoordinate':
      return replaced([String(x + d), String(y)]);
    case 'oneNumber':
      return replaced([x + d]);
    case 'huge':
      return replaced(projected ? [1e300, -1e300] : [1e10, 1e10]);
    case 'projected':
      return polygon(square(350000 + x * 1000, 5700000 + y * 1000, 100 + d));
    case 'noType':
      return {};
    case 'typeOnly':
      return { type: 'Polygon' };
    case 'scalar':
      return 'POLYGON((7 51, 7.1 51, 7.1 51.1, 7 51))';
    case 'degenerate':
      return polygon([ring[0]!, ring[0]!, ring[0]!, ring[0]!]);
    case 'collinear':
      return polygon([
        [x, y],
        [x + d, y],
        [x + 2 * d, y],
        [x, y],
      ]);
  }
}

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
function renderGeoDoc(doc: GeoDoc): { text: string; expectation: Expectation } {
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

const geoInputArb: fc.Arbitrary<GeoInput> = fc.oneof(
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

const geoOptions: ImportOptions = {
  systemId: SYSTEM,
  levelKey: 'teil',
  mapping: { codeField: 'code', nameField: 'name', parentField: 'parent' },
  dryRun: false,
};

test('GeoJSON: only AppError, refusals write nothing and name file and feature, successes write exactly the valid features', async (t) => {
  await fc.assert(
    fc.asyncProperty(geoInputArb, async (input) => {
      if (input.kind === 'model') {
        const { text, expectation } = renderGeoDoc(input.doc);
        const path = nextPath(input.ext);
        writeFileSync(path, text);
        await check(path, geoOptions, expectation);
      } else if (input.kind === 'truncated') {
        const { text } = renderGeoDoc(input.doc);
        const path = nextPath('.geojson');
        writeFileSync(path, text.slice(0, Math.floor(input.at * text.length)));
        await check(path, geoOptions, { kind: 'refused', faultyRows: [] });
      } else {
        const path = nextPath('.geojson');
        if (input.kind === 'json') writeFileSync(path, JSON.stringify(input.value));
        else if (input.kind === 'bytes') writeFileSync(path, input.bytes);
        else writeFileSync(path, input.text);
        await check(path, geoOptions, { kind: 'unknown' });
      }
    }),
    runs(80),
  );
  report(t);
});

// ---------------------------------------------------------------------------------------------
// CSV lists.

type CsvColumn = 'code' | 'name' | 'parent' | 'einwohner' | 'bemerkung';

/** A population as written in a German statistics table, and the value it stands for. */
const populationArb: fc.Arbitrary<{ text: string; value: number | null }> = fc.oneof(
  fc.integer({ min: 0, max: 9_999_999 }).chain((n) =>
    fc.constantFrom('', '.', ' ', '\u00a0', '\u202f').map((sep) => ({
      text: String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep),
      value: n,
    })),
  ),
  fc.constantFrom(
    { text: '–', value: 0 },
    { text: '-', value: 0 },
    { text: '—', value: 0 },
    { text: '', value: null },
    { text: '.', value: null },
    { text: 'x', value: null },
    { text: ' X ', value: null },
  ),
);

const badPopulationArb = fc.constantFrom(
  '12,5',
  '1,234',
  'abc',
  '-5',
  '1e3',
  '+7',
  '12.5.x',
  '١٢٣',
  '−5',
  '3 Pers.',
  ...['2147483648', '99.999.999.999'],
);

type CsvDefect =
  | { kind: 'missingCode'; blank: boolean }
  | { kind: 'missingName'; blank: boolean }
  | { kind: 'duplicate' }
  | { kind: 'codeOnOtherLevel' }
  | { kind: 'unknownParent' }
  | { kind: 'missingParent' }
  | { kind: 'badPopulation'; text: string }
  | { kind: 'tooFewFields' }
  | { kind: 'tooManyFields' }
  | { kind: 'garbageLine'; text: string };

const csvDefectArb: fc.Arbitrary<CsvDefect> = fc.oneof(
  fc.record({ kind: fc.constant('missingCode' as const), blank: fc.boolean() }),
  fc.record({ kind: fc.constant('missingName' as const), blank: fc.boolean() }),
  fc.constant({ kind: 'duplicate' as const }),
  fc.constant({ kind: 'codeOnOtherLevel' as const }),
  fc.constant({ kind: 'unknownParent' as const }),
  fc.constant({ kind: 'missingParent' as const }),
  fc.record({ kind: fc.constant('badPopulation' as const), text: badPopulationArb }),
  fc.constant({ kind: 'tooFewFields' as const }),
  fc.constant({ kind: 'tooManyFields' as const }),
  fc.record({
    kind: fc.constant('garbageLine' as const),
    text: fc.stringMatching(/^[A-Za-zÄÖÜäöüß][A-Za-z0-9ÄÖÜäöüß ]{0,20}$/),
  }),
);

interface CsvRowSpec {
  codeForm: 'plain' | 'padded';
  name: string;
  parent: number;
  population: { text: string; value: number | null };
  note: string;
  blankLineBefore: boolean;
  defect: CsvDefect | null;
}

interface CsvSpec {
  delimiter: ';' | ',' | '\t';
  bom: boolean;
  eol: '\n' | '\r\n';
  quoting: 'minimal' | 'all' | 'random';
  columns: CsvColumn[];
  missingColumn: CsvColumn | null;
  rows: CsvRowSpec[];
  trailingEol: boolean;
  quoteSeed: number;
}

const csvRowArb = (defects: boolean): fc.Arbitrary<CsvRowSpec> =>
  fc.record({
    codeForm: fc.constantFrom('plain' as const, 'padded' as const),
    name: nameArb.filter((s) => !/[\r\n]/.test(s)),
    parent: fc.integer({ min: 0, max: PARENTS.length - 1 }),
    population: populationArb,
    note: fc.string({ maxLength: 12 }).filter((s) => !/[\r\n]/.test(s)),
    blankLineBefore: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
    defect: defects ? oneIn(3, csvDefectArb, null) : fc.constant<CsvDefect | null>(null),
  });

const csvSpecArb: fc.Arbitrary<CsvSpec> = fc.record({
  delimiter: fc.constantFrom(';' as const, ',' as const, '\t' as const),
  bom: fc.boolean(),
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  quoting: fc.constantFrom('minimal' as const, 'all' as const, 'random' as const),
  columns: fc.shuffledSubarray<CsvColumn>(['code', 'name', 'parent', 'einwohner', 'bemerkung'], {
    minLength: 5,
  }),
  missingColumn: oneIn(8, fc.constantFrom<CsvColumn>('code', 'name', 'parent', 'einwohner'), null),
  rows: fc.oneof(
    fc.array(csvRowArb(false), { minLength: 1, maxLength: 8 }),
    fc.array(csvRowArb(true), { minLength: 0, maxLength: 10 }),
  ),
  trailingEol: fc.boolean(),
  quoteSeed: fc.integer(),
});

function renderCsv(spec: CsvSpec): { text: string; expectation: Expectation } {
  const columns = spec.columns.filter((c) => c !== spec.missingColumn);
  let quoteBits = spec.quoteSeed;
  const field = (value: string) => {
    quoteBits = (quoteBits * 1103515245 + 12345) | 0;
    const needs = value.includes(spec.delimiter) || /["\r\n]/.test(value);
    const quote = needs || spec.quoting === 'all' || (spec.quoting === 'random' && quoteBits < 0);
    return quote ? `"${value.replaceAll('"', '""')}"` : value;
  };
  const lines = [columns.map(field).join(spec.delimiter)];
  const expected = new Map<string, ExpectedArea>();
  const faulty: number[] = [];
  const bearers: string[] = [];
  spec.rows.forEach((r, i) => {
    const row = i + 1;
    const plain = `T${i + 1}`;
    let code = plain;
    let codeText = r.codeForm === 'padded' ? ` ${plain}  ` : plain;
    let defect = r.defect;
    if (defect?.kind === 'duplicate') {
      if (bearers.length === 0) defect = null;
      else code = codeText = bearers[i % bearers.length]!;
    }
    if (defect?.kind === 'codeOnOtherLevel') code = codeText = PARENTS[r.parent]!;
    const blank = (b: boolean) => (b ? '  ' : '');
    const values: Record<CsvColumn, string> = {
      code: defect?.kind === 'missingCode' ? blank(defect.blank) : codeText,
      name: defect?.kind === 'missingName' ? blank(defect.blank) : r.name,
      parent:
        defect?.kind === 'missingParent'
          ? ''
          : defect?.kind === 'unknownParent'
            ? 'P404'
            : PARENTS[r.parent]!,
      einwohner: defect?.kind === 'badPopulation' ? defect.text : r.population.text,
      bemerkung: r.note,
    };
    let cells = columns.map((c) => field(values[c]));
    if (defect?.kind === 'tooFewFields') cells = cells.slice(0, Math.max(1, cells.length - 2));
    if (defect?.kind === 'tooManyFields') cells = [...cells, field('zu viel')];
    if (r.blankLineBefore) lines.push('');
    lines.push(defect?.kind === 'garbageLine' ? defect.text : cells.join(spec.delimiter));
    if (defect) faulty.push(row);
    if (!defect || ['unknownParent', 'missingParent', 'badPopulation'].includes(defect.kind))
      bearers.push(code);
    if (!defect)
      expected.set(code, {
        name: r.name.trim(),
        parent: PARENTS[r.parent]!,
        population: r.population.value,
        hasGeometry: false,
      });
  });
  const text =
    (spec.bom ? '\uFEFF' : '') + lines.join(spec.eol) + (spec.trailingEol ? spec.eol : '');
  let expectation: Expectation;
  if (spec.missingColumn || spec.rows.length === 0)
    expectation = { kind: 'refused', faultyRows: [] };
  else if (faulty.length > 0) expectation = { kind: 'refused', faultyRows: faulty };
  else expectation = { kind: 'success', areas: expected };
  return { text, expectation };
}

type CsvInput =
  | { kind: 'model'; spec: CsvSpec }
  | { kind: 'truncated'; spec: CsvSpec; at: number }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'text'; text: string };

const csvInputArb: fc.Arbitrary<CsvInput> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('model' as const), spec: csvSpecArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('truncated' as const),
      spec: csvSpecArb,
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bytes' as const),
      bytes: fc.uint8Array({ maxLength: 300 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      text: fc.string({ unit: 'binary', maxLength: 200 }),
    }),
  },
);

const csvOptions: ImportOptions = {
  systemId: SYSTEM,
  levelKey: 'teil',
  mapping: {
    codeField: 'code',
    nameField: 'name',
    parentField: 'parent',
    populationField: 'einwohner',
    populationDate: '2024-12-31',
  },
  dryRun: false,
};

test('CSV lists: delimiters, BOM, quotes, German numbers and garbage never crash the import or write a part', async (t) => {
  await fc.assert(
    fc.asyncProperty(csvInputArb, async (input) => {
      const path = nextPath('.csv');
      if (input.kind === 'model') {
        const { text, expectation } = renderCsv(input.spec);
        writeFileSync(path, text);
        await check(path, csvOptions, expectation);
      } else if (input.kind === 'truncated') {
        const { text } = renderCsv(input.spec);
        writeFileSync(path, text.slice(0, Math.floor(input.at * text.length)));
        await check(path, csvOptions, { kind: 'unknown' });
      } else {
        writeFileSync(path, input.kind === 'bytes' ? input.bytes : input.text);
        await check(path, csvOptions, { kind: 'unknown' });
      }
    }),
    runs(80),
  );
  report(t);
});

// ---------------------------------------------------------------------------------------------
// Shapefiles: the 58 Berlin Prognoseräume (EPSG:25833), corrupted.

const shpStem = join(dataRoot, 'berlin', 'lor_prognoseraeume_2021');
const shpParts = ['.shp', '.dbf', '.prj', '.cpg'] as const;
const shpBytes = Object.fromEntries(
  shpParts.map((ext) => [ext, readFileSync(`${shpStem}${ext}`)]),
) as Record<(typeof shpParts)[number], Buffer>;
const PGR_COUNT = 58;

type ShpMutation =
  | { kind: 'truncate'; part: '.shp' | '.dbf'; at: number }
  | {
      kind: 'flip';
      part: '.shp' | '.dbf';
      where: 'header' | 'anywhere';
      at: number[];
      xor: number[];
    }
  | { kind: 'drop'; part: '.prj' | '.dbf' | '.cpg' }
  | { kind: 'garbage'; part: '.prj' | '.cpg'; text: string };

const shpMutationArb: fc.Arbitrary<ShpMutation> = fc.oneof(
  fc.record({
    kind: fc.constant('truncate' as const),
    part: fc.constantFrom('.shp' as const, '.dbf' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  }),
  fc.record({
    kind: fc.constant('flip' as const),
    part: fc.constantFrom('.shp' as const, '.dbf' as const),
    where: fc.constantFrom('header' as const, 'anywhere' as const),
    at: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
      minLength: 1,
      maxLength: 8,
    }),
    xor: fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 8, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('drop' as const),
    part: fc.constantFrom('.prj' as const, '.dbf' as const, '.cpg' as const),
  }),
  fc.record({
    kind: fc.constant('garbage' as const),
    part: fc.constantFrom('.prj' as const, '.cpg' as const),
    text: fc.string({ maxLength: 40 }),
  }),
);

const shpInputArb = fc.record({
  mutations: fc.array(shpMutationArb, { minLength: 0, maxLength: 3 }),
  crs: oneIn(4, fc.constantFrom('EPSG:25833', 'EPSG:4326', 'quatsch', ...['EPSG:9999']), undefined),
});

test('Shapefiles with truncated or corrupted bytes, missing or broken .prj/.dbf/.cpg: only AppError, never a part', async (t) => {
  await fc.assert(
    fc.asyncProperty(shpInputArb, async ({ mutations, crs }) => {
      const stem = join(dir, `shape-${++fileNumber}`);
      const parts = new Map<string, Buffer>(
        shpParts.map((ext) => [ext, Buffer.from(shpBytes[ext])]),
      );
      for (const m of mutations) {
        const bytes = parts.get(m.part);
        if (!bytes) continue;
        if (m.kind === 'truncate')
          parts.set(m.part, bytes.subarray(0, Math.floor(m.at * bytes.length)));
        else if (m.kind === 'drop') parts.delete(m.part);
        else if (m.kind === 'garbage') parts.set(m.part, Buffer.from(m.text));
        else {
          const span =
            m.where === 'header'
              ? Math.min(bytes.length, m.part === '.shp' ? 100 : 400)
              : bytes.length;
          m.at.forEach((a, i) => {
            const offset = Math.floor(a * span);
            if (offset < bytes.length) bytes[offset] = bytes[offset]! ^ m.xor[i]!;
          });
        }
      }
      for (const [ext, bytes] of parts) writeFileSync(`${stem}${ext}`, bytes);
      const contentIntact = mutations.every(
        (m) =>
          (m.kind === 'drop' && m.part === '.cpg') ||
          (m.part === '.prj' && (m.kind === 'drop' || m.kind === 'garbage')),
      );
      const prjIntact = !mutations.some((m) => m.part === '.prj');
      const crsKnown = crs === 'EPSG:25833' || (crs === undefined && prjIntact);
      let expectation: Expectation = { kind: 'unknown' };
      if (crs === 'EPSG:9999' || crs === 'quatsch')
        expectation = { kind: 'refused', faultyRows: [] };
      else if (contentIntact && crsKnown) expectation = { kind: 'successCount', count: PGR_COUNT };
      else if (contentIntact && crs === 'EPSG:4326')
        expectation = {
          kind: 'refused',
          faultyRows: Array.from({ length: PGR_COUNT }, (_, i) => i + 1),
        };
      const options: ImportOptions = {
        systemId: SHP_SYSTEM,
        levelKey: 'pgr',
        mapping: { codeField: 'PGR_ID', nameField: 'PGR_NAME' },
        dryRun: false,
        ...(crs ? { crs } : {}),
      };
      const files = shpParts.map((ext) => `${basename(stem)}${ext}`);
      await check(`${stem}.shp`, options, expectation, files);
      for (const ext of shpParts) rmSync(`${stem}${ext}`, { force: true });
    }),
    runs(60),
  );
  report(t);
});

// ---------------------------------------------------------------------------------------------
// Findings of this fuzzer, reduced to the smallest input and fixed; they stay as regression tests.

async function attempt(path: string, options: ImportOptions): Promise<AppError | ImportSummary> {
  try {
    return await importAreas(database, path, options);
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
    assert.ok(d.file && files.includes(d.file), `detail without the file:\n${describe(result)}`);
  if (row !== undefined)
    assert.ok(
      result.details.some((d) => d.row === row),
      `row ${row} not named:\n${describe(result)}`,
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
  const stem = join(dir, `nul-${++fileNumber}`);
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
  const stem = join(dir, `crs-${++fileNumber}`);
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
