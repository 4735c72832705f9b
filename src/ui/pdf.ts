// PDF of a page, rendered by headless Chromium (playwright-core) from the platform's own responses:
// every request of the page is answered in-process, so nothing leaves the machine.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export class PdfUnavailableError extends Error {}

export interface LocalResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

const origin = 'http://pdf.sozialraum.invalid';

/** Renders `path` to an A4 PDF; `fetchLocal` answers the page and its assets (e.g. app.inject). */
export async function renderPdf(
  path: string,
  fetchLocal: (path: string) => Promise<LocalResponse>,
): Promise<Buffer> {
  if (!existsSync(chromiumPath))
    throw new PdfUnavailableError(
      `Die PDF-Erzeugung braucht Chromium unter ${chromiumPath}; es ist auf diesem Server nicht installiert. Nutzen Sie die Druckfunktion Ihres Browsers („Als PDF speichern“).`,
    );
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'sozialraum-pdf-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await context.newPage();
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== origin) return route.abort();
      const res = await fetchLocal(url.pathname + url.search);
      await route.fulfill({ status: res.status, contentType: res.contentType, body: res.body });
    });
    await page.goto(origin + path, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
