// The social index method against the published Berlin MSS 2021 results, and its rules on synthetic data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import fc from 'fast-check';
import { AppError } from '../../core/errors.ts';
import {
  INDEX_GROUPS,
  computeIndex,
  dynamicsClassOf,
  groupLabel,
  statusClassOf,
  validateIndexConfig,
  type IndexConfig,
  type IndexUnit,
  type IndexedArea,
} from './index-method.ts';

const here = dirname(fileURLToPath(import.meta.url));

function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

const numberOrNull = (s: string | undefined): number | null =>
  s === undefined || s.trim() === '' ? null : Number(s);

const INDICATORS = ['S1', 'S3', 'S4', 'D1', 'D3', 'D4'];

const berlinUnits: IndexUnit[] = readCsv(
  join(here, '../../../data/berlin/mss_2021_indicators_plr.csv'),
).map((r) => ({
  areaId: Number(r.PLR_ID),
  code: r.PLR_ID as string,
  population: numberOrNull(r.EW),
  values: Object.fromEntries(INDICATORS.map((k) => [k, numberOrNull(r[k])])),
}));

interface Published {
  plr_id: string;
  status_index: string;
  status_class: string;
  dynamics_index: string;
  dynamics_class: string;
}
const published = readCsv(
  join(here, 'fixtures/mss_2021_published_index.csv'),
) as unknown as Published[];
const publishedIndexed = published.filter((p) => p.status_index !== '');

const mss2021: IndexConfig = {
  id: 'berlin-mss-2021',
  name: 'Monitoring Soziale Stadtentwicklung Berlin 2021',
  statusIndicators: ['S1', 'S3', 'S4'],
  dynamicsIndicators: ['D1', 'D3', 'D4'],
  minPopulation: 300,
  minUnits: 20,
  statusCutoffs: { high: -1, low: 1, veryLow: 1.5 },
  dynamicsCutoffs: { positive: -1, negative: 1 },
  highIsBad: {},
  sd: 'sample',
};

function byCode(areas: IndexedArea[]): Map<string, IndexedArea> {
  return new Map(areas.map((a) => [a.code, a]));
}

/** Compares with the publication; returns class mismatches, index differences and the largest one. */
function compareWithPublished(config: IndexConfig) {
  const result = computeIndex(berlinUnits, config);
  const areas = byCode(result.areas);
  const mismatches: string[] = [];
  let classMatches = 0;
  let maxDiff = 0;
  for (const p of publishedIndexed) {
    const a = areas.get(p.plr_id);
    if (!a || a.statusIndex === null || a.dynamicsIndex === null) {
      mismatches.push(`${p.plr_id}: nicht indexiert (${a?.notIndexedReason})`);
      continue;
    }
    if (a.statusClass === p.status_class && a.dynamicsClass === p.dynamics_class) classMatches++;
    else mismatches.push(`${p.plr_id}: ${a.statusClass}/${a.dynamicsClass}`);
    const d = Math.max(
      Math.abs(a.statusIndex - Number(p.status_index)),
      Math.abs(a.dynamicsIndex - Number(p.dynamics_index)),
    );
    maxDiff = Math.max(maxDiff, d);
  }
  return { result, areas, mismatches, classMatches, maxDiff };
}

test('reproduces the published MSS 2021 classes and indices (±0.01) for every indexed PLR', (t) => {
  assert.equal(published.length, 542);
  assert.equal(berlinUnits.length, 542);
  const { result, areas, mismatches, classMatches, maxDiff } = compareWithPublished(mss2021);
  assert.deepEqual(mismatches, []);
  assert.equal(result.indexedCount, publishedIndexed.length);
  assert.equal(classMatches, publishedIndexed.length);
  assert.ok(maxDiff <= 0.01, `größte Abweichung ${maxDiff}`);
  // The PLR without published values are exactly the ones not indexed here.
  for (const p of published.filter((row) => row.status_index === '')) {
    const a = areas.get(p.plr_id);
    assert.equal(a?.statusIndex, null);
    assert.ok(a?.notIndexedReason, `${p.plr_id} ohne Begründung`);
  }
  t.diagnostic(
    `sample: ${result.indexedCount} PLR indexiert, ${classMatches} Klassenpaare gleich, ` +
      `größte Indexabweichung ${maxDiff.toFixed(4)}`,
  );
});

