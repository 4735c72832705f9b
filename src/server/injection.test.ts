// SQL-injection strings in every path and query parameter of every GET route: no server error, no leak.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './testing.ts';
import { grant, userWithSession } from '../modules/accounts/testing.ts';

let t: TestApp;
let admin: string;
before(async () => {
  t = await createTestApp({ seed: true });
  admin = (await userWithSession(t.database, [grant('admin')], 'Admin')).cookie;
});
after(async () => t.close());

const payloads = [
  "' OR '1'='1",
  '1; DROP TABLE areas; --',
  "x' UNION SELECT email, password_hash FROM users --",
  '1)) OR pg_sleep(1) --',
  "%' AND 1=CAST((SELECT version()) AS int) --",
  '\\x00\u0000',
  '../../etc/passwd',
];
const queryNames = [
  'lang',
  'level',
  'lat',
  'lon',
  'system',
  'weiter',
  'token',
  'seite',
  'gesendet',
  'zurueck',
  'abgemeldet',
  'eingeladen',
  'passwort',
  'indikator',
  'zeitraum',
  'ebene',
  'klassen',
  'anzahl',
  'grenzen',
  'gebiete',
  'sortierung',
  'vorschau',
  'format',
  'dezimalkomma',
  'limit',
  'offset',
  'q',
  'thema',
  'zielgruppe',
  'sprache',
  'alter',
  'sozialraum',
  'search',
  'page',
  'per_page',
  'language',
];
// Echoing the (escaped) input is fine; database errors, hashes and stack traces are not.
const leaks = /syntax error|PostgresError|pg_catalog|\$argon2|at .*\.ts:\d+|stack/i;

test('no GET route fails or leaks with hostile parameters', async () => {
  const routes = t.app.routeTable.filter(
    (r) => r.method === 'GET' && !r.url.startsWith('/assets/'),
  );
  const failures: string[] = [];
  for (const route of routes) {
    for (const p of payloads) {
      const path = route.url.replace(/:[a-z]+/g, encodeURIComponent(p));
      const query = queryNames.map((q) => `${q}=${encodeURIComponent(p)}`).join('&');
      for (const cookie of ['', admin]) {
        const res = await t.app.inject({
          method: 'GET',
          url: `${path}?${query}`,
          headers: { cookie },
        });
        if (res.statusCode >= 500 || leaks.test(res.body))
          failures.push(
            `${route.url} with ${JSON.stringify(p)}: ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
      }
    }
  }
  assert.deepEqual(failures, []);
  const [row] = await t.database.rows<{ n: number }>(
    (await import('drizzle-orm'))
      .sql`select count(*) as n from areas where system_id = 'berlin-lor-2021'`,
  );
  assert.equal(row!.n, 755, 'the data is untouched');
});
