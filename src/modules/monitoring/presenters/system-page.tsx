// The page of one area system in the monitoring: its views (map, ranking, comparison, index), each
// level with its areas linking to their profiles, and the indicators with values.
import { Breadcrumb, ExampleBadge } from '../../../ui/components.tsx';
import { renderPage } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { SystemView } from '../view-model.ts';
import { DataNoticeBanner, Sources } from './cells.tsx';
import { formatNumber } from './format.ts';
import { catalogueUrl, monitoringPaths as paths, monitoringUrl } from './profile-parts.tsx';

/** Levels with more areas than this fold their list into a disclosure. */
const FOLD_AFTER = 40;

function LevelAreas({
  ctx,
  view,
  level,
}: {
  ctx: PageContext;
  view: SystemView;
  level: SystemView['levels'][number];
}) {
  const { t } = ctx;
  const { system, notice } = view;
  const list = (
    <ul class="kern-list area-columns">
      {level.areas.map((a) => (
        <li>
          <a class="kern-link" href={monitoringUrl(paths.profile(system.id, a.code), {}, notice)}>
            {a.name}
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby={`ebene-${level.key}`}>
      <h2 class="kern-heading-medium" id={`ebene-${level.key}`}>
        {level.name}
      </h2>
      <p class="kern-body">
        {`${t('mon.systemPage.levelCount', { count: formatNumber(ctx, level.areas.length, 0) })} · `}
        <a
          class="kern-link"
          href={monitoringUrl(paths.map(system.id), { ebene: level.key }, notice)}
        >
          {t('mon.systemPage.levelMap', { level: level.name })}
        </a>
      </p>
      {level.areas.length === 0 ? (
        <p class="kern-body">{t('mon.systemPage.noAreas')}</p>
      ) : level.areas.length > FOLD_AFTER ? (
        <details class="kern-accordion">
          <summary class="kern-accordion__header">
            <span class="kern-title">
              {t('mon.systemPage.showAll', {
                count: formatNumber(ctx, level.areas.length, 0),
                level: level.name,
              })}
            </span>
          </summary>
          <div class="kern-accordion__body">{list}</div>
        </details>
      ) : (
        list
      )}
    </section>
  );
}

export function systemPage(ctx: PageContext, view: SystemView): string {
  const { t } = ctx;
  const { system, notice } = view;
  const levelName = (key: string) => system.levels.find((l) => l.key === key)?.name ?? key;
  const link = (href: string, label: string) => (
    <a class="kern-link" href={monitoringUrl(href, {}, notice)}>
      {label}
    </a>
  );
  return renderPage({
    ctx,
    title: system.name,
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[
            { href: monitoringUrl(paths.overview, {}, notice), label: t('mon.overview.title') },
            { label: system.name },
          ]}
        />
        <h1 class="kern-heading-large">{system.name}</h1>
        {system.isExample ? <ExampleBadge ctx={ctx} /> : null}
        <DataNoticeBanner ctx={ctx} notice={notice} />
        <p class="kern-body kern-body--large lead">{t('mon.systemPage.lead')}</p>
        <nav aria-labelledby="ansichten">
          <h2 class="kern-heading-small" id="ansichten">
            {t('mon.overview.views')}
          </h2>
          <ul class="kern-list">
            <li>{link(paths.map(system.id), t('mon.overview.link.map'))}</li>
            <li>{link(paths.ranking(system.id), t('mon.overview.link.ranking'))}</li>
            <li>{link(paths.comparison(system.id), t('mon.overview.link.comparison'))}</li>
            {view.indexConfigs.map((c) => (
              <li>
                {link(
                  paths.index(c.id),
                  t('mon.systemPage.indexLevel', {
                    name: t('mon.overview.link.index', { name: c.name }),
                    level: levelName(c.levelKey),
                  }),
                )}
                {c.isExample ? (
                  <>
                    {' '}
                    <ExampleBadge ctx={ctx} />
                  </>
                ) : null}
              </li>
            ))}
            <li>{link(paths.catalogue, t('mon.overview.link.catalogue'))}</li>
          </ul>
        </nav>
        {view.levels.map((level) => (
          <LevelAreas ctx={ctx} view={view} level={level} />
        ))}
        {view.indicators.length > 0 ? (
          <section aria-labelledby="indikatoren">
            <h2 class="kern-heading-medium" id="indikatoren">
              {t('mon.systemPage.indicators')}
            </h2>
            <div
              class="kern-table-responsive"
              tabindex={0}
              role="region"
              aria-labelledby="indikatoren"
            >
              <table class="kern-table kern-table--striped">
                <caption class="kern-table__caption">
                  {t('mon.systemPage.indicatorsCaption')}
                </caption>
                <thead class="kern-table__head">
                  <tr class="kern-table__row">
                    <th scope="col" class="kern-table__header">
                      {t('mon.profile.col.indicator')}
                    </th>
                    <th scope="col" class="kern-table__header">
                      {t('mon.systemPage.topic')}
                    </th>
                    <th scope="col" class="kern-table__header">
                      {t('mon.catalogue.unit')}
                    </th>
                    <th scope="col" class="kern-table__header">
                      {t('mon.overview.views')}
                    </th>
                  </tr>
                </thead>
                <tbody class="kern-table__body">
                  {view.indicators.map((ind) => (
                    <tr class="kern-table__row">
                      <th scope="row" class="kern-table__cell">
                        <a class="kern-link" href={catalogueUrl(ind.code, notice)}>
                          {ind.name}
                        </a>
                        {ind.isExample ? (
                          <>
                            {' '}
                            <ExampleBadge ctx={ctx} />
                          </>
                        ) : null}
                      </th>
                      <td class="kern-table__cell">{ind.topicName}</td>
                      <td class="kern-table__cell">{ind.unit || '–'}</td>
                      <td class="kern-table__cell">
                        <a
                          class="kern-link"
                          href={monitoringUrl(
                            paths.map(system.id),
                            { indikator: ind.code },
                            notice,
                          )}
                        >
                          {t('mon.overview.link.map')}
                          <span class="kern-sr-only">{`: ${ind.name}`}</span>
                        </a>
                        {' · '}
                        <a
                          class="kern-link"
                          href={monitoringUrl(
                            paths.ranking(system.id),
                            { indikator: ind.code },
                            notice,
                          )}
                        >
                          {t('mon.overview.link.ranking')}
                          <span class="kern-sr-only">{`: ${ind.name}`}</span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
        <Sources ctx={ctx} notice={notice} />
      </>
    ),
  });
}
