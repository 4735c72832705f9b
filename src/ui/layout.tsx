// The page frame: skip link, KERN header, navigation, language choice, main content and legal footer.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { direction, locales, type Locale, type MessageKey } from './i18n/index.ts';
import type { PageContext } from './page.ts';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Extra ES module scripts (served from /assets), never inline. */
  scripts?: string[];
  styles?: string[];
}

const nav: { href: string; label: MessageKey }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/angebote', label: 'nav.directory' },
  { href: '/monitoring', label: 'nav.monitoring' },
  { href: '/gebiete', label: 'nav.areas' },
  { href: '/leichte-sprache', label: 'nav.easy' },
];

const footer: { href: string; label: MessageKey }[] = [
  { href: '/impressum', label: 'footer.imprint' },
  { href: '/datenschutz', label: 'footer.privacy' },
  { href: '/barrierefreiheit', label: 'footer.accessibility' },
  { href: '/barriere-melden', label: 'footer.barrier' },
  { href: '/leichte-sprache', label: 'footer.easy' },
];

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

const languageNames: Record<Locale, string> = { de: 'Deutsch', en: 'English', ar: 'العربية' };

function Layout({ ctx, title, children, scripts = [], styles = [] }: LayoutProps) {
  const { t, locale, path } = ctx;
  return (
    <html lang={locale} dir={direction(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('site.name')}`}</title>
        <link rel="stylesheet" href="/assets/kern/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/assets/kern/kern.min.css" />
        {styles.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <link rel="stylesheet" href="/assets/charts.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {scripts.map((src) => (
          <script type="module" src={src} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#inhalt">
          {t('skip.main')}
        </a>
        <div class="kern-kopfzeile">
          <div class="kern-container">
            <span class="kern-kopfzeile__label">{`${t('site.name')} · ${t('site.instance')}`}</span>
          </div>
        </div>
        <header class="site-header">
          <div class="kern-container site-header__inner">
            <a class="site-brand" href="/">
              <span class="site-brand__name">{t('site.name')}</span>
              <span class="site-brand__tagline">{t('site.tagline')}</span>
            </a>
            <div class="site-user">
              {ctx.user ? (
                <form method="post" action="/abmelden" class="inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <a class="kern-link" href="/konto">
                    {`${t('nav.account')}: ${ctx.user.displayName}`}
                  </a>{' '}
                  {ctx.user.isStatistician ? (
                    <>
                      <a class="kern-link" href="/verwaltung/daten">
                        {t('nav.data')}
                      </a>{' '}
                    </>
                  ) : null}
                  {ctx.user.isAdmin ? (
                    <>
                      <a class="kern-link" href="/verwaltung">
                        {t('nav.admin')}
                      </a>{' '}
                    </>
                  ) : null}
                  <button class="kern-btn kern-btn--tertiary kern-btn--x-small" type="submit">
                    <span class="kern-label">{t('nav.logout')}</span>
                  </button>
                </form>
              ) : (
                <a class="kern-link" href="/anmelden">
                  {t('nav.login')}
                </a>
              )}
            </div>
            <nav class="site-lang" aria-label={t('lang.label')}>
              <ul>
                {locales.map((l) => (
                  <li>
                    <a
                      href={`/sprache?lang=${l}&zurueck=${encodeURIComponent(path)}`}
                      lang={l}
                      hreflang={l}
                      aria-current={l === locale ? 'true' : undefined}
                    >
                      {languageNames[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <nav class="site-nav" aria-label={t('nav.label')}>
            <ul class="kern-container">
              {nav.map((item) => (
                <li>
                  <a
                    href={item.href}
                    aria-current={isCurrent(path, item.href) ? 'page' : undefined}
                  >
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="inhalt" tabindex={-1}>
          <div class="kern-container site-main">{children}</div>
        </main>
        <footer class="site-footer">
          <div class="kern-container">
            <nav aria-label={t('footer.label')}>
              <ul>
                {footer.map((item) => (
                  <li>
                    <a href={item.href}>{t(item.label)}</a>
                  </li>
                ))}
              </ul>
            </nav>
            <p class="kern-body kern-body--small">{t('footer.licence')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function renderPage(props: LayoutProps): string {
  return `<!doctype html>${renderToString(<Layout {...props} />)}`;
}
