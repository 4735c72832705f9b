// The ranking: areas of one level ordered by an indicator's value, with ranks, bars and the city's value.
import { BarComparison, type BarRow } from '../../../ui/charts.tsx';
import { renderPage } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { LevelTable } from '../view-model.ts';
import { CellValue, DataNoticeBanner, Sources } from './cells.tsx';
import {
  ExportLinks,
  LevelForm,
  MarksNote,
  MonitoringCrumbs,
  ReferenceValue,
  levelTitle,
  monitoringHref,
  profileHref,
  withUnit,
} from './level-controls.tsx';

export type RankingSort = 'wert-ab' | 'wert-auf' | 'name';

type Row = LevelTable['rows'][number];

export interface RankedRow {
  row: Row;
  /** 1 = highest value; equal values (as shown, at the indicator's precision) share a rank. */
  rank: number | null;
}

/**
 * Ranks the shown values (competition ranking: 1, 2, 2, 4) and orders the rows; withheld and
 * missing values are never ranked and come last, by name.
 */
export function rankRows(view: LevelTable, sort: RankingSort, locale: string): RankedRow[] {
  // Values that look equal in the table are equal in the ranking.
  const key = (r: Row) => Number(r.cell.value!.toFixed(view.indicator.precision));
  const byName = (a: Row, b: Row) => a.area.name.localeCompare(b.area.name, locale);
  const shown = view.rows.filter((r) => r.cell.state === 'ok' && r.cell.value !== null);
  const unranked = view.rows.filter((r) => !shown.includes(r)).sort(byName);
  const descending = [...shown].sort((a, b) => key(b) - key(a) || byName(a, b));
  const ranks = new Map<Row, number>();
  descending.forEach((r, i) => {
    const previous = descending[i - 1];
    ranks.set(r, previous && key(previous) === key(r) ? ranks.get(previous)! : i + 1);
  });
  const ordered =
    sort === 'wert-ab'
      ? descending
      : sort === 'wert-auf'
        ? [...shown].sort((a, b) => key(a) - key(b) || byName(a, b))
        : [...shown].sort(byName);
  return [
    ...ordered.map((row) => ({ row, rank: ranks.get(row)! })),
    ...unranked.map((row) => ({ row, rank: null })),
  ];
}

function SortHeader({
  label,
  href,
  sorted,
  action,
  numeric,
}: {
  label: string;
  href: string;
  sorted: 'ascending' | 'descending' | null;
  action: string;
  numeric?: boolean;
}) {
  return (
    <th
      scope="col"
      class={`kern-table__header${numeric ? ' kern-table__header--numeric' : ''}`}
      aria-sort={sorted ?? undefined}
    >
      <a class="kern-link" href={href}>
        {label}
        <span class="kern-sr-only">{`, ${action}`}</span>
      </a>
      {sorted ? <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : ' ▼'}</span> : null}
    </th>
  );
}

