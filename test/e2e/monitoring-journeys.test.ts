// Journeys 1, 3 and 8 of the monitoring in Chromium: a statistician publishes this year's figures
// (check, fix, draft, preview, embargo, publish, withdraw), a social planner reads Osterfeld's
// profile and prints it, a GIS colleague and a journalist reuse the values (CSV, OGC API).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../src/server/testing.ts';
import { importValues } from '../../src/modules/monitoring/index.ts';
import { chromiumPath, launchBrowser, watchPage, type Browser } from './support.ts';
import {
  chooseFile,
  columnIndex,
  createStatistician,
  fromGerman,
  germanNumber,
  parseCsv,
  profileRow,
  seededValues,
  shownValue,
  signIn,
  submit,
  tableRows,
  xlsxFile,
} from './monitoring-support.ts';

let server: TestApp;
let visitor: Browser;
let staff: Browser;
const staffEmail = 'statistik@example.org';

before(async () => {
  if (!existsSync(chromiumPath))
    throw new Error(
      `Chromium fehlt unter ${chromiumPath}: unter Debian „apt-get install chromium“.`,
    );
  server = await createTestApp({ seed: true, listen: true, rateLimitAllowList: ['127.0.0.1'] });
  await createStatistician(server.database, staffEmail);
  // Two people: the statistician signs in; the visitor never does.
  [visitor, staff] = await Promise.all([launchBrowser(server.url), launchBrowser(server.url)]);
});

after(async () => {
  await visitor?.close();
  await staff?.close();
  await server?.close();
});

const quarter = 'sq-osterfeld-mitte-vonderort';
const quarterName = 'Osterfeld-Mitte/Vonderort';
const profile = `/monitoring/oberhausen/gebiet/${quarter}`;
const header = ['Gebiet', 'Einwohner', 'SGB II'];
const mapping = 'Einwohner=einwohner\nSGB II=sgb2_leistungsberechtigte';

/** What a visitor sees of the quarter: the periods on offer, and the status of its 2024 page. */
async function visitorView(page: Page) {
  await page.goto(server.url + profile);
  const periods = await page
    .locator('#zeitraum option')
    .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  const direct = await page.request.get(`${server.url}${profile}?zeitraum=2024`);
  return { periods, status2024: direct.status() };
}

