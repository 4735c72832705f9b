// The choropleth page: values and classes in the table, breaks only from published values, marks, links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakLabels, classBreaks, classOf, palette } from '../../../ui/classify.ts';
import type { ValueCell } from '../view-model.ts';
import { mapPage, type MapOptions } from './map-page.tsx';
import {
  assertPageBasics,
  levelTable,
  missingCell,
  notice,
  okCell,
  pageContext,
  shapeFill,
  suppressedCell,
  tableRows,
  text,
} from './maps-fixtures.ts';

const quantile5: MapOptions = { method: 'quantile', classes: 5, manualBreaks: null };
const published: [string, string, number][] = [
  ['Q1', 'Altstadt', 4.2],
  ['Q2', 'Am Hafen', 7.5],
  ['Q3', 'Bruchfeld', 12.25],
  ['Q4', 'Dorfmitte', 15],
  ['Q5', 'Eichenhöhe', 21.3],
  ['Q6', 'Fünf Höfe', 1234.5],
  ['Q7', 'Gartenstadt', 9.1],
];

function fixture(reads: string[], hidden: number | null = null) {
  const cells: [string, string, ValueCell][] = published.map(([code, name, v]) => [
    code,
    name,
    okCell(v, code === 'Q7' ? { internal: true } : {}),
  ]);
  cells.push(['Q8', 'Heide', suppressedCell('weniger als 3 Fälle', reads, hidden)]);
  cells.push(['Q9', 'Insel', missingCell()]);
  return levelTable(cells, { notice: notice({ internal: true }) });
}

const okValues = published.map(([, , v]) => v);

test('every value is in the table in German format, with class and area link', () => {
  const view = fixture([]);
  const html = mapPage(pageContext(), view, quantile5);
  assertPageBasics(html);
  const breaks = classBreaks(okValues, 'quantile', 5);
  const labels = breakLabels(breaks, 1, 'de');
  const rows = tableRows(html, 'werte');
  assert.deepEqual(rows[0], [
    'Gebiet',
    'Übergeordnetes Gebiet',
    'Wert (%)',
    'Klasse',
    'Bereich der Klasse',
  ]);
  for (const r of view.rows.filter((r) => r.cell.state === 'ok')) {
    const row = rows.find((cells) => cells[0] === r.area.name);
    assert.ok(row, r.area.name);
    const cls = classOf(r.cell.value!, breaks);
    assert.equal(row[1], r.parent!.name);
    assert.match(
      row[2]!,
      new RegExp(
        `^${r.cell.value!.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).replace('.', '\\.')}`,
      ),
    );
    assert.equal(row[3], String(cls + 1));
    assert.equal(row[4], labels[cls]);
    assert.ok(
      html.includes(`href="/monitoring/beispiel/gebiet/${r.area.code}?zeitraum=2023-12-31"`),
    );
  }
  // German formats written out, not derived: grouping point and decimal comma.
  assert.equal(rows.find((c) => c[0] === 'Fünf Höfe')![2], '1.234,5');
  assert.equal(rows.find((c) => c[0] === 'Bruchfeld')![2], '12,3');
});

test('suppressed and missing cells show their marks and reasons, never a number or class', () => {
  const reads: string[] = [];
  const html = mapPage(pageContext(), fixture(reads, 987.6), quantile5);
  const rows = tableRows(html, 'werte');
  assert.deepEqual(
    rows.find((c) => c[0] === 'Heide'),
    ['Heide', 'Bezirk Süd', '. (weniger als 3 Fälle)', '–', '–'],
  );
  assert.deepEqual(rows.find((c) => c[0] === 'Insel')?.slice(2), [
    '– (Für dieses Gebiet liegt kein Wert vor.)',
    '–',
    '–',
  ]);
  assert.ok(!text(html).includes('987'), 'the hidden value is nowhere');
  assert.deepEqual(reads, [], 'numerator and denominator of a withheld cell are never read');
});

test('internal cells carry the badge; notices for example and internal data are there', () => {
  const html = mapPage(pageContext(), fixture([]), quantile5);
  const row = tableRows(html, 'werte').find((c) => c[0] === 'Gartenstadt');
  assert.equal(row?.[2], '9,1intern');
  assert.match(html, /Beispieldaten/);
  assert.match(html, /Enthält interne Werte/);
  assert.match(html, /Quellen/);
  assert.match(html, /Beispielwerte 2023/);
});

for (const method of ['quantile', 'jenks', 'equal'] as const) {
  test(`${method} breaks come only from published values, whatever a withheld cell hides`, () => {
    const reads: string[] = [];
    const hidden = 5000;
    const expected = classBreaks(okValues, method, 4);
    // The test is only meaningful if the hidden value would move a break.
    assert.notDeepEqual(classBreaks([...okValues, hidden], method, 4), expected);
    const html = mapPage(pageContext(), fixture(reads, hidden), {
      method,
      classes: 4,
      manualBreaks: null,
    });
    const legend = html.slice(html.indexOf('map-legend'), html.indexOf('Karte als Tabelle'));
    for (const label of breakLabels(expected, 1, 'de')) assert.ok(legend.includes(label), label);
    assert.deepEqual(reads, []);
    assert.ok(!text(html).includes('5.000'), 'the hidden value is nowhere');
    const colours = palette(expected.length - 1, 'high_bad');
    for (const [, name, v] of published) {
      assert.equal(shapeFill(html, name), colours[classOf(v, expected)], name);
    }
    assert.equal(shapeFill(html, 'Heide'), 'url(#karte-muster-geheim)');
    assert.equal(shapeFill(html, 'Insel'), 'url(#karte-muster-keine-daten)');
    assert.match(legend, /\. gesperrt \(Geheimhaltung\)/);
    assert.match(legend, /– kein Wert/);
  });
}