function RankingTable({
  ctx,
  view,
  sort,
  ranked,
}: {
  ctx: PageContext;
  view: LevelTable;
  sort: RankingSort;
  ranked: RankedRow[];
}) {
  const { t } = ctx;
  const sortHref = (sortierung: RankingSort) =>
    monitoringHref(
      `/monitoring/${encodeURIComponent(view.system.id)}/rangliste`,
      {
        indikator: view.indicator.code,
        zeitraum: view.period,
        ebene: view.level.key,
        sortierung,
      },
      view.notice,
      'rangliste',
    );
  const caption = t('mon.maps.rank.caption', { title: levelTitle(view) });
  return (
    <div class="kern-table-responsive" tabindex={0} role="region" aria-label={caption}>
      <table class="kern-table kern-table--striped" id="rangliste">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              {t('mon.maps.rank.rank')}
            </th>
            <SortHeader
              label={t('mon.maps.area')}
              href={sortHref('name')}
              sorted={sort === 'name' ? 'ascending' : null}
              action={t('mon.maps.rank.sortName')}
            />
            <th scope="col" class="kern-table__header">
              {t('mon.maps.parent')}
            </th>
            <SortHeader
              label={withUnit(t('mon.maps.value'), view.indicator.unit)}
              href={sortHref(sort === 'wert-ab' ? 'wert-auf' : 'wert-ab')}
              sorted={sort === 'wert-ab' ? 'descending' : sort === 'wert-auf' ? 'ascending' : null}
              action={t(sort === 'wert-ab' ? 'mon.maps.rank.sortUp' : 'mon.maps.rank.sortDown')}
              numeric
            />
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {ranked.map(({ row, rank }) => (
            <tr class="kern-table__row">
              <td class="kern-table__cell kern-table__cell--numeric">
                {rank === null ? (
                  <>
                    <span aria-hidden="true">–</span>
                    <span class="kern-sr-only">{t('mon.maps.rank.none')}</span>
                  </>
                ) : (
                  String(rank)
                )}
              </td>
              <th scope="row" class="kern-table__cell">
                <a
                  class="kern-link"
                  href={profileHref(view.system.id, row.area.code, view.period, view.notice)}
                >
                  {row.area.name}
                </a>
              </th>
              <td class="kern-table__cell">{row.parent?.name ?? '–'}</td>
              <td class="kern-table__cell kern-table__cell--numeric">
                <CellValue ctx={ctx} cell={row.cell} indicator={view.indicator} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function bars(ctx: PageContext, view: LevelTable, ranked: RankedRow[]): BarRow[] {
  const rows: BarRow[] = ranked.map(({ row }) => ({
    label: row.area.name,
    value: row.cell.state === 'ok' ? row.cell.value : null,
    suppressed: row.cell.state === 'suppressed',
    ...(row.cell.internal ? { note: ctx.t('mon.cell.internal') } : {}),
  }));
  const ref = view.reference;
  if (ref) {
    rows.push({
      label: ref.area.name,
      value: ref.cell.state === 'ok' ? ref.cell.value : null,
      suppressed: ref.cell.state === 'suppressed',
      highlight: true,
      note: ctx.t('mon.maps.rank.referenceNote'),
    });
  }
  return rows;
}

export function rankingPage(ctx: PageContext, view: LevelTable, sort: RankingSort): string {
  const { t } = ctx;
  const title = levelTitle(view);
  const ranked = rankRows(view, sort, ctx.locale);
  const action = `/monitoring/${encodeURIComponent(view.system.id)}/rangliste`;
  return renderPage({
    ctx,
    title: t('mon.maps.rank.pageTitle', { title }),
    children: (
      <>
        <MonitoringCrumbs
          ctx={ctx}
          system={view.system}
          notice={view.notice}
          label={t('mon.maps.rank.crumb')}
        />
        <h1 class="kern-heading-large">{title}</h1>
        <DataNoticeBanner ctx={ctx} notice={view.notice} />
        <p class="kern-body">{view.indicator.description}</p>
        <LevelForm ctx={ctx} view={view} action={action}>
          <input type="hidden" name="sortierung" value={sort} />
        </LevelForm>
        <p class="kern-body">
          <a
            class="kern-link"
            href={monitoringHref(
              `/monitoring/${encodeURIComponent(view.system.id)}/karte`,
              { indikator: view.indicator.code, zeitraum: view.period, ebene: view.level.key },
              view.notice,
            )}
          >
            {t('mon.maps.rank.toMap')}
          </a>
        </p>
        <h2 class="kern-heading-medium">{t('mon.maps.rank.heading')}</h2>
        <p class="kern-body">{t('mon.maps.rank.explain')}</p>
        <ReferenceValue ctx={ctx} view={view} />
        <RankingTable ctx={ctx} view={view} sort={sort} ranked={ranked} />
        <MarksNote ctx={ctx} />
        <BarComparison
          id="rangliste-diagramm"
          title={t('mon.maps.rank.chartTitle', { title })}
          rows={bars(ctx, view, ranked)}
          unit={view.indicator.unit}
          precision={view.indicator.precision}
          locale={ctx.locale}
          tableCaption={t('mon.maps.rank.chartCaption', { title })}
          labelHeader={t('mon.maps.area')}
          noteHeader={t('mon.maps.rank.note')}
          noDataLabel={t('mon.mark.missing')}
          suppressedLabel={t('mon.mark.suppressed')}
        />
        <ExportLinks ctx={ctx} view={view} />
        <Sources ctx={ctx} notice={view.notice} />
      </>
    ),
  });
}