test('journey 1: a statistician checks, fixes, previews and publishes this year’s figures', async () => {
  const page = await staff.context.newPage();
  const problems = await watchPage(page);
  const guest = await visitor.context.newPage();

  // 1. Anmelden mit lokalem Passwort, Import öffnen.
  await signIn(page, server.url, staffEmail);
  await page.goto(`${server.url}/verwaltung/daten/import`);
  await page.getByLabel('Gebietsgliederung').selectOption('oberhausen');
  await page.getByLabel('Titel').fill('Testwerte 2024 (E2E, keine amtlichen Werte)');
  await page.getByLabel('breit (eine Spalte je Indikator)').check();
  await page.getByLabel('Spalte mit dem Gebietsschlüssel').fill('Gebiet');
  await page.getByLabel('Zeitraum').fill('2024');
  await page.getByLabel('Spaltenzuordnung').fill(mapping);

  // 2. Datei mit zwei Fehlern: Text in einer Zahlenspalte (Zeile 4), unbekanntes Gebiet (Zeile 5).
  const good: (string | number)[][] = [
    [quarter, 12600, 2300],
    ['sq-klosterhardt', 9100, '.'],
    ['sq-eisenheim', 5200, 980],
    ['sq-rothebusch', 10400, 1500],
  ];
  const faulty = [good[0]!, good[1]!, ['sq-eisenheim', 5200, 'viele'], ['sq-atlantis', 100, 10]];
  await chooseFile(page, 'sozialquartiere-2024.xlsx', await xlsxFile(header, faulty));
  assert.equal(await submit(page, 'Nur prüfen'), 422);
  const errors = await tableRows(page.locator('#fehler table'));
  assert.equal(errors.length, 2, `two problems listed: ${JSON.stringify(errors)}`);
  const [text, area] = errors;
  // Spreadsheet coordinates: row as shown (header = 1), column letter with its header.
  assert.deepEqual(text!.slice(0, 2), ['4', 'C (SGB II)']);
  assert.match(text![2]!, /viele/);
  assert.deepEqual(area!.slice(0, 2), ['5', 'A (Gebiet)']);
  assert.match(area![2]!, /sq-atlantis/);
  assert.match(await page.locator('#fehler').innerText(), /Es wurde nichts gespeichert/);

  // 3. Korrigierte Datei erneut nur prüfen: Zusammenfassung, nichts gespeichert.
  const fixed = await xlsxFile(header, good);
  await chooseFile(page, 'sozialquartiere-2024.xlsx', fixed);
  assert.equal(await submit(page, 'Nur prüfen'), 200);
  const summary = await page.locator('main .kern-alert').first().innerText();
  assert.match(summary, /Die Datei ist in Ordnung\. Es wurde nichts gespeichert\./);
  assert.match(summary, /für 4 Gebiete/);
  assert.match(summary, /einwohner, sgb2_leistungsberechtigte/);
  assert.match(summary, /Zeiträume: 2024/);

  // 4. Als Entwurf importieren → Seite der Veröffentlichung.
  await chooseFile(page, 'sozialquartiere-2024.xlsx', fixed);
  assert.equal(await submit(page, 'Als Entwurf importieren'), 200);
  assert.match(page.url(), /\/verwaltung\/daten\/\d+\?hinweis=importiert$/);
  const releaseUrl = page.url().split('?')[0]!;
  const releaseId = releaseUrl.split('/').pop()!;
  assert.match(await page.locator('main').innerText(), /Entwurf/);

  // 5. Die Zuordnung ist beim nächsten Import vorausgefüllt.
  await page.goto(`${server.url}/verwaltung/daten/import`);
  assert.equal(await page.getByLabel('Gebietsgliederung').inputValue(), 'oberhausen');
  assert.equal(await page.getByLabel('breit (eine Spalte je Indikator)').isChecked(), true);
  assert.equal(await page.getByLabel('Spalte mit dem Gebietsschlüssel').inputValue(), 'Gebiet');
  assert.equal(await page.getByLabel('Zeitraum').inputValue(), '2024');
  assert.deepEqual(
    (await page.getByLabel('Spaltenzuordnung').inputValue()).split('\n').sort(),
    mapping.split('\n').sort(),
  );
  assert.match(await page.locator('main').innerText(), /Spaltenzuordnung des letzten Imports/);

  // 6. Vorschau (Karte) zeigt den neuen Wert und den Hinweis; Besucher dürfen sie nicht sehen.
  await page.goto(releaseUrl);
  await Promise.all([
    page.waitForURL(/\/karte\?.*vorschau=/),
    page.getByRole('link', { name: 'Karte: Einwohnerinnen und Einwohner' }).click(),
  ]);
  const previewUrl = page.url();
  const main = await page.locator('main').innerText();
  assert.match(main, /Vorschau: Testwerte 2024/);
  assert.match(main, /noch nicht veröffentlicht/);
  const previewRows = await tableRows(page.locator('#werte'));
  assert.equal(previewRows.find((r) => r[0] === quarterName)?.[2], germanNumber(12600));
  assert.equal((await guest.goto(previewUrl))?.status(), 403);

  // 7. Veröffentlichen mit Sperrfrist in einem Jahr: Besucher sehen 2024 noch nicht.
  await page.goto(releaseUrl);
  const embargo = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Sperrfrist (optional)').fill(embargo);
  await submit(page, 'Veröffentlichen');
  assert.match(await page.locator('main').innerText(), /Die Veröffentlichung ist freigegeben\./);
  assert.match(await page.locator('main').innerText(), /gesperrt bis/);
  let seen = await visitorView(guest);
  assert.ok(!seen.periods.includes('2024'), `no 2024 for visitors: ${seen.periods.join(', ')}`);
  assert.equal(seen.status2024, 404);

  // 8. Nachlieferung ohne Sperrfrist (vorausgefüllte Zuordnung): Besucher sehen 2024 sofort.
  await page.goto(`${server.url}/verwaltung/daten/import`);
  await page.getByLabel('Titel').fill('Nachlieferung 2024 (E2E, keine amtlichen Werte)');
  await chooseFile(page, 'nachlieferung.xlsx', await xlsxFile(header, [[quarter, 12650, 2310]]));
  assert.equal(await submit(page, 'Als Entwurf importieren'), 200);
  const secondUrl = page.url().split('?')[0]!;
  assert.notEqual(secondUrl.split('/').pop(), releaseId);
  await submit(page, 'Veröffentlichen');
  assert.match(await page.locator('main').innerText(), /Die Veröffentlichung ist freigegeben\./);
  seen = await visitorView(guest);
  assert.equal(seen.status2024, 200);
  assert.equal(
    await guest.locator('#zeitraum').inputValue(),
    '2024',
    'the new year is shown first',
  );
  assert.equal((await profileRow(guest, 'Einwohnerinnen und Einwohner'))[1], germanNumber(12650));
  // Die SGB-II-Zahl kommt aus der Nachlieferung, nicht aus der gesperrten Veröffentlichung.
  assert.equal(
    (await profileRow(guest, 'Leistungsberechtigte nach dem SGB II'))[1],
    germanNumber(2310),
  );

  // 9. Die alten Jahre bleiben in der Zeitreihe (Tabelle zum Diagramm).
  await guest.getByText('Zeitreihen: Bevölkerung', { exact: true }).click();
  const series = await tableRows(
    guest.locator('table.chart-table', {
      has: guest.locator('caption', { hasText: /^Einwohnerinnen und Einwohner \(Personen\)/ }),
    }),
  );
  const expected = [...seededValues(quarter, 'einwohner')]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, value]) => [year, germanNumber(value)]);
  expected.push(['2024', germanNumber(12650)]);
  assert.ok(expected.length >= 6, 'the seed has several earlier years');
  assert.deepEqual(
    series.map((r) => r.slice(0, 2)),
    expected,
  );

  // 10. Zurückziehen: Besucher sehen 2024 nicht mehr.
  await page.goto(secondUrl);
  await submit(page, 'Zurückziehen');
  assert.match(await page.locator('main').innerText(), /zurückgezogen/);
  seen = await visitorView(guest);
  assert.ok(!seen.periods.includes('2024'), `2024 gone again: ${seen.periods.join(', ')}`);
  assert.equal(seen.status2024, 404);

  assert.deepEqual(problems.csp, []);
  assert.deepEqual(problems.errors, []);
  await guest.close();
  await page.close();
});