test('manual breaks are used as given, and shown again in the form', () => {
  const manual = [0, 10, 20, 30, 2000];
  const html = mapPage(pageContext(), fixture([]), {
    method: 'manual',
    classes: 4,
    manualBreaks: manual,
  });
  assertPageBasics(html);
  assert.match(html, /value="0; 10; 20; 30; 2000"/);
  assert.match(html, /id="klassen-manual"[^>]*checked/);
  assert.equal(
    tableRows(html, 'werte').find((c) => c[0] === 'Dorfmitte')?.[4],
    '10,0 bis unter 20,0',
  );
  assert.match(html, /4 Klassen mit eigenen Grenzen/);
});

test('refused manual breaks: the error is in the form and the map shows quantiles', () => {
  const fromRoute = mapPage(pageContext(), fixture([]), {
    method: 'manual',
    classes: 4,
    manualBreaks: null,
    error: 'Die 2. Klassengrenze ist keine Zahl.',
    breaksInput: '0; x; 20',
  });
  assertPageBasics(fromRoute);
  assert.match(
    fromRoute,
    /<p class="kern-error" id="grenzen-error">Die 2\. Klassengrenze ist keine Zahl\.<\/p>/,
  );
  assert.match(fromRoute, /value="0; x; 20"/);
  assert.match(fromRoute, /aria-invalid="true"/);
  assert.match(fromRoute, /Klassen nach Quantilen/);
  for (const label of breakLabels(classBreaks(okValues, 'quantile', 4), 1, 'de')) {
    assert.ok(fromRoute.includes(label), label);
  }
  // Breaks that do not ascend are refused by the classification itself, in German.
  const descending = mapPage(pageContext(), fixture([]), {
    method: 'manual',
    classes: 3,
    manualBreaks: [0, 20, 10, 30],
  });
  assert.match(text(descending), /Die Klassengrenzen müssen aufsteigen/);
  assert.match(descending, /Klassen nach Quantilen/);
});

test('without boundaries the page says so and shows the table only', () => {
  const view = { ...fixture([]), shapes: [] };
  const html = mapPage(pageContext(), view, quantile5);
  assertPageBasics(html);
  assert.match(html, /keine Gebietsgrenzen vor/);
  assert.doesNotMatch(html, /class="area-map"/);
  assert.doesNotMatch(html, /map-legend/);
  assert.equal(tableRows(html, 'werte').length, view.rows.length + 1);
});

test('title, reference value, export links and chooser name exactly this view', () => {
  const html = mapPage(pageContext(), fixture([]), quantile5);
  assert.match(html, /<h1 class="kern-heading-large">SGB-II-Quote – Quartier, 31\.12\.2023<\/h1>/);
  assert.match(text(html), /Vergleichswert Beispielstadt: 11,4 %/);
  for (const format of ['csv', 'xlsx', 'geojson', 'json']) {
    const href = `/api/v1/monitoring/werte?system=beispiel&amp;indikator=sgb2_quote&amp;zeitraum=2023-12-31&amp;ebene=quartier&amp;format=${format}`;
    assert.ok(html.includes(`href="${href}"`), format);
  }
  assert.match(html, /<optgroup label="Arbeit"><option value="alq">Arbeitslosenquote<\/option>/);
  assert.match(html, /<option selected value="sgb2_quote">|<option value="sgb2_quote" selected/);
  assert.match(html, /<option value="2023-12-31" selected>31\.12\.2023<\/option>/);
  assert.match(html, /<label class="kern-label" for="grenzen">/);
  // Levels in the order of their rank.
  const levels = [...html.matchAll(/<option value="(stadt|bezirk|quartier)"/g)].map((m) => m[1]);
  assert.deepEqual(levels, ['stadt', 'bezirk', 'quartier']);
});

test('a preview keeps its release on every internal link and form', () => {
  const view = fixture([]);
  view.notice = notice({
    preview: { ...view.notice.releases[0]!, id: 42, status: 'draft', publishedAt: null },
  });
  const html = mapPage(pageContext(), view, quantile5);
  assertPageBasics(html);
  assert.match(html, /Vorschau: Beispielwerte 2023/);
  assert.match(html, /<input type="hidden" name="vorschau" value="42"/);
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const internal = [...main.matchAll(/href="(\/(?:monitoring|api)[^"]*)"/g)].map((m) => m[1]!);
  assert.ok(internal.length > view.rows.length);
  for (const href of internal) assert.match(href, /vorschau=42/, href);
});
