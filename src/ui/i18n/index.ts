// Locale resolution and message lookup; German is the source, other catalogues fall back to it.
import { de, type MessageKey } from './de.ts';
import { en } from './en.ts';
import { ar } from './ar.ts';

export type { MessageKey };
export const locales = ['de', 'en', 'ar'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'de';

const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { de, en, ar };
const rtl = new Set<Locale>(['ar']);

export type Translator = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function direction(locale: Locale): 'ltr' | 'rtl' {
  return rtl.has(locale) ? 'rtl' : 'ltr';
}

/** Whether the text for a key really is in the locale (not the German fallback). */
export function hasMessage(locale: Locale, key: MessageKey): boolean {
  return catalogues[locale][key] !== undefined;
}

export function translator(locale: Locale): Translator {
  const catalogue = catalogues[locale];
  return (key, params) => {
    let text = catalogue[key] ?? de[key];
    if (params) {
      for (const [name, value] of Object.entries(params))
        text = text.replaceAll(`{${name}}`, String(value));
    }
    return text;
  };
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** Numbers as the locale writes them (German: 212.127 and 1,5); Arabic keeps Latin digits. */
export function formatNumber(locale: Locale, value: number, digits = 0): string {
  const key = `${locale}:${digits}`;
  let fmt = numberFormats.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    });
    numberFormats.set(key, fmt);
  }
  return fmt.format(value);
}

export function formatDate(locale: Locale, isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
