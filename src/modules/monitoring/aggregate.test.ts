// Aggregation up an area hierarchy: examples on a small city, and properties over generated hierarchies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../core/errors.ts';
import {
  aggregate,
  change,
  referenceValues,
  shareFromCounts,
  type AggArea,
  type AggIndicator,
  type Cell,
} from './aggregate.ts';

const runs = {
  numRuns: 300,
  includeErrorInReport: true,
  // Shrinking a failure in a big hierarchy can take long: bound the whole check.
  plugins: [fc.interruptAfterTimeLimit(60_000, { failOnInterrupt: true })],
};

// City 1 → districts 10, 20, 30 → quarters 11–13, 21–23, 31–33. The figures are made up.
const areas: AggArea[] = [{ id: 1, parentId: null, rank: 0 }];
for (const d of [10, 20, 30]) {
  areas.push({ id: d, parentId: 1, rank: 1 });
  for (const q of [1, 2, 3]) areas.push({ id: d + q, parentId: d, rank: 2 });
}
const quarters = areas.filter((a) => a.rank === 2).map((a) => a.id);

const indicator = (kind: AggIndicator['kind'], per = 100): AggIndicator => ({
  code: kind,
  kind,
  numeratorCode: null,
  denominatorCode: null,
  per,
  minCount: 3,
});
const count = (value: number | null): Cell => ({ value, numerator: null, denominator: null });
const share = (numerator: number, denominator: number): Cell => ({
  value: (numerator / denominator) * 100,
  numerator,
  denominator,
});
const counts = (values: Record<number, number | null>) =>
  new Map(Object.entries(values).map(([id, v]) => [Number(id), count(v)]));

test('counts sum up every level; imported values win over the sum', () => {
  const leaves = counts(Object.fromEntries(quarters.map((q) => [q, q * 10])));
  const result = aggregate(areas, indicator('count'), leaves);
  assert.equal(result.get(10)!.value, 110 + 120 + 130);
  assert.equal(
    result.get(1)!.value,
    quarters.reduce((s, q) => s + q * 10, 0),
  );
  assert.equal(result.get(1)!.origin, 'aggregated');
  assert.equal(result.get(11)!.origin, 'imported');

  leaves.set(20, count(1000));
  const withDistrict = aggregate(areas, indicator('count'), leaves);
  assert.equal(withDistrict.get(20)!.value, 1000);
  assert.equal(withDistrict.get(20)!.origin, 'imported');
  assert.equal(withDistrict.get(1)!.value, 360 + 1000 + 960);
});

test('a share is Σ numerators / Σ denominators, not the mean of the percentages', () => {
  const cells = new Map<number, Cell>([
    [11, share(10, 100)],
    [12, share(50, 200)],
    [13, share(400, 1000)],
  ]);
  const result = aggregate(areas, indicator('share'), cells);
  const district = result.get(10)!;
  assert.equal(district.numerator, 460);
  assert.equal(district.denominator, 1300);
  assert.equal(district.value, (460 / 1300) * 100);
  const meanOfPercentages = (10 + 25 + 40) / 3;
  assert.ok(Math.abs(district.value! - meanOfPercentages) > 10);
  // Districts 20 and 30 have no values, so the city gets none either.
  assert.equal(result.get(1)!.origin, 'none');
  assert.equal(result.get(1)!.note, 'unvollständig: 2 von 3 Teilgebieten ohne Wert');
});

test('a rate per 1000 uses its own factor', () => {
  const cells = new Map<number, Cell>([
    [11, { value: 5, numerator: 1, denominator: 200 }],
    [12, { value: 10, numerator: 3, denominator: 300 }],
    [13, { value: 0, numerator: 0, denominator: 500 }],
  ]);
  assert.equal(aggregate(areas, indicator('rate', 1000), cells).get(10)!.value, 4);
});

