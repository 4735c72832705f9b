// The table of areas that goes with every map: name, code, population, size, boundary.
import type { PageContext } from '../../../ui/page.ts';
import type { AreaListItem } from '../areas.repository.ts';
import { areaHref, km2 } from './format.ts';
import { formatNumber } from '../../../ui/i18n/index.ts';

export function AreaTable({
  ctx,
  systemId,
  items,
  caption,
}: {
  ctx: PageContext;
  systemId: string;
  items: AreaListItem[];
  caption: string;
}) {
  const { t } = ctx;
  return (
    <div class="kern-table-responsive" tabindex={0} role="region" aria-label={caption}>
      <table class="kern-table kern-table--striped">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              {t('area.col.name')}
            </th>
            <th scope="col" class="kern-table__header">
              {t('area.col.code')}
            </th>
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              {t('area.col.population')}
            </th>
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              {t('area.col.size')}
            </th>
            <th scope="col" class="kern-table__header">
              {t('area.col.geometry')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {items.map((a) => (
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                <a class="kern-link" href={areaHref(systemId, a.code)}>
                  {a.name}
                </a>
              </th>
              <td class="kern-table__cell">{a.code}</td>
              <td class="kern-table__cell kern-table__cell--numeric">
                {a.population === null ? '–' : formatNumber(ctx.locale, a.population)}
              </td>
              <td class="kern-table__cell kern-table__cell--numeric">{km2(ctx, a.areaM2)}</td>
              <td class="kern-table__cell">
                {a.hasGeometry ? t('area.geometry.yes') : t('area.geometry.no')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
