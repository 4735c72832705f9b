// The monitoring pages, exports and APIs on the real engine with the shipped data: what visitors see,
// what staff see, and that no public output shows a small count.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../server/testing.ts';
import { grant, userWithSession } from '../accounts/testing.ts';
import { chromiumPath } from '../../ui/pdf.ts';

let t: TestApp;
let statistician: string;

before(async () => {
  t = await createTestApp({ seed: true, rateLimitAllowList: ['127.0.0.1'] });
  statistician = (await userWithSession(t.database, [grant('statistician')], 'Statistik')).cookie;
});
after(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });

test('overview, catalogue and system pages name both systems, label example data and list every indicator', async () => {
  const overview = await get('/monitoring');
  assert.equal(overview.statusCode, 200);
  assert.match(overview.body, /Oberhausen/);
  assert.match(overview.body, /Berlin/);
  assert.match(overview.body, /Beispieldaten – keine amtlichen Werte/);
  const catalogue = await get('/monitoring/indikatoren');
  assert.equal(catalogue.statusCode, 200);
  for (const code of ['S1', 'D4', 'K13', 'sgb2_quote', 'kinderarmut', 'einwohner'])
    assert.match(catalogue.body, new RegExp(`id="i-${code}"`), code);
  assert.equal((await get('/monitoring/oberhausen')).statusCode, 200);
  assert.equal((await get('/monitoring/gibt-es-nicht')).statusCode, 404);
});

test('the profile of a Sozialquartier: values beside Sozialraum and city, index class, example label', async () => {
  const r = await get('/monitoring/oberhausen/gebiet/sq-lirich-sued');
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<h1[^>]*>[^<]*Lirich-Süd/);
  assert.match(r.body, /Alstaden\/Lirich/);
  assert.match(r.body, /Beispieldaten – keine amtlichen Werte/);
  assert.match(r.body, /Status (hoch|mittel|niedrig|sehr niedrig)/);
  assert.match(r.body, /<svg[^>]*role="img"/, 'a time series chart');
  const berlin = await get('/monitoring/berlin-lor-2021/gebiet/01100101');
  assert.equal(berlin.statusCode, 200);
  // Stülerstraße: published MSS 2021 status "mittel", dynamics "negativ".
  assert.match(berlin.body, /Status mittel, Dynamik negativ/);
  assert.doesNotMatch(berlin.body, /Beispieldaten – keine amtlichen Werte/);
  assert.equal((await get('/monitoring/oberhausen/gebiet/sq-atlantis')).statusCode, 404);
});

test('map, ranking, comparison and index pages answer with their tables', async () => {
  const map = await get('/monitoring/berlin-lor-2021/karte?indikator=S4&klassen=jenks&anzahl=5');
  assert.equal(map.statusCode, 200);
  assert.match(map.body, /<svg/);
  assert.match(map.body, /<table/);
  const manual = await get(
    '/monitoring/berlin-lor-2021/karte?indikator=S1&klassen=manual&grenzen=0%3B2%3B4%3B6%3B20',
  );
  assert.equal(manual.statusCode, 200);
  const bad = await get(
    '/monitoring/berlin-lor-2021/karte?indikator=S1&klassen=manual&grenzen=5%3B1',
  );
  assert.equal(bad.statusCode, 200);
  assert.match(bad.body, /aufsteigen/);
  const ranking = await get(
    '/monitoring/oberhausen/rangliste?indikator=sgb2_quote&ebene=sozialquartier',
  );
  assert.equal(ranking.statusCode, 200);
  assert.match(ranking.body, /aria-sort/);
  const compare = await get(
    '/monitoring/oberhausen/vergleich?gebiete=sq-innenstadt&gebiete=sq-walsumer-mark&gebiete=sq-bermensfeld',
  );
  assert.equal(compare.statusCode, 200);
  assert.match(compare.body, /Walsumer Mark/);
  for (const config of ['mss-2021', 'oberhausen-sozialbericht']) {
    const index = await get(`/monitoring/index/${config}`);
    assert.equal(index.statusCode, 200, config);
    assert.match(index.body, /Status sehr niedrig, Dynamik negativ|sehr niedrig/);
  }
  assert.equal(
    (await get('/monitoring/berlin-lor-2021/karte?indikator=S1&zeitraum=1999')).statusCode,
    404,
  );
});

