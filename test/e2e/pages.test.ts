// End-to-end tests in headless Chromium: every public page loads, is CSP-clean and axe-clean; keyboard, map and forms work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../src/server/testing.ts';
import { axeViolations, chromiumPath, launchBrowser, watchPage, type Browser } from './support.ts';

let server: TestApp;
let browser: Browser;

before(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium fehlt unter ${chromiumPath}: unter Debian „apt-get install chromium“.`,
    );
  }
  server = await createTestApp({ seed: true, listen: true });
  browser = await launchBrowser(server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const mapPath = '/gebiete/berlin-lor-2021/karte?level=planungsraum';

const pages: {
  path: string;
  status?: number;
  dir?: string;
  ready?: (page: Page) => Promise<void>;
}[] = [
  { path: '/' },
  { path: '/gebiete' },
  { path: '/gebiete/oberhausen' },
  { path: '/gebiete/oberhausen/05119000' },
  { path: '/gebiete/oberhausen/sr-osterfeld' },
  { path: '/gebiete/berlin-lor-2021' },
  { path: '/gebiete/berlin-lor-2021/01100101' },
  // Checked in its enhanced state: the MapLibre map with its controls replaces the SVG.
  {
    path: mapPath,
    ready: (page) =>
      page.waitForSelector('#karte.is-enhanced canvas', { timeout: 30_000 }).then(() => undefined),
  },
  { path: '/impressum' },
  { path: '/datenschutz' },
  { path: '/barrierefreiheit' },
  { path: '/barriere-melden' },
  { path: '/leichte-sprache' },
  { path: '/gibt-es-nicht', status: 404 },
  { path: '/?lang=ar', dir: 'rtl' },
];

for (const entry of pages) {
  test(`${entry.path}: status ${entry.status ?? 200}, h1, CSP-clean, no axe violations`, async () => {
    const page = await browser.context.newPage();
    try {
      const problems = await watchPage(page);
      const response = await page.goto(server.url + entry.path, { waitUntil: 'load' });
      assert.equal(response?.status(), entry.status ?? 200);
      await entry.ready?.(page);
      assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
      assert.notEqual((await page.locator('h1').innerText()).trim(), '', 'h1 has text');
      if (entry.dir) assert.equal(await page.locator('html').getAttribute('dir'), entry.dir);
      const violations = await axeViolations(page);
      assert.deepEqual(
        violations,
        [],
        `axe violations on ${entry.path}:\n${violations.join('\n')}`,
      );
      assert.deepEqual(problems.csp, [], `CSP violations on ${entry.path}`);
      assert.deepEqual(problems.errors, [], `uncaught errors on ${entry.path}`);
    } finally {
      await page.close();
    }
  });
}

test('keyboard: the first Tab reaches the skip link, Enter moves focus to the main content', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(server.url + '/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      return { className: el?.className ?? '', href: el?.getAttribute('href') ?? '' };
    });
    assert.match(focused.className, /\bskip-link\b/);
    assert.equal(focused.href, '#inhalt');
    assert.ok(await page.locator('.skip-link').isVisible(), 'the focused skip link is visible');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'inhalt');
  } finally {
    await page.close();
  }
});

test('Berlin map: 542 SVG paths without JavaScript, enhanced to MapLibre with JavaScript', async () => {
  const html = await (await fetch(server.url + mapPath)).text();
  const start = html.indexOf('id="karte"');
  assert.ok(start > 0, 'the map container is rendered');
  const svg = html.slice(start, html.indexOf('</svg>', start));
  assert.equal(svg.match(/<path\b/g)?.length, 542, 'one SVG path per Planungsraum');

  const page = await browser.context.newPage();
  try {
    const problems = await watchPage(page);
    await page.goto(server.url + mapPath);
    await page.waitForSelector('#karte.is-enhanced canvas', { timeout: 30_000 });
    const canvas = page.locator('#karte canvas');
    assert.equal(await canvas.count(), 1);
    assert.match((await canvas.getAttribute('aria-label')) ?? '', /^Karte: Berlin/);
    assert.equal(await canvas.getAttribute('tabindex'), '0', 'the map is reachable by keyboard');
    assert.equal(
      await page.locator('#karte > svg').isVisible(),
      false,
      'the SVG fallback is hidden once enhanced',
    );
    assert.equal(await page.locator('#karte > svg path').count(), 542);
    const box = await canvas.boundingBox();
    assert.ok(
      box && box.width > 300 && box.height > 300,
      `the canvas has a usable size: ${JSON.stringify(box)}`,
    );

    // Hovering an area names it; clicking it opens the area's page.
    const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(center.x - 5, center.y - 5);
    await page.mouse.move(center.x, center.y);
    const popup = page.locator('.maplibregl-popup');
    await popup.waitFor({ state: 'visible' });
    assert.notEqual((await popup.innerText()).trim(), '', 'the popup names the area');
    assert.equal(await canvas.evaluate((c) => (c as HTMLElement).style.cursor), 'pointer');
    await page.mouse.click(center.x, center.y);
    await page.waitForURL(/\/gebiete\/berlin-lor-2021\/\d{8}$/);
    assert.equal(await page.locator('h1').count(), 1);

    assert.deepEqual(problems.csp, []);
    assert.deepEqual(problems.errors, []);
  } finally {
    await page.close();
  }
});

test('Berlin map: when MapLibre cannot load, the SVG map stays and is accessible', async () => {
  const page = await browser.context.newPage();
  try {
    await page.route('**/assets/maplibre/maplibre-gl.mjs', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    const warned = page.waitForEvent('console', {
      predicate: (m) => m.type() === 'warning' && m.text().includes('SVG-Karte bleibt'),
    });
    await page.goto(server.url + mapPath);
    await warned;
    assert.equal(await page.locator('#karte.is-enhanced').count(), 0);
    assert.ok(await page.locator('#karte > svg').isVisible());
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `axe violations on the SVG map:\n${violations.join('\n')}`);
  } finally {
    await page.close();
  }
});

test('Berlin map without JavaScript: the SVG stays visible', async () => {
  const noJs = await launchBrowser(server.url, { javaScriptEnabled: false });
  try {
    const page = await noJs.context.newPage();
    await page.goto(server.url + mapPath);
    assert.ok(await page.locator('#karte > svg').isVisible());
    assert.equal(await page.locator('#karte > svg path').count(), 542);
    assert.equal(await page.locator('#karte canvas').count(), 0);
  } finally {
    await noJs.close();
  }
});

test('Oberhausen: the Sozialraum has no boundary and no map, the city shows its population', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(server.url + '/gebiete/oberhausen/sr-osterfeld');
    const main = page.locator('main');
    assert.match(await main.innerText(), /keine offen zugänglichen Grenzen|keine Grenze/);
    assert.equal(await main.locator('svg.area-map').count(), 0, 'no SVG map');

    await page.goto(server.url + '/gebiete/oberhausen/05119000');
    assert.match(await page.locator('main').innerText(), /212\.127/);
  } finally {
    await page.close();
  }
});

test('barrier report: too short is refused in German, a valid report is thanked, no CSRF token means 403', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(server.url + '/barriere-melden');
    await page.fill('#message', 'kurz');
    const [refused] = await Promise.all([
      page.waitForNavigation(),
      page.click('form[action="/barriere-melden"] button[type="submit"]'),
    ]);
    assert.equal(refused?.status(), 400);
    assert.match(
      await page.locator('main').innerText(),
      /Bitte beschreiben Sie die Barriere \(mindestens 10 Zeichen\)\./,
    );
    assert.equal(await page.locator('#message').getAttribute('aria-invalid'), 'true');

    await page.fill(
      '#message',
      'Die Tabelle auf der Kartenseite lässt sich nicht mit der Tastatur scrollen.',
    );
    await page.fill('#contact', 'test@example.org');
    const [sent] = await Promise.all([
      page.waitForNavigation(),
      page.click('form[action="/barriere-melden"] button[type="submit"]'),
    ]);
    assert.equal(sent?.status(), 200);
    assert.match(page.url(), /\/barriere-melden\?gesendet=1$/);
    assert.match(
      await page.locator('main').innerText(),
      /Vielen Dank\. Ihre Meldung ist gespeichert und wird bearbeitet\./,
    );
  } finally {
    await page.close();
  }

  const forged = await fetch(server.url + '/barriere-melden', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      message: 'Eine Meldung ohne gültiges CSRF-Token.',
      _csrf: 'falsch',
    }).toString(),
    redirect: 'manual',
  });
  assert.equal(forged.status, 403);
});
