// Formatting helpers of the area pages: population with date, size in km².
import { formatDate, formatNumber } from '../../../ui/i18n/index.ts';
import type { PageContext } from '../../../ui/page.ts';

export function populationText(
  ctx: PageContext,
  population: number | null,
  date: string | null,
): string {
  if (population === null) return ctx.t('area.populationUnknown');
  const n = formatNumber(ctx.locale, population);
  return date ? `${n} (${ctx.t('area.populationDate')} ${formatDate(ctx.locale, date)})` : n;
}

export function km2(ctx: PageContext, areaM2: number | null): string {
  return areaM2 === null ? '–' : formatNumber(ctx.locale, areaM2 / 1e6, 2);
}

export function areaHref(systemId: string, code: string): string {
  return `/gebiete/${encodeURIComponent(systemId)}/${encodeURIComponent(code)}`;
}
