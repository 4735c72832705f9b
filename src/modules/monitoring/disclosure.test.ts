// Disclosure control: examples, and properties proven by an attacker that solves the published equations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { aggregate, change, shareFromCounts, type AggArea, type Cell } from './aggregate.ts';
import { discloseChange, discloseCounts, discloseShare, type DisclosedCell } from './disclosure.ts';

const runs = {
  numRuns: 300,
  includeErrorInReport: true,
  // Shrinking a failure in a big hierarchy can take long: bound the whole check.
  plugins: [fc.interruptAfterTimeLimit(60_000, { failOnInterrupt: true })],
};
const cell = (value: number | null): Cell => ({ value, numerator: null, denominator: null });
const countIndicator = {
  code: 'n',
  kind: 'count',
  numeratorCode: null,
  denominatorCode: null,
  per: 100,
  minCount: 3,
} as const;

/** A city (1) with districts and their quarters, values given per quarter; totals aggregated. */
function city(districts: Record<number, (number | null)[]>) {
  const areas: AggArea[] = [{ id: 1, parentId: null, rank: 0 }];
  const leaves = new Map<number, Cell>();
  for (const [d, values] of Object.entries(districts)) {
    areas.push({ id: Number(d), parentId: 1, rank: 1 });
    values.forEach((v, i) => {
      areas.push({ id: Number(d) + i + 1, parentId: Number(d), rank: 2 });
      leaves.set(Number(d) + i + 1, cell(v));
    });
  }
  return { areas, cells: aggregate(areas, countIndicator, leaves) };
}
const hidden = (out: Map<number, DisclosedCell>) =>
  [...out]
    .filter(([, c]) => c.suppressed)
    .sort(([a], [b]) => a - b)
    .map(([id, c]) => `${id}:${c.suppressed}`);

// ---- The attacker: what can be recomputed from the published cells ----

/** Solves parent = Σ children over the published values, by substitution and by elimination. */
function attack(areas: AggArea[], published: Map<number, number | null>) {
  const unknown = areas.filter((a) => published.get(a.id) === null).map((a) => a.id);
  const column = new Map(unknown.map((id, i) => [id, i]));
  const equations = areas
    .map((p) => [p.id, ...areas.filter((c) => c.parentId === p.id).map((c) => c.id)])
    .filter((members) => members.length > 1);
  const sign = (i: number) => (i === 0 ? 1 : -1);

  // 1. Iterative substitution: an equation with one unknown gives it; repeat across levels.
  const peeled = new Map<number, number>();
  for (let progress = true; progress;) {
    progress = false;
    for (const members of equations) {
      const open = members.filter((m) => column.has(m) && !peeled.has(m));
      if (open.length !== 1) continue;
      const x = open[0]!;
      const rest = members.reduce(
        (s, m, i) => (m === x ? s : s + sign(i) * (peeled.get(m) ?? published.get(m)!)),
        0,
      );
      peeled.set(x, -rest * sign(members.indexOf(x)));
      progress = true;
    }
  }

  // 2. Gaussian elimination to reduced row echelon form, with the known terms on the right.
  const width = unknown.length;
  const rows = equations.map((members) => {
    const row = new Array<number>(width + 1).fill(0);
    members.forEach((m, i) => {
      const col = column.get(m);
      if (col !== undefined) row[col] = sign(i);
      else row[width] = row[width]! - sign(i) * published.get(m)!;
    });
    return row;
  });
  const pivots: { col: number; row: number[] }[] = [];
  let free = rows;
  for (let col = 0; col < width; col++) {
    const at = free.findIndex((r) => Math.abs(r[col]!) > 1e-9);
    if (at < 0) continue;
    const pivot = free[at]!.map((v) => v / free[at]![col]!);
    free = free.filter((_, i) => i !== at);
    for (const r of [...free, ...pivots.map((p) => p.row)]) {
      const f = r[col]!;
      if (f !== 0) for (let j = 0; j <= width; j++) r[j] = r[j]! - f * pivot[j]!;
    }
    pivots.push({ col, row: pivot });
  }
  const solved = new Map<number, number>();
  for (const { col, row } of pivots) {
    if (row.every((v, j) => j === width || j === col || Math.abs(v) < 1e-9))
      solved.set(unknown[col]!, row[width]!);
  }
  /** The recomputable total of a set of unknown cells, or null if the equations do not give it. */
  const total = (ids: number[]) => {
    const want = new Set(ids.map((id) => column.get(id)!));
    const used = pivots.filter((p) => want.has(p.col));
    for (let j = 0; j < width; j++) {
      const v = used.reduce((s, p) => s + p.row[j]!, 0);
      if (Math.abs(v - (want.has(j) ? 1 : 0)) > 1e-9) return null;
    }
    return used.reduce((s, p) => s + p.row[width]!, 0);
  };
  return { peeled, solved, total };
}

