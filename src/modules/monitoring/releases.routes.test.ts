// The statisticians' web form: upload with CSRF, check, import as draft, remembered mapping,
// publish and withdraw; refusals show row and column; other roles are turned away.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../server/testing.ts';
import { grant, userWithSession } from '../accounts/testing.ts';

let t: TestApp;
let statistician: string;
let participant: string;

before(async () => {
  t = await createTestApp({ seed: true });
  statistician = (await userWithSession(t.database, [grant('statistician')], 'Statistik')).cookie;
  participant = (await userWithSession(t.database, [grant('participant')], 'Teilnahme')).cookie;
});
after(() => t.close());

/** A multipart body as a browser sends it. */
function multipart(fields: Record<string, string>, file?: { name: string; content: string }) {
  const boundary = '----sozialraum-test-boundary';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  if (file)
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`,
    );
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function session(cookie: string) {
  const form = await t.app.inject({ url: '/verwaltung/daten/import', headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  const csrfCookie = [form.headers['set-cookie']]
    .flat()
    .map((c) => String(c).split(';')[0])
    .find((c) => c?.startsWith('_csrf='));
  assert.ok(token && csrfCookie);
  return { token, cookie: `${cookie}; ${csrfCookie}`, form };
}

function upload(
  s: { token: string; cookie: string },
  fields: Record<string, string>,
  file?: { name: string; content: string },
) {
  const body = multipart({ _csrf: s.token, systemId: 'oberhausen', ...fields }, file);
  return t.app.inject({
    method: 'POST',
    url: '/verwaltung/daten/import',
    payload: body.payload,
    headers: { ...body.headers, cookie: s.cookie },
  });
}

const wide = (rows: string[]) => ['Gebiet;Einwohner;SGB II', ...rows].join('\n');

test('check, fix, import as draft, remember the mapping, publish and withdraw', async () => {
  const s = await session(statistician);
  const mapping = {
    format: 'wide',
    areaColumn: 'Gebiet',
    period: '2024',
    columns: 'Einwohner=einwohner\nSGB II=sgb2_leistungsberechtigte',
  };
  const refused = await upload(
    s,
    { ...mapping, action: 'check' },
    { name: 'werte.csv', content: wide(['sq-styrum;7.100;viele', 'sq-atlantis;10;1']) },
  );
  assert.equal(refused.statusCode, 422);
  assert.match(
    refused.body,
    /<td class="kern-table__cell">2<\/td><td class="kern-table__cell">SGB II<\/td>/,
  );
  assert.match(refused.body, /sq-atlantis/);
  assert.match(refused.body, /Es wurde nichts gespeichert/);

  const file = { name: 'werte.csv', content: wide(['sq-styrum;7.100;.', 'sq-schlad;4.020;310']) };
  const checked = await upload(s, { ...mapping, action: 'check' }, file);
  assert.equal(checked.statusCode, 200);
  assert.match(checked.body, /Die Datei ist in Ordnung/);
  const imported = await upload(s, { ...mapping, title: 'Werte 2024', action: 'import' }, file);
  assert.equal(imported.statusCode, 303);
  const releaseUrl = String(imported.headers.location).split('?')[0]!;
  const page = await t.app.inject({ url: releaseUrl, headers: { cookie: statistician } });
  assert.match(page.body, /Werte 2024/);
  assert.match(page.body, /Entwurf/);
  assert.match(page.body, /vorschau=\d+/);

  const again = await t.app.inject({
    url: '/verwaltung/daten/import',
    headers: { cookie: statistician },
  });
  assert.match(again.body, /id="areaColumn"[^>]*value="Gebiet"/);
  assert.match(again.body, /SGB II=sgb2_leistungsberechtigte/);

  const post = (path: string, body: string) =>
    t.app.inject({
      method: 'POST',
      url: `${releaseUrl}/${path}`,
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie },
    });
  const visitorSees = async () =>
    (await t.app.inject({ url: '/monitoring/oberhausen/gebiet/sq-schlad?zeitraum=2024' }))
      .statusCode;
  assert.equal(await visitorSees(), 404);
  assert.equal(
    (await post('veroeffentlichen', `_csrf=${encodeURIComponent(s.token)}&embargo=`)).statusCode,
    303,
  );
  assert.equal(await visitorSees(), 200);
  assert.equal(
    (await post('zurueckziehen', `_csrf=${encodeURIComponent(s.token)}`)).statusCode,
    303,
  );
  assert.equal(await visitorSees(), 404);
  assert.equal((await post('loeschen', `_csrf=${encodeURIComponent(s.token)}`)).statusCode, 400);
  assert.equal(
    (await post('loeschen', `_csrf=${encodeURIComponent(s.token)}&confirm=1`)).statusCode,
    303,
  );
});

test('without a valid CSRF token or the right role nothing is imported', async () => {
  const s = await session(statistician);
  const file = {
    name: 'x.csv',
    content: 'gebiet;indikator;zeitraum;wert\nsq-styrum;einwohner;2025;1\n',
  };
  const forged = await upload({ ...s, token: 'gefälscht' }, { action: 'import' }, file);
  assert.equal(forged.statusCode, 403);
  const body = multipart({ _csrf: s.token, systemId: 'oberhausen' }, file);
  const denied = await t.app.inject({
    method: 'POST',
    url: '/verwaltung/daten/import',
    payload: body.payload,
    headers: { ...body.headers, cookie: participant },
  });
  assert.equal(denied.statusCode, 403);
  const list = await t.app.inject({ url: '/verwaltung/daten', headers: { cookie: statistician } });
  assert.doesNotMatch(list.body, /x\.csv/);
});

test('a file that is not a table is refused by its content, not its name', async () => {
  const s = await session(statistician);
  const pdf = await upload(
    s,
    { action: 'check' },
    { name: 'werte.csv', content: '%PDF-1.7\n%âãÏÓ\n1 0 obj' },
  );
  assert.equal(pdf.statusCode, 422);
  assert.match(pdf.body, /PDF/);
});
