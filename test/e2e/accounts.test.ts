// Browser journeys of the accounts module: lockout and password reset through a real SMTP server, staff pages axe-clean,
// and an XSS corpus pushed through every text input and rendered in Chromium without executing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../src/server/testing.ts';
import { startTestSmtp, type TestSmtp } from '../../src/mail/testing.ts';
import { createMailer } from '../../src/mail/mailer.ts';
import { createUserWithPassword } from '../../src/modules/accounts/index.ts';
import { axeViolations, launchBrowser, watchPage, type Browser } from './support.ts';

let server: TestApp;
let smtp: TestSmtp;
let browser: Browser;
const adminPassword = 'Gasometer Rhein Herne Kanal 77';

before(async () => {
  smtp = await startTestSmtp();
  // The browser acts as many people from one address: exempt it from the per-address limits
  // (they have their own test in src/modules/accounts/routes.test.ts).
  server = await createTestApp({
    listen: true,
    mailer: createMailer({ smtpUrl: smtp.url, dataDir: '/tmp' }),
    rateLimitAllowList: ['127.0.0.1'],
  });
  browser = await launchBrowser(server.url);
  await createUserWithPassword(server.database, 'cli', {
    email: 'admin@example.org',
    displayName: 'Erste Administratorin',
    grants: [{ role: 'admin', departmentId: null, organisationId: null }],
    password: adminPassword,
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForLoadState('load');
}

async function expectClean(page: Page, label: string) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${label}:\n${violations.join('\n')}`);
}

test('an admin signs in, invites a colleague; the colleague sets a password from the mail and is locked out after five wrong tries', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page);
  await signIn(page, 'admin@example.org', adminPassword);
  assert.match(new URL(page.url()).pathname, /^\/konto$/);
  await expectClean(page, '/konto');
  await page.goto(`${server.url}/verwaltung/benutzer`);
  await expectClean(page, '/verwaltung/benutzer');
  await page.getByLabel('Name').fill('Dilek Kaya');
  await page.getByLabel('E-Mail-Adresse').fill('dilek@example.org');
  await page.getByLabel('Rolle').selectOption('statistician');
  await page.getByRole('button', { name: 'Einladung senden' }).click();
  await page.getByText('Die Einladung ist verschickt.').waitFor();
  await page.getByRole('link', { name: 'Dilek Kaya' }).click();
  await expectClean(page, '/verwaltung/benutzer/:id');
  await page.goto(`${server.url}/verwaltung/protokoll`);
  await expectClean(page, '/verwaltung/protokoll');
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.getByText('Sie sind abgemeldet.').waitFor();

  const mail = await smtp.next('dilek@example.org');
  const link = /https?:\/\/\S+\/passwort-neu\?token=\S+/.exec(mail.text)![0];
  await page.goto(link);
  await expectClean(page, '/passwort-neu');
  const password = 'Lirich Styrum Alstaden 2019';
  await page.getByLabel('Neues Passwort', { exact: true }).fill(password);
  await page.getByLabel('Neues Passwort wiederholen').fill(password);
  await page.getByRole('button', { name: 'Passwort speichern' }).click();
  await page.getByText('Ihr Passwort ist gespeichert').waitFor();

  for (let i = 0; i < 5; i++) {
    await signIn(page, 'dilek@example.org', 'ein falsches Passwort');
    await page.getByText('E-Mail-Adresse oder Passwort ist falsch.').waitFor();
  }
  await expectClean(page, '/anmelden (Fehler)');
  await signIn(page, 'dilek@example.org', password);
  await page.getByText(/Konto ist bis .* gesperrt/).waitFor();
  assert.deepEqual(problems.csp, []);
  assert.deepEqual(problems.errors, []);
  await page.close();
});

test('a forgotten password is reset in the browser with the link from the mail', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/anmelden`);
  await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
  await expectClean(page, '/passwort-vergessen');
  await page.getByLabel('E-Mail-Adresse').fill('admin@example.org');
  await page.getByRole('button', { name: 'Link anfordern' }).click();
  await page.getByText('ist eine E-Mail mit einem Link unterwegs').waitFor();
  const link = /https?:\/\/\S+\/passwort-neu\?token=\S+/.exec(
    (await smtp.next('admin@example.org')).text,
  )![0];
  await page.goto(link);
  const password = 'Kaisergarten Tiergehege Ruhrpark 12';
  await page.getByLabel('Neues Passwort', { exact: true }).fill(password);
  await page.getByLabel('Neues Passwort wiederholen').fill(password);
  await page.getByRole('button', { name: 'Passwort speichern' }).click();
  await page.getByText('Ihr Passwort ist gespeichert').waitFor();
  await signIn(page, 'admin@example.org', password);
  assert.match(new URL(page.url()).pathname, /^\/konto$/);
  await page.close();
});