const publishedValues = (out: Map<number, DisclosedCell>) =>
  new Map([...out].map(([id, c]) => [id, c.value]));

// ---- Examples ----

test('a count of 1 or 2 is suppressed, 0 is published, and the smallest sibling that protects it too', () => {
  const { areas, cells } = city({ 10: [2, 5, 7, 40, 0] });
  const out = discloseCounts(areas, cells, 3);
  assert.deepEqual(hidden(out), ['11:primary', '12:secondary']);
  assert.equal(out.get(11)!.reason, 'weniger als 3 Fälle');
  assert.equal(
    out.get(12)!.reason,
    'gesperrt, damit gesperrte Werte nicht aus Summe und Nachbarn errechnet werden können',
  );
  assert.equal(out.get(15)!.value, 0);
  assert.equal(out.get(10)!.value, 54);
});

test('the attacker recovers a cell that only primary suppression hides', () => {
  const { areas, cells } = city({ 10: [2, 5, 7], 20: [9, 9] });
  const primaryOnly = new Map(
    [...cells].map(([id, c]) => [id, c.value! > 0 && c.value! < 3 ? null : c.value]),
  );
  const { peeled, solved } = attack(areas, primaryOnly);
  assert.equal(peeled.get(11), 2);
  assert.equal(solved.get(11), 2);
  assert.equal(attack(areas, publishedValues(discloseCounts(areas, cells, 3))).solved.size, 0);
});

test('a zero sibling does not protect: the next positive one that lifts the total to 3 is taken', () => {
  const { areas, cells } = city({ 10: [1, 0, 9, 4] });
  assert.deepEqual(hidden(discloseCounts(areas, cells, 3)), ['11:primary', '14:secondary']);
});

test('two suppressed cells whose total would be below 3 get a third', () => {
  const { areas, cells } = city({ 10: [1, 1, 50, 60] });
  assert.deepEqual(hidden(discloseCounts(areas, cells, 3)), [
    '11:primary',
    '12:primary',
    '13:secondary',
  ]);
});

test('suppression climbs the hierarchy and comes down again in the sibling district', () => {
  // District 20 totals 1, so it is suppressed itself; the city total would give it away, so the
  // smallest district that lifts the total (10) goes, and then one of 10's quarters.
  const { areas, cells } = city({ 10: [6, 4, 8], 20: [1, 0], 30: [50, 60] });
  const out = discloseCounts(areas, cells, 3);
  assert.deepEqual(hidden(out), ['10:secondary', '12:secondary', '20:primary', '21:primary']);
  assert.equal(out.get(1)!.value, 129);
});

test('an only child takes its parent with it', () => {
  const { areas, cells } = city({ 10: [2], 20: [30, 40] });
  const out = discloseCounts(areas, cells, 3);
  assert.equal(out.get(10)!.suppressed, 'primary');
  assert.equal(out.get(11)!.suppressed, 'primary');
  assert.ok(out.get(20)!.suppressed, 'a sibling district hides the difference');
});

test('shares and changes of suppressed counts are suppressed as derived', () => {
  const { areas, cells: num } = city({ 10: [2, 5, 7, 40] });
  const { cells: den } = city({ 10: [20, 50, 70, 400] });
  const shares = shareFromCounts(num, den, 100);
  const numOut = discloseCounts(areas, num, 3);
  const denOut = discloseCounts(areas, den, 3);
  const out = discloseShare(areas, numOut, denOut, shares);
  assert.equal(out.get(11)!.suppressed, 'derived');
  assert.equal(out.get(11)!.reason, 'abgeleitet aus einem gesperrten Wert');
  assert.equal(out.get(12)!.suppressed, 'derived');
  assert.deepEqual(out.get(14), {
    value: 10,
    numerator: 40,
    denominator: 400,
    suppressed: false,
    reason: null,
  });
  // A share imported without counts passes; with only its denominator known, it is withheld.
  const external = new Map([[14, { value: 10, numerator: null, denominator: null }]]);
  assert.equal(discloseShare(areas, new Map(), new Map(), external).get(14)!.value, 10);
  assert.equal(discloseShare(areas, new Map(), denOut, external).get(14)!.suppressed, 'derived');

  const later = city({ 10: [4, 5, 9, 40] }).cells;
  const laterOut = discloseCounts(areas, later, 3);
  const diff = change(
    new Map([
      ['2020', num],
      ['2022', later],
    ]),
    '2020',
    '2022',
  );
  const changes = discloseChange(areas, numOut, laterOut, diff);
  assert.equal(changes.get(11)!.suppressed, 'derived');
  assert.equal(changes.get(13)!.value, 2);
});

