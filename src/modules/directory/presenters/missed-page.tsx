// Staff page: what people searched for and did not (or hardly) find, per Sozialraum — an input for
// the expert dialogues ("the offerings must become better known", or they are missing).
import { renderPage } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { MissedSearchRow } from '../choices.repository.ts';

export function missedSearchesPage(
  ctx: PageContext,
  v: { rows: MissedSearchRow[]; days: number; maxResults: number },
): string {
  const t = ctx.t;
  return renderPage({
    ctx,
    title: t('dir.missed.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{t('dir.missed.title')}</h1>
        <p class="kern-body">{t('dir.missed.intro', { days: v.days, max: v.maxResults })}</p>
        {v.rows.length === 0 ? (
          <p class="kern-body">{t('dir.missed.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="kern-table">
              <caption class="kern-table__caption">{t('dir.missed.caption')}</caption>
              <thead class="kern-table__head">
                <tr class="kern-table__row">
                  <th class="kern-table__header" scope="col">
                    {t('dir.missed.terms')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {t('dir.missed.area')}
                  </th>
                  <th class="kern-table__header kern-table__header--numeric" scope="col">
                    {t('dir.missed.searches')}
                  </th>
                  <th class="kern-table__header kern-table__header--numeric" scope="col">
                    {t('dir.missed.results')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {t('dir.missed.last')}
                  </th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {v.rows.map((r) => (
                  <tr class="kern-table__row">
                    <td class="kern-table__cell">{r.terms}</td>
                    <td class="kern-table__cell">{r.area_name ?? t('dir.missed.anyArea')}</td>
                    <td class="kern-table__cell kern-table__cell--numeric">{r.searches}</td>
                    <td class="kern-table__cell kern-table__cell--numeric">{r.max_results}</td>
                    <td class="kern-table__cell">{r.last_day}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>
    ),
  });
}
