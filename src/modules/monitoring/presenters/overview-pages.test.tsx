// Overview, indicator catalogue and system page rendered from hand-built view models: what each
// shows, in words and German numbers, with working anchors and links that keep a preview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cataloguePage, overviewPage, systemPage } from './overview-pages.tsx';
import type { CatalogueView, OverviewView, SystemView } from '../view-model.ts';
import {
  city,
  district,
  indicator,
  indicators,
  notice,
  pageContext,
  release,
  system,
} from './profile-fixtures.ts';
import { assertWellFormedPage, attrValues, mainOf, textOf } from './profile-html.ts';

const ctx = pageContext();

const overview = (): OverviewView => ({
  systems: [
    {
      system,
      indicatorCount: 5,
      periods: ['2020-12-31', '2022-12-31'],
      topArea: city,
      indexConfigs: [{ id: 'sozialindex', name: 'Sozialindex Test', isExample: true }],
      example: true,
    },
    {
      system: {
        id: 'zweitstadt',
        name: 'Zweitstadt Planungsräume',
        isExample: false,
        levels: [{ key: 'bezirk', name: 'Bezirk', rank: 1 }],
      },
      indicatorCount: 1234,
      periods: [],
      topArea: null,
      indexConfigs: [],
      example: false,
    },
  ],
  indicatorCount: 1239,
});

/** The part of the page between one heading id and the next section. */
function sectionOf(html: string, labelledBy: string): string {
  const m = new RegExp(`<section[^>]*aria-labelledby="${labelledBy}"[\\s\\S]*?</section>`).exec(
    html,
  );
  assert.ok(m, `section ${labelledBy}`);
  return m[0];
}

test('overview: what monitoring is, each system with its periods, views and example label', () => {
  const html = overviewPage(ctx, overview());
  assertWellFormedPage(html);
  const text = textOf(mainOf(html));
  assert.match(text, /von Daten zu Taten/);
  const first = sectionOf(html, 'system-teststadt');
  const firstText = textOf(first);
  assert.match(firstText, /Beispieldaten – keine amtlichen Werte/);
  assert.match(firstText, /Indikatoren 5 Zeiträume 31\.12\.2020, 31\.12\.2022/);
  assert.match(firstText, /Ebenen Stadt → Sozialraum → Sozialquartier/);
  assert.deepEqual(attrValues(first, 'href'), [
    '/monitoring/teststadt',
    '/monitoring/teststadt/gebiet/S',
    '/monitoring/teststadt/karte',
    '/monitoring/teststadt/rangliste',
    '/monitoring/teststadt/vergleich',
    '/monitoring/index/sozialindex',
  ]);
  assert.match(firstText, /Steckbrief: Teststadt/);
  assert.match(firstText, /Karte : Teststadt Sozialräume/);
  const second = textOf(sectionOf(html, 'system-zweitstadt'));
  assert.ok(!second.includes('Beispieldaten'));
  assert.match(second, /Indikatoren 1\.234 Zeiträume noch keine veröffentlichten Werte/);
  assert.ok(!second.includes('Steckbrief'));
  assert.match(text, /Alle 1\.239 Indikatoren .* Indikatorenkatalog/);
  assert.ok(attrValues(html, 'href').includes('/monitoring/indikatoren'));
});

test('overview without systems says there is no data yet', () => {
  const html = overviewPage(ctx, { systems: [], indicatorCount: 0 });
  assertWellFormedPage(html);
  assert.match(textOf(html), /Es liegen noch keine Monitoringdaten vor\./);
});

const catalogue = (): CatalogueView => ({
  topics: [
    {
      key: 'arbeit',
      name: 'Arbeit und Transferleistungen',
      indicators: [
        indicators.sgb2,
        indicators.kita,
        indicator({
          code: 'quote_x',
          numeratorCode: 'a',
          denominatorCode: 'b',
          polarity: 'neutral',
        }),
      ],
    },
    { key: 'leer', name: 'Ohne Indikatoren', indicators: [] },
    {
      key: 'bevoelkerung',
      name: 'Bevölkerung',
      indicators: [indicators.einwohner, indicators.zuzuege, indicators.gesund],
    },
  ],
  names: { sgb2: 'Leistungsberechtigte nach SGB II', ew_u65: 'Einwohner unter 65 Jahren' },
});

const definition = (html: string, code: string) => textOf(sectionOf(html, `i-${code}`));