test('journey 3: a social planner reads the Osterfeld profile against the city and downloads it as PDF', async () => {
  const page = await visitor.context.newPage();
  const problems = await watchPage(page);
  const osterfeld = '/monitoring/oberhausen/gebiet/sr-osterfeld';

  // 1. Steckbrief des Sozialraums Osterfeld: Kennzahlen neben der Stadt, mit Bewertung.
  await page.goto(server.url + osterfeld);
  assert.match(await page.locator('h1').innerText(), /^Osterfeld\b.*·\s*Sozialraum$/);
  const period = await page.locator('#zeitraum').inputValue();
  const topic =
    '.profile-topic:has(h2:text-is("Kinder und Jugendliche / soziale Teilhabe")) > div > table';
  const city = await columnIndex(page, topic, 'Oberhausen');
  const rating = await columnIndex(page, topic, 'Bewertung gegenüber Oberhausen');
  const poverty = await profileRow(page, 'Kinderarmut');
  assert.match(poverty[1]!, /^\d+,\d$/, `Osterfeld's value: ${poverty[1]}`);
  assert.match(poverty[city]!, /^\d+,\d$/, `the city's value: ${poverty[city]}`);
  assert.match(poverty[rating]!, /günstiger|ungünstiger|ähnlich/);

  // 2. Über „Karte“ zur Karte der Sozialräume: gleicher Wert für Osterfeld, gleicher Stadtwert.
  await Promise.all([
    page.waitForURL(/\/karte\?/),
    page
      .locator(topic)
      .getByRole('link', { name: /^Karte\s*:\s*Kinderarmut$/ })
      .click(),
  ]);
  const query = new URL(page.url()).searchParams;
  assert.equal(query.get('ebene'), 'sozialraum');
  assert.equal(query.get('zeitraum'), period);
  const mapRows = await tableRows(page.locator('#werte'));
  assert.equal(mapRows.find((r) => r[0] === 'Osterfeld')?.[2], poverty[1]);
  assert.match(
    await page.locator('.reference-value').innerText(),
    new RegExp(`Oberhausen.*${poverty[city]} %`),
  );

  // 3. Indexklasse eines Sozialquartiers: über die Teilgebiete zum Quartier, dann zur Indexseite.
  await page.goto(server.url + osterfeld);
  await Promise.all([
    page.waitForURL(new RegExp(`/gebiet/${quarter}`)),
    page.locator('#eckdaten ~ dl').getByRole('link', { name: quarterName }).click(),
  ]);
  const indexTable = page.locator('section[aria-labelledby="index"] table');
  const [placement] = await tableRows(indexTable);
  assert.ok(placement, 'the quarter has an index placement');
  const [, , status, dynamics, group] = placement;
  assert.match(status!, /^(hoch|mittel|niedrig|sehr niedrig) \(Indexwert -?\d+,\d\d\)$/);
  await Promise.all([
    page.waitForURL(/\/monitoring\/index\//),
    indexTable.locator('a').first().click(),
  ]);
  const indexRows = await tableRows(
    page.locator('table', { hasText: 'Index und Gruppe aller Gebiete' }),
  );
  const row = indexRows.find((r) => r[0] === quarterName);
  assert.ok(row, `${quarterName} on the index page`);
  const [, , statusIndex, statusClass, dynamicsIndex, dynamicsClass, indexGroup] = row;
  assert.equal(status, `${statusClass} (Indexwert ${statusIndex})`);
  assert.equal(dynamics, `${dynamicsClass} (Indexwert ${dynamicsIndex})`);
  assert.equal(group, indexGroup);

  // 4. Steckbrief als PDF herunterladen: ein gültiges PDF von mehr als 10 KB.
  await page.goto(server.url + osterfeld);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Als PDF herunterladen' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'steckbrief-oberhausen-sr-osterfeld.pdf');
  const pdf = readFileSync((await download.path())!);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 10_000, `PDF of ${pdf.length} bytes`);

  assert.deepEqual(problems.csp, []);
  assert.deepEqual(problems.errors, []);
  await page.close();
});

