// Pages of the areas module: list of systems, a system, an area with hierarchy, children and map.
import type { AreaListItem, SystemSummary } from '../areas.repository.ts';
import type { viewArea, viewSystem } from '../view-areas.ts';
import { renderPage } from '../../../ui/layout.tsx';
import { Breadcrumb, ExampleBadge } from '../../../ui/components.tsx';
import { SvgMap } from '../../../ui/svg-map.tsx';
import { formatDate, formatNumber } from '../../../ui/i18n/index.ts';
import type { PageContext } from '../../../ui/page.ts';
import { AreaTable } from './area-table.tsx';
import { areaHref, km2, populationText } from './format.ts';

type SystemView = Awaited<ReturnType<typeof viewSystem>>;
type AreaView = Awaited<ReturnType<typeof viewArea>>;

function SourceBox({ ctx, system }: { ctx: PageContext; system: SystemSummary }) {
  const { t } = ctx;
  return (
    <section class="source-box" aria-labelledby="quelle">
      <h2 id="quelle" class="kern-heading-small">
        {t('area.source')}
      </h2>
      <p class="kern-body kern-body--small">{system.source}</p>
      <p class="kern-body kern-body--small">{system.licence}</p>
      {system.validFrom || system.validTo ? (
        <p class="kern-body kern-body--small">
          {`${t('area.validity')}: `}
          {system.validFrom
            ? t('area.validFrom', { date: formatDate(ctx.locale, system.validFrom) })
            : ''}
          {system.validTo
            ? ` ${t('area.validTo', { date: formatDate(ctx.locale, system.validTo) })}`
            : ''}
        </p>
      ) : null}
    </section>
  );
}

