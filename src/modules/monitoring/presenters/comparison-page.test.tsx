// The comparison rendered from a hand-built view model: the GET form with selects grouped by level,
// one column per area plus the city in German format, withheld and internal values marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparisonPage } from './comparison-page.tsx';
import {
  SECRET,
  comparisonView,
  district,
  neighbour,
  notice,
  other,
  pageContext,
  quarter,
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

const ctx = pageContext('/monitoring/teststadt/vergleich');
const render = (view = comparisonView()) => comparisonPage(ctx, view);
const de = (value: number, digits: number) =>
  new Intl.NumberFormat('de-DE', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
const selects = (html: string) => html.match(/<select[\s\S]*?<\/select>/g) ?? [];

test('the comparison page is well formed', () => {
  assertWellFormedPage(render());
  assertWellFormedPage(render(comparisonView({ areas: [] })));
});

test('one column per area and the city; every shown value in German format in its place', () => {
  const view = comparisonView();
  const html = render(view);
  for (const topic of view.topics) {
    const table = tableByCaption(html, `${topic.name}: Vergleich der Gebiete, Stand 31.12.2022`);
    assert.deepEqual(cellsOf(rowOf(table, 'Indikator')), [
      'Indikator',
      'Nordviertel',
      'Hafenviertel',
      'Bezirk Nord',
      'Stadt',
    ]);
    for (const row of topic.rows) {
      const cells = cellsOf(rowOf(table, row.indicator.name));
      [...row.cells, row.city].forEach((cell: ValueCell | null, i) => {
        if (cell?.state === 'ok' && cell.value !== null)
          assert.ok(
            cells[i + 1]!.startsWith(de(cell.value, row.indicator.precision)),
            cells[i + 1],
          );
      });
    }
  }
  const people = cellsOf(rowOf(tableByCaption(html, 'Bevölkerung: Vergleich'), 'Einwohnerinnen'));
  assert.deepEqual(people, [
    'Einwohnerinnen und Einwohner (Personen)',
    '12.345',
    '8.765',
    '45.678',
    '210.000',
  ]);
  const areas = tableByCaption(html, 'Ausgewählte Gebiete');
  assert.deepEqual(cellsOf(rowOf(areas, 'Hafenviertel')), [
    'Hafenviertel',
    'Sozialquartier',
    '8.765',
  ]);
  assert.ok(
    attrValues(areas, 'href').includes('/monitoring/teststadt/gebiet/S1-2?zeitraum=2022-12-31'),
  );
});

test('withheld values show "." with the reason, never the number; internal ones carry the badge', () => {
  const html = render();
  const table = tableByCaption(html, 'Arbeit und Transferleistungen: Vergleich');
  const sgb2 = cellsOf(rowOf(table, 'SGB-II-Quote'));
  assert.equal(sgb2[2], '. (weniger als 5 Fälle)');
  assert.ok(!html.includes(de(SECRET, 1)) && !html.includes(String(SECRET)));
  const kita = rowOf(table, 'Kinder in Kitas');
  assert.match(kita, /4,2<span class="kern-badge[^"]*cell-internal">intern<\/span>/);
  assert.equal(cellsOf(kita)[3], '– (nicht erhoben)');
  assert.doesNotMatch(rowOf(table, 'SGB-II-Quote'), /cell-internal/);
  // The bar chart's table marks the withheld value too.
  const bars = tableByCaption(html, 'SGB-II-Quote (%) je Gebiet');
  assert.deepEqual(cellsOf(rowOf(bars, 'Hafenviertel')), [
    'Hafenviertel',
    '. gesperrt (Geheimhaltung)',
  ]);
  assert.deepEqual(cellsOf(rowOf(bars, 'Stadt')), ['Stadt', '12,1']);
});

test('the form: one more select than chosen areas, grouped by level, labelled, keeping the choice', () => {
  const html = render();
  const form =
    /<form class="compare-form" method="get" action="\/monitoring\/teststadt\/vergleich">[\s\S]*?<\/form>/.exec(
      html,
    )?.[0];
  assert.ok(form);
  const areaSelects = selects(form).filter((s) => s.includes('name="gebiete"'));
  assert.equal(areaSelects.length, 4);
  areaSelects.forEach((s, i) => {
    assert.match(
      form,
      new RegExp(`<label class="kern-label" for="gebiet-${i + 1}">Gebiet ${i + 1}</label>`),
    );
    assert.match(
      s,
      /<optgroup label="Sozialraum"><option value="S1"[^>]*>Bezirk Nord<\/option><\/optgroup>/,
    );
    assert.match(s, /<optgroup label="Sozialquartier">/);
  });
  // Preact writes an empty value as a bare attribute, which HTML reads as "".
  const chosen = areaSelects.map((s) => {
    const m = /<option value(?:="([^"]*)")? selected/.exec(s);
    return m ? (m[1] ?? '') : null;
  });
  assert.deepEqual(chosen, [quarter.code, neighbour.code, district.code, '']);
  assert.match(form, /<option value="2022-12-31" selected>31\.12\.2022<\/option>/);
  assert.match(form, /<button class="kern-btn kern-btn--primary" type="submit">/);
  assert.ok(form.includes(`value="${other.code}"`));
});

test('at most six selects; at least two when nothing is chosen', () => {
  const six = comparisonView({
    areas: [quarter, neighbour, other, district, quarter, neighbour].map((a) => ({
      ...a,
      population: null,
    })),
    topics: [],
  });
  assert.equal(selects(render(six)).filter((s) => s.includes('name="gebiete"')).length, 6);
  assert.equal(
    selects(render(comparisonView({ areas: [] }))).filter((s) => s.includes('name="gebiete"'))
      .length,
    2,
  );
});

test('fewer than two areas: a message and no comparison tables', () => {
  const one = comparisonView({ areas: [{ ...quarter, population: 12345 }] });
  const html = render(one);
  assert.match(textOf(html), /Bitte wählen Sie mindestens zwei Gebiete aus\./);
  assert.doesNotMatch(html, /Vergleich der Gebiete, Stand/);
  assert.doesNotMatch(html, /Ausgewählte Gebiete mit Ebene/);
  assert.ok(!textOf(render()).includes('Bitte wählen Sie mindestens zwei Gebiete aus.'));
});

test('notices and preview: example banner at the top, preview kept in the form and links', () => {
  const preview = { ...release, id: 9, status: 'draft', publishedAt: null };
  const html = mainOf(render(comparisonView({ notice: notice({ preview }) })));
  const text = textOf(html);
  const banner = text.indexOf('Die Werte auf dieser Seite sind erzeugte Beispieldaten.');
  assert.ok(banner >= 0 && banner < text.indexOf('Gebiete und Zeitraum'));
  assert.match(html, /<input type="hidden" name="vorschau" value="9"\/?>/);
  const links = attrValues(html, 'href').filter((h) => h.startsWith('/monitoring'));
  assert.ok(links.length > 5);
  for (const href of links) assert.match(href, /[?&]vorschau=9(&|#|$)/, href);
  const plain = textOf(mainOf(render(comparisonView({ notice: notice({ example: false }) }))));
  assert.ok(!plain.includes('sind erzeugte Beispieldaten'));
  assert.match(plain, /Quellen Testwerte 2022/);
});