test('journey 8: the CSV matches the page row by row, the OGC API matches the map table', async () => {
  // Vorbereitung: eine Korrektur mit kleiner Fallzahl (2 < 3), damit die Seite einen gesperrten
  // Wert zeigt – über den Import-Anwendungsfall des Projekts, sofort veröffentlicht.
  await importValues(server.database, 'cli', {
    systemId: 'oberhausen',
    fileName: 'korrektur-2023.csv',
    bytes: Buffer.from('gebiet;indikator;zeitraum;wert\nsq-walsumer-mark;kinder_u15_sgb2;2023;2\n'),
    title: 'Korrektur 2023 (E2E, keine amtlichen Werte)',
    publish: true,
  });
  const page = await visitor.context.newPage();

  // 1. Journalistin: Karte Kinderarmut nach Sozialquartier, Tabelle der Seite lesen.
  await page.goto(
    `${server.url}/monitoring/oberhausen/karte?indikator=kinderarmut&ebene=sozialquartier`,
  );
  const shown = (await tableRows(page.locator('#werte'))).map((r) => [r[0]!, shownValue(r[2]!)]);
  assert.equal(shown.length, 27, 'all 27 Sozialquartiere');
  assert.ok(
    shown.some(([, v]) => v === '.'),
    'the page withholds a value',
  );
  assert.ok(
    shown.some(([, v]) => /^\d+,\d$/.test(v!)),
    'values with a decimal comma',
  );

  // 2. CSV über den Link der Seite: gleiche Zeilen, gleiche Werte, Dezimalkomma, „.“ für gesperrt.
  const period = await page.locator('#zeitraum').inputValue();
  const link = page.locator('section[aria-labelledby="export"] a', { hasText: 'CSV' });
  const params = new URL((await link.getAttribute('href'))!, server.url).searchParams;
  assert.equal(params.get('indikator'), 'kinderarmut');
  assert.equal(params.get('ebene'), 'sozialquartier');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  assert.ok(text.startsWith('\uFEFF'), 'a BOM, so that Excel reads UTF-8');
  const csv = parseCsv(text);
  assert.deepEqual(
    csv.map((r) => [r['name'], r['wert']]),
    shown,
  );
  assert.ok(csv.every((r) => r['zeitraum'] === period && r['indikator'] === 'kinderarmut'));
  for (const r of csv.filter((c) => c['wert'] === '.')) assert.notEqual(r['status'], 'ok');

  // 3. GIS: OGC API Features der Berliner Planungsräume, S4 gleich der Tabelle der Karte.
  const ogc = await page.request.get(
    `${server.url}/ogc/collections/berlin-lor-2021.planungsraum/items?limit=10`,
  );
  assert.equal(ogc.status(), 200);
  assert.match(ogc.headers()['content-type'] ?? '', /^application\/geo\+json/);
  const collection = (await ogc.json()) as {
    type: string;
    features: { id: string; geometry: { type: string }; properties: Record<string, unknown> }[];
  };
  assert.equal(collection.type, 'FeatureCollection');
  assert.equal(collection.features.length, 10);
  await page.goto(`${server.url}/monitoring/berlin-lor-2021/karte?indikator=S4`);
  const byCode = new Map(
    await page.locator('#werte tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const href = row.querySelector('th a')?.getAttribute('href') ?? '';
        const cell = (row.children[2] as HTMLElement).innerText.trim();
        return [(/\/gebiet\/([^?]+)/.exec(href) ?? [])[1] ?? '', cell] as [string, string];
      }),
    ),
  );
  for (const feature of collection.features) {
    assert.match(feature.geometry.type, /Polygon/);
    const onPage = shownValue(byCode.get(feature.id) ?? 'fehlt');
    const value = feature.properties['S4'];
    if (value === null || value === undefined) {
      assert.match(onPage, /^[.–]$/, `${feature.id}: no value in either`);
      continue;
    }
    const decimals = onPage.split(',')[1]?.length ?? 0;
    assert.equal(fromGerman(onPage), Number((value as number).toFixed(decimals)), feature.id);
  }
  await page.close();
});
