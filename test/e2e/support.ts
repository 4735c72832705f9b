// Browser helpers for the end-to-end tests: headless Chromium, CSP and error capture, axe-core checks.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const chromiumPath = '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh headless Chromium profile; the cookie `lang=de` makes German the default like for most visitors. */
export async function launchBrowser(
  baseUrl: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'sozialraum-e2e-'));
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
    ...(options.javaScriptEnabled === false ? { javaScriptEnabled: false } : {}),
  });
  await context.addCookies([{ name: 'lang', value: 'de', url: baseUrl }]);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageProblems {
  /** Console errors and securitypolicyviolation events that concern the Content-Security-Policy. */
  csp: string[];
  /** Uncaught exceptions in the page. */
  errors: string[];
  /** All console errors (including failed resource loads, e.g. the 404 status itself). */
  console: string[];
}

/** Records CSP violations, uncaught errors and console errors of a page from now on. */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { csp: [], errors: [], console: [] };
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.csp.push(text));
  // As a string: functions compiled by tsx carry helpers that do not exist in the page.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', function (e) {
      window.__reportCspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' in ' + e.sourceFile + ':' + e.lineNumber);
    });`,
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    problems.console.push(message.text());
    if (/content security policy/i.test(message.text())) problems.csp.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(String(error)));
  return problems;
}

/** Runs axe-core with the WCAG 2.0/2.1 A and AA rules; returns a readable list of the violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map(
        (n) =>
          `    ${n.target.join(' ')}  ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
      )
      .join('\n');
    const more = v.nodes.length > 5 ? `\n    … ${v.nodes.length - 5} more` : '';
    return `${v.id} (${v.impact ?? 'n/a'}): ${v.help} [${v.nodes.length} node(s)]\n${nodes}${more}`;
  });
}
