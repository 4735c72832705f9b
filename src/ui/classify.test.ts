// Class breaks, class lookup, palettes and labels of choropleth maps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../core/errors.ts';
import {
  breakLabels,
  classBreaks,
  classOf,
  formatBreakLabel,
  formatValue,
  palette,
  type ClassMethod,
} from './classify.ts';

const methods: ClassMethod[] = ['quantile', 'jenks', 'equal'];

test('breaks of small inputs, computed by hand', () => {
  assert.deepEqual(classBreaks([0, 2, 4, 6, 8, 10], 'equal', 5), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(classBreaks([10, 0, 3, 7, 1, 4, 9], 'equal', 4), [0, 2.5, 5, 7.5, 10]);
  // Quantiles of type 7: position (n − 1)·p in the sorted values, linear in between.
  // 8 values, 4 classes: positions 1.75, 3.5, 5.25.
  assert.deepEqual(classBreaks([8, 1, 7, 2, 6, 3, 5, 4], 'quantile', 4), [1, 2.75, 4.5, 6.25, 8]);
  // 7 values, 3 classes: positions 2 and 4, the 3rd and the 5th value.
  assert.deepEqual(classBreaks([1, 2, 3, 4, 5, 6, 7], 'quantile', 3), [1, 3, 5, 7]);
  assert.deepEqual(classBreaks([0, 0, 0, 0, 1, 2, 3, 4, 5], 'quantile', 4), [0, 1, 3, 5]);
  assert.deepEqual(classBreaks([1, 2, 3, 10, 11, 12, 30, 31, 32], 'jenks', 3), [1, 10, 30, 32]);
  // A lone maximum forms the top class on its own.
  assert.deepEqual(classBreaks([1, 2, 3, 10, 11, 12, 30], 'jenks', 3), [1, 10, 30, 30]);
});

test('fewer distinct values than classes give one class per value', () => {
  for (const method of methods) {
    assert.deepEqual(classBreaks([5, 5, 7, 5, 9], method, 3), [5, 7, 9, 9], method);
    assert.deepEqual(classBreaks([5, 7, 7], method, 5), [5, 7, 7], method);
    assert.deepEqual(classBreaks([4, 4, 4], method, 3), [4, 4], method);
  }
  assert.equal(classOf(7, [5, 7, 9, 9]), 1);
  assert.equal(classOf(9, [5, 7, 9, 9]), 2);
  assert.equal(classOf(4, [4, 4]), 0);
});

test('empty input and NaN: no values, no breaks; NaN is ignored', () => {
  for (const method of methods) {
    assert.deepEqual(classBreaks([], method, 4), []);
    assert.deepEqual(classBreaks([NaN, Infinity], method, 4), []);
  }
  assert.deepEqual(classBreaks([NaN, 0, 6, NaN, 3, -Infinity, 9], 'equal', 3), [0, 3, 6, 9]);
  assert.equal(classOf(NaN, [0, 1, 2, 3]), -1);
  assert.equal(classOf(1, []), -1);
});

test('classOf: lower bound included, upper excluded, last class closed, outliers clamped', () => {
  const breaks = [0, 10, 20, 30];
  assert.deepEqual(
    [0, 9.99, 10, 19.5, 20, 30, -5, 35].map((v) => classOf(v, breaks)),
    [0, 0, 1, 1, 2, 2, 0, 2],
  );
});

function invalidInput(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, 'invalid_input');
    assert.match(e.message, pattern);
    return true;
  });
}

test('manual breaks: checked, German errors, widened to the data', () => {
  assert.deepEqual(classBreaks([1, 2, 3], 'manual', 3, [0, 10, 20, 30]), [0, 10, 20, 30]);
  assert.deepEqual(classBreaks([-5, 12, 40], 'manual', 3, [0, 10, 20, 30]), [-5, 10, 20, 40]);
  assert.deepEqual(classBreaks([], 'manual', 3, [0, 10, 20, 30]), [0, 10, 20, 30]);
  invalidInput(
    () => classBreaks([1], 'manual', 3, [0, 20, 10, 30]),
    /aufsteigen: Auf „20“ folgt „10“/,
  );
  invalidInput(() => classBreaks([1], 'manual', 3, [0, 1.5, 1.5, 3]), /„1,5“ folgt „1,5“/);
  invalidInput(() => classBreaks([1], 'manual', 3, [0, 10, 20]), /braucht .* 4 Grenzen/);
  invalidInput(() => classBreaks([1], 'manual', 3), /angegeben sind 0/);
  invalidInput(() => classBreaks([1], 'manual', 3, [0, NaN, 2, 3]), /2\. Klassengrenze/);
  invalidInput(() => classBreaks([1], 'quantile', 2), /zwischen 3 und 7/);
  invalidInput(() => classBreaks([1], 'jenks', 8), /zwischen 3 und 7/);
  invalidInput(() => classBreaks([1], 'equal', 4.5), /angegeben ist 4,5/);
});

/** Indicator-like values with two decimals (rates, shares): no gaps of one floating-point step. */
const indicator = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((v) => v / 100);
const classCount = fc.integer({ min: 3, max: 7 });

/** Strictly ascending, except that the top class may hold the maximum alone. */
function assertAscending(breaks: number[]): void {
  for (let i = 1; i < breaks.length; i++) {
    if (i === breaks.length - 1) assert.ok(breaks[i]! >= breaks[i - 1]!, `${breaks}`);
    else assert.ok(breaks[i]! > breaks[i - 1]!, `${breaks}`);
  }
}

