// The whole app on the real engine with the shipped data: pages, API, health, errors and route policies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: true });
});
after(async () => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

test('every registered route declares a policy', () => {
  const missing = t.app.routeTable.filter((r) => r.method !== 'HEAD' && !r.policy);
  assert.deepEqual(missing, []);
  assert.ok(t.app.routeTable.length > 15);
});

test('healthz names the engine and the schema version', async () => {
  const res = await get('/healthz');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.engine, process.env['DATABASE_URL'] ? 'postgres' : 'pglite');
  assert.match(body.schemaVersion, /^\d{4}_/);
  assert.equal(body.migrations.applied, body.migrations.known);
});

test('pages are German, carry a strict CSP and no inline script', async () => {
  const res = await get('/');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-security-policy'] as string, /script-src 'self'[;]/);
  assert.doesNotMatch(res.headers['content-security-policy'] as string, /unsafe-inline/);
  assert.match(res.body, /<html lang="de" dir="ltr">/);
  assert.doesNotMatch(res.body, /<script(?![^>]*\bsrc=)[^>]*>/);
  for (const pillar of ['Monitoring', 'Angebote', 'Dialoge'])
    assert.match(res.body, new RegExp(pillar));
  for (const link of [
    '/impressum',
    '/datenschutz',
    '/barrierefreiheit',
    '/barriere-melden',
    '/leichte-sprache',
  ])
    assert.ok(res.body.includes(`href="${link}"`), link);
  assert.match(res.body, /href="#inhalt"/);
});

test('languages: English through the catalogue, Arabic right to left', async () => {
  assert.match((await get('/?lang=en')).body, /<html lang="en" dir="ltr">[\s\S]*Skip to content/);
  assert.match(
    (await get('/', { 'accept-language': 'ar,de;q=0.5' })).body,
    /<html lang="ar" dir="rtl">/,
  );
  const res = await t.app.inject({ method: 'GET', url: '/sprache?lang=en&zurueck=/gebiete' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/gebiete');
  assert.match(String(res.headers['set-cookie']), /lang=en/);
  const evil = await t.app.inject({
    method: 'GET',
    url: '/sprache?lang=en&zurueck=//evil.example',
  });
  assert.equal(evil.headers.location, '/');
});

test('the Oberhausen hierarchy: city with Zensus population, Sozialräume without boundaries and why', async () => {
  const city = await get('/gebiete/oberhausen/05119000');
  assert.equal(city.statusCode, 200);
  assert.match(city.body, /212\.127/);
  assert.match(city.body, /Zensus 2022/);
  assert.match(city.body, /<svg[^>]*class="area-map"/);
  const space = await get('/gebiete/oberhausen/sr-osterfeld');
  assert.equal(space.statusCode, 200);
  assert.match(
    space.body,
    /Oberhausen \(Stadt\)<\/a>[\s\S]*Osterfeld \(Stadtbezirk\)<\/a>[\s\S]*aria-current="page">Osterfeld</,
  );
  assert.match(space.body, /keine offen zugänglichen Grenzen/);
  assert.match(space.body, /Beispieldaten/);
  assert.doesNotMatch(space.body, /<svg[^>]*class="area-map"/);
});

test('the Berlin hierarchy: a Planungsraum with breadcrumb and population, the map of all 542', async () => {
  const plr = await get('/gebiete/berlin-lor-2021/01100101');
  assert.equal(plr.statusCode, 200);
  assert.match(
    plr.body,
    /Mitte \(Bezirk\)<\/a>[\s\S]*Zentrum \(Prognoseraum\)<\/a>[\s\S]*Tiergarten Süd \(Bezirksregion\)<\/a>[\s\S]*Stülerstraße/,
  );
  assert.match(plr.body, /3\.503 \(Stand 30\.06\.2022\)/);
  const map = await get('/gebiete/berlin-lor-2021/karte?level=planungsraum');
  assert.equal(map.statusCode, 200);
  assert.equal((map.body.match(/<path /g) ?? []).length, 542);
  const geo = await get('/api/v1/areas/berlin-lor-2021/geojson?level=planungsraum');
  assert.equal(geo.json().features.length, 542);
});

test('population sums up the hierarchy: Berlin total equals the sum of the file', async () => {
  const res = await get('/gebiete/berlin-lor-2021');
  const bezirke = [...res.body.matchAll(/kern-table__cell--numeric">([\d.]+)</g)].map((m) =>
    Number(m[1]!.replace(/\./g, '')),
  );
  assert.equal(bezirke.length, 12);
  // Total of the Gesamt column of einwohnerbestand_06-2022_plr.csv (30.06.2022).
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { dataRoot } = await import('../modules/areas/index.ts');
  const lines = readFileSync(join(dataRoot, 'berlin/einwohnerbestand_06-2022_plr.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const fileTotal = lines.reduce((s, l) => s + (Number(l.split(';')[0]) || 0), 0);
  assert.equal(
    bezirke.reduce((a, b) => a + b, 0),
    fileTotal,
  );
});

test('point lookup finds the areas containing a point, on every level', async () => {
  const res = await get('/api/v1/areas/lookup?lat=52.5219&lon=13.4132&system=berlin-lor-2021');
  const levels = res.json().areas.map((a: { levelKey: string }) => a.levelKey);
  assert.deepEqual(levels, ['prognoseraum', 'bezirksregion', 'planungsraum']);
  const ob = await get('/api/v1/areas/lookup?lat=51.4963&lon=6.8516');
  assert.deepEqual(
    ob.json().areas.map((a: { code: string }) => a.code),
    ['05119000'],
  );
  const sea = await get('/api/v1/areas/lookup?lat=54.5&lon=5.0');
  assert.deepEqual(sea.json().areas, []);
});

test('bad requests get clear German answers with the right status', async () => {
  assert.equal((await get('/gebiete/gibt-es-nicht')).statusCode, 404);
  const missing = await get('/gebiete/berlin-lor-2021/99999999');
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /Das Gebiet „99999999“ gibt es/);
  const bad = await get('/api/v1/areas/lookup?lat=abc&lon=13');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'invalid_input');
  assert.equal((await get('/gebiete/punkt?lat=200&lon=13')).statusCode, 400);
  assert.equal((await get('/api/v1/nichts')).json().error.code, 'not_found');
  const injection = await get(
    `/gebiete/berlin-lor-2021/${encodeURIComponent("01100101' or '1'='1")}`,
  );
  assert.equal(injection.statusCode, 404);
  assert.equal((await get("/gebiete/karte?level=x'--")).statusCode, 404);
});
