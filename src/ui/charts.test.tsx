// Charts rendered to HTML: data tables with every value, German numbers, marks, no inline style, unique ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderToString } from 'preact-render-to-string';
import { BarComparison, Legend, LineChart, MissingPatterns, type ChartSeries } from './charts.tsx';
import { MUTED, SERIES_STYLES, TEXT, niceTicks } from './chart-parts.tsx';
import { formatValue, palette } from './classify.ts';

const labels = { noDataLabel: 'kein Wert', suppressedLabel: 'geheim gehalten' };

const series: ChartSeries[] = [
  {
    label: 'Styrum',
    points: [
      { period: '2020', value: 12.5 },
      { period: '2021', value: null },
      { period: '2022', value: 14.25 },
      { period: '2023', value: 13 },
    ],
  },
  {
    label: 'Oberhausen-Mitte/Styrum',
    points: [
      { period: '2020', value: 11.04 },
      { period: '2021', value: null, suppressed: true },
      { period: '2022', value: 10.96 },
      { period: '2023', value: 1234.5 },
    ],
  },
  {
    label: 'Stadt',
    points: [
      { period: '2021', value: 9.5 },
      { period: '2023', value: -0.3 },
    ],
  },
];

function lineChart(id: string, data = series) {
  return renderToString(
    <LineChart
      id={id}
      title="SGB-II-Quote"
      series={data}
      unit="%"
      precision={1}
      locale="de"
      tableCaption="SGB-II-Quote nach Jahr"
      periodLabel="Jahr"
      {...labels}
    />,
  );
}

/** The text of the table cells, row by row, with the screen-reader text of marks left out. */
function tableCells(html: string): string[][] {
  const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) =>
      cell[1]!
        .replace(/<span class="kern-sr-only">.*?<\/span>/g, '')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&'),
    ),
  );
}

function ids(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
}

function assertNoDanglingReferences(html: string): void {
  const known = new Set(ids(html));
  for (const m of html.matchAll(/aria-labelledby="([^"]+)"/g)) {
    for (const ref of m[1]!.split(' ')) assert.ok(known.has(ref), `missing id ${ref}`);
  }
}

test('line chart: the table holds every value in German notation, with marks for gaps', () => {
  const html = lineChart('sgb2');
  assert.deepEqual(tableCells(html), [
    ['Jahr', 'Styrum (%)', 'Oberhausen-Mitte/Styrum (%)', 'Stadt (%)'],
    ['2020', '12,5', '11,0', '–'],
    ['2021', '–', '.', '9,5'],
    ['2022', '14,3', '11,0', '–'],
    ['2023', '13,0', '1.234,5', '-0,3'],
  ]);
  assert.match(html, /<caption class="kern-title">SGB-II-Quote nach Jahr<\/caption>/);
  assert.match(html, /<th scope="row" class="kern-table__cell">2021<\/th>/);
  assert.equal((html.match(/<th scope="col"/g) ?? []).length, 4);
  // Marks are read out by their meaning, and explained once below the table.
  assert.match(
    html,
    /<span aria-hidden="true">\.<\/span><span class="kern-sr-only">geheim gehalten/,
  );
  assert.match(html, /<span aria-hidden="true">–<\/span><span class="kern-sr-only">kein Wert/);
  assert.match(html, /– kein Wert; \. geheim gehalten/);
});

