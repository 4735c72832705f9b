// The area profile rendered from a hand-built view model: values in German format beside parent and
// city, withheld values as ".", internal values marked, charts with tables, links that keep the preview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profilePage } from './profile-page.tsx';
import {
  SECRET,
  city,
  indicators,
  notice,
  pageContext,
  profileView,
  release,
} from './profile-fixtures.ts';
import {
  assertWellFormedPage,
  attrValues,
  cellsOf,
  mainOf,
  rowOf,
  tableByCaption,
  textOf,
} from './profile-html.ts';
import type { ValueCell } from '../view-model.ts';

const ctx = pageContext('/monitoring/teststadt/gebiet/S1-1');
const render = (view = profileView()) => profilePage(ctx, view);
/** German number format, written independently of the presenters' helpers. */
const de = (value: number, digits: number) =>
  new Intl.NumberFormat('de-DE', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);

test('the profile page is well formed: one h1, headings in order, unique ids, no inline style', () => {
  const html = render();
  assertWellFormedPage(html);
  assert.match(
    html,
    /<h1[^>]*>Nordviertel <span class="kern-subline">Sozialraum-Steckbrief · Sozialquartier/,
  );
});

test('every shown value of every topic is in its row in German format, with parent and city', () => {
  const view = profileView();
  const html = render(view);
  for (const topic of view.topics) {
    const table = tableByCaption(html, `${topic.name}: Nordviertel im Vergleich, Stand 31.12.2022`);
    for (const row of topic.rows) {
      const cells = cellsOf(rowOf(table, row.indicator.name));
      const shown = (c: ValueCell | null) =>
        c && c.state === 'ok' && c.value !== null ? de(c.value, row.indicator.precision) : null;
      // Columns: indicator, area, parent, city, rating, change, map.
      for (const [i, cell] of [row.value, row.parent, row.city].entries()) {
        const expected = shown(cell);
        if (expected)
          assert.ok(
            cells[i + 1]!.startsWith(expected),
            `${row.indicator.code}: ${cells[i + 1]} ≠ ${expected}`,
          );
      }
    }
  }
  const sgb2 = cellsOf(
    rowOf(tableByCaption(html, 'Arbeit und Transferleistungen'), 'SGB-II-Quote'),
  );
  assert.deepEqual(sgb2.slice(1, 6), [
    '18,4',
    '15,7',
    '12,1',
    '▼ ungünstiger',
    '+1,3 Prozentpunkte seit 31.12.2020',
  ]);
  const people = cellsOf(rowOf(tableByCaption(html, 'Bevölkerung'), 'Einwohnerinnen'));
  assert.deepEqual(people.slice(1, 4), ['12.345', '45.678', '210.000']);
  assert.equal(people[5], '-123 Personen seit 31.12.2020');
});

test('a withheld value shows "." with its reason and its number appears nowhere, not even in a chart', () => {
  const html = render();
  const cells = cellsOf(
    rowOf(tableByCaption(html, 'Arbeit und Transferleistungen'), 'Hilfe zum Lebensunterhalt'),
  );
  assert.equal(cells[1], '. (weniger als 5 Fälle)');
  assert.equal(cells[5], '. (aus gesperrtem Wert abgeleitet) seit 31.12.2020');
  assert.ok(
    !html.includes(de(SECRET, 1)) && !html.includes(String(SECRET)),
    'the secret number leaked',
  );
  // The withheld parent value of 2020 is "." in the chart's table, not "–".
  const chart = tableByCaption(html, 'SGB-II-Quote (%) je Zeitraum');
  assert.deepEqual(cellsOf(rowOf(chart, '31.12.2020')).slice(0, 3), [
    '31.12.2020',
    '17,1',
    '. gesperrt (Geheimhaltung)',
  ]);
});