test('an area with a missing child gets no aggregate, never a partial sum', () => {
  const leaves = counts(Object.fromEntries(quarters.map((q) => [q, 5])));
  leaves.set(22, count(null));
  leaves.delete(33);
  const result = aggregate(areas, indicator('count'), leaves);
  assert.deepEqual(result.get(20), {
    value: null,
    numerator: null,
    denominator: null,
    origin: 'none',
    complete: false,
    note: 'unvollständig: 1 von 3 Teilgebieten ohne Wert',
  });
  assert.equal(result.get(10)!.value, 15);
  assert.equal(result.get(1)!.note, 'unvollständig: 2 von 3 Teilgebieten ohne Wert');
  assert.equal(result.get(33)!.note, 'kein Wert');
});

test('changes in percentage points, indices and plain values are not aggregated', () => {
  const leaves = counts(Object.fromEntries(quarters.map((q) => [q, 1.5])));
  for (const [kind, note] of [
    ['change_pp', 'nicht aggregierbar: Veränderung in Prozentpunkten'],
    ['index', 'nicht aggregierbar: Indexwert'],
    ['value', 'nicht aggregierbar: Wert ohne Zähler und Nenner'],
  ] as const) {
    const result = aggregate(areas, indicator(kind), leaves);
    assert.equal(result.get(10)!.value, null);
    assert.equal(result.get(10)!.note, note);
    assert.equal(result.get(11)!.value, 1.5);
  }
});

test('shares without numerator and denominator are not aggregated', () => {
  const cells = new Map<number, Cell>([
    [11, share(1, 10)],
    [12, { value: 12.5, numerator: null, denominator: null }],
    [13, { value: 20, numerator: null, denominator: null }],
  ]);
  const result = aggregate(areas, indicator('share'), cells);
  assert.equal(result.get(10)!.value, null);
  assert.equal(
    result.get(10)!.note,
    'nicht aggregierbar: 2 von 3 Teilgebieten ohne Zähler und Nenner',
  );
});

test('a share from two count indicators, aggregated on every level', () => {
  const num = aggregate(
    areas,
    indicator('count'),
    counts(Object.fromEntries(quarters.map((q) => [q, q]))),
  );
  const den = aggregate(
    areas,
    indicator('count'),
    counts(Object.fromEntries(quarters.map((q) => [q, 100]))),
  );
  den.set(33, { ...den.get(33)!, value: 0 });
  const result = shareFromCounts(num, den, 100);
  assert.equal(result.get(11)!.value, 11);
  assert.equal(result.get(10)!.value, (36 / 300) * 100);
  assert.equal(result.get(10)!.origin, 'aggregated');
  assert.equal(result.get(33)!.value, null);
  assert.equal(result.get(33)!.note, 'nicht berechenbar: Nenner ist 0');
  num.set(12, { ...num.get(12)!, value: null, note: 'kein Wert' });
  assert.equal(shareFromCounts(num, den, 100).get(12)!.note, 'Zähler: kein Wert');
});

test('reference values are the parent and the city', () => {
  const cells = aggregate(
    areas,
    indicator('count'),
    counts(Object.fromEntries(quarters.map((q) => [q, 2]))),
  );
  assert.deepEqual(referenceValues(areas, cells, 21), {
    parent: { areaId: 20, value: 6 },
    city: { areaId: 1, value: 18 },
  });
  assert.deepEqual(referenceValues(areas, cells, 20), {
    parent: { areaId: 1, value: 18 },
    city: { areaId: 1, value: 18 },
  });
  assert.deepEqual(referenceValues(areas, cells, 1), { parent: null, city: null });
  assert.throws(() => referenceValues(areas, cells, 99), AppError);
});

test('a change of a share is its difference in percentage points', () => {
  const byPeriod = new Map([
    [
      '2020',
      new Map<number, Cell>([
        [11, share(10, 100)],
        [12, share(5, 50)],
      ]),
    ],
    [
      '2022',
      new Map<number, Cell>([
        [11, share(13, 100)],
        [13, share(1, 10)],
      ]),
    ],
  ]);
  const result = change(byPeriod, '2020', '2022');
  assert.ok(Math.abs(result.get(11)!.value! - 3) < 1e-9);
  assert.deepEqual(result.get(12), { value: null, from: 10, to: null, note: 'kein Wert für 2022' });
  assert.equal(result.get(13)!.note, 'kein Wert für 2020');
});

