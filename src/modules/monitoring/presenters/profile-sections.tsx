// Sections of the area profile: the table of one topic (area, parent, city, rating, change) and
// the time series of its indicators, each chart with its own table.
import { LineChart, type ChartPoint } from '../../../ui/charts.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { AreaRef, ProfileRow, ProfileView, ValueCell } from '../view-model.ts';
import { CellValue, RatingText } from './cells.tsx';
import { formatNumber, formatPeriod } from './format.ts';
import { IndicatorLabel, monitoringPaths as paths, monitoringUrl } from './profile-parts.tsx';

/** Which reference columns a profile shows: the parent only when it is not the city itself. */
export interface ProfileColumns {
  parent: AreaRef | null;
  city: AreaRef | null;
}

export function profileColumns(view: ProfileView): ProfileColumns {
  const city = view.city && view.city.id !== view.area.id ? view.city : null;
  const parent = view.parent && view.parent.id !== city?.id ? view.parent : null;
  return { parent, city };
}

function InternalBadge({ ctx }: { ctx: PageContext }) {
  return (
    <span class="kern-badge kern-badge--warning cell-internal">{ctx.t('mon.cell.internal')}</span>
  );
}

/** The change since the earliest period, signed, in percentage points for shares. */
function ChangeValue({ ctx, row }: { ctx: PageContext; row: ProfileRow }) {
  const { change, indicator } = row;
  if (!change) return <>–</>;
  const cell = change.value;
  const since = ctx.t('mon.profile.changeSince', { date: formatPeriod(change.from) });
  if (cell.state !== 'ok' || cell.value === null) {
    return (
      <>
        <CellValue ctx={ctx} cell={cell} indicator={indicator} />
        {` ${since}`}
      </>
    );
  }
  const unit = indicator.kind === 'share' ? ctx.t('mon.profile.pp') : indicator.unit;
  const number = formatNumber(ctx, cell.value, indicator.precision);
  const signed = cell.value > 0 ? `+${number}` : number;
  return (
    <>
      {`${signed}${unit ? ` ${unit}` : ''} ${since}`}
      {cell.internal ? (
        <>
          {' '}
          <InternalBadge ctx={ctx} />
        </>
      ) : null}
    </>
  );
}

function point(period: string, cell: ValueCell | null): ChartPoint {
  return {
    period: formatPeriod(period),
    value: cell && cell.state === 'ok' ? cell.value : null,
    suppressed: cell?.state === 'suppressed',
  };
}

function SeriesChart({
  ctx,
  view,
  row,
  columns,
}: {
  ctx: PageContext;
  view: ProfileView;
  row: ProfileRow;
  columns: ProfileColumns;
}) {
  const { t } = ctx;
  const { indicator } = row;
  const series = [
    { label: view.area.name, points: row.series.map((s) => point(s.period, s.area)) },
  ];
  if (columns.parent)
    series.push({
      label:
        columns.parent.name === view.area.name
          ? `${columns.parent.name} (${columns.parent.levelName})`
          : columns.parent.name,
      points: row.series.map((s) => point(s.period, s.parent)),
    });
  if (columns.city)
    series.push({
      label: columns.city.name,
      points: row.series.map((s) => point(s.period, s.city)),
    });
  const internal = row.series.some(
    (s) =>
      s.area.internal ||
      (columns.parent && s.parent?.internal) ||
      (columns.city && s.city?.internal),
  );
  return (
    <>
      <LineChart
        id={`verlauf-${indicator.code}`}
        title={t('mon.profile.chartTitle', { indicator: indicator.name, name: view.area.name })}
        tableCaption={t('mon.profile.chartCaption', {
          indicator: indicator.name,
          unit: indicator.unit,
        })}
        series={series}
        periods={row.series.map((s) => formatPeriod(s.period))}
        periodLabel={t('mon.period')}
        unit={indicator.unit}
        precision={indicator.precision}
        locale={ctx.locale}
        noDataLabel={t('mon.mark.missing')}
        suppressedLabel={t('mon.mark.suppressed')}
      />
      {internal ? (
        <p class="kern-body kern-body--small">
          <InternalBadge ctx={ctx} /> {t('mon.profile.chartInternal')}
        </p>
      ) : null}
    </>
  );
}

