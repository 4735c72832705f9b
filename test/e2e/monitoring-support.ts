// Helpers of the monitoring browser tests: a statistician who signs in, axe and print checks,
// tables read as text, and value files built in the test (XLSX through exceljs, CSV through papaparse).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import type { Database } from '../../src/db/client.ts';
import { createUserWithPassword } from '../../src/modules/accounts/index.ts';
import { axeViolations } from './support.ts';

export const statisticianPassword = 'Sterkrade Osterfeld Klosterhardt 24';

/** A statistician with a local password, made through the accounts module's own use case. */
export async function createStatistician(database: Database, email: string): Promise<void> {
  await createUserWithPassword(database, 'cli', {
    email,
    displayName: 'Statistikstelle Test',
    grants: [{ role: 'statistician', departmentId: null, organisationId: null }],
    password: statisticianPassword,
  });
}

/** Signs in with the local password form, as a person does. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(statisticianPassword);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForLoadState('load');
  assert.match(new URL(page.url()).pathname, /^\/konto$/, 'signed in');
}

export async function expectAxeClean(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on ${label}:\n${violations.join('\n')}`);
}

/**
 * The printable width of A4 as the platform's own PDF uses it (src/ui/pdf.ts: 210 mm less 12 mm
 * margins left and right), in CSS pixels at 96 dpi.
 */
export const a4ContentWidth = Math.floor(((210 - 2 * 12) / 25.4) * 96);

export interface PrintCheck {
  /** main's scrollWidth and clientWidth in print emulation at a4ContentWidth. */
  scrollWidth: number;
  clientWidth: number;
  /** Elements inside main that stick out to the right, for the failure message. */
  wide: string[];
  pdf: Buffer;
}

/** Lays the page out for print at A4 width, measures main and prints a PDF; restores the screen. */
export async function checkPrint(page: Page): Promise<PrintCheck> {
  const screen = page.viewportSize();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: a4ContentWidth, height: 1123 });
  try {
    // As a string: functions compiled by tsx carry helpers that do not exist in the page.
    const measured = (await page.evaluate(`(() => {
      const main = document.querySelector('main');
      if (!main) return null;
      const right = main.getBoundingClientRect().right + 1;
      const wide = [];
      const listed = [];
      for (const el of main.querySelectorAll('table, figure, svg, pre, img, dl, div')) {
        const box = el.getBoundingClientRect();
        if (box.right > right && wide.length < 5 && !listed.some((l) => l.contains(el))) {
          listed.push(el);
          const caption = el.querySelector('caption');
          wide.push(el.tagName.toLowerCase() + '.' + String(el.getAttribute('class') || '').split(' ').join('.') +
            ' ' + Math.round(box.width) + 'px' + (caption ? ' „' + caption.textContent.trim().slice(0, 70) + '“' : ''));
        }
      }
      return { scrollWidth: main.scrollWidth, clientWidth: main.clientWidth, wide };
    })()`)) as { scrollWidth: number; clientWidth: number; wide: string[] } | null;
    assert.ok(measured, 'the page has a main element');
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
    return { ...measured, pdf };
  } finally {
    await page.emulateMedia({ media: 'screen' });
    if (screen) await page.setViewportSize(screen);
  }
}

const german = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 4 });

/** A number as the German pages write it: "12.650", "29,4". */
export function germanNumber(value: number): string {
  return german.format(value);
}

/** The body rows of a table, each cell's visible text trimmed (row headers included). */
export async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.children).map((cell) => (cell as HTMLElement).innerText.trim()),
      ),
    );
}

/** One worksheet with a header row; numbers stay numbers, text (e.g. ".") stays text. */
export async function xlsxFile(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tabelle1');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV export as records keyed by header (semicolon, optional BOM). */
export function parseCsv(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  });
  assert.deepEqual(parsed.errors, [], 'the CSV parses');
  return parsed.data;
}

/** The example values the seed ships for one area and indicator (data/oberhausen/beispielwerte.csv). */
export function seededValues(area: string, indicator: string): Map<string, number> {
  const file = new URL('../../data/oberhausen/beispielwerte.csv', import.meta.url);
  const rows = parseCsv(readFileSync(file, 'utf8'));
  return new Map(
    rows
      .filter((r) => r['gebiet'] === area && r['indikator'] === indicator)
      .map((r) => [r['zeitraum']!, Number(r['wert'])]),
  );
}

/** Chooses a file for the upload field from bytes made in the test. */
export async function chooseFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.locator('#file').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
}

export async function submit(page: Page, button: string): Promise<number | undefined> {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: button }).click(),
  ]);
  return response?.status();
}

/** The row of an indicator in the profile's topic tables: [name, area, parent, city, …]. */
export async function profileRow(page: Page, indicatorName: string): Promise<string[]> {
  const rows = (
    await Promise.all(
      (await page.locator('.profile-topic > div > table').all()).map((table) => tableRows(table)),
    )
  ).flat();
  const row = rows.find((r) => r[0]!.startsWith(`${indicatorName} (`));
  assert.ok(row, `profile row for ${indicatorName}`);
  return row;
}

/** A header's position in a table, to read columns by name rather than by place. */
export async function columnIndex(page: Page, table: string, name: string): Promise<number> {
  const headers = (await page.locator(`${table} thead th`).allInnerTexts()).map((h) => h.trim());
  const index = headers.indexOf(name);
  assert.ok(index >= 0, `column „${name}“ in ${headers.join(' | ')}`);
  return index;
}

/** The value cell as the page shows it, without the reason added for screen readers and print. */
export const shownValue = (cell: string) => cell.split(' (')[0]!.trim();

/** "12.345,6" → 12345.6 */
export const fromGerman = (text: string) => Number(text.replaceAll('.', '').replace(',', '.'));