test('with the population standard deviation the published two decimals come out exactly', (t) => {
  const { result, mismatches, classMatches, maxDiff } = compareWithPublished({
    ...mss2021,
    sd: 'population',
  });
  assert.deepEqual(mismatches, []);
  // Half a unit of the last published digit, plus the 5-decimal rounding of the input shares.
  assert.ok(maxDiff <= 0.0051, `größte Abweichung ${maxDiff}`);
  t.diagnostic(
    `population: ${result.indexedCount} PLR, ${classMatches} Klassenpaare gleich, ` +
      `größte Indexabweichung ${maxDiff.toFixed(4)}`,
  );
});

test('classes are assigned on the unrounded index, as the publication does', () => {
  // Published rows whose rounded index would give another class, e.g. 1.00 published as "negativ".
  const onBoundary = publishedIndexed.filter(
    (p) =>
      statusClassOf(Number(p.status_index), mss2021.statusCutoffs) !== p.status_class ||
      dynamicsClassOf(Number(p.dynamics_index), mss2021.dynamicsCutoffs) !== p.dynamics_class,
  );
  assert.ok(onBoundary.length > 0, 'the publication has areas on a rounded boundary');
  for (const sd of ['sample', 'population'] as const) {
    const areas = byCode(computeIndex(berlinUnits, { ...mss2021, sd }).areas);
    for (const p of onBoundary) {
      const a = areas.get(p.plr_id) as IndexedArea;
      assert.equal(a.statusClass, p.status_class, `${p.plr_id} (${sd})`);
      assert.equal(a.dynamicsClass, p.dynamics_class, `${p.plr_id} (${sd})`);
      const round = (x: number | null) => Math.round((x as number) * 100) / 100;
      const roundedClasses = [
        statusClassOf(round(a.statusIndex), mss2021.statusCutoffs),
        dynamicsClassOf(round(a.dynamicsIndex), mss2021.dynamicsCutoffs),
      ];
      assert.notDeepEqual(roundedClasses, [p.status_class, p.dynamics_class], p.plr_id);
    }
  }
});

test('class boundaries: hoch < −1.0 ≤ mittel ≤ +1.0 < niedrig < +1.5 ≤ sehr niedrig', () => {
  const s = mss2021.statusCutoffs;
  assert.equal(statusClassOf(-1.0000001, s), 'hoch');
  assert.equal(statusClassOf(-1, s), 'mittel');
  assert.equal(statusClassOf(1, s), 'mittel');
  assert.equal(statusClassOf(1.0000001, s), 'niedrig');
  assert.equal(statusClassOf(1.4999999, s), 'niedrig');
  assert.equal(statusClassOf(1.5, s), 'sehr niedrig');
  const d = mss2021.dynamicsCutoffs;
  assert.equal(dynamicsClassOf(-1.0000001, d), 'positiv');
  assert.equal(dynamicsClassOf(-1, d), 'stabil');
  assert.equal(dynamicsClassOf(1, d), 'stabil');
  assert.equal(dynamicsClassOf(1.0000001, d), 'negativ');
});

test('indices and z-values have mean 0 and standard deviation 1 over the indexed areas', () => {
  for (const sd of ['sample', 'population'] as const) {
    const result = computeIndex(berlinUnits, { ...mss2021, sd });
    const indexed = result.areas.filter((a) => a.statusIndex !== null);
    const series: Record<string, number[]> = {
      status: indexed.map((a) => a.statusIndex as number),
      dynamics: indexed.map((a) => a.dynamicsIndex as number),
      ...Object.fromEntries(INDICATORS.map((k) => [k, indexed.map((a) => a.z[k] as number)])),
    };
    for (const [name, xs] of Object.entries(series)) {
      const n = xs.length;
      const mean = xs.reduce((s, x) => s + x, 0) / n;
      const ss = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
      assert.ok(Math.abs(mean) < 1e-12, `${name} Mittelwert ${mean}`);
      assert.ok(Math.abs(Math.sqrt(ss / (sd === 'sample' ? n - 1 : n)) - 1) < 1e-12, name);
    }
  }
});

test('the 12 groups: status × dynamics, counted as published', () => {
  assert.equal(new Set(INDEX_GROUPS).size, 12);
  assert.ok(INDEX_GROUPS.includes('Status niedrig, Dynamik negativ'));
  const count = (labels: string[]) =>
    labels.reduce<Record<string, number>>((acc, g) => ({ ...acc, [g]: (acc[g] ?? 0) + 1 }), {});
  const result = computeIndex(berlinUnits, mss2021);
  const computed = result.areas.flatMap((a) => (a.group ? [a.group] : []));
  for (const g of computed) assert.ok(INDEX_GROUPS.includes(g), g);
  const fromPublication = publishedIndexed.map(
    (p) => `Status ${p.status_class}, Dynamik ${p.dynamics_class}`,
  );
  assert.deepEqual(count(computed), count(fromPublication));
  assert.equal(groupLabel('sehr niedrig', 'positiv'), 'Status sehr niedrig, Dynamik positiv');
});

