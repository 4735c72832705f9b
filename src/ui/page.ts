// What every page template receives: language, translator, current path and the form token.
import type { Locale, Translator } from './i18n/index.ts';

export interface PageContext {
  locale: Locale;
  t: Translator;
  /** Path of the current request, for the navigation and the language links. */
  path: string;
  /** CSRF token for forms on this page. */
  csrfToken?: string | undefined;
  /** The signed-in user, for the header; null for visitors. */
  user?: { displayName: string; isAdmin: boolean; isStatistician?: boolean } | null;
}