test('catalogue: every definition with its anchor, kind, formula, polarity, rule, precision, visibility', () => {
  const html = cataloguePage(ctx, catalogue());
  assertWellFormedPage(html);
  for (const topic of catalogue().topics)
    for (const ind of topic.indicators)
      assert.match(html, new RegExp(`<h3 class="kern-heading-small" id="i-${ind.code}">`));
  const sgb2 = definition(html, 'sgb2_quote');
  assert.match(sgb2, /^SGB-II-Quote Beispieldaten – keine amtlichen Werte Schlüssel sgb2_quote/);
  assert.match(sgb2, /Beschreibung Erfundener Testindikator\. Einheit % Art Anteil/);
  assert.match(
    sgb2,
    /Berechnung Zähler: Leistungsberechtigte nach SGB II \/ Nenner: Einwohner unter 65 Jahren/,
  );
  assert.match(sgb2, /Bewertung hoher Wert ist ungünstig Quelle Testquelle Lizenz CC BY 4\.0/);
  assert.match(sgb2, /Geheimhaltung Werte unter 5 werden nicht veröffentlicht\./);
  assert.match(sgb2, /Genauigkeit 1 Nachkommastelle Sichtbarkeit öffentlich$/);
  assert.match(
    definition(html, 'kita'),
    /Bewertung hoher Wert ist günstig .* Sichtbarkeit intern$/,
  );
  assert.ok(!definition(html, 'kita').includes('Berechnung'));
  assert.match(definition(html, 'quote_x'), /Zähler: a \/ Nenner: b/);
  assert.match(definition(html, 'quote_x'), /Bewertung neutral/);
  const people = definition(html, 'einwohner');
  assert.ok(!people.includes('Beispieldaten'));
  assert.match(people, /Art Anzahl .* keine Mindestfallzahl Genauigkeit ganze Zahlen/);
  assert.match(definition(html, 'zuzuege'), /Art Quote \(je 1\.000\)/);
});

test('catalogue: a table of contents over the topics with indicators, none for empty topics', () => {
  const html = cataloguePage(ctx, catalogue());
  const toc = /<nav aria-labelledby="themen">[\s\S]*?<\/nav>/.exec(html)![0];
  assert.deepEqual(attrValues(toc, 'href'), ['#thema-arbeit', '#thema-bevoelkerung']);
  assert.doesNotMatch(html, /Ohne Indikatoren/);
  const empty = cataloguePage(ctx, { topics: [], names: {} });
  assertWellFormedPage(empty);
  assert.match(textOf(empty), /Es sind noch keine Indikatoren angelegt\./);
});

const quarters = Array.from({ length: 45 }, (_, i) => ({
  id: 100 + i,
  code: `Q${i + 1}`,
  name: `Quartier ${i + 1}`,
  levelKey: 'quartier',
  levelName: 'Sozialquartier',
}));

const systemView = (over: Partial<SystemView> = {}): SystemView => ({
  system,
  levels: [
    { key: 'stadt', name: 'Stadt', areas: [city] },
    { key: 'sozialraum', name: 'Sozialraum', areas: [district] },
    { key: 'quartier', name: 'Sozialquartier', areas: quarters },
  ],
  indicators: [indicators.sgb2, indicators.einwohner],
  indexConfigs: [
    { id: 'sozialindex', name: 'Sozialindex Test', isExample: true, levelKey: 'quartier' },
  ],
  notice: notice({ internal: false }),
  ...over,
});

test('system page: every area of every level links to its profile; long levels fold away', () => {
  const html = systemPage(ctx, systemView());
  assertWellFormedPage(html);
  const hrefs = attrValues(html, 'href');
  for (const a of [city, district, ...quarters])
    assert.ok(hrefs.includes(`/monitoring/teststadt/gebiet/${a.code}`), a.code);
  const level = sectionOf(html, 'ebene-quartier');
  assert.match(level, /<details class="kern-accordion">/);
  assert.match(textOf(level), /45 Gebiete · Ebene Sozialquartier auf der Karte/);
  assert.match(textOf(level), /Alle 45 Gebiete der Ebene Sozialquartier anzeigen/);
  assert.ok(attrValues(level, 'href').includes('/monitoring/teststadt/karte?ebene=quartier'));
  assert.doesNotMatch(sectionOf(html, 'ebene-stadt'), /<details/);
});

test('system page: views, index with its level, indicators with map and ranking, notices', () => {
  const html = systemPage(ctx, systemView());
  const text = textOf(mainOf(html));
  assert.ok(text.indexOf('sind erzeugte Beispieldaten') < text.indexOf('Ansichten'));
  assert.match(text, /Index: Sozialindex Test \(Ebene Sozialquartier\)/);
  const hrefs = attrValues(html, 'href');
  for (const href of [
    '/monitoring/teststadt/karte',
    '/monitoring/teststadt/rangliste',
    '/monitoring/teststadt/vergleich',
    '/monitoring/index/sozialindex',
    '/monitoring/indikatoren',
    '/monitoring/indikatoren#i-sgb2_quote',
    '/monitoring/teststadt/karte?indikator=einwohner',
    '/monitoring/teststadt/rangliste?indikator=sgb2_quote',
  ])
    assert.ok(hrefs.includes(href), href);
  assert.match(text, /Quellen Testwerte 2022/);
  const plain = textOf(systemPage(ctx, systemView({ notice: notice({ example: false }) })));
  assert.ok(!plain.includes('sind erzeugte Beispieldaten'));
});

test('system page: a preview keeps its release in every monitoring link', () => {
  const preview = { ...release, id: 11, status: 'draft', publishedAt: null };
  const html = mainOf(systemPage(ctx, systemView({ notice: notice({ preview }) })));
  const links = attrValues(html, 'href').filter((h) => h.startsWith('/monitoring'));
  assert.ok(links.length > 50);
  for (const href of links) assert.match(href, /[?&]vorschau=11(&|#|$)/, href);
});