test('line chart: an image named by its title and described, lines with gaps, no inline style', () => {
  const html = lineChart('sgb2');
  assert.doesNotMatch(html, /style=/);
  assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="sgb2-titel sgb2-beschreibung"/);
  assert.match(html, /<figcaption class="chart__title" id="sgb2-titel">SGB-II-Quote<\/figcaption>/);
  assert.match(html, /<desc id="sgb2-beschreibung">Styrum: 12,5 \(2020\) – 13,0 \(2023\);/);
  assertNoDanglingReferences(html);
  const paths = [...html.matchAll(/<path d="([^"]*)" fill="none" stroke="(#[0-9A-Fa-f]{6})"/g)];
  assert.deepEqual(
    paths.map((p) => p[2]),
    [SERIES_STYLES[0]!.colour, SERIES_STYLES[1]!.colour],
  );
  // Styrum: 2020 alone, gap, then 2022–2023 → one line; Stadt: 2021 and 2023 alone → no line.
  assert.match(paths[0]![1]!, /^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
  // Lone values still show as markers: 3 + 3 + 2 known values in all.
  const plot = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
  assert.equal((plot.match(/stroke="#ffffff"/g) ?? []).length, 8);
  // Each series has its own colour, dash pattern and marker in the key.
  const key = html.slice(html.indexOf('<ul class="chart-key">'), html.indexOf('</ul>'));
  assert.equal((key.match(/<li>/g) ?? []).length, 3);
  assert.match(key, /stroke-dasharray="9 5"/);
  assert.match(key, /<rect/);
  // Axis ticks in German notation at round steps: -0,3 … 1.234,5 → -250 … 1.250 by 250.
  assert.match(html, /text-anchor="end">-250<\/text>/);
  assert.match(html, /text-anchor="end">1\.250<\/text>/);
});

test('two charts on one page have unique ids and intact references', () => {
  const page = lineChart('verlauf-a') + lineChart('verlauf b') + lineChart('1');
  const all = ids(page);
  assert.equal(new Set(all).size, all.length, all.join(' '));
  assert.ok(all.includes('verlaufb-titel'));
  assert.ok(all.includes('chart-1-titel'));
  assertNoDanglingReferences(page);
});

test('property: any series renders every value into its table, without style attributes', () => {
  const value = fc.oneof(
    fc.integer({ min: -100_000, max: 100_000 }).map((v) => v / 10),
    fc.constant(null),
  );
  const periods = ['2018', '2019', '2020', '2021', '2022'];
  const seriesArb = fc.array(
    fc.record({
      label: fc.string({ minLength: 1, maxLength: 30 }),
      points: fc
        .tuple(...periods.map(() => value))
        .map((values) => values.map((v, i) => ({ period: periods[i]!, value: v }))),
    }),
    { minLength: 1, maxLength: 7 },
  );
  fc.assert(
    fc.property(seriesArb, (data) => {
      const html = lineChart('eigenschaft', data);
      assert.doesNotMatch(html, /style=/);
      const rows = tableCells(html).slice(1);
      data.forEach((s, si) => {
        s.points.forEach((p, pi) => {
          const expected = p.value === null ? '–' : formatValue(p.value, 1, 'de');
          assert.equal(rows[pi]![si + 1], expected);
        });
      });
    }),
    { numRuns: 60 },
  );
});

test('bar comparison: bars from zero, table with every value, highlight not by colour alone', () => {
  const html = renderToString(
    <BarComparison
      id="vergleich"
      title="Anteil Kinder unter 6 Jahren"
      rows={[
        { label: 'Alstaden/Lirich', value: 6.44 },
        { label: 'Oberhausen-Ost', value: 7.5, highlight: true, note: 'dieses Gebiet' },
        { label: 'Sterkrade-Nord', value: null, suppressed: true },
        { label: 'Osterfeld', value: null },
        { label: 'Veränderung', value: -1.2 },
      ]}
      unit="Prozent"
      precision={1}
      locale="de"
      tableCaption="Anteil nach Sozialraum"
      labelHeader="Sozialraum"
      noteHeader="Hinweis"
      {...labels}
    />,
  );
  assert.doesNotMatch(html, /style=/);
  assert.deepEqual(tableCells(html), [
    ['Sozialraum', 'Prozent', 'Hinweis'],
    ['Alstaden/Lirich', '6,4', ''],
    ['Oberhausen-Ost', '7,5', 'dieses Gebiet'],
    ['Sterkrade-Nord', '.', ''],
    ['Osterfeld', '–', ''],
    ['Veränderung', '-1,2', ''],
  ]);
  assert.match(html, /<th scope="row" class="kern-table__cell"><strong>Oberhausen-Ost<\/strong>/);
  assertNoDanglingReferences(html);
  const bars = [
    ...html.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill="(#\w+)"/g),
  ];
  assert.equal(bars.length, 3, 'one bar per known value');
  const [alstaden, ost, change] = bars.map((b) => ({ x: +b[1]!, w: +b[2]!, fill: b[3]! }));
  // Same zero line: positive bars start where the negative one ends; lengths in proportion.
  assert.ok(Math.abs(alstaden!.x - (change!.x + change!.w)) < 1e-9);
  assert.ok(Math.abs(ost!.w / alstaden!.w - 7.5 / 6.44) < 1e-9);
  assert.notEqual(ost!.fill, alstaden!.fill);
  assert.match(html, /<text[^>]*font-weight="bold"[^>]*>Oberhausen-Ost<\/text>/);
  // The chart shows the marks too.
  assert.match(html, /text-anchor="end">\.<\/text>/);
  assert.match(html, /text-anchor="end">–<\/text>/);
});

