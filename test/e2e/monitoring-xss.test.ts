// The XSS corpus through every text input of the statisticians' import form, rendered in Chromium on
// the staff pages and — once published — in the sources of the public pages: shown as text, never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../src/server/testing.ts';
import { createUserWithPassword } from '../../src/modules/accounts/index.ts';
import { launchBrowser, watchPage, type Browser } from './support.ts';

let server: TestApp;
let browser: Browser;
const password = 'Gasometer Emscher Zeche 2024';

before(async () => {
  server = await createTestApp({ seed: true, listen: true, rateLimitAllowList: ['127.0.0.1'] });
  browser = await launchBrowser(server.url);
  await createUserWithPassword(server.database, 'cli', {
    email: 'statistik@example.org',
    displayName: 'Statistikstelle',
    grants: [{ role: 'statistician', departmentId: null, organisationId: null }],
    password,
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const xss = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=2">',
  "'><svg onload=window.__xss=3>",
  '</textarea><script>window.__xss=7</script>',
];

async function trap(page: Page, fired: unknown[]) {
  await page.exposeFunction('__xssFired', (v: unknown) => fired.push(v));
  // As a string: functions compiled by tsx carry helpers that do not exist in the page.
  await page.addInitScript({
    content:
      "Object.defineProperty(window, '__xss', { set: function (v) { window.__xssFired(v); }, configurable: true });",
  });
}

test('payloads in the import form are stored and shown as text on staff and public pages', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page);
  const fired: unknown[] = [];
  await trap(page, fired);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await page.goto(`${server.url}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill('statistik@example.org');
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForLoadState('load');

  for (const [i, payload] of xss.entries()) {
    await page.goto(`${server.url}/verwaltung/daten/import?gliederung=oberhausen`);
    await page.getByLabel('Titel').fill(`Titel ${i} ${payload}`);
    await page.getByLabel('Quelle').fill(payload);
    await page.getByLabel('Lizenz').fill(payload);
    // A wide mapping with the payload as header: refused, and the form echoes every field.
    await page.getByLabel('breit (eine Spalte je Indikator)').check();
    await page.getByLabel('Spalte mit dem Gebietsschlüssel').fill(payload);
    await page.getByLabel('Zeitraum', { exact: true }).fill('2030');
    await page.getByLabel('Spaltenzuordnung').fill(`${payload}=einwohner`);
    await page.getByLabel('Datei', { exact: true }).setInputFiles({
      name: `werte-${i}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `gebiet;indikator;zeitraum;wert\nsq-styrum;einwohner;${2030 + i};${7000 + i}\n`,
      ),
    });
    await page.getByRole('button', { name: 'Als Entwurf importieren' }).click();
    await page.waitForLoadState('load');
    assert.match(await page.locator('main').innerText(), /nicht importiert|Fehler/);
    // The same file as a long table: imported as a draft, then published.
    await page.getByLabel('lang (eine Zeile je Wert)').check();
    await page.getByLabel('Datei', { exact: true }).setInputFiles({
      name: `werte-${i}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `gebiet;indikator;zeitraum;wert\nsq-styrum;einwohner;${2030 + i};${7000 + i}\n`,
      ),
    });
    await page.getByRole('button', { name: 'Als Entwurf importieren' }).click();
    await page.waitForURL(/\/verwaltung\/daten\/\d+/);
    assert.ok(
      (await page.locator('main').innerText()).includes(payload),
      'release page shows it as text',
    );
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.waitForLoadState('load');
  }
  await page.goto(`${server.url}/verwaltung/daten`);
  assert.ok((await page.locator('main').innerText()).includes(`Titel 0 ${xss[0]}`));
  // Public: the sources of the profile list the published releases with their source and licence.
  await page.goto(`${server.url}/monitoring/oberhausen/gebiet/sq-styrum?zeitraum=2033`);
  assert.ok(
    (await page.locator('main').innerText()).includes(xss[3]!),
    'profile sources show it as text',
  );
  await page.waitForTimeout(200);
  assert.deepEqual(fired, [], 'no payload executed');
  assert.equal(dialogs, 0);
  assert.deepEqual(problems.csp, []);
  await page.close();
});
