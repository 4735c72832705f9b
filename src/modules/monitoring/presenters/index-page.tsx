// The social index page: method in plain words, the 12 groups, the map by group and every area's index.
import { ExampleBadge } from '../../../ui/components.tsx';
import { renderPage } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { IndexView, IndicatorInfo } from '../view-model.ts';
import { DataNoticeBanner, Sources } from './cells.tsx';
import { formatDateTime, formatNumber, formatPeriod } from './format.ts';
import { GroupSwatch, IndexMap } from './index-map.tsx';
import { MonitoringCrumbs, catalogueHref, monitoringHref, profileHref } from './level-controls.tsx';

function IndicatorList({ view, items }: { view: IndexView; items: IndicatorInfo[] }) {
  return (
    <ul class="kern-list">
      {items.map((i) => (
        <li>
          <a class="kern-link" href={catalogueHref(i.code, view.notice)}>
            {i.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Method({ ctx, view }: { ctx: PageContext; view: IndexView }) {
  const { t } = ctx;
  const c = view.config;
  const cut = (v: number) => formatNumber(ctx, v, 1);
  const hasDynamics = c.dynamicsIndicators.length > 0;
  return (
    <section aria-labelledby="methode">
      <h2 class="kern-heading-medium" id="methode">
        {t('mon.maps.index.methodHeading')}
      </h2>
      <p class="kern-body">{t('mon.maps.index.statusIntro', { n: c.statusIndicators.length })}</p>
      <IndicatorList view={view} items={c.statusIndicators} />
      {hasDynamics ? (
        <>
          <p class="kern-body">
            {c.dynamicsYears
              ? t('mon.maps.index.dynamicsIntroYears', {
                  n: c.dynamicsIndicators.length,
                  years: c.dynamicsYears,
                })
              : t('mon.maps.index.dynamicsIntro', { n: c.dynamicsIndicators.length })}
          </p>
          <IndicatorList view={view} items={c.dynamicsIndicators} />
        </>
      ) : (
        <p class="kern-body">{t('mon.maps.index.noDynamics')}</p>
      )}
      <p class="kern-body">{t('mon.maps.index.standardise')}</p>
      <p class="kern-body">
        {t('mon.maps.index.minimum', {
          population: formatNumber(ctx, c.minPopulation, 0),
          units: c.minUnits,
        })}
      </p>
      <h3 class="kern-heading-small">{t('mon.maps.index.statusClasses')}</h3>
      <ul class="kern-list">
        <li>{t('mon.maps.index.status.hoch', { high: cut(c.statusCutoffs.high) })}</li>
        <li>
          {t('mon.maps.index.status.mittel', {
            high: cut(c.statusCutoffs.high),
            low: cut(c.statusCutoffs.low),
          })}
        </li>
        <li>
          {t('mon.maps.index.status.niedrig', {
            low: cut(c.statusCutoffs.low),
            veryLow: cut(c.statusCutoffs.veryLow),
          })}
        </li>
        <li>{t('mon.maps.index.status.sehrNiedrig', { veryLow: cut(c.statusCutoffs.veryLow) })}</li>
      </ul>
      <p class="kern-body">
        <strong>{t('mon.maps.index.lowMeans')}</strong>
      </p>
      {hasDynamics ? (
        <>
          <h3 class="kern-heading-small">{t('mon.maps.index.dynamicsClasses')}</h3>
          <ul class="kern-list">
            <li>
              {t('mon.maps.index.dynamics.positiv', {
                positive: cut(c.dynamicsCutoffs.positive),
              })}
            </li>
            <li>
              {t('mon.maps.index.dynamics.stabil', {
                positive: cut(c.dynamicsCutoffs.positive),
                negative: cut(c.dynamicsCutoffs.negative),
              })}
            </li>
            <li>
              {t('mon.maps.index.dynamics.negativ', {
                negative: cut(c.dynamicsCutoffs.negative),
              })}
            </li>
          </ul>
          <p class="kern-body">{t('mon.maps.index.twelve')}</p>
        </>
      ) : null}
    </section>
  );
}

/** Status classes as rows, dynamics classes as columns, the number of areas in each cell. */
function GroupTable({ ctx, view }: { ctx: PageContext; view: IndexView }) {
  const { t } = ctx;
  const statuses = [...new Set(view.groups.map((g) => g.statusClass))];
  const dynamics = [...new Set(view.groups.map((g) => g.dynamicsClass))];
  const count = new Map(view.groups.map((g) => [`${g.statusClass}|${g.dynamicsClass}`, g]));
  const caption = t('mon.maps.index.groupsCaption');
  return (
    <div class="kern-table-responsive" tabindex={0} role="region" aria-label={caption}>
      <table class="kern-table" id="gruppen">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              {t('mon.maps.index.statusClass')}
            </th>
            {dynamics.map((d) => (
              <th scope="col" class="kern-table__header kern-table__header--numeric">
                {d ? t('mon.maps.index.dynamicsLabel', { d }) : t('mon.maps.index.count')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {statuses.map((s) => (
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {t('mon.maps.index.statusLabel', { s })}
              </th>
              {dynamics.map((d) => {
                const g = count.get(`${s}|${d}`);
                return (
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <GroupSwatch statusClass={s} dynamicsClass={d || null} />{' '}
                    {g ? String(g.count) : '0'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AreaTable({ ctx, view }: { ctx: PageContext; view: IndexView }) {
  const { t } = ctx;
  const index = (v: number | null) => (v === null ? '–' : formatNumber(ctx, v, 2));
  const caption = t('mon.maps.index.areasCaption', { level: view.level.name });
  const header = (label: string, numeric = false) => (
    <th scope="col" class={`kern-table__header${numeric ? ' kern-table__header--numeric' : ''}`}>
      {label}
    </th>
  );
  return (
    <div class="kern-table-responsive" tabindex={0} role="region" aria-label={caption}>
      <table class="kern-table kern-table--striped" id="gebiete">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            {header(t('mon.maps.area'))}
            {header(t('mon.maps.index.population'), true)}
            {header(t('mon.maps.index.statusIndex'), true)}
            {header(t('mon.maps.index.statusClass'))}
            {header(t('mon.maps.index.dynamicsIndex'), true)}
            {header(t('mon.maps.index.dynamicsClass'))}
            {header(t('mon.maps.index.group'))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {view.rows.map((r) => {
            const indexed = r.statusClass !== null && r.notIndexedReason === null;
            return (
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  <a
                    class="kern-link"
                    href={profileHref(view.system.id, r.area.code, view.period, view.notice)}
                  >
                    {r.area.name}
                  </a>
                </th>
                <td class="kern-table__cell kern-table__cell--numeric">
                  {r.population === null ? '–' : formatNumber(ctx, r.population, 0)}
                </td>
                <td class="kern-table__cell kern-table__cell--numeric">{index(r.statusIndex)}</td>
                <td class="kern-table__cell">{r.statusClass ?? '–'}</td>
                <td class="kern-table__cell kern-table__cell--numeric">{index(r.dynamicsIndex)}</td>
                <td class="kern-table__cell">{r.dynamicsClass ?? '–'}</td>
                <td class="kern-table__cell">
                  {indexed ? (
                    <>
                      <GroupSwatch statusClass={r.statusClass} dynamicsClass={r.dynamicsClass} />{' '}
                      {r.group ?? t('mon.maps.index.statusLabel', { s: r.statusClass! })}
                    </>
                  ) : (
                    `${t('mon.maps.index.notIndexed')}${r.notIndexedReason ? `: ${r.notIndexedReason}` : ''}`
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function PeriodForm({ ctx, view }: { ctx: PageContext; view: IndexView }) {
  const periods = view.periods.includes(view.period)
    ? view.periods
    : [view.period, ...view.periods];
  return (
    <form
      method="get"
      action={`/monitoring/index/${encodeURIComponent(view.config.id)}`}
      class="level-form"
      aria-label={ctx.t('mon.maps.index.periodForm')}
    >
      {view.notice.preview ? (
        <input type="hidden" name="vorschau" value={String(view.notice.preview.id)} />
      ) : null}
      <div class="kern-form-input">
        <label class="kern-label" for="zeitraum">
          {ctx.t('mon.period')}
        </label>
        <div class="kern-form-input__select-wrapper">
          <select class="kern-form-input__select" id="zeitraum" name="zeitraum">
            {periods.map((p) => (
              <option value={p} selected={p === view.period}>
                {formatPeriod(p)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button class="kern-btn kern-btn--secondary" type="submit">
        <span class="kern-label">{ctx.t('mon.maps.show')}</span>
      </button>
    </form>
  );
}

export function indexPage(ctx: PageContext, view: IndexView): string {
  const { t } = ctx;
  const title = t('mon.maps.index.title', {
    name: view.config.name,
    period: formatPeriod(view.period),
  });
  return renderPage({
    ctx,
    title,
    children: (
      <>
        <MonitoringCrumbs
          ctx={ctx}
          system={view.system}
          notice={view.notice}
          label={view.config.name}
        />
        <h1 class="kern-heading-large">{title}</h1>
        {view.config.isExample ? <ExampleBadge ctx={ctx} /> : null}
        <DataNoticeBanner ctx={ctx} notice={view.notice} />
        {view.config.description ? <p class="kern-body">{view.config.description}</p> : null}
        <PeriodForm ctx={ctx} view={view} />
        <p class="kern-body">
          {t('mon.maps.index.computed', {
            date: formatDateTime(ctx, view.computedAt),
            n: view.indexedCount,
            total: view.rows.length,
            level: view.level.name,
          })}
        </p>
        <Method ctx={ctx} view={view} />
        <h2 class="kern-heading-medium">{t('mon.maps.index.groupsHeading')}</h2>
        <GroupTable ctx={ctx} view={view} />
        <h2 class="kern-heading-medium">{t('mon.maps.map.heading')}</h2>
        <IndexMap ctx={ctx} view={view} title={t('mon.maps.index.mapTitle', { title })} />
        <h2 class="kern-heading-medium">{t('mon.maps.index.areasHeading')}</h2>
        <AreaTable ctx={ctx} view={view} />
        <section aria-labelledby="export">
          <h2 class="kern-heading-small" id="export">
            {t('mon.maps.export')}
          </h2>
          <p class="kern-body">
            <a
              class="kern-link"
              href={monitoringHref(
                `/api/v1/monitoring/index/${encodeURIComponent(view.config.id)}.csv`,
                { zeitraum: view.period },
                view.notice,
              )}
            >
              {t('mon.maps.index.exportCsv')}
            </a>
          </p>
        </section>
        <Sources ctx={ctx} notice={view.notice} />
      </>
    ),
  });
}
