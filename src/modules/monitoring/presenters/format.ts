// Number and date formatting of the monitoring pages: German conventions, "." for a suppressed cell.
import type { PageContext } from '../../../ui/page.ts';

const zone = 'Europe/Berlin';

export function formatDateTime(ctx: PageContext, date: Date): string {
  return new Intl.DateTimeFormat(ctx.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  }).format(date);
}

export function formatDate(ctx: PageContext, date: Date): string {
  return new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeZone: zone }).format(date);
}

export function formatNumber(ctx: PageContext, value: number, precision: number): string {
  return new Intl.NumberFormat(ctx.locale, {
    minimumFractionDigits: precision,
    maximumFractionDigits: precision,
  }).format(value);
}

/** A period as people read it: 2021-12-31 → 31.12.2021. */
export function formatPeriod(period: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  const ym = /^(\d{4})-(\d{2})$/.exec(period);
  if (ym) return `${ym[2]}/${ym[1]}`;
  return period;
}
