// The directory in Chromium: search and entry pages pass axe-core; a citizen finds the debt
// counselling by keyboard only and opens its entry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../src/server/testing.ts';
import { createUserWithPassword } from '../../src/modules/accounts/index.ts';
import { axeViolations, launchBrowser, watchPage, type Browser } from './support.ts';

let server: TestApp;
let browser: Browser;

before(async () => {
  server = await createTestApp({ seed: true, listen: true, rateLimitAllowList: ['127.0.0.1'] });
  browser = await launchBrowser(server.url);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('search, results and entry pages: no axe violations, no CSP problems', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page);
  for (const path of [
    '/angebote',
    '/angebote?q=schuldner+beratung',
    '/angebote?q=Sprachkurs&sozialraum=sr-osterfeld&offen=1',
    '/angebote?q=xyzzy',
  ]) {
    await page.goto(`${server.url}${path}`);
    assert.deepEqual(await axeViolations(page), [], path);
  }
  await page.goto(`${server.url}/angebote?q=Schuldnerberatung`);
  await page.locator('ol.search-results a').first().click();
  await page.waitForLoadState('load');
  assert.match(await page.locator('h1').innerText(), /Schuldnerberatung/);
  assert.deepEqual(await axeViolations(page), [], 'entry page');
  assert.deepEqual(problems.csp, []);
  assert.deepEqual(problems.errors, []);
  await page.close();
});

test('a citizen searches by keyboard only and reaches the entry', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/angebote`);
  await page.getByLabel('Suchbegriff').focus();
  await page.keyboard.type('Schuldenberatng');
  await Promise.all([page.waitForURL(/q=Schuldenberatng/), page.keyboard.press('Enter')]);
  const first = page.locator('ol.search-results a').first();
  assert.match(await first.innerText(), /Schuldnerberatung/);
  await first.focus();
  await Promise.all([page.waitForURL(/\/angebote\/[\w-]+$/), page.keyboard.press('Enter')]);
  assert.match(await page.locator('main').innerText(), /Öffnungszeiten/);
  await page.close();
});

test('XSS payloads as search terms are echoed as text and never run', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page);
  const fired: unknown[] = [];
  await page.exposeFunction('__xssFired', (v: unknown) => fired.push(v));
  await page.addInitScript({
    content:
      "Object.defineProperty(window, '__xss', { set: function (v) { window.__xssFired(v); }, configurable: true });",
  });
  for (const payload of [
    '<script>window.__xss=1</script>',
    '"><img src=x onerror="window.__xss=2">',
    "'><svg onload=window.__xss=3>",
  ]) {
    await page.goto(`${server.url}/angebote`);
    await page.getByLabel('Suchbegriff').fill(payload);
    await Promise.all([
      page.waitForURL(/q=/),
      page.getByRole('button', { name: 'Suchen' }).click(),
    ]);
    assert.equal(await page.getByLabel('Suchbegriff').inputValue(), payload);
  }
  await page.waitForTimeout(200);
  assert.deepEqual(fired, []);
  assert.deepEqual(problems.csp, []);
  await page.close();
});

test("the editors' page of searches without results: no axe violations", async () => {
  const password = 'Kaisergarten Zeche Osterfeld 1871';
  await createUserWithPassword(server.database, 'cli', {
    email: 'redaktion@example.org',
    displayName: 'Redaktion Angebote',
    grants: [{ role: 'editor', departmentId: null, organisationId: null }],
    password,
  });
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/angebote?q=Xylophonkurs`);
  await page.goto(`${server.url}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill('redaktion@example.org');
  await page.getByLabel('Passwort').fill(password);
  await Promise.all([
    page.waitForURL(/\/konto|\/$/),
    page.getByRole('button', { name: 'Anmelden' }).click(),
  ]);
  await page.goto(`${server.url}/verwaltung/suchen`);
  assert.match(await page.locator('main').innerText(), /xylophonkurs/);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
