// The ranking: shared ranks for ties, sort orders and links, withheld rows last and unranked, bars.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ValueCell } from '../view-model.ts';
import { rankRows, rankingPage, type RankingSort } from './ranking-page.tsx';
import {
  assertPageBasics,
  levelTable,
  missingCell,
  notice,
  okCell,
  pageContext,
  suppressedCell,
  tableRows,
  text,
} from './maps-fixtures.ts';

function fixture(reads: string[] = []) {
  const cells: [string, string, ValueCell][] = [
    ['Q1', 'Zechenviertel', okCell(12.5)],
    ['Q2', 'Am Bach', okCell(9.96)],
    ['Q3', 'Österfeld', suppressedCell('weniger als 3 Fälle', reads, 55.5)],
    ['Q4', 'Bergstraße', okCell(10.04, { internal: true })],
    ['Q5', 'Dorf', okCell(1234.5)],
    ['Q6', 'Clemensplatz', missingCell()],
    ['Q7', 'Eichhof', okCell(3)],
  ];
  return levelTable(cells, { notice: notice({ internal: true }) });
}

/** Rank, area, parent, value of each body row of the ranking table. */
function ranking(html: string): string[][] {
  return tableRows(html, 'rangliste').slice(1);
}

test('ties at the shown precision share a rank; withheld and missing rows come last, unranked', () => {
  const reads: string[] = [];
  const html = rankingPage(pageContext(), fixture(reads), 'wert-ab');
  assertPageBasics(html);
  const rows = ranking(html);
  // 9,96 and 10,04 are both shown as 10,0: one rank, and the next rank skips.
  assert.deepEqual(
    rows.map((r) => [r[0], r[1], r[3]]),
    [
      ['1', 'Dorf', '1.234,5'],
      ['2', 'Zechenviertel', '12,5'],
      ['3', 'Am Bach', '10,0'],
      ['3', 'Bergstraße', '10,0intern'],
      ['5', 'Eichhof', '3,0'],
      ['–kein Rang', 'Clemensplatz', '– (Für dieses Gebiet liegt kein Wert vor.)'],
      ['–kein Rang', 'Österfeld', '. (weniger als 3 Fälle)'],
    ],
  );
  assert.equal(rows[0]![2], 'Bezirk Nord');
  assert.ok(!text(html).includes('55,5'), 'the hidden value is nowhere');
  assert.deepEqual(reads, [], 'numerator and denominator of a withheld cell are never read');
});

test('ascending and by-name orders keep the ranks and the unranked rows at the end', () => {
  const up = ranking(rankingPage(pageContext(), fixture(), 'wert-auf'));
  assert.deepEqual(
    up.map((r) => `${r[0]} ${r[1]}`),
    [
      '5 Eichhof',
      '3 Am Bach',
      '3 Bergstraße',
      '2 Zechenviertel',
      '1 Dorf',
      '–kein Rang Clemensplatz',
      '–kein Rang Österfeld',
    ],
  );
  const byName = ranking(rankingPage(pageContext(), fixture(), 'name'));
  assert.deepEqual(
    byName.map((r) => r[1]),
    ['Am Bach', 'Bergstraße', 'Dorf', 'Eichhof', 'Zechenviertel', 'Clemensplatz', 'Österfeld'],
  );
});

test('every rank is one more than the number of strictly higher shown values', () => {
  fc.assert(
    fc.property(
      fc.array(fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }), { maxLength: 25 }),
      fc.constantFrom<RankingSort>('wert-ab', 'wert-auf', 'name'),
      (values, sort) => {
        const view = levelTable(
          values.map((v, i) => [
            `Q${i}`,
            `Gebiet ${i}`,
            v === null ? missingCell() : okCell(v / 4),
          ]),
        );
        const ranked = rankRows(view, sort, 'de');
        assert.equal(ranked.length, values.length);
        const shown = ranked
          .filter((r) => r.rank !== null)
          .map((r) => Number(r.row.cell.value!.toFixed(1)));
        ranked.forEach((r, i) => {
          if (r.rank === null) {
            assert.equal(r.row.cell.state, 'missing');
            assert.ok(
              ranked.slice(i).every((later) => later.rank === null),
              'unranked last',
            );
            return;
          }
          const v = Number(r.row.cell.value!.toFixed(1));
          assert.equal(r.rank, 1 + shown.filter((o) => o > v).length);
        });
      },
    ),
  );
});