function assertEveryValueInItsClass(values: number[], breaks: number[], classes: number): void {
  const k = breaks.length - 1;
  assert.ok(k >= 1 && k <= classes);
  assertAscending(breaks);
  assert.equal(breaks[0], Math.min(...values));
  assert.equal(breaks[k], Math.max(...values));
  for (const v of values) {
    const c = classOf(v, breaks);
    assert.ok(c >= 0 && c < k);
    assert.ok(breaks[c]! <= v);
    assert.ok(v < breaks[c + 1]! || (c === k - 1 && v <= breaks[k]!));
  }
}

test('property: breaks ascend and every value falls into the class its breaks describe', () => {
  fc.assert(
    fc.property(
      fc.array(indicator, { minLength: 1, maxLength: 60 }),
      fc.constantFrom(...methods),
      classCount,
      (values, method, classes) => {
        const breaks = classBreaks(values, method, classes);
        assertEveryValueInItsClass(values, breaks, classes);
        // Jenks and equal intervals use all classes the distinct values allow.
        if (method !== 'quantile') {
          assert.equal(breaks.length - 1, Math.min(classes, new Set(values).size));
        }
      },
    ),
  );
});

test('property: any finite doubles (−0, subnormal, huge) still get consistent classes', () => {
  const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 });
  fc.assert(
    fc.property(
      fc.array(anyFinite, { minLength: 1, maxLength: 40 }),
      fc.constantFrom(...methods),
      classCount,
      (values, method, classes) => {
        assertEveryValueInItsClass(values, classBreaks(values, method, classes), classes);
      },
    ),
  );
});

test('property: quantile classes of distinct values differ in size by at most one', () => {
  fc.assert(
    fc.property(
      classCount.chain((classes) =>
        fc.tuple(
          fc.constant(classes),
          fc.uniqueArray(indicator, { minLength: classes + 1, maxLength: 80 }),
        ),
      ),
      ([classes, values]) => {
        const breaks = classBreaks(values, 'quantile', classes);
        assert.equal(breaks.length, classes + 1);
        const counts = new Array<number>(classes).fill(0);
        for (const v of values) counts[classOf(v, breaks)]!++;
        assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `${counts}`);
      },
    ),
  );
});

test('property: jenks finds clearly separated clusters', () => {
  fc.assert(
    fc.property(
      classCount.chain((classes) =>
        fc.tuple(
          fc.constant(classes),
          fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1 }), {
            minLength: classes,
            maxLength: classes,
          }),
          fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        ),
      ),
      ([classes, offsets, origin]) => {
        // Cluster c sits around origin + 1000·c, its points at most 10 away from the centre.
        const clusters = offsets.map((o, c) => o.map((d) => origin + 1000 * c + d));
        const breaks = classBreaks(clusters.flat(), 'jenks', classes);
        assert.equal(breaks.length, classes + 1);
        clusters.forEach((points, c) => {
          for (const v of points) assert.equal(classOf(v, breaks), c);
        });
      },
    ),
  );
});

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

test('palettes: one colour per class, darker means worse', () => {
  // ColorBrewer OrRd and PuBu with 3 classes.
  assert.deepEqual(palette(3, 'high_bad'), ['#fee8c8', '#fdbb84', '#e34a33']);
  assert.deepEqual(palette(3, 'high_good'), ['#e34a33', '#fdbb84', '#fee8c8']);
  assert.deepEqual(palette(3, 'neutral'), ['#ece7f2', '#a6bddb', '#2b8cbe']);
  for (let classes = 1; classes <= 9; classes++) {
    const bad = palette(classes, 'high_bad').map(luminance);
    const good = palette(classes, 'high_good').map(luminance);
    const neutral = palette(classes, 'neutral').map(luminance);
    assert.equal(bad.length, classes);
    for (let i = 1; i < classes; i++) {
      assert.ok(bad[i]! < bad[i - 1]!, `high_bad ${classes}`);
      assert.ok(good[i]! > good[i - 1]!, `high_good ${classes}`);
      assert.ok(neutral[i]! < neutral[i - 1]!, `neutral ${classes}`);
    }
    for (const p of ['high_bad', 'high_good', 'neutral'] as const) {
      for (const c of palette(classes, p, 'diverging')) assert.match(c, /^#[0-9a-f]{6}$/);
    }
  }
  // Diverging: red on the bad side.
  assert.equal(palette(5, 'high_bad', 'diverging')[4], '#ca0020');
  assert.equal(palette(5, 'high_good', 'diverging')[0], '#ca0020');
  invalidInput(() => palette(0, 'neutral'), /1 bis 9 Klassen/);
  invalidInput(() => palette(10, 'neutral'), /1 bis 9 Klassen/);
});

test('German labels and numbers', () => {
  assert.equal(formatBreakLabel(12.3, 15, 1, 'de'), '12,3 bis unter 15,0');
  assert.equal(formatBreakLabel(15, 20, 1, 'de', { closed: true }), '15,0 bis 20,0');
  assert.equal(formatBreakLabel(1234.5, 2000, 0, 'de'), '1.235 bis unter 2.000');
  assert.equal(formatBreakLabel(7, 7, 1, 'de'), '7,0');
  assert.equal(
    formatBreakLabel(1.5, 2, 1, 'en', { words: { below: 'to under', upTo: 'to' } }),
    '1.5 to under 2.0',
  );
  assert.equal(formatValue(-0.04, 1, 'de'), '0,0');
  assert.equal(formatValue(-1.25, 2, 'de'), '-1,25');
  assert.equal(formatValue(12.5, 1, 'ar'), '12.5');
  assert.deepEqual(breakLabels([0, 2.5, 5, 5], 1, 'de'), [
    '0,0 bis unter 2,5',
    '2,5 bis unter 5,0',
    '5,0',
  ]);
  assert.deepEqual(breakLabels([0, 2.5, 5], 1, 'de'), ['0,0 bis unter 2,5', '2,5 bis 5,0']);
  assert.deepEqual(breakLabels([], 1, 'de'), []);
});
