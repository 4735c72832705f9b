// The public directory on the real engine with Oberhausen's example directory: search by compound,
// split and misspelt words, filters, the entry page and the HSDA answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../server/testing.ts';
import { grant, userWithSession } from '../accounts/testing.ts';

let t: TestApp;

before(async () => {
  t = await createTestApp({ seed: true, rateLimitAllowList: ['127.0.0.1'] });
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const resultNames = (body: string) =>
  [
    ...body.matchAll(
      /<h3 class="kern-heading-small"><a class="kern-link" href="\/angebote\/[^"]+">([^<]+)<\/a>/g,
    ),
  ].map((m) => m[1]!);

test('the example debt counselling is found by "schuldner beratung" and by "Schuldenberatng"', async () => {
  for (const q of ['Schuldnerberatung', 'schuldner beratung', 'Schuldenberatng']) {
    const r = await get(`/angebote?q=${encodeURIComponent(q)}`);
    assert.equal(r.statusCode, 200, q);
    assert.ok(
      resultNames(r.body).some((n) => /Schuldnerberatung/.test(n)),
      `${q}: ${resultNames(r.body).join(' | ')}`,
    );
  }
  const api = (await get('/hsds/services?search=Schuldenberatng')).json() as {
    total_items: number;
    contents: { name: string }[];
  };
  assert.ok(api.contents.some((s) => /Schuldnerberatung/.test(s.name)));
});

test('filters: Sozialraum Osterfeld, open now, topic; every result of "open now" is open', async () => {
  const osterfeld = await get('/angebote?q=Schuldnerberatung&sozialraum=sr-osterfeld');
  assert.ok(resultNames(osterfeld.body).some((n) => /Osterfeld/.test(n)));
  const all = await get('/angebote');
  const total = Number(/(\d+) Angebote im Verzeichnis/.exec(all.body)?.[1]);
  assert.ok(total >= 50, `${total} example services`);
  const open = await get('/angebote?offen=1');
  const shown = Number(/(\d+) Angebote gefunden/.exec(open.body)?.[1]);
  assert.ok(shown < total, 'not everything is open at the same time');
  const closedMarks = (open.body.match(/jetzt geschlossen/g) ?? []).length;
  assert.equal(closedMarks, 0, 'no closed offering among the open ones');
  const bad = await get('/angebote?alter=zwei');
  assert.equal(bad.statusCode, 400);
  assert.equal((await get('/angebote?sozialraum=sr-atlantis')).statusCode, 404);
});

test('an entry page: address, hours, languages, costs, verification, example label; unknown ids 404', async () => {
  const r = await get('/angebote?q=Schuldnerberatung&sozialraum=sr-osterfeld');
  const id = /href="\/angebote\/([^"?]+)"/.exec(r.body)?.[1];
  assert.ok(id);
  const entry = await get(`/angebote/${id}`);
  assert.equal(entry.statusCode, 200);
  assert.match(entry.body, /<h1[^>]*>[^<]*Schuldnerberatung/);
  assert.match(entry.body, /46\d{3} Oberhausen/);
  assert.match(entry.body, /Öffnungszeiten/);
  assert.match(entry.body, /Beispiel/);
  assert.match(entry.body, /Geprüft am|Noch nicht geprüft/);
  assert.equal((await get('/angebote/gibt-es-nicht')).statusCode, 404);
  const hsds = (await get(`/hsds/services/${id}`)).json() as {
    id: string;
    name: string;
    status: string;
  };
  assert.equal(hsds.id, id);
  assert.equal(hsds.status, 'active');
});

test('searches are counted in aggregate: terms, result count and day, no address or user', async () => {
  await get('/angebote?q=Xylophonkurs');
  await get('/angebote?q=xylophonkurs');
  const rows = await t.database.rows<{
    terms: string;
    results: number;
    count: number;
    day: string;
  }>(
    (await import('drizzle-orm'))
      .sql`select terms, results, count, day::text as day from search_log where terms = 'xylophonkurs'`,
  );
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.results, 0);
  assert.equal(rows[0]!.count, 2);
  assert.match(rows[0]!.day, /^\d{4}-\d{2}-\d{2}$/);
  const columns = await t.database.rows<{ column_name: string }>(
    (await import('drizzle-orm'))
      .sql`select column_name from information_schema.columns where table_name = 'search_log'`,
  );
  assert.deepEqual(columns.map((c) => c.column_name).sort(), [
    'area_id',
    'count',
    'day',
    'filters',
    'results',
    'terms',
  ]);
  const editor = (await userWithSession(t.database, [grant('editor')], 'Redaktion')).cookie;
  const page = await t.app.inject({ url: '/verwaltung/suchen', headers: { cookie: editor } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<td class="kern-table__cell">xylophonkurs<\/td>/);
  const participant = (await userWithSession(t.database, [grant('participant')], 'Teilnahme'))
    .cookie;
  const refused = await t.app.inject({
    url: '/verwaltung/suchen',
    headers: { cookie: participant },
  });
  assert.equal(refused.statusCode, 403);
  assert.equal((await get('/verwaltung/suchen')).statusCode, 303);
});