export function systemsPage(ctx: PageContext, systems: SystemSummary[]): string {
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t('areas.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{t('areas.title')}</h1>
        <p class="kern-body kern-body--large">{t('areas.lead')}</p>
        {systems.length === 0 ? (
          <p class="kern-body">{t('areas.empty')}</p>
        ) : (
          <div
            class="kern-table-responsive"
            tabindex={0}
            role="region"
            aria-label={t('areas.title')}
          >
            <table class="kern-table kern-table--striped">
              <caption class="kern-sr-only">{t('areas.title')}</caption>
              <thead class="kern-table__head">
                <tr class="kern-table__row">
                  <th scope="col" class="kern-table__header">
                    {t('areas.col.system')}
                  </th>
                  <th scope="col" class="kern-table__header">
                    {t('areas.col.levels')}
                  </th>
                  <th scope="col" class="kern-table__header kern-table__header--numeric">
                    {t('areas.col.count')}
                  </th>
                  <th scope="col" class="kern-table__header">
                    {t('areas.col.valid')}
                  </th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {systems.map((s) => (
                  <tr class="kern-table__row">
                    <th scope="row" class="kern-table__cell">
                      <a class="kern-link" href={`/gebiete/${s.id}`}>
                        {s.name}
                      </a>{' '}
                      {s.isExample ? <ExampleBadge ctx={ctx} /> : null}
                    </th>
                    <td class="kern-table__cell">{s.levels.map((l) => l.name).join(' → ')}</td>
                    <td class="kern-table__cell kern-table__cell--numeric">
                      {formatNumber(ctx.locale, s.areaCount)}
                    </td>
                    <td class="kern-table__cell">
                      {s.validFrom ? formatDate(ctx.locale, s.validFrom) : '–'}
                    </td>
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

function LookupForm({ ctx, systemId }: { ctx: PageContext; systemId: string }) {
  const { t } = ctx;
  return (
    <form class="lookup-form" method="get" action="/gebiete/punkt">
      <fieldset class="kern-fieldset">
        <legend class="kern-label kern-label--large">{t('lookup.title')}</legend>
        <input type="hidden" name="system" value={systemId} />
        <div class="kern-fieldset__body kern-fieldset__body--horizontal">
          <div class="kern-form-input">
            <label class="kern-label" for="lat">
              {t('lookup.lat')}
            </label>
            <input
              class="kern-form-input__input"
              id="lat"
              name="lat"
              inputMode="decimal"
              required
            />
          </div>
          <div class="kern-form-input">
            <label class="kern-label" for="lon">
              {t('lookup.lon')}
            </label>
            <input
              class="kern-form-input__input"
              id="lon"
              name="lon"
              inputMode="decimal"
              required
            />
          </div>
        </div>
        <button class="kern-btn kern-btn--secondary" type="submit">
          <span class="kern-label">{t('lookup.submit')}</span>
        </button>
      </fieldset>
    </form>
  );
}

export function systemPage(ctx: PageContext, v: SystemView): string {
  const { t } = ctx;
  const { system } = v;
  const withoutGeometry = v.topAreas.filter((a) => !a.hasGeometry).length;
  return renderPage({
    ctx,
    title: system.name,
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[{ href: '/gebiete', label: t('areas.title') }, { label: system.name }]}
        />
        <h1 class="kern-heading-large">{system.name}</h1>
        {system.isExample ? <ExampleBadge ctx={ctx} /> : null}
        <p class="kern-body kern-body--large">{system.description}</p>
        <p class="kern-body">{`${t('areas.col.levels')}: ${system.levels.map((l) => l.name).join(' → ')}`}</p>
        {system.geometryNote ? <p class="kern-body note">{system.geometryNote}</p> : null}
        {v.topLevel ? (
          <AreaTable
            ctx={ctx}
            systemId={system.id}
            items={v.topAreas}
            caption={`${t('area.topLevel')}: ${v.topLevel.name}`}
          />
        ) : null}
        {withoutGeometry > 0 ? (
          <p class="kern-body kern-body--small">
            {t('area.withoutGeometry', { count: withoutGeometry })}
          </p>
        ) : null}
        {v.drawn ? (
          <figure class="map-figure">
            <SvgMap
              title={t('area.mapCaption', { name: system.name })}
              shapes={v.drawn.shapes.map((s) => ({
                id: s.code,
                name: s.name,
                href: areaHref(system.id, s.code),
                geometry: s.geometry!,
              }))}
            />
            <figcaption class="kern-body kern-body--small">
              {`${t('area.map')}: ${v.drawn.level.name} · `}
              <a class="kern-link" href={`/gebiete/${system.id}/karte?level=${v.drawn.level.key}`}>
                {t('area.mapInteractive')}
              </a>
            </figcaption>
          </figure>
        ) : (
          <p class="kern-body">{t('area.mapNone')}</p>
        )}
        <LookupForm ctx={ctx} systemId={system.id} />
        <SourceBox ctx={ctx} system={system} />
      </>
    ),
  });
}

export function areaPage(ctx: PageContext, v: AreaView): string {
  const { t } = ctx;
  const { system, area, level, childLevel } = v;
  const note =
    typeof area.attributes['hinweis'] === 'string' ? area.attributes['hinweis'] : undefined;
  const isExample = system.isExample || (note?.startsWith('Beispieldaten') ?? false);
  const items: { href?: string; label: string }[] = [
    { href: '/gebiete', label: t('areas.title') },
    { href: `/gebiete/${system.id}`, label: system.name },
    ...v.path.map((p) => ({
      href: areaHref(system.id, p.code),
      label: `${p.name} (${system.levels.find((l) => l.key === p.level_key)?.name ?? p.level_key})`,
    })),
    { label: area.name },
  ];
  const shapes = [
    ...(area.displayGeometry
      ? [
          {
            id: area.code,
            name: area.name,
            geometry: area.displayGeometry,
            outline: v.childShapes.length > 0,
          },
        ]
      : []),
    ...v.childShapes.map((s) => ({
      id: s.code,
      name: s.name,
      href: areaHref(system.id, s.code),
      geometry: s.geometry!,
    })),
  ];
  return renderPage({
    ctx,
    title: `${area.name} (${level.name})`,
    children: (
      <>
        <Breadcrumb ctx={ctx} items={items} />
        <h1 class="kern-heading-large">
          {area.name} <span class="kern-subline">{level.name}</span>
        </h1>
        {isExample ? <ExampleBadge ctx={ctx} /> : null}
        <dl class="kern-description-list facts">
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('area.level')}</dt>
            <dd class="kern-description-list-item__value">{level.name}</dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('area.code')}</dt>
            <dd class="kern-description-list-item__value">{area.code}</dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('area.population')}</dt>
            <dd class="kern-description-list-item__value">
              {populationText(ctx, area.population, area.populationDate)}
            </dd>
          </div>
          {area.populationSource ? (
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">{t('area.populationSource')}</dt>
              <dd class="kern-description-list-item__value">{area.populationSource}</dd>
            </div>
          ) : null}
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('area.size')}</dt>
            <dd class="kern-description-list-item__value">
              {area.areaM2 === null ? '–' : `${km2(ctx, area.areaM2)} ${t('unit.km2')}`}
            </dd>
          </div>
        </dl>
        {note ? <p class="kern-body note">{note}</p> : null}
        {shapes.length > 0 ? (
          <figure class="map-figure">
            <SvgMap title={t('area.mapCaption', { name: area.name })} shapes={shapes} />
            <figcaption class="kern-body kern-body--small">
              {childLevel && v.childShapes.length > 0 ? (
                <a class="kern-link" href={`/gebiete/${system.id}/karte?level=${childLevel.key}`}>
                  {t('area.mapInteractive')}
                </a>
              ) : null}{' '}
              {area.hasGeometry ? (
                <a
                  class="kern-link"
                  href={`/api/v1/areas/${system.id}/${encodeURIComponent(area.code)}/geojson`}
                >
                  {t('area.geojson')}
                </a>
              ) : null}
            </figcaption>
          </figure>
        ) : (
          <p class="kern-body note">{system.geometryNote ?? t('area.mapNone')}</p>
        )}
        {childLevel ? (
          v.children.length > 0 ? (
            <AreaTable
              ctx={ctx}
              systemId={system.id}
              items={v.children as AreaListItem[]}
              caption={t('area.children', { level: childLevel.name })}
            />
          ) : (
            <p class="kern-body">{t('area.childrenNone')}</p>
          )
        ) : null}
        <SourceBox ctx={ctx} system={system} />
      </>
    ),
  });
}