export function TopicSection({
  ctx,
  view,
  topic,
  columns,
}: {
  ctx: PageContext;
  view: ProfileView;
  topic: ProfileView['topics'][number];
  columns: ProfileColumns;
}) {
  const { t } = ctx;
  const { area, notice, system } = view;
  const headingId = `thema-${topic.key}`;
  const charted = topic.rows.filter((r) => r.series.length >= 2);
  const th = 'kern-table__header';
  const num = 'kern-table__header kern-table__header--numeric';
  const td = 'kern-table__cell kern-table__cell--numeric';
  return (
    <section class="profile-topic" aria-labelledby={headingId}>
      <h2 class="kern-heading-medium" id={headingId}>
        {topic.name}
      </h2>
      <div class="kern-table-responsive" tabindex={0} role="region" aria-labelledby={headingId}>
        <table class="kern-table kern-table--striped">
          <caption class="kern-table__caption">
            {t('mon.profile.tableCaption', {
              topic: topic.name,
              name: area.name,
              period: formatPeriod(view.period),
            })}
          </caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th scope="col" class={th}>
                {t('mon.profile.col.indicator')}
              </th>
              <th scope="col" class={num}>
                {area.name}
              </th>
              {columns.parent ? (
                <th scope="col" class={num}>
                  {columns.parent.name === area.name
                    ? `${columns.parent.name} (${columns.parent.levelName})`
                    : columns.parent.name}
                </th>
              ) : null}
              {columns.city ? (
                <>
                  <th scope="col" class={num}>
                    {columns.city.name}
                  </th>
                  <th scope="col" class={th}>
                    {t('mon.profile.col.rating', { city: columns.city.name })}
                  </th>
                </>
              ) : null}
              <th scope="col" class={th}>
                {t('mon.profile.col.change')}
              </th>
              <th scope="col" class={th}>
                {t('mon.profile.col.map')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {topic.rows.map((row) => (
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  <IndicatorLabel indicator={row.indicator} notice={notice} />
                </th>
                <td class={td}>
                  <CellValue ctx={ctx} cell={row.value} indicator={row.indicator} />
                  {row.period !== view.period ? (
                    <span class="cell-period">
                      {` (${t('mon.profile.valuePeriod', { date: formatPeriod(row.period) })})`}
                    </span>
                  ) : null}
                </td>
                {columns.parent ? (
                  <td class={td}>
                    <CellValue ctx={ctx} cell={row.parent} indicator={row.indicator} />
                  </td>
                ) : null}
                {columns.city ? (
                  <>
                    <td class={td}>
                      <CellValue ctx={ctx} cell={row.city} indicator={row.indicator} />
                    </td>
                    <td class="kern-table__cell">
                      <RatingText ctx={ctx} rating={row.rating} />
                    </td>
                  </>
                ) : null}
                <td class="kern-table__cell">
                  <ChangeValue ctx={ctx} row={row} />
                </td>
                <td class="kern-table__cell">
                  <a
                    class="kern-link"
                    href={monitoringUrl(
                      paths.map(system.id),
                      {
                        indikator: row.indicator.code,
                        zeitraum: row.period,
                        ebene: area.levelKey,
                      },
                      notice,
                    )}
                  >
                    {t('mon.profile.col.map')}
                    <span class="kern-sr-only">{`: ${row.indicator.name}`}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {charted.length > 0 ? (
        <details class="kern-accordion profile-charts">
          <summary class="kern-accordion__header">
            <span class="kern-title">{t('mon.profile.charts', { topic: topic.name })}</span>
          </summary>
          <div class="kern-accordion__body">
            {charted.map((row) => (
              <SeriesChart ctx={ctx} view={view} row={row} columns={columns} />
            ))}
          </div>
        </details>
      ) : null}
    </section>
  );
}