// ---- Properties over generated hierarchies ----

interface Node {
  kids: Node[];
}
const shapeArb = (levels: number): fc.Arbitrary<Node> =>
  levels <= 1
    ? fc.constant({ kids: [] })
    : fc.array(shapeArb(levels - 1), { minLength: 1, maxLength: 8 }).map((kids) => ({ kids }));
const countArb = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1, 2), weight: 4 },
  { arbitrary: fc.integer({ min: 3, max: 9 }), weight: 2 },
  { arbitrary: fc.integer({ min: 10, max: 300 }), weight: 1 },
);
/** Areas with true counts; some leaves are not delivered, some totals are imported anyway. */
const worldArb = fc
  .integer({ min: 1, max: 4 })
  .chain(shapeArb)
  .chain((root) => {
    const areas: AggArea[] = [];
    const walk = (node: Node, parentId: number | null, rank: number) => {
      const id = areas.length + 1;
      areas.push({ id, parentId, rank });
      for (const kid of node.kids) walk(kid, id, rank + 1);
    };
    walk(root, null, 0);
    const per = fc.record({
      count: countArb,
      extra: countArb,
      gap: fc.integer({ min: 0, max: 19 }),
    });
    return fc.record({
      areas: fc.constant(areas),
      draws: fc.array(per, { minLength: areas.length, maxLength: areas.length }),
      minCount: fc.constantFrom(3, 3, 5),
    });
  });

/** Leaf values (gap 0: not delivered) aggregated; a total is imported where gap is 1. */
function counts(areas: AggArea[], leafValue: (i: number) => number, gaps: number[]) {
  const isLeaf = (a: AggArea) => !areas.some((b) => b.parentId === a.id);
  const truth = new Map<number, number>();
  for (const a of [...areas].reverse()) {
    const kids = areas.filter((b) => b.parentId === a.id);
    truth.set(
      a.id,
      isLeaf(a) ? leafValue(a.id - 1) : kids.reduce((s, k) => s + truth.get(k.id)!, 0),
    );
  }
  const imported = new Map<number, Cell>();
  areas.forEach((a, i) => {
    if (isLeaf(a) ? gaps[i] !== 0 : gaps[i] === 1) imported.set(a.id, cell(truth.get(a.id)!));
  });
  // Gap 2 blanks a total, as if the caller had passed raw cells without aggregating them.
  const cells = aggregate(areas, countIndicator, imported);
  areas.forEach((a, i) => {
    if (!isLeaf(a) && gaps[i] === 2) cells.set(a.id, { ...cells.get(a.id)!, value: null });
  });
  return { truth, cells };
}

const seen = { secondary: 0, groups: 0, derivedMissing: 0 };

