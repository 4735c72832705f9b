// Server-rendered SVG map (d3-geo paths): works without JavaScript, prints well; the table carries the data.
import { geoPath, geoTransform } from 'd3-geo';
import type { Geometry } from 'geojson';
import type preact from 'preact';

export interface MapShape {
  id: string;
  name: string;
  href?: string;
  geometry: Geometry;
  /** Drawn as the frame around the others (the area itself). */
  outline?: boolean;
  /** Choropleth colour (a presentation attribute, allowed under the strict CSP). */
  fill?: string;
  /** Hatched: a value exists but is withheld, or there is none (see MissingPatterns). */
  pattern?: 'suppressed' | 'missing';
  /** Drawn on top with a strong border: the area a page is about. */
  highlight?: boolean;
}

export interface SvgMapProps {
  shapes: MapShape[];
  title: string;
  width?: number;
  height?: number;
}

function bounds(shapes: MapShape[]): [number, number, number, number] {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (x! < minX) minX = x!;
      if (x! > maxX) maxX = x!;
      if (y! < minY) minY = y!;
      if (y! > maxY) maxY = y!;
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const s of shapes) if ('coordinates' in s.geometry) visit(s.geometry.coordinates);
  return [minX, minY, maxX, maxY];
}

/**
 * Projects lon/lat onto the plane with the cosine of the mean latitude (equirectangular):
 * accurate enough at city and country scale, and planar, so ring winding cannot invert a shape.
 */
export function SvgMap({
  shapes,
  title,
  width = 640,
  height = 480,
  defs,
}: SvgMapProps & { defs?: preact.ComponentChildren }) {
  if (shapes.length === 0) return null;
  const [minX, minY, maxX, maxY] = bounds(shapes);
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const pad = 8;
  const scale = Math.min(
    (width - 2 * pad) / Math.max((maxX - minX) * k, 1e-9),
    (height - 2 * pad) / Math.max(maxY - minY, 1e-9),
  );
  const drawnW = (maxX - minX) * k * scale;
  const drawnH = (maxY - minY) * scale;
  const offX = (width - drawnW) / 2;
  const offY = (height - drawnH) / 2;
  const projection = geoTransform({
    point(x, y) {
      this.stream.point(offX + (x - minX) * k * scale, offY + (maxY - y) * scale);
    },
  });
  const path = geoPath(projection);
  const titleId = `karte-${shapes[0]!.id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <svg
      class="area-map"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="group"
      aria-labelledby={titleId}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{title}</title>
      {defs}
      {[...shapes.filter((s) => !s.highlight), ...shapes.filter((s) => s.highlight)].map((s) => {
        const d = path(s.geometry as Parameters<typeof path>[0]) ?? '';
        const cls = s.outline
          ? 'area-map__outline'
          : `area-map__area${s.highlight ? ' area-map__area--highlight' : ''}${s.fill || s.pattern ? ' area-map__area--filled' : ''}`;
        // Pattern ids as defined by <MissingPatterns idPrefix="muster" /> in map-legend.tsx.
        const fill = s.pattern
          ? `url(#muster-${s.pattern === 'suppressed' ? 'geheim' : 'keine-daten'})`
          : s.fill;
        const shape = (
          <path d={d} class={cls} fill={fill}>
            <title>{s.name}</title>
          </path>
        );
        return s.href && !s.outline ? (
          <a href={s.href} tabindex={-1} aria-hidden="true">
            {shape}
          </a>
        ) : (
          shape
        );
      })}
    </svg>
  );
}
