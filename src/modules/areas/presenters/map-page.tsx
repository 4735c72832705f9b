// The map page: the SVG map as baseline, enhanced by MapLibre (no external tiles), plus level choice and table.
import type { viewLevelMap } from '../view-areas.ts';
import type { LookupHit } from '../lookup-point.ts';
import { renderPage } from '../../../ui/layout.tsx';
import { Breadcrumb, ExampleBadge } from '../../../ui/components.tsx';
import { SvgMap } from '../../../ui/svg-map.tsx';
import type { PageContext } from '../../../ui/page.ts';
import { AreaTable } from './area-table.tsx';
import { areaHref } from './format.ts';

type MapView = Awaited<ReturnType<typeof viewLevelMap>>;

export function mapPage(ctx: PageContext, v: MapView): string {
  const { t } = ctx;
  const { system, level } = v;
  return renderPage({
    ctx,
    title: t('map.title', { name: `${system.name} – ${level.name}` }),
    scripts: ['/assets/js/area-map.js'],
    styles: ['/assets/maplibre/maplibre-gl.css'],
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[
            { href: '/gebiete', label: t('areas.title') },
            { href: `/gebiete/${system.id}`, label: system.name },
            { label: t('nav.map') },
          ]}
        />
        <h1 class="kern-heading-large">
          {t('map.title', { name: `${system.name} – ${level.name}` })}
        </h1>
        {system.isExample ? <ExampleBadge ctx={ctx} /> : null}
        <p class="kern-body">{t('map.lead')}</p>
        <form method="get" class="level-form">
          <div class="kern-form-input">
            <label class="kern-label" for="level">
              {t('map.level')}
            </label>
            <div class="kern-form-input__select-wrapper">
              <select class="kern-form-input__select" id="level" name="level">
                {system.levels.map((l) => (
                  <option value={l.key} selected={l.key === level.key}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button class="kern-btn kern-btn--secondary" type="submit">
            <span class="kern-label">{t('map.show')}</span>
          </button>
        </form>
        {v.shapes.length > 0 ? (
          <figure class="map-figure map-figure--large">
            <div
              id="karte"
              class="interactive-map"
              data-geojson={`/api/v1/areas/${system.id}/geojson?level=${level.key}`}
              data-area-base={`/gebiete/${system.id}/`}
              data-label={t('map.title', { name: `${system.name} – ${level.name}` })}
            >
              <SvgMap
                width={960}
                height={720}
                title={t('map.title', { name: `${system.name} – ${level.name}` })}
                shapes={v.shapes.map((s) => ({
                  id: s.code,
                  name: s.name,
                  href: areaHref(system.id, s.code),
                  geometry: s.geometry!,
                }))}
              />
            </div>
            <figcaption class="kern-body kern-body--small">{`${v.shapes.length} ${level.name} · ${system.source}`}</figcaption>
          </figure>
        ) : (
          <p class="kern-body note">{system.geometryNote ?? t('map.noGeometry')}</p>
        )}
        <AreaTable
          ctx={ctx}
          systemId={system.id}
          items={v.items}
          caption={`${level.name} (${v.items.length})`}
        />
      </>
    ),
  });
}

export function lookupPage(ctx: PageContext, lat: number, lon: number, hits: LookupHit[]): string {
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t('lookup.title'),
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[{ href: '/gebiete', label: t('areas.title') }, { label: t('lookup.title') }]}
        />
        <h1 class="kern-heading-large">{t('lookup.title')}</h1>
        <p class="kern-body">{`${lat.toFixed(6)}, ${lon.toFixed(6)}`}</p>
        {hits.length === 0 ? (
          <p class="kern-body">{t('lookup.none')}</p>
        ) : (
          <>
            <p class="kern-body">{t('lookup.result')}</p>
            <ul class="kern-list">
              {hits.map((h) => (
                <li>
                  <a
                    class="kern-link"
                    href={areaHref(h.systemId, h.code)}
                  >{`${h.name} (${h.code})`}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </>
    ),
  });
}