test('an invalid hierarchy is refused', () => {
  const broken: AggArea[] = [
    { id: 1, parentId: null, rank: 0 },
    { id: 2, parentId: 3, rank: 1 },
    { id: 4, parentId: 1, rank: 0 },
  ];
  assert.throws(
    () => aggregate(broken, indicator('count'), new Map()),
    (e: unknown) => {
      assert.ok(e instanceof AppError && e.code === 'invalid_input');
      assert.equal(e.details.length, 2);
      return true;
    },
  );
});

// A generated hierarchy: 1–4 levels, 1–8 children each; leaves carry a numerator ≤ denominator.
interface Node {
  kids: Node[];
}
const shapeArb = (levels: number): fc.Arbitrary<Node> =>
  levels <= 1
    ? fc.constant({ kids: [] })
    : fc.array(shapeArb(levels - 1), { minLength: 1, maxLength: 8 }).map((kids) => ({ kids }));
const smallCount = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1, 2), weight: 3 },
  { arbitrary: fc.integer({ min: 3, max: 500 }), weight: 2 },
);
const generated = fc
  .integer({ min: 1, max: 4 })
  .chain(shapeArb)
  .chain((root) => {
    const list: AggArea[] = [];
    const parentOf = new Map<number, number>();
    const walk = (node: Node, parentId: number | null, rank: number) => {
      const id = list.length + 1;
      list.push({ id, parentId, rank });
      if (parentId !== null) parentOf.set(id, parentId);
      for (const kid of node.kids) walk(kid, id, rank + 1);
    };
    walk(root, null, 0);
    const leaves = list.filter((a) => !list.some((b) => b.parentId === a.id)).map((a) => a.id);
    const leafCell = fc.record({ num: smallCount, extra: smallCount, missing: fc.boolean() });
    return fc
      .array(leafCell, { minLength: leaves.length, maxLength: leaves.length })
      .map((cells) => ({ areas: list, parentOf, leaves, cells }));
  });

/** The leaves below (or at) an area. */
function leavesOf(id: number, parentOf: Map<number, number>, leaves: number[]): number[] {
  return leaves.filter((leaf) => {
    for (let at: number | undefined = leaf; at !== undefined; at = parentOf.get(at)) {
      if (at === id) return true;
    }
    return false;
  });
}

test('property: counts equal the plain sum of their leaves, shares Σ numerators / Σ denominators', () => {
  fc.assert(
    fc.property(generated, fc.boolean(), ({ areas: list, parentOf, leaves, cells }, withGaps) => {
      const num = new Map<number, Cell>();
      const den = new Map<number, Cell>();
      const shares = new Map<number, Cell>();
      leaves.forEach((leaf, i) => {
        const { num: n, extra, missing } = cells[i]!;
        if (withGaps && missing) return;
        num.set(leaf, count(n));
        den.set(leaf, count(n + extra));
        shares.set(leaf, {
          value: n + extra > 0 ? (n / (n + extra)) * 100 : null,
          numerator: n,
          denominator: n + extra,
        });
      });
      const sumCounts = aggregate(list, indicator('count'), num);
      const sumShares = aggregate(list, indicator('share'), shares);
      const viaCounts = shareFromCounts(sumCounts, aggregate(list, indicator('count'), den), 100);
      for (const area of list) {
        const below = leavesOf(area.id, parentOf, leaves);
        const present = below.filter((l) => num.has(l));
        const got = sumCounts.get(area.id)!;
        if (present.length < below.length) {
          assert.equal(got.value, null);
          assert.equal(got.origin, 'none');
          assert.equal(sumShares.get(area.id)!.value, null);
          continue;
        }
        const n = below.reduce((s, l) => s + num.get(l)!.value!, 0);
        const d = below.reduce((s, l) => s + den.get(l)!.value!, 0);
        assert.equal(got.value, n);
        assert.equal(got.complete, true);
        const expected = d > 0 ? (n / d) * 100 : null;
        for (const s of [sumShares.get(area.id)!, viaCounts.get(area.id)!]) {
          assert.equal(s.numerator, n);
          assert.equal(s.denominator, d);
          if (expected === null) assert.equal(s.value, null);
          else assert.ok(Math.abs(s.value! - expected) < 1e-9);
        }
      }
    }),
    runs,
  );
});
