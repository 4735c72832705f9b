// Comparison of two to six areas: a GET form to choose them, then one table per topic with a column
// per area and the city, and bar charts behind a disclosure.
import { Alert, Breadcrumb, ExampleBadge } from '../../../ui/components.tsx';
import { BarComparison, type BarRow } from '../../../ui/charts.tsx';
import { renderPage } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { ComparisonView, ValueCell } from '../view-model.ts';
import { CellValue, DataNoticeBanner, Sources } from './cells.tsx';
import { formatNumber, formatPeriod } from './format.ts';
import {
  IndicatorLabel,
  PeriodSelect,
  PreviewField,
  monitoringPaths as paths,
  monitoringUrl,
} from './profile-parts.tsx';

export const MIN_AREAS = 2;
export const MAX_AREAS = 6;

type Topic = ComparisonView['topics'][number];

/** As many selects as chosen areas plus one empty, at least two, at most six. */
function AreaChooser({ ctx, view }: { ctx: PageContext; view: ComparisonView }) {
  const { t } = ctx;
  const count = Math.min(MAX_AREAS, Math.max(MIN_AREAS, view.areas.length + 1));
  const slots = Array.from({ length: count }, (_, i) => view.areas[i]?.code ?? '');
  return (
    <form class="compare-form" method="get" action={paths.comparison(view.system.id)}>
      <fieldset class="kern-fieldset">
        <legend class="kern-label kern-label--large">{t('mon.compare.choose')}</legend>
        <PreviewField notice={view.notice} />
        <p class="kern-hint" id="gebiete-hinweis">
          {t('mon.compare.moreHint')}
        </p>
        <div class="kern-fieldset__body kern-fieldset__body--horizontal">
          {slots.map((selected, i) => (
            <div class="kern-form-input">
              <label class="kern-label" for={`gebiet-${i + 1}`}>
                {t('mon.compare.area', { n: i + 1 })}
              </label>
              <div class="kern-form-input__select-wrapper">
                <select
                  class="kern-form-input__select"
                  id={`gebiet-${i + 1}`}
                  name="gebiete"
                  aria-describedby="gebiete-hinweis"
                >
                  <option value="" selected={selected === ''}>
                    {t('mon.compare.empty')}
                  </option>
                  {view.choices.map((group) => (
                    <optgroup label={group.level}>
                      {group.areas.map((a) => (
                        <option value={a.code} selected={a.code === selected}>
                          {a.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </div>
            </div>
          ))}
          <PeriodSelect ctx={ctx} id="zeitraum" periods={view.periods} period={view.period} />
        </div>
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t('mon.compare.submit')}</span>
        </button>
      </fieldset>
    </form>
  );
}

function ChosenAreas({ ctx, view }: { ctx: PageContext; view: ComparisonView }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="gebiete">
      <h2 class="kern-heading-medium" id="gebiete">
        {t('mon.compare.areas')}
      </h2>
      <div class="kern-table-responsive" tabindex={0} role="region" aria-labelledby="gebiete">
        <table class="kern-table">
          <caption class="kern-table__caption">{t('mon.compare.areasCaption')}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__header">
                {t('mon.compare.col.area')}
              </th>
              <th scope="col" class="kern-table__header">
                {t('mon.compare.col.level')}
              </th>
              <th scope="col" class="kern-table__header kern-table__header--numeric">
                {t('mon.compare.col.population')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {view.areas.map((a) => (
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  <a
                    class="kern-link"
                    href={monitoringUrl(
                      paths.profile(view.system.id, a.code),
                      { zeitraum: view.period },
                      view.notice,
                    )}
                  >
                    {a.name}
                  </a>
                </th>
                <td class="kern-table__cell">{a.levelName}</td>
                <td class="kern-table__cell kern-table__cell--numeric">
                  {a.population === null ? '–' : formatNumber(ctx, a.population, 0)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A withheld value never reaches the chart, even when staff see it in the table. */
function bar(label: string, cell: ValueCell | null): BarRow {
  return {
    label,
    value: cell && cell.state === 'ok' ? cell.value : null,
    suppressed: cell?.state === 'suppressed',
  };
}

function TopicComparison({
  ctx,
  view,
  topic,
}: {
  ctx: PageContext;
  view: ComparisonView;
  topic: Topic;
}) {
  const { t } = ctx;
  const headingId = `thema-${topic.key}`;
  const num = 'kern-table__header kern-table__header--numeric';
  const td = 'kern-table__cell kern-table__cell--numeric';
  const period = formatPeriod(view.period);
  const city = t('mon.compare.city');
  return (
    <section aria-labelledby={headingId}>
      <h2 class="kern-heading-medium" id={headingId}>
        {topic.name}
      </h2>
      <div class="kern-table-responsive" tabindex={0} role="region" aria-labelledby={headingId}>
        <table class="kern-table kern-table--striped">
          <caption class="kern-table__caption">
            {t('mon.compare.tableCaption', { topic: topic.name, period })}
          </caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__header">
                {t('mon.profile.col.indicator')}
              </th>
              {view.areas.map((a) => (
                <th scope="col" class={num}>
                  {a.name}
                </th>
              ))}
              <th scope="col" class={num}>
                {city}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {topic.rows.map((row) => (
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  <IndicatorLabel indicator={row.indicator} notice={view.notice} />
                </th>
                {view.areas.map((_, i) => (
                  <td class={td}>
                    <CellValue ctx={ctx} cell={row.cells[i] ?? null} indicator={row.indicator} />
                  </td>
                ))}
                <td class={td}>
                  <CellValue ctx={ctx} cell={row.city} indicator={row.indicator} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details class="kern-accordion">
        <summary class="kern-accordion__header">
          <span class="kern-title">{t('mon.compare.charts', { topic: topic.name })}</span>
        </summary>
        <div class="kern-accordion__body">
          {topic.rows.map((row) => (
            <BarComparison
              id={`balken-${row.indicator.code}`}
              title={t('mon.compare.chartTitle', { indicator: row.indicator.name, period })}
              tableCaption={t('mon.compare.chartCaption', {
                indicator: row.indicator.name,
                unit: row.indicator.unit,
              })}
              rows={[
                ...view.areas.map((a, i) => bar(a.name, row.cells[i] ?? null)),
                bar(city, row.city),
              ]}
              labelHeader={t('mon.compare.col.area')}
              unit={row.indicator.unit}
              precision={row.indicator.precision}
              locale={ctx.locale}
              noDataLabel={t('mon.mark.missing')}
              suppressedLabel={t('mon.mark.suppressed')}
            />
          ))}
        </div>
      </details>
    </section>
  );
}

export function comparisonPage(ctx: PageContext, view: ComparisonView): string {
  const { t } = ctx;
  const { system, notice } = view;
  const enough = view.areas.length >= MIN_AREAS;
  return renderPage({
    ctx,
    title: `${t('mon.compare.title')}: ${system.name}`,
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[
            { href: monitoringUrl(paths.overview, {}, notice), label: t('mon.overview.title') },
            { href: monitoringUrl(paths.system(system.id), {}, notice), label: system.name },
            { label: t('mon.compare.title') },
          ]}
        />
        <h1 class="kern-heading-large">
          {t('mon.compare.title')} <span class="kern-subline">{system.name}</span>
        </h1>
        {system.isExample ? <ExampleBadge ctx={ctx} /> : null}
        <DataNoticeBanner ctx={ctx} notice={notice} />
        <p class="kern-body lead">{t('mon.compare.lead')}</p>
        <AreaChooser ctx={ctx} view={view} />
        {enough ? (
          <>
            <ChosenAreas ctx={ctx} view={view} />
            {view.topics
              .filter((topic) => topic.rows.length > 0)
              .map((topic) => (
                <TopicComparison ctx={ctx} view={view} topic={topic} />
              ))}
          </>
        ) : (
          <Alert kind="info" title={t('mon.compare.tooFew')}>
            <p class="kern-body">{t('mon.compare.tooFewText')}</p>
          </Alert>
        )}
        <Sources ctx={ctx} notice={notice} />
      </>
    ),
  });
}
