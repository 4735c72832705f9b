// Shared harness of the area import fuzzers: database per test file, the model of outcomes and the check.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { createTestDatabase } from '../../../db/testing.ts';
import { AppError } from '../../../core/errors.ts';
import { importAreas, type ImportSummary } from '../import-areas.ts';
import { upsertAreaSystem } from '../upsert-area-system.ts';
import type { ImportOptions } from '../schema.ts';

/** FUZZ_SEED reproduces a run (fast-check prints seed and path on failure); FUZZ_RUNS scales it. */
export const withoutNul = (s: string) => s.split(String.fromCharCode(0)).join('');
const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
const scale = Number(process.env['FUZZ_RUNS'] ?? 1);
export const runs = (n: number) => ({
  numRuns: Math.max(1, Math.round(n * scale)),
  includeErrorInReport: true,
  ...(seed !== undefined ? { seed } : {}),
});

let database: Database | undefined;
let dir: string | undefined;
let fileNumber = 0;

/** The database of this test file, opened by useFuzzDatabase(). */
export function fuzzDatabase(): Database {
  if (!database) throw new Error('useFuzzDatabase() has not run');
  return database;
}
function fuzzDir(): string {
  if (!dir) throw new Error('useFuzzDatabase() has not run');
  return dir;
}
export const nextPath = (ext: string) => join(fuzzDir(), `fuzz-${++fileNumber}${ext}`);
/** A fresh path without extension (for the parts of a shapefile). */
export const nextStem = (prefix: string) => join(fuzzDir(), `${prefix}-${++fileNumber}`);

export const SYSTEM = 'fuzz';
export const SHP_SYSTEM = 'fuzz-shp';
export const PARENTS = ['P1', 'P2', 'P3'];

/** Opens a database of its own for the calling test file (with the fuzz systems and parents) and a temp dir. */
export function useFuzzDatabase(): void {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'areas-fuzz-'));
    const db = await createTestDatabase();
    database = db;
    await upsertAreaSystem(db, {
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
    await upsertAreaSystem(db, {
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
    await importAreas(db, parents, {
      systemId: SYSTEM,
      levelKey: 'stadt',
      mapping: { codeField: 'code', nameField: 'name' },
      dryRun: false,
    });
  });
  after(async () => {
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}

export const geoOptions: ImportOptions = {
  systemId: SYSTEM,
  levelKey: 'teil',
  mapping: { codeField: 'code', nameField: 'name', parentField: 'parent' },
  dryRun: false,
};

export const csvOptions: ImportOptions = {
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

// ---------------------------------------------------------------------------------------------
// The oracle shared by all formats.

export interface ExpectedArea {
  name: string;
  parent: string | null;
  population?: number | null;
  hasGeometry?: boolean;
}

/** What the model says about a generated file. */
export type Expectation =
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
export function report(t: { diagnostic(message: string): void }): void {
  t.diagnostic(
    [...outcomes]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  );
  outcomes.clear();
}

export async function countAll(): Promise<number> {
  const [row] = await fuzzDatabase().rows<{ n: number }>(sql`select count(*) as n from areas`);
  return Number(row!.n);
}

export async function resetLevel(systemId: string, levelKey: string): Promise<void> {
  await fuzzDatabase().rows(
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
  return fuzzDatabase().rows<StoredArea>(
    sql`select a.code, a.name, p.code as parent, a.population, a.geometry is not null as has_geometry,
               a.min_lon, a.min_lat, a.max_lon, a.max_lat, a.geometry::text as geometry_text
          from areas a left join areas p on p.id = a.parent_id
         where a.system_id = ${systemId} and a.level_key = ${levelKey}
         order by a.code`,
  );
}

export const describeError = (e: AppError) =>
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
export async function check(
  path: string,
  options: ImportOptions,
  expectation: Expectation,
  files: string[] = [basename(path)],
): Promise<void> {
  const countBefore = await countAll();
  let summary: ImportSummary | undefined;
  let error: AppError | undefined;
  try {
    summary = await importAreas(fuzzDatabase(), path, options);
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
        `refused import changed the database:\n${describeError(error)}`,
      );
      assert.ok(error.details.length > 0, `refusal without details: ${describeError(error)}`);
      for (const d of error.details) {
        assert.ok(
          d.file && files.includes(d.file),
          `detail without the file:\n${describeError(error)}`,
        );
        if (d.row !== undefined)
          assert.ok(
            Number.isInteger(d.row) && d.row >= 1,
            `bad row number:\n${describeError(error)}`,
          );
      }
      assert.ok(
        expectation.kind !== 'success' && expectation.kind !== 'successCount',
        `a valid file was refused:\n${describeError(error)}`,
      );
      if (expectation.kind === 'refused' && expectation.faultyRows.length > 0) {
        // No innocent feature is blamed, and at least one culprit is named. (The importer reports
        // in stages: while geometries are broken, code/name/parent problems are not checked yet.)
        const faulty = new Set(expectation.faultyRows);
        const named = error.details.flatMap((d) => (d.row === undefined ? [] : [d.row]));
        const innocent = named.filter((r) => !faulty.has(r));
        assert.deepEqual(innocent, [], `valid features blamed:\n${describeError(error)}`);
        // A field that no feature has at all is a fault of the file, named without a row.
        const fileLevelField = error.details.some(
          (d) => d.row === undefined && d.field && /gibt es in der Datei nicht/.test(d.message),
        );
        assert.ok(
          named.length > 0 || fileLevelField,
          `no feature at fault named:\n${describeError(error)}`,
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