test('Berlin areas without values or with too few inhabitants carry their reason', () => {
  const areas = byCode(computeIndex(berlinUnits, mss2021).areas);
  const all = 'Werte fehlen: S1, S3, S4, D1, D3, D4';
  assert.equal(areas.get('03300515')?.notIndexedReason, `weniger als 300 Einwohner (38); ${all}`);
  assert.equal(areas.get('10100205')?.notIndexedReason, all);
  assert.equal(areas.get('03400831')?.notIndexedReason, `Einwohnerzahl fehlt; ${all}`);
  assert.equal(areas.get('01100101')?.notIndexedReason, null);
});

// ---------------------------------------------------------------------------------------------
// Synthetic data: deterministic, so a failure can be reproduced.

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticUnits(count: number, seed = 1): IndexUnit[] {
  const next = rng(seed);
  return Array.from({ length: count }, (_, i) => ({
    areaId: i + 1,
    code: `G${i + 1}`,
    population: 1000 + Math.round(next() * 9000),
    values: Object.fromEntries(INDICATORS.map((k) => [k, next() * 30 - (k[0] === 'D' ? 15 : 0)])),
  }));
}

test('refuses an index over too few areas, in German', () => {
  const six = syntheticUnits(6);
  assert.throws(
    () => computeIndex(six, mss2021),
    (e: unknown) =>
      e instanceof AppError &&
      e.code === 'invalid_input' &&
      e.message ===
        'Ein Index über 6 Gebiete ist nicht aussagekräftig: mindestens 20 Gebiete mit Werten und ' +
          'mindestens 300 Einwohnern sind nötig. Wählen Sie eine feinere Ebene – so indexiert ' +
          'Oberhausen seine 27 Sozialquartiere, nicht die 6 Sozialräume.',
  );
  // 26 areas of which 7 are too small: 19 are left, one short of the minimum; 6 too small: 20.
  const shrink = (small: number) =>
    syntheticUnits(26).map((u, i) => (i < small ? { ...u, population: 120 } : u));
  assert.throws(() => computeIndex(shrink(7), mss2021), /^AppError: Ein Index über 19 Gebiete/);
  assert.equal(computeIndex(shrink(6), mss2021).indexedCount, 20);
});

test('areas below the minimum population or without a value are not indexed and name why', () => {
  const units = syntheticUnits(30);
  units[0] = { ...(units[0] as IndexUnit), population: 217 };
  units[1] = { ...(units[1] as IndexUnit), population: null };
  const third = units[2] as IndexUnit;
  units[2] = { ...third, values: { ...third.values, S4: null } };
  const result = computeIndex(units, mss2021);
  const [a, b, c] = result.areas as [IndexedArea, IndexedArea, IndexedArea];
  assert.equal(a.notIndexedReason, 'weniger als 300 Einwohner (217)');
  assert.equal(b.notIndexedReason, 'Einwohnerzahl fehlt');
  assert.equal(c.notIndexedReason, 'Werte fehlen: S4');
  for (const x of [a, b, c]) {
    assert.equal(x.statusIndex, null);
    assert.equal(x.statusClass, null);
    assert.equal(x.dynamicsClass, null);
    assert.equal(x.group, null);
    assert.deepEqual(x.z, {});
  }
  assert.equal(result.indexedCount, 27);
  // Areas that are not indexed do not enter the statistics.
  assert.deepEqual(result.stats, computeIndex(units.slice(3), mss2021).stats);
  const big = { ...mss2021, minPopulation: 1500 };
  const small = computeIndex([{ ...(units[3] as IndexUnit), population: 1234 }, ...units], big);
  assert.equal(small.areas[0]?.notIndexedReason, 'weniger als 1.500 Einwohner (1.234)');
});

test('an indicator where a high value is good enters with reversed sign', () => {
  // B1: the share NOT in unemployment, 100 − S1; "high is good".
  const flipped = berlinUnits.map((u) => {
    const { S1, ...rest } = u.values;
    return { ...u, values: { ...rest, B1: S1 === null || S1 === undefined ? null : 100 - S1 } };
  });
  const config = { ...mss2021, statusIndicators: ['B1', 'S3', 'S4'] };
  const reference = computeIndex(berlinUnits, mss2021).areas;
  const reversed = computeIndex(flipped, { ...config, highIsBad: { B1: false } }).areas;
  reversed.forEach((a, i) => {
    const r = reference[i] as IndexedArea;
    assert.equal(a.statusClass, r.statusClass, a.code);
    if (r.statusIndex === null) return;
    assert.ok(Math.abs((a.statusIndex as number) - r.statusIndex) < 1e-9, a.code);
    assert.ok(Math.abs((a.z.B1 as number) - (r.z.S1 as number)) < 1e-9, a.code);
  });
  // Without the reversal the same data would rank differently.
  const wrong = computeIndex(flipped, config).areas;
  assert.ok(wrong.some((a, i) => a.statusClass !== reference[i]?.statusClass));
});