test('exports match the screen: CSV with BOM, ";" and decimal comma; XLSX; JSON and GeoJSON with source and licence', async () => {
  const base = '/api/v1/monitoring/werte?system=berlin-lor-2021&indikator=S1&ebene=planungsraum';
  const csv = await get(`${base}&format=csv`);
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  assert.ok(csv.body.startsWith('\uFEFFgebiet;name;ebene;indikator;zeitraum;wert'));
  assert.match(csv.body, /\n01100101;Stülerstraße;Planungsraum;S1;2020-12-31;4,23;/);
  assert.match(csv.body, /Monitoring Soziale Stadtentwicklung/);
  const dot = await get(`${base}&format=csv&dezimalkomma=0`);
  assert.match(dot.body, /;4\.23;/);
  const json = await get(`${base}&format=json`);
  const body = json.json() as {
    meta: { licences: string };
    values: { area: string; value: number }[];
  };
  assert.match(body.meta.licences, /CC BY/);
  assert.equal(body.values.find((v) => v.area === '01100101')?.value, 4.23);
  const geo = await get(`${base}&format=geojson`);
  const fc = JSON.parse(geo.body) as { features: { geometry: unknown }[] };
  assert.equal(fc.features.length, 542);
  assert.ok(fc.features.every((f) => f.geometry));
  const xlsx = await get(`${base}&format=xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  assert.equal(book.getWorksheet('Werte')?.rowCount, 543);
  const about = book.getWorksheet('Quelle')!;
  const sourceRow = about.getRows(1, about.rowCount)!.find((r) => r.getCell(1).value === 'Quelle');
  assert.match(String(sourceRow?.getCell(2).value), /Monitoring Soziale/);
  const index = await get('/api/v1/monitoring/index/mss-2021.csv');
  assert.equal(index.statusCode, 200);
  assert.match(index.body, /^area_code,status_index,status_class,dynamics_index,dynamics_class\n/);
  const example = await get(
    '/api/v1/monitoring/werte?system=oberhausen&indikator=einwohner&format=json',
  );
  assert.match(example.body, /Beispieldaten – keine amtlichen Werte/);
});

test('no public output shows a count of 1 or 2; staff see those values marked as internal', async () => {
  const catalogue = (await get('/api/v1/monitoring/indikatoren')).json() as {
    topics: { indicators: { code: string; kind: string }[] }[];
  };
  const counts = catalogue.topics.flatMap((t) => t.indicators).filter((i) => i.kind === 'count');
  let suppressed = 0;
  for (const { code } of counts) {
    for (const level of ['sozialquartier', 'sozialraum', 'stadtbezirk']) {
      for (const period of ['2019', '2021', '2023']) {
        const r = await get(
          `/api/v1/monitoring/werte?system=oberhausen&indikator=${code}&ebene=${level}&zeitraum=${period}&format=json`,
        );
        if (r.statusCode === 404) continue;
        assert.equal(r.statusCode, 200, `${code} ${level} ${period}: ${r.body}`);
        const values = (r.json() as { values: { value: number | null; status: string }[] }).values;
        for (const v of values)
          assert.ok(
            v.value === null || v.value === 0 || v.value >= 3,
            `${code} ${level} ${period}: ${v.value}`,
          );
        suppressed += values.filter((v) => v.status === 'suppressed').length;
      }
    }
  }
  assert.ok(suppressed > 0, 'the example data has small counts that must be suppressed');
  const staff = await get(
    '/api/v1/monitoring/werte?system=oberhausen&indikator=haushalte_kinderreich&ebene=sozialquartier&zeitraum=2019&format=json',
    statistician,
  );
  const values = (staff.json() as { values: { value: number | null; internal: boolean }[] }).values;
  assert.ok(values.some((v) => v.internal && v.value !== null && v.value < 3));
});

test('a draft preview is for staff only', async () => {
  const { importValues } = await import('./import-values.ts');
  const draft = await importValues(t.database, 'cli', {
    systemId: 'oberhausen',
    fileName: 'entwurf.csv',
    bytes: new TextEncoder().encode(
      'gebiet;indikator;zeitraum;wert\nsq-styrum;einwohner;2024;7777\n',
    ),
    title: 'Entwurf 2024',
  });
  const url = `/monitoring/oberhausen/karte?indikator=einwohner&zeitraum=2024&vorschau=${draft.releaseId}`;
  const visitor = await get(url);
  assert.equal(visitor.statusCode, 403);
  const staff = await get(url, statistician);
  assert.equal(staff.statusCode, 200);
  assert.match(staff.body, /7\.777/);
  assert.match(staff.body, /Entwurf 2024/);
  assert.equal(
    (await get('/monitoring/oberhausen/karte?indikator=einwohner&zeitraum=2024')).statusCode,
    404,
  );
});

test('OGC API Features: landing, conformance, collections and items that QGIS reads', async () => {
  const landing = (await get('/ogc')).json() as { links: { rel: string }[] };
  assert.ok(
    ['conformance', 'data', 'service-desc'].every((rel) =>
      landing.links.some((l) => l.rel === rel),
    ),
  );
  const conf = (await get('/ogc/conformance')).json() as { conformsTo: string[] };
  assert.ok(
    conf.conformsTo.includes('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson'),
  );
  const collections = (await get('/ogc/collections')).json() as { collections: { id: string }[] };
  assert.ok(collections.collections.some((c) => c.id === 'berlin-lor-2021.planungsraum'));
  const items = await get(
    '/ogc/collections/berlin-lor-2021.planungsraum/items?limit=100&offset=500',
  );
  assert.match(String(items.headers['content-type']), /geo\+json/);
  const fc = JSON.parse(items.body) as {
    numberMatched: number;
    numberReturned: number;
    features: { properties: Record<string, unknown> }[];
    links: { rel: string }[];
  };
  assert.equal(fc.numberMatched, 542);
  assert.equal(fc.numberReturned, 42);
  assert.ok(!fc.links.some((l) => l.rel === 'next'));
  assert.ok(fc.features.every((f) => 'S1' in f.properties));
  const one = JSON.parse(
    (await get('/ogc/collections/berlin-lor-2021.planungsraum/items/01100101')).body,
  ) as {
    properties: { S1: number };
  };
  assert.equal(one.properties.S1, 4.23);
  assert.equal((await get('/ogc/collections/gibt-es.nicht')).statusCode, 404);
});

test('the OpenAPI file describes every API route', async () => {
  const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
  const api = t.app.routeTable
    .filter((r) => r.method === 'GET' && (r.url.startsWith('/api/v1') || r.url.startsWith('/ogc')))
    .map((r) => r.url.replace(/:([A-Za-z]+)/g, '{$1}'));
  for (const url of api) assert.ok(doc.paths[url], `${url} fehlt in /api/openapi.json`);
});

test('the profile as PDF, or a clear message where Chromium is missing', async () => {
  const r = await get('/monitoring/berlin-lor-2021/gebiet/01100101/steckbrief.pdf');
  if (existsSync(chromiumPath)) {
    assert.equal(r.statusCode, 200);
    assert.equal(r.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.ok(r.rawPayload.length > 10_000);
  } else {
    assert.equal(r.statusCode, 503);
    assert.match(r.body, /Chromium/);
  }
});