test('property: no small count is published, and no suppressed cell or small total can be recomputed', () => {
  fc.assert(
    fc.property(worldArb, ({ areas, draws, minCount }) => {
      const gaps = draws.map((d) => d.gap);
      const { truth, cells } = counts(areas, (i) => draws[i]!.count, gaps);
      const out = discloseCounts(areas, cells, minCount);
      const suppressed = areas.filter((a) => out.get(a.id)!.suppressed).map((a) => a.id);
      for (const a of areas) {
        const input = cells.get(a.id)!.value;
        const got = out.get(a.id)!;
        const small = input !== null && input > 0 && input < minCount;
        assert.equal(got.suppressed === 'primary', small, `primary rule at ${a.id}`);
        if (got.value !== null) assert.ok(!(got.value > 0 && got.value < minCount)); // (a)
        if (got.suppressed) assert.equal(got.value, null);
        else assert.equal(got.value, input, `a published value is the input at ${a.id}`); // (e)
        // (b) simple form: a complete published family never has exactly one suppressed child.
        const kids = areas.filter((k) => k.parentId === a.id);
        if (got.value !== null && kids.every((k) => cells.get(k.id)!.value !== null)) {
          assert.notEqual(kids.filter((k) => out.get(k.id)!.suppressed).length, 1);
        }
      }
      // (b) strong form: the attacker recovers no suppressed cell, by substitution or elimination.
      const { peeled, solved, total } = attack(areas, publishedValues(out));
      for (const id of suppressed) {
        assert.ok(!solved.has(id) && !peeled.has(id), `cell ${id} can be recomputed`);
      }
      // The checker itself: both methods agree and recover cells without value correctly.
      assert.deepEqual([...peeled.keys()].sort(), [...solved.keys()].sort());
      for (const [id, v] of solved) assert.ok(Math.abs(v - truth.get(id)!) < 1e-6);
      seen.derivedMissing += solved.size;
      // Group rule: every recomputable total of suppressed cells is at least minCount.
      if (suppressed.length <= 12) {
        for (let mask = 1; mask < 1 << suppressed.length; mask++) {
          const group = suppressed.filter((_, i) => mask & (1 << i));
          const sum = total(group);
          if (sum === null) continue;
          seen.groups += 1;
          const real = group.reduce((s, id) => s + truth.get(id)!, 0);
          assert.ok(Math.abs(sum - real) < 1e-6, 'the checker computes the real total');
          assert.ok(real >= minCount, `group ${group} totals ${real}`);
        }
      }
      if (suppressed.some((id) => out.get(id)!.suppressed === 'secondary')) seen.secondary += 1;
    }),
    runs,
  );
  // The generator must reach the interesting cases, or the property proves little.
  assert.ok(seen.secondary > runs.numRuns / 4, `secondary suppression in ${seen.secondary} runs`);
  assert.ok(seen.groups > runs.numRuns / 2, `${seen.groups} recomputable groups checked`);
  assert.ok(seen.derivedMissing > 0, 'cells without value recomputed by the checker');
});

test('property: shares and changes of suppressed counts are suppressed; published ones reveal nothing', () => {
  fc.assert(
    fc.property(worldArb, ({ areas, draws, minCount }) => {
      const gaps = draws.map((d) => d.gap);
      const num = counts(areas, (i) => draws[i]!.count, gaps).cells;
      const den = counts(areas, (i) => draws[i]!.count + draws[i]!.extra, gaps).cells;
      const later = counts(areas, (i) => draws[i]!.extra, gaps).cells;
      const [numOut, denOut, laterOut] = [num, den, later].map((c) =>
        discloseCounts(areas, c, minCount),
      );
      const shares = discloseShare(areas, numOut!, denOut!, shareFromCounts(num, den, 100));
      const diff = change(
        new Map([
          ['a', num],
          ['b', later],
        ]),
        'a',
        'b',
      );
      const changes = discloseChange(areas, numOut!, laterOut!, diff);
      for (const { id } of areas) {
        const s = shares.get(id)!;
        const fromHidden = numOut!.get(id)!.suppressed || denOut!.get(id)!.suppressed;
        assert.equal(s.suppressed, fromHidden ? 'derived' : false); // (c)
        assert.equal(s.reason, fromHidden ? 'abgeleitet aus einem gesperrten Wert' : null);
        if (!s.suppressed && s.value !== null) {
          assert.equal(s.numerator, num.get(id)!.value);
          assert.equal(s.denominator, den.get(id)!.value);
          assert.equal(s.value, (s.numerator! / s.denominator!) * 100);
        }
        const c = changes.get(id)!;
        const endHidden = numOut!.get(id)!.suppressed || laterOut!.get(id)!.suppressed;
        assert.equal(c.suppressed, endHidden ? 'derived' : false);
        assert.equal(c.reason, endHidden ? 'abgeleitet aus einem gesperrten Wert' : null);
        if (!c.suppressed) assert.equal(c.value, diff.get(id)?.value ?? null);
      }
      // Changes of counts add up too: no suppressed change can be recomputed from the published ones.
      const { solved } = attack(areas, publishedValues(changes));
      for (const { id } of areas) assert.ok(!(changes.get(id)!.suppressed && solved.has(id)));
    }),
    runs,
  );
});