test('properties: invariant to the unit of an indicator; every valid area indexed and classified', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 20, max: 80 }),
      fc.integer({ min: 1, max: 2 ** 30 }),
      fc.double({ min: 0.01, max: 1000, noNaN: true }),
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      (count, seed, scale, shift) => {
        const units = syntheticUnits(count, seed);
        const base = computeIndex(units, mss2021);
        const rescaled = units.map((u) => ({
          ...u,
          values: { ...u.values, S3: (u.values.S3 as number) * scale + shift },
        }));
        const other = computeIndex(rescaled, mss2021);
        base.areas.forEach((a, i) => {
          const b = other.areas[i] as IndexedArea;
          assert.ok(Math.abs((a.statusIndex as number) - (b.statusIndex as number)) < 1e-6);
        });
        const classes = base.areas.map((a) => a.statusClass);
        assert.equal(classes.filter((c) => c !== null).length, count);
        assert.equal(base.indexedCount, count);
      },
    ),
    { numRuns: 60 },
  );
});

test('refuses an indicator that does not vary', () => {
  const units = syntheticUnits(25).map((u) => ({ ...u, values: { ...u.values, D3: 2.5 } }));
  assert.throws(
    () => computeIndex(units, mss2021),
    /Der Indikator „D3“ hat in allen 25 indexierten Gebieten denselben Wert/,
  );
});

test('works without dynamics indicators: a status index only', () => {
  const result = computeIndex(syntheticUnits(30), { ...mss2021, dynamicsIndicators: [] });
  assert.equal(result.sums.dynamics, null);
  for (const a of result.areas) {
    assert.equal(a.dynamicsIndex, null);
    assert.equal(a.group, `Status ${a.statusClass}`);
  }
});

test('validates an index configuration with German messages', () => {
  const json = JSON.parse(JSON.stringify(mss2021)) as Record<string, unknown>;
  delete json.minUnits;
  delete json.highIsBad;
  const parsed = validateIndexConfig(json);
  assert.equal(parsed.minUnits, 20);
  assert.deepEqual(parsed.highIsBad, {});

  const refusal = (input: unknown, expected: string) =>
    assert.throws(
      () => validateIndexConfig(input),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'invalid_input' &&
        e.details.some((d) => d.message.includes(expected)),
      expected,
    );
  refusal(null, 'Ein Objekt mit der Indexkonfiguration erwartet.');
  refusal({ ...json, statusIndicators: [] }, 'mindestens einen Statusindikator');
  refusal({ ...json, dynamicsIndicators: ['D1', 'S1'] }, '„S1“ ist mehrfach angegeben');
  refusal({ ...json, statusCutoffs: { high: 1, low: -1, veryLow: 1.5 } }, 'Statusgrenzen müssen');
  refusal({ ...json, statusCutoffs: { high: -1, low: 1.5, veryLow: 1.5 } }, 'Statusgrenzen müssen');
  refusal({ ...json, dynamicsCutoffs: { positive: 1, negative: 1 } }, 'Dynamikgrenzen müssen');
  refusal({ ...json, statusCutoffs: { high: -1, low: 1 } }, 'Grenze „sehr niedrig“: eine Zahl');
  refusal({ ...json, sd: 'stichprobe' }, '„sample“ (Stichprobe');
  refusal({ ...json, minPopulation: -1 }, 'nicht negativ');
  refusal({ ...json, highIsBad: { K9: false } }, '„K9“, der kein Indikator');
  refusal({ ...json, minEinwohner: 300 }, 'Unbekannte Angabe: „minEinwohner“.');
  assert.throws(
    () => computeIndex(berlinUnits, { ...mss2021, dynamicsCutoffs: { positive: 1, negative: -1 } }),
    (e: unknown) => e instanceof AppError && e.code === 'invalid_input',
  );
});

test('scales linearly: 100,000 areas in well under a few seconds', () => {
  const units = syntheticUnits(100_000, 7);
  const started = performance.now();
  const result = computeIndex(units, mss2021);
  const ms = performance.now() - started;
  assert.equal(result.indexedCount, 100_000);
  assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
});
