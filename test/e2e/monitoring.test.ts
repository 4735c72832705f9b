// Browser tests of the monitoring pages: every public and staff page axe-clean and printable on A4
// without horizontal overflow; the map form and the profile's period chooser work by keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../src/server/testing.ts';
import { chromiumPath, launchBrowser, watchPage, type Browser } from './support.ts';
import { checkPrint, createStatistician, expectAxeClean, signIn } from './monitoring-support.ts';

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
  [visitor, staff] = await Promise.all([launchBrowser(server.url), launchBrowser(server.url)]);
  const page = await staff.context.newPage();
  await signIn(page, server.url, staffEmail);
  await page.close();
});

after(async () => {
  await visitor?.close();
  await staff?.close();
  await server?.close();
});

const osterfeldMitte = 'sq-osterfeld-mitte-vonderort';
const berlinMap = '/monitoring/berlin-lor-2021/karte?indikator=S4&klassen=jenks';
const profilePath = `/monitoring/oberhausen/gebiet/${osterfeldMitte}`;

const pages: {
  label: string;
  path: string;
  staff?: boolean;
  open?: (page: Page) => Promise<void>;
}[] = [
  { label: 'overview', path: '/monitoring' },
  { label: 'indicator catalogue', path: '/monitoring/indikatoren' },
  { label: 'Oberhausen system', path: '/monitoring/oberhausen' },
  { label: 'Berlin system', path: '/monitoring/berlin-lor-2021' },
  { label: 'Oberhausen quarter profile', path: profilePath },
  { label: 'Berlin Planungsraum profile', path: '/monitoring/berlin-lor-2021/gebiet/01100101' },
  {
    label: 'comparison of 3 Oberhausen quarters',
    path: `/monitoring/oberhausen/vergleich?gebiete=${osterfeldMitte},sq-klosterhardt,sq-eisenheim`,
  },
  { label: 'Berlin map S4 (Jenks)', path: berlinMap },
  {
    label: 'Oberhausen map sgb2_quote (no boundaries)',
    path: '/monitoring/oberhausen/karte?indikator=sgb2_quote',
  },
  { label: 'ranking', path: '/monitoring/oberhausen/rangliste?indikator=kinderarmut' },
  { label: 'index MSS 2021', path: '/monitoring/index/mss-2021' },
  { label: 'index Oberhausen Sozialbericht', path: '/monitoring/index/oberhausen-sozialbericht' },
  { label: 'staff: releases', path: '/verwaltung/daten', staff: true },
  { label: 'staff: import form', path: '/verwaltung/daten/import', staff: true },
  {
    label: 'staff: release page',
    path: '/verwaltung/daten',
    staff: true,
    // The seeded release, reached as a statistician does: from the list.
    open: async (page) => {
      await page.locator('main table tbody tr a').first().click();
      await page.waitForURL(/\/verwaltung\/daten\/\d+$/);
    },
  },
];

for (const entry of pages) {
  test(`${entry.label} (${entry.path}): axe-clean, prints to A4 without overflow`, async (t) => {
    const page = await (entry.staff ? staff : visitor).context.newPage();
    try {
      const problems = await watchPage(page);
      const response = await page.goto(server.url + entry.path, { waitUntil: 'load' });
      assert.equal(response?.status(), 200);
      await entry.open?.(page);
      assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');

      await t.test('axe-core (WCAG 2.1 A/AA) finds nothing, no CSP or script errors', async () => {
        await expectAxeClean(page, entry.label);
        assert.deepEqual(problems.csp, [], 'CSP violations');
        assert.deepEqual(problems.errors, [], 'uncaught errors');
      });

      await t.test('print: a PDF, main no wider than an A4 page', async () => {
        const print = await checkPrint(page);
        assert.equal(print.pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        assert.ok(print.pdf.length > 10_000, `PDF of ${print.pdf.length} bytes`);
        assert.ok(
          print.scrollWidth <= print.clientWidth + 1,
          `main overflows in print: scrollWidth ${print.scrollWidth} > clientWidth ${print.clientWidth}; ${print.wide.join('; ')}`,
        );
      });
    } finally {
      await page.close();
    }
  });
}

/** Presses Tab until `selector` has focus (at most `limit` times); returns how many presses it took. */
async function tabTo(page: Page, selector: string, limit = 60): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return i;
  }
  throw new Error(`${selector} not reached with ${limit} Tab presses`);
}

/** The id (or, for a button, its text) of the focused element. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    return el.id || `${el.tagName.toLowerCase()}:${el.innerText.trim()}`;
  });
}

test('keyboard: on the map page Tab walks the form in order, Enter submits the choice', async () => {
  const page = await visitor.context.newPage();
  try {
    await page.goto(server.url + berlinMap);
    // Der erste Tab-Halt im Formular ist die Indikatorauswahl.
    await tabTo(page, 'form.level-form #indikator');
    const order = [await focusedName(page)];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await focusedName(page));
    }
    // Eine Radiogruppe ist ein Tab-Halt: der gewählte Knopf (Jenks).
    assert.deepEqual(order, [
      'indikator',
      'zeitraum',
      'ebene',
      'klassen-jenks',
      'anzahl',
      'grenzen',
      'button:Anzeigen',
    ]);

    // Zurück zur Radiogruppe, mit Pfeiltaste „gleiche Intervalle“ wählen, Anzahl per Tastatur
    // ändern, mit Enter auf dem Knopf absenden.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedName(page), 'klassen-jenks');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedName(page), 'klassen-equal');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'anzahl');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'button:Anzeigen');
    await Promise.all([page.waitForURL(/klassen=equal/), page.keyboard.press('Enter')]);
    const query = new URL(page.url()).searchParams;
    assert.equal(query.get('indikator'), 'S4');
    assert.equal(query.get('klassen'), 'equal');
    assert.equal(query.get('anzahl'), '6');
    assert.equal(await page.locator('#klassen-equal').isChecked(), true);
    assert.match(await page.locator('figure.map-figure figcaption').innerText(), /6/);
  } finally {
    await page.close();
  }
});

test('keyboard: the profile period chooser changes the period with arrow keys and Enter', async () => {
  const page = await visitor.context.newPage();
  try {
    await page.goto(server.url + profilePath);
    const periods = await page.locator('#zeitraum option').allInnerTexts();
    assert.ok(periods.length >= 2, `several periods to choose from: ${periods.join(', ')}`);
    const shown = await page.locator('#zeitraum').inputValue();
    assert.equal(shown, periods[periods.length - 1], 'the latest period is shown first');
    const earlier = periods[periods.length - 2]!;

    // Zeitraum per Tab erreichen, mit Pfeil nach oben den vorigen wählen, Tab zum Knopf, Enter.
    await tabTo(page, '#zeitraum');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.locator('#zeitraum').inputValue(), earlier);
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'button:Anzeigen');
    await Promise.all([
      page.waitForURL(new RegExp(`zeitraum=${earlier}`)),
      page.keyboard.press('Enter'),
    ]);
    assert.equal(await page.locator('#zeitraum').inputValue(), earlier);
    assert.match(
      await page.locator('.profile-topic table caption').first().innerText(),
      new RegExp(`Stand ${earlier}`),
    );
  } finally {
    await page.close();
  }
});
