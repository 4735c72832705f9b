// Public entry pages of the monitoring: the overview of all systems and the indicator catalogue
// (the page of one system is in system-page.tsx).
import { Breadcrumb, ExampleBadge } from '../../../ui/components.tsx';
import { renderPage } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { CatalogueView, IndicatorInfo, OverviewView } from '../view-model.ts';
import { formatNumber, formatPeriod } from './format.ts';
import { Fact, indicatorAnchor, monitoringPaths as paths } from './profile-parts.tsx';

function SystemEntry({ ctx, entry }: { ctx: PageContext; entry: OverviewView['systems'][number] }) {
  const { t } = ctx;
  const { system } = entry;
  const headingId = `system-${system.id}`;
  return (
    <section class="monitoring-system" aria-labelledby={headingId}>
      <h2 class="kern-heading-medium" id={headingId}>
        {system.name}
      </h2>
      {entry.example || system.isExample ? <ExampleBadge ctx={ctx} /> : null}
      <dl class="kern-description-list facts">
        <Fact label={t('mon.overview.indicators')}>
          {formatNumber(ctx, entry.indicatorCount, 0)}
        </Fact>
        <Fact label={t('mon.overview.periods')}>
          {entry.periods.length > 0
            ? entry.periods.map(formatPeriod).join(', ')
            : t('mon.overview.noPeriods')}
        </Fact>
        <Fact label={t('mon.overview.levels')}>{system.levels.map((l) => l.name).join(' → ')}</Fact>
      </dl>
      <h3 class="kern-heading-small">{t('mon.overview.views')}</h3>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={paths.system(system.id)}>
            {t('mon.overview.link.system', { name: system.name })}
          </a>
        </li>
        {entry.topArea ? (
          <li>
            <a class="kern-link" href={paths.profile(system.id, entry.topArea.code)}>
              {t('mon.overview.link.profile', { name: entry.topArea.name })}
            </a>
          </li>
        ) : null}
        <li>
          <a class="kern-link" href={paths.map(system.id)}>
            {t('mon.overview.link.map')}
            <span class="kern-sr-only">{`: ${system.name}`}</span>
          </a>
        </li>
        <li>
          <a class="kern-link" href={paths.ranking(system.id)}>
            {t('mon.overview.link.ranking')}
            <span class="kern-sr-only">{`: ${system.name}`}</span>
          </a>
        </li>
        <li>
          <a class="kern-link" href={paths.comparison(system.id)}>
            {t('mon.overview.link.comparison')}
            <span class="kern-sr-only">{`: ${system.name}`}</span>
          </a>
        </li>
        {entry.indexConfigs.map((c) => (
          <li>
            <a class="kern-link" href={paths.index(c.id)}>
              {t('mon.overview.link.index', { name: c.name })}
            </a>
            {c.isExample ? (
              <>
                {' '}
                <ExampleBadge ctx={ctx} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function overviewPage(ctx: PageContext, view: OverviewView): string {
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t('mon.overview.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{t('mon.overview.title')}</h1>
        <p class="kern-body kern-body--large lead">{t('mon.overview.lead')}</p>
        <p class="kern-body lead">{t('mon.overview.cycle')}</p>
        <p class="kern-body lead">{t('mon.overview.marks')}</p>
        {view.systems.length === 0 ? (
          <p class="kern-body">{t('mon.overview.none')}</p>
        ) : (
          view.systems.map((entry) => <SystemEntry ctx={ctx} entry={entry} />)
        )}
        <h2 class="kern-heading-medium">{t('mon.catalogue.title')}</h2>
        <p class="kern-body">
          {`${t('mon.overview.catalogue', { count: formatNumber(ctx, view.indicatorCount, 0) })} `}
          <a class="kern-link" href={paths.catalogue}>
            {t('mon.overview.link.catalogue')}
          </a>
        </p>
      </>
    ),
  });
}

/** The kind in words; a rate says its base unless it is per hundred. */
export function kindText(ctx: PageContext, ind: Pick<IndicatorInfo, 'kind' | 'per'>): string {
  const kind = ctx.t(`mon.catalogue.kind.${ind.kind}` as 'mon.catalogue.kind.count');
  return ind.kind === 'rate' && ind.per !== 100
    ? `${kind} (${ctx.t('mon.catalogue.per', { per: formatNumber(ctx, ind.per, 0) })})`
    : kind;
}

function precisionText(ctx: PageContext, precision: number): string {
  if (precision === 0) return ctx.t('mon.catalogue.decimalsNone');
  if (precision === 1) return ctx.t('mon.catalogue.decimalsOne');
  return ctx.t('mon.catalogue.decimals', { n: precision });
}

function Definition({
  ctx,
  ind,
  names,
}: {
  ctx: PageContext;
  ind: IndicatorInfo;
  names: Record<string, string>;
}) {
  const { t } = ctx;
  const id = indicatorAnchor(ind.code);
  const hasFormula = ind.numeratorCode !== null && ind.denominatorCode !== null;
  return (
    <section class="indicator-definition" aria-labelledby={id}>
      <h3 class="kern-heading-small" id={id}>
        {ind.name}
      </h3>
      {ind.isExample ? <ExampleBadge ctx={ctx} /> : null}
      <dl class="kern-description-list">
        <Fact label={t('mon.catalogue.code')}>
          <code>{ind.code}</code>
        </Fact>
        <Fact label={t('mon.catalogue.description')}>{ind.description}</Fact>
        <Fact label={t('mon.catalogue.unit')}>{ind.unit || '–'}</Fact>
        <Fact label={t('mon.catalogue.kind')}>{kindText(ctx, ind)}</Fact>
        {hasFormula ? (
          <Fact label={t('mon.catalogue.formula')}>
            {t('mon.catalogue.formulaText', {
              numerator: names[ind.numeratorCode!] ?? ind.numeratorCode!,
              denominator: names[ind.denominatorCode!] ?? ind.denominatorCode!,
            })}
          </Fact>
        ) : null}
        <Fact label={t('mon.catalogue.polarity')}>
          {t(`mon.catalogue.polarity.${ind.polarity}` as 'mon.catalogue.polarity.neutral')}
        </Fact>
        <Fact label={t('mon.catalogue.source')}>{ind.source || '–'}</Fact>
        <Fact label={t('mon.catalogue.licence')}>{ind.licence || '–'}</Fact>
        <Fact label={t('mon.catalogue.disclosure')}>
          {ind.minCount > 0
            ? t('mon.catalogue.minCount', { n: formatNumber(ctx, ind.minCount, 0) })
            : t('mon.catalogue.noMinCount')}
        </Fact>
        <Fact label={t('mon.catalogue.precision')}>{precisionText(ctx, ind.precision)}</Fact>
        <Fact label={t('mon.catalogue.visibility')}>
          {ind.isPublic ? t('mon.catalogue.public') : t('mon.catalogue.internal')}
        </Fact>
      </dl>
    </section>
  );
}

export function cataloguePage(ctx: PageContext, view: CatalogueView): string {
  const { t } = ctx;
  const topics = view.topics.filter((topic) => topic.indicators.length > 0);
  return renderPage({
    ctx,
    title: t('mon.catalogue.title'),
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[
            { href: paths.overview, label: t('mon.overview.title') },
            { label: t('mon.catalogue.title') },
          ]}
        />
        <h1 class="kern-heading-large">{t('mon.catalogue.title')}</h1>
        <p class="kern-body kern-body--large lead">{t('mon.catalogue.lead')}</p>
        {topics.length === 0 ? (
          <p class="kern-body">{t('mon.catalogue.none')}</p>
        ) : (
          <>
            <nav aria-labelledby="themen">
              <h2 class="kern-heading-small" id="themen">
                {t('mon.catalogue.topics')}
              </h2>
              <ul class="kern-list">
                {topics.map((topic) => (
                  <li>
                    <a class="kern-link" href={`#thema-${topic.key}`}>
                      {topic.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {topics.map((topic) => (
              <section aria-labelledby={`thema-${topic.key}`}>
                <h2 class="kern-heading-medium" id={`thema-${topic.key}`}>
                  {topic.name}
                </h2>
                {topic.indicators.map((ind) => (
                  <Definition ctx={ctx} ind={ind} names={view.names} />
                ))}
              </section>
            ))}
          </>
        )}
      </>
    ),
  });
}

export { systemPage } from './system-page.tsx';
