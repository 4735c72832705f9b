// The barrier report form: CSRF, validation in German, storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../server/testing.ts';
import { listBarrierReports } from './index.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function formSession() {
  const page = await t.app.inject({ method: 'GET', url: '/barriere-melden' });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const cookie = String(page.headers['set-cookie']).split(';')[0]!;
  assert.ok(token && cookie.startsWith('_csrf='));
  return { token, cookie };
}

const post = (payload: string, cookie = '') =>
  t.app.inject({
    method: 'POST',
    url: '/barriere-melden',
    payload,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });

test('a report without a valid CSRF token is refused and nothing is stored', async () => {
  const res = await post('message=Die+Karte+ist+nicht+bedienbar');
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Formular ist abgelaufen/);
  const { cookie } = await formSession();
  assert.equal(
    (await post('message=Die+Karte+ist+nicht+bedienbar&_csrf=forged', cookie)).statusCode,
    403,
  );
  assert.equal((await listBarrierReports(t.database.db)).length, 0);
});

test('a too short report shows the German error and keeps the input', async () => {
  const { token, cookie } = await formSession();
  const res = await post(
    `message=kurz&contact=a%40b.de&_csrf=${encodeURIComponent(token)}`,
    cookie,
  );
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Bitte beschreiben Sie die Barriere/);
  assert.match(res.body, /value="a@b.de"/);
  assert.equal((await listBarrierReports(t.database.db)).length, 0);
});

test('a valid report is stored and the visitor sees a thank-you', async () => {
  const { token, cookie } = await formSession();
  const res = await post(
    `pageUrl=%2Fgebiete&message=Die+Tabelle+ist+zu+breit&_csrf=${encodeURIComponent(token)}`,
    cookie,
  );
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/barriere-melden?gesendet=1');
  const reports = await listBarrierReports(t.database.db);
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.message, 'Die Tabelle ist zu breit');
  assert.equal(reports[0]!.contact, null);
  assert.match(
    (await t.app.inject({ method: 'GET', url: '/barriere-melden?gesendet=1' })).body,
    /Vielen Dank/,
  );
});

test('markup in a report is stored as text and escaped when shown again', async () => {
  const { token, cookie } = await formSession();
  const res = await post(
    `message=%3Cscript%3Ealert(1)%3C%2Fscript%3E&_csrf=${encodeURIComponent(token)}`,
    cookie,
  );
  assert.equal(res.statusCode, 303);
  const again = await post(
    `message=%3Cb%3Ehi%3C%2Fb%3E&_csrf=${encodeURIComponent(token)}`,
    cookie,
  );
  assert.equal(again.statusCode, 400);
  assert.doesNotMatch(again.body, /<b>hi<\/b>/);
  assert.match(again.body, /&lt;b>hi&lt;\/b>/);
});