const xss = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=2">',
  "'><svg onload=window.__xss=3>",
  'javascript:window.__xss=4',
  '<a href="javascript:window.__xss=5">klick</a>',
  '{{constructor.constructor("window.__xss=6")()}}',
  '</textarea><script>window.__xss=7</script>',
  '<iframe srcdoc="<script>parent.__xss=8</script>">',
];

test('an XSS corpus through every text input is stored as text and never executes', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page);
  // Every payload sets window.__xss (or parent.__xss): a trap on every page records it across navigations.
  const fired: unknown[] = [];
  await page.exposeFunction('__xssFired', (v: unknown) => fired.push(v));
  // As a string: functions compiled by tsx carry helpers that do not exist in the page.
  await page.addInitScript({
    content:
      "Object.defineProperty(window, '__xss', { set: function (v) { window.__xssFired(v); }, configurable: true });",
  });
  // The trap itself works: a page without our CSP that runs a payload is caught.
  await page.route(`${server.url}/kontrolle`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<p>Kontrolle</p><script>window.__xss = "kontrolle"</script>',
    }),
  );
  await page.goto(`${server.url}/kontrolle`);
  for (let i = 0; i < 50 && fired.length === 0; i++) await page.waitForTimeout(20);
  assert.deepEqual(fired, ['kontrolle']);
  fired.length = 0;
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  for (const [i, payload] of xss.entries()) {
    // Barrier report: page address, message, contact (shown to admins).
    await page.goto(`${server.url}/barriere-melden`);
    await page.getByLabel('Betroffene Seite (Adresse, optional)').fill(payload);
    await page.getByLabel('Ihre Beschreibung').fill(`Meldung ${i}: ${payload}`);
    await page.getByLabel(/Kontakt|E-Mail-Adresse oder Telefonnummer/).fill(payload.slice(0, 190));
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await page.waitForLoadState('load');
    // A too-short message is echoed back in the form.
    await page.getByLabel('Ihre Beschreibung').fill(payload.slice(0, 9));
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await page.waitForLoadState('load');
    // The login form echoes the e-mail address.
    await signIn(page, payload, 'irgendein Passwort');
  }
  await signIn(page, 'admin@example.org', 'Kaisergarten Tiergehege Ruhrpark 12');
  for (const [i, payload] of xss.entries()) {
    // Invitation: name shown in the user list, the header and the audit log.
    await page.goto(`${server.url}/verwaltung/benutzer`);
    await page.getByLabel('Name').fill(payload);
    await page.getByLabel('E-Mail-Adresse').fill(`xss${i}@example.org`);
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await page.waitForLoadState('load');
  }
  for (const path of ['/verwaltung/barrieren', '/verwaltung/benutzer', '/verwaltung/protokoll']) {
    await page.goto(`${server.url}${path}`);
    await expectClean(page, path);
    const text = await page.locator('main').innerText();
    assert.ok(
      text.includes('<script>window.__xss=1</script>'),
      `${path} shows the payload as text`,
    );
  }
  await page.waitForTimeout(200);
  assert.deepEqual(fired, [], 'no payload executed');
  assert.equal(dialogs, 0);
  assert.deepEqual(problems.errors, []);
  await page.close();
});

test('the CSP watcher of these tests does catch a violation (control)', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page);
  await page.route(`${server.url}/csp-kontrolle`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': "script-src 'self'" },
      body: '<p>Kontrolle</p><script>document.title = "lief"</script>',
    }),
  );
  await page.goto(`${server.url}/csp-kontrolle`);
  for (let i = 0; i < 50 && problems.csp.length === 0; i++) await page.waitForTimeout(20);
  assert.ok(problems.csp.length > 0, 'violation reported');
  assert.notEqual(await page.title(), 'lief');
  await page.close();
});