test('sort links in the headers, aria-sort only on the sorted one', () => {
  const base =
    '/monitoring/beispiel/rangliste?indikator=sgb2_quote&amp;zeitraum=2023-12-31&amp;ebene=quartier&amp;sortierung=';
  const cases: [RankingSort, string, string, string][] = [
    ['wert-ab', 'descending', 'Wert', 'wert-auf'],
    ['wert-auf', 'ascending', 'Wert', 'wert-ab'],
    ['name', 'ascending', 'Gebiet', 'wert-ab'],
  ];
  for (const [sort, direction, header, valueLink] of cases) {
    const html = rankingPage(pageContext(), fixture(), sort);
    const sorted = [...html.matchAll(/<th[^>]*aria-sort="([a-z]+)"[^>]*>(.*?)<\/th>/g)];
    assert.equal(sorted.length, 1, sort);
    assert.equal(sorted[0]![1], direction);
    assert.ok(text(sorted[0]![2]!).startsWith(header), sort);
    assert.ok(html.includes(`href="${base}${valueLink}#rangliste"`), `${sort}: value link`);
    assert.ok(html.includes(`href="${base}name#rangliste"`), `${sort}: name link`);
    assert.ok(html.includes(`<input type="hidden" name="sortierung" value="${sort}"/>`));
  }
});

test('the bars show every area and the city, with the same marks', () => {
  const html = rankingPage(pageContext(), fixture(), 'wert-ab');
  const chart = html.slice(html.indexOf('id="rangliste-diagramm"'), html.indexOf('</figure>'));
  const svg = chart.slice(chart.indexOf('<svg'), chart.indexOf('</svg>'));
  for (const name of [
    'Dorf',
    'Zechenviertel',
    'Am Bach',
    'Bergstraße',
    'Eichhof',
    'Clemensplatz',
    'Österfeld',
    'Beispielstadt',
  ]) {
    assert.ok(svg.includes(`>${name}</text>`), name);
  }
  const bars = tableRows(chart, 'rangliste-diagramm').filter((r) => r.length === 3);
  assert.deepEqual(
    bars.map((r) => r.join(' | ')),
    [
      'Gebiet | % | Anmerkung',
      'Dorf | 1.234,5 | ',
      'Zechenviertel | 12,5 | ',
      'Am Bach | 10,0 | ',
      'Bergstraße | 10,0 | intern',
      'Eichhof | 3,0 | ',
      'Clemensplatz | –kein Wert | ',
      'Österfeld | .gesperrt (Geheimhaltung) | ',
      'Beispielstadt | 11,4 | Vergleichswert',
    ],
  );
});

test('page frame: title, notices, reference, exports, sources, preview on every link', () => {
  const view = fixture();
  view.notice = notice({
    internal: true,
    preview: { ...view.notice.releases[0]!, id: 9, status: 'draft', publishedAt: null },
  });
  const html = rankingPage(pageContext(), view, 'name');
  assertPageBasics(html);
  assert.match(html, /<h1 class="kern-heading-large">SGB-II-Quote – Quartier, 31\.12\.2023<\/h1>/);
  assert.match(html, /<title>Rangliste: SGB-II-Quote/);
  assert.match(html, /Beispieldaten/);
  assert.match(html, /Vorschau: Beispielwerte 2023/);
  assert.match(html, /Enthält interne Werte/);
  assert.match(text(html), /Vergleichswert Beispielstadt: 11,4 %/);
  assert.match(html, /Quellen/);
  for (const format of ['csv', 'xlsx', 'geojson', 'json']) {
    assert.ok(
      html.includes(
        `href="/api/v1/monitoring/werte?system=beispiel&amp;indikator=sgb2_quote&amp;zeitraum=2023-12-31&amp;ebene=quartier&amp;format=${format}&amp;vorschau=9"`,
      ),
      format,
    );
  }
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  for (const m of main.matchAll(/href="(\/[^"]*)"/g)) assert.match(m[1]!, /vorschau=9/, m[1]);
  assert.match(html, /<input type="hidden" name="vorschau" value="9"/);
});
