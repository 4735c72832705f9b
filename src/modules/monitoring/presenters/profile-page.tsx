// The area profile ("Sozialraum-Steckbrief"): key facts, index placement, locator map and every
// indicator of the chosen period beside its parent area and the city, with time series.
import { Breadcrumb } from '../../../ui/components.tsx';
import { renderPage } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page.ts';
import { SvgMap } from '../../../ui/svg-map.tsx';
import type { AreaRef, IndexPlacement, ProfileView } from '../view-model.ts';
import { DataNoticeBanner, Sources } from './cells.tsx';
import { formatNumber, formatPeriod } from './format.ts';
import {
  Fact,
  PeriodSelect,
  PreviewField,
  monitoringPaths as paths,
  monitoringUrl,
} from './profile-parts.tsx';
import { TopicSection, profileColumns } from './profile-sections.tsx';

function profileUrl(view: ProfileView, area: Pick<AreaRef, 'code'>): string {
  return monitoringUrl(
    paths.profile(view.system.id, area.code),
    { zeitraum: view.period },
    view.notice,
  );
}

function AreaLink({ view, area }: { view: ProfileView; area: AreaRef }) {
  return (
    <a class="kern-link" href={profileUrl(view, area)}>
      {area.name}
    </a>
  );
}

function KeyFacts({ ctx, view }: { ctx: PageContext; view: ProfileView }) {
  const { t } = ctx;
  const { area } = view;
  const population =
    area.population === null
      ? t('mon.profile.unknown')
      : area.populationDate
        ? t('mon.profile.populationAt', {
            value: formatNumber(ctx, area.population, 0),
            date: formatPeriod(area.populationDate),
          })
        : formatNumber(ctx, area.population, 0);
  return (
    <section aria-labelledby="eckdaten">
      <h2 class="kern-heading-medium" id="eckdaten">
        {t('mon.profile.facts')}
      </h2>
      <dl class="kern-description-list facts">
        <Fact label={t('mon.profile.level')}>{area.levelName}</Fact>
        <Fact label={t('mon.profile.code')}>{area.code}</Fact>
        <Fact label={t('mon.profile.population')}>{population}</Fact>
        {view.parent ? (
          <Fact label={t('mon.profile.parent')}>
            <AreaLink view={view} area={view.parent} />
          </Fact>
        ) : null}
        {view.children.length > 0 ? (
          <Fact label={t('mon.profile.children')}>
            {view.children.map((c, i) => (
              <>
                {i > 0 ? ', ' : null}
                <AreaLink view={view} area={c} />
              </>
            ))}
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}

function indexClass(ctx: PageContext, cls: string | null, value: number | null): string {
  if (!cls) return '–';
  return value === null
    ? cls
    : ctx.t('mon.profile.classValue', { class: cls, value: formatNumber(ctx, value, 2) });
}

function IndexTable({ ctx, view }: { ctx: PageContext; view: ProfileView }) {
  const { t } = ctx;
  const row = (p: IndexPlacement) => (
    <tr class="kern-table__row">
      <th scope="row" class="kern-table__cell">
        <a
          class="kern-link"
          href={monitoringUrl(paths.index(p.configId), { zeitraum: p.period }, view.notice)}
        >
          {p.configName}
        </a>
      </th>
      <td class="kern-table__cell">{formatPeriod(p.period)}</td>
      {p.notIndexedReason !== null ? (
        <td class="kern-table__cell" colSpan={3}>
          {t('mon.profile.notIndexed', { reason: p.notIndexedReason })}
        </td>
      ) : (
        <>
          <td class="kern-table__cell">{indexClass(ctx, p.statusClass, p.statusIndex)}</td>
          <td class="kern-table__cell">{indexClass(ctx, p.dynamicsClass, p.dynamicsIndex)}</td>
          <td class="kern-table__cell">{p.group ?? '–'}</td>
        </>
      )}
    </tr>
  );
  return (
    <section aria-labelledby="index">
      <h2 class="kern-heading-medium" id="index">
        {t('mon.profile.index')}
      </h2>
      <div class="kern-table-responsive" tabindex={0} role="region" aria-labelledby="index">
        <table class="kern-table">
          <caption class="kern-table__caption">
            {t('mon.profile.indexCaption', { name: view.area.name })}
          </caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              {(
                [
                  'mon.profile.indexName',
                  'mon.profile.indexPeriod',
                  'mon.profile.status',
                  'mon.profile.dynamics',
                  'mon.profile.group',
                ] as const
              ).map((key) => (
                <th scope="col" class="kern-table__header">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">{view.index.map(row)}</tbody>
        </table>
      </div>
    </section>
  );
}

function Locator({ ctx, view }: { ctx: PageContext; view: ProfileView }) {
  const { t } = ctx;
  const { locator, area } = view;
  if (locator.shapes.length === 0) return null;
  const params = { name: area.name, level: area.levelName };
  return (
    <section aria-labelledby="lage">
      <h2 class="kern-heading-medium" id="lage">
        {t('mon.profile.locator')}
      </h2>
      <figure class="map-figure">
        <SvgMap
          title={t('mon.profile.locatorTitle', params)}
          width={480}
          height={360}
          shapes={locator.shapes.map((s) => ({
            id: s.code,
            name: s.name,
            href: profileUrl(view, s),
            geometry: s.geometry,
            highlight: s.areaId === locator.highlightId,
          }))}
        />
        <figcaption class="kern-body kern-body--small">
          {t('mon.profile.locatorText', {
            ...params,
            count: formatNumber(ctx, Math.max(0, locator.shapes.length - 1), 0),
          })}
        </figcaption>
      </figure>
    </section>
  );
}

export function profilePage(ctx: PageContext, view: ProfileView): string {
  const { t } = ctx;
  const { system, area, notice } = view;
  const columns = profileColumns(view);
  const topics = view.topics.filter((topic) => topic.rows.length > 0);
  return renderPage({
    ctx,
    title: `${t('mon.profile.title', { name: area.name })} (${area.levelName})`,
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[
            { href: monitoringUrl(paths.overview, {}, notice), label: t('mon.overview.title') },
            { href: monitoringUrl(paths.system(system.id), {}, notice), label: system.name },
            ...view.ancestors.map((a) => ({ href: profileUrl(view, a), label: a.name })),
            { label: area.name },
          ]}
        />
        <h1 class="kern-heading-large">
          {area.name}{' '}
          <span class="kern-subline">{`${t('mon.profile.kind')} · ${area.levelName}`}</span>
        </h1>
        <DataNoticeBanner ctx={ctx} notice={notice} />
        <form class="level-form" method="get" action={paths.profile(system.id, area.code)}>
          <PreviewField notice={notice} />
          <PeriodSelect ctx={ctx} id="zeitraum" periods={view.periods} period={view.period} />
          <button class="kern-btn kern-btn--secondary" type="submit">
            <span class="kern-label">{t('mon.profile.show')}</span>
          </button>
        </form>
        <ul class="kern-list profile-actions">
          <li>
            <a
              class="kern-link"
              href={monitoringUrl(
                paths.comparison(system.id),
                { gebiete: [area.code], zeitraum: view.period },
                notice,
              )}
            >
              {t('mon.profile.compare', { name: area.name })}
            </a>
          </li>
          <li>
            <a
              class="kern-link"
              href={monitoringUrl(
                paths.pdf(system.id, area.code),
                { zeitraum: view.period },
                notice,
              )}
            >
              {t('mon.profile.pdf')}
            </a>
          </li>
        </ul>
        <p class="kern-body kern-body--small print-hint">{t('mon.profile.printHint')}</p>
        <KeyFacts ctx={ctx} view={view} />
        {view.index.length > 0 ? <IndexTable ctx={ctx} view={view} /> : null}
        <Locator ctx={ctx} view={view} />
        {topics.length === 0 ? (
          <p class="kern-body">{t('mon.profile.noValues')}</p>
        ) : (
          topics.map((topic) => (
            <TopicSection ctx={ctx} view={view} topic={topic} columns={columns} />
          ))
        )}
        <Sources ctx={ctx} notice={notice} />
      </>
    ),
  });
}