test('staff-only values carry the "intern" badge, in the table and below their chart', () => {
  const html = render();
  const row = rowOf(tableByCaption(html, 'Arbeit und Transferleistungen'), 'Kinder in Kitas');
  const [, value, , , , change] = row.match(/<t[hd][\s\S]*?<\/t[hd]>/g)!;
  assert.match(value!, /4,2<span class="kern-badge[^"]*cell-internal">intern<\/span>/);
  assert.match(change!, /cell-internal">intern</);
  const publicRow = rowOf(tableByCaption(html, 'Arbeit und Transferleistungen'), 'SGB-II-Quote');
  assert.doesNotMatch(publicRow, /intern/);
  assert.match(html, /id="verlauf-kita"[\s\S]*Diese Zeitreihe enthält interne Werte/);
});

test('notices: example data and internal values at the top, sources at the end; none when not needed', () => {
  const html = textOf(mainOf(render()));
  const example = html.indexOf('Die Werte auf dieser Seite sind erzeugte Beispieldaten.');
  assert.ok(example >= 0 && example < html.indexOf('Eckdaten'));
  assert.ok(html.indexOf('Enthält interne Werte') < html.indexOf('Eckdaten'));
  assert.ok(html.lastIndexOf('Quellen') > html.indexOf('Bevölkerung'));
  assert.match(
    html,
    /Testwerte 2022 \(veröffentlicht am 01\.03\.2023\)\. Quelle: Testquelle Statistikstelle\./,
  );
  const plain = textOf(
    mainOf(render(profileView({ notice: notice({ example: false, internal: false }) }))),
  );
  assert.ok(!plain.includes('sind erzeugte Beispieldaten'));
  assert.ok(!plain.includes('Enthält interne Werte'));
});

test('key facts, breadcrumb over the ancestors and the index placement in words', () => {
  const html = render();
  const text = textOf(mainOf(html));
  assert.match(text, /Einwohnerinnen und Einwohner 12\.345 \(Stand 31\.12\.2022\)/);
  assert.match(text, /Übergeordnetes Gebiet Bezirk Nord/);
  const crumbs = /<nav class="breadcrumb"[\s\S]*?<\/nav>/.exec(html)![0];
  assert.deepEqual(textOf(crumbs).split(' '), [
    'Monitoring',
    'Teststadt',
    'Sozialräume',
    'Teststadt',
    'Bezirk',
    'Nord',
    'Nordviertel',
  ]);
  assert.match(crumbs, /href="\/monitoring\/teststadt\/gebiet\/S1\?zeitraum=2022-12-31"/);
  const index = tableByCaption(html, 'Einordnung von Nordviertel');
  assert.deepEqual(cellsOf(rowOf(index, 'Sozialindex Test')), [
    'Sozialindex Test',
    '31.12.2022',
    'niedrig (Indexwert -0,53)',
    'negativ (Indexwert -0,12)',
    'niedrig/negativ',
  ]);
  assert.equal(
    cellsOf(rowOf(index, 'Kinderindex Test'))[2],
    'nicht indexiert: weniger als 300 Einwohnerinnen und Einwohner',
  );
  assert.ok(!render(profileView({ index: [] })).includes('Einordnung im Index'));
});

test('a chart with its table for each indicator with two or more periods, none for a single one', () => {
  const html = render();
  assert.match(html, /id="verlauf-sgb2_quote"/);
  assert.match(html, /id="verlauf-kita"/);
  assert.doesNotMatch(html, /id="verlauf-schuleingang"/);
  assert.doesNotMatch(html, /id="verlauf-einwohner"/);
  const chart = tableByCaption(html, 'SGB-II-Quote (%) je Zeitraum');
  assert.deepEqual(cellsOf(rowOf(chart, 'Zeitraum')), [
    'Zeitraum',
    'Nordviertel (%)',
    'Bezirk Nord (%)',
    'Teststadt (%)',
  ]);
  assert.deepEqual(cellsOf(rowOf(chart, '31.12.2022')), ['31.12.2022', '18,4', '15,7', '12,1']);
  assert.match(
    html,
    /<details class="kern-accordion profile-charts">\s*<summary[^>]*><span class="kern-title">Zeitreihen: Arbeit und Transferleistungen/,
  );
});

test('the locator map highlights the area and says so in words; no map without boundaries', () => {
  const html = render();
  assert.match(
    html,
    /<path [^>]*class="area-map__area area-map__area--highlight"><title>Nordviertel<\/title>/,
  );
  assert.match(
    textOf(html),
    /Die Karte zeigt Nordviertel schwarz umrandet zwischen 2 weiteren Gebieten der Ebene Sozialquartier\./,
  );
  const none = render(profileView({ locator: { shapes: [], highlightId: 3 } }));
  assert.doesNotMatch(none, /<svg class="area-map"/);
  assert.ok(!none.includes('Die Karte zeigt'));
});

test('period chooser, comparison, PDF and map links carry the area and period', () => {
  const html = mainOf(render());
  assert.match(
    html,
    /<form class="level-form" method="get" action="\/monitoring\/teststadt\/gebiet\/S1-1">/,
  );
  assert.match(html, /<label class="kern-label" for="zeitraum">Zeitraum<\/label>/);
  assert.match(html, /<option value="2022-12-31" selected>31\.12\.2022<\/option>/);
  assert.match(html, /<button class="kern-btn[^"]*" type="submit">/);
  const hrefs = attrValues(html, 'href');
  assert.ok(hrefs.includes('/monitoring/teststadt/vergleich?gebiete=S1-1&zeitraum=2022-12-31'));
  assert.ok(hrefs.includes('/monitoring/teststadt/gebiet/S1-1/steckbrief.pdf?zeitraum=2022-12-31'));
  const rows = profileView().topics.flatMap((t) => t.rows);
  assert.equal(rows.length, Object.keys(indicators).length);
  for (const { indicator: ind, period } of rows) {
    assert.ok(hrefs.includes(`/monitoring/indikatoren#i-${ind.code}`), ind.code);
    // The map opens at the period of the shown value.
    assert.ok(
      hrefs.includes(
        `/monitoring/teststadt/karte?indikator=${ind.code}&zeitraum=${period}&ebene=quartier`,
      ),
      ind.code,
    );
  }
  assert.match(textOf(html), /Als PDF herunterladen/);
});

test('a preview keeps its release in every monitoring link and in the period form', () => {
  const preview = { ...release, id: 7, status: 'draft', publishedAt: null };
  const html = mainOf(render(profileView({ notice: notice({ preview }) })));
  const links = attrValues(html, 'href').filter((h) => h.startsWith('/monitoring'));
  assert.ok(links.length > 10);
  for (const href of links) assert.match(href, /[?&]vorschau=7(&|#|$)/, href);
  assert.match(html, /<input type="hidden" name="vorschau" value="7"\/?>/);
  assert.match(textOf(html), /Vorschau: Testwerte 2022/);
  assert.doesNotMatch(mainOf(render()), /vorschau=/);
});

test('when the parent is the city, its column is shown once; the city itself has no city column', () => {
  const view = profileView({ parent: city, ancestors: [city] });
  const header = cellsOf(rowOf(tableByCaption(render(view), 'Bevölkerung'), 'Indikator'));
  assert.deepEqual(header, [
    'Indikator',
    'Nordviertel',
    'Teststadt',
    'Bewertung gegenüber Teststadt',
    'Veränderung',
    'Karte',
  ]);
  const top = profileView({
    area: { ...city, population: 210000, populationDate: null },
    parent: null,
    ancestors: [],
  });
  const topHeader = cellsOf(rowOf(tableByCaption(render(top), 'Bevölkerung'), 'Indikator'));
  assert.deepEqual(topHeader, ['Indikator', 'Teststadt', 'Veränderung', 'Karte']);
  assertWellFormedPage(render(top));
});

test('without values the page says so instead of showing empty tables', () => {
  const html = render(profileView({ topics: [] }));
  assert.match(textOf(html), /Für dieses Gebiet liegen im gewählten Zeitraum keine Werte vor\./);
  assert.doesNotMatch(html, /im Vergleich, Stand/);
  assertWellFormedPage(html);
});

test('a value from an earlier period than the chosen one says its date', () => {
  const table = tableByCaption(render(), 'Bevölkerung: Nordviertel');
  assert.deepEqual(cellsOf(rowOf(table, 'Zuzüge')).slice(1, 4), [
    '54,5 (Stand 31.12.2021)',
    '48,0',
    '51,2',
  ]);
  assert.doesNotMatch(rowOf(table, 'Einwohnerinnen'), /Stand/);
});