test('legend: one labelled swatch per class, then the missing-value marks', () => {
  const colours = palette(3, 'high_bad');
  const html = renderToString(
    <Legend
      breaks={[10, 12.3, 15, 20]}
      colours={colours}
      precision={1}
      locale="de"
      title="SGB-II-Quote in %"
      {...labels}
    />,
  );
  assert.doesNotMatch(html, /style=/);
  const items = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!);
  assert.equal(items.length, 5);
  assert.deepEqual(
    items.map((i) => i.match(/<span>(.*?)<\/span>/)![1]),
    [
      '10,0 bis unter 12,3',
      '12,3 bis unter 15,0',
      '15,0 bis 20,0',
      '– kein Wert',
      '. geheim gehalten',
    ],
  );
  colours.forEach((c, i) => assert.match(items[i]!, new RegExp(`fill="${c}"`)));
  assert.ok(items.every((i) => i.includes('aria-hidden="true"')));
  const without = renderToString(
    <Legend breaks={[0, 1, 2, 3]} colours={palette(3, 'neutral')} precision={0} locale="de" />,
  );
  assert.equal((without.match(/<li>/g) ?? []).length, 3);
});

test('missing-value patterns carry the given prefix', () => {
  const html = renderToString(
    <svg>
      <MissingPatterns idPrefix="karte 1" />
    </svg>,
  );
  assert.deepEqual(ids(html), ['karte1-keine-daten', 'karte1-geheim']);
});

test('axis ticks are round and cover the data', () => {
  assert.deepEqual(niceTicks(0, 10).values, [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(niceTicks(12.3, 14.8), {
    values: [12, 12.5, 13, 13.5, 14, 14.5, 15],
    decimals: 1,
    min: 12,
    max: 15,
  });
  assert.deepEqual(niceTicks(5, 5).values, [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6]);
  fc.assert(
    fc.property(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      (lo, span) => {
        const { values, min, max } = niceTicks(lo, lo + span);
        const slack = 1e-9 * span;
        assert.ok(min <= lo + slack && max >= lo + span - slack);
        assert.ok(values.length >= 2 && values.length <= 12, `${values.length}`);
      },
    ),
  );
});

function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

test('colours: text ≥ 4.5:1, lines ≥ 3:1 on white; series differ in dash and marker as well', () => {
  assert.ok(contrast(TEXT, '#ffffff') >= 4.5);
  assert.ok(contrast(MUTED, '#ffffff') >= 4.5);
  for (const s of SERIES_STYLES) assert.ok(contrast(s.colour, '#ffffff') >= 3, s.colour);
  assert.equal(new Set(SERIES_STYLES.map((s) => s.dash)).size, SERIES_STYLES.length);
  assert.ok(new Set(SERIES_STYLES.slice(0, 5).map((s) => s.marker)).size === 5);
});
