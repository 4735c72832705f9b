// Geometry checks and derived values: validation of rings, bbox, geodesic area, display simplification.
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import turfArea from '@turf/area';
import turfBbox from '@turf/bbox';
import turfSimplify from '@turf/simplify';
import turfRewind from '@turf/rewind';
import type { Reproject } from './projection.ts';

export type AreaGeometry = Polygon | MultiPolygon;

/** Returns a German problem description, or undefined when the geometry is usable. */
export function geometryProblem(geometry: Geometry): string | undefined {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return `Geometrietyp „${geometry.type}“ ist keine Fläche (erwartet: Polygon oder MultiPolygon).`;
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return 'Die Fläche hat keine Koordinaten.';
  for (const [pi, rings] of polygons.entries()) {
    if (!Array.isArray(rings) || rings.length === 0) return `Teilfläche ${pi + 1} hat keinen Ring.`;
    for (const [ri, ring] of rings.entries()) {
      const where = `Teilfläche ${pi + 1}, Ring ${ri + 1}`;
      if (!Array.isArray(ring) || ring.length < 4) return `${where}: weniger als 4 Punkte.`;
      for (const p of ring) {
        if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
          return `${where}: ungültige Koordinate ${JSON.stringify(p)}.`;
        }
      }
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1])
        return `${where}: Ring ist nicht geschlossen.`;
      if (ringArea(ring) === 0)
        return `${where}: Ring hat keine Fläche (Punkte gleich oder auf einer Linie).`;
    }
  }
  return undefined;
}

/** Twice the signed planar area of a ring (shoelace); zero for degenerate rings. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

/** Problem if coordinates are not plausible WGS84 lon/lat (a projected file without projection). */
export function wgs84Problem(geometry: AreaGeometry): string | undefined {
  const [minX, minY, maxX, maxY] = turfBbox(geometry);
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (
    polygons.some((rings) =>
      rings.some((ring) => ring.some((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]))),
    )
  ) {
    return 'Koordinaten lassen sich nicht nach WGS84 umrechnen (außerhalb des Gültigkeitsbereichs der Projektion).';
  }
  if (minX < -180 || maxX > 180 || minY < -90 || maxY > 90) {
    return `Koordinaten (${minX.toFixed(0)}, ${minY.toFixed(0)}) liegen nicht in WGS84 (Längengrad/Breitengrad): Die Projektion fehlt oder ist falsch.`;
  }
  return undefined;
}

export function reprojectGeometry(geometry: AreaGeometry, reproject: Reproject): AreaGeometry {
  const ring = (r: Position[]) => r.map((p) => reproject(p));
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(ring)) };
}

export interface DerivedGeometry {
  geometry: AreaGeometry;
  displayGeometry: AreaGeometry;
  bbox: [number, number, number, number];
  areaM2: number;
}

/** RFC 7946 winding, bbox, geodesic area and a simplified version for maps. */
export function deriveGeometry(input: AreaGeometry): DerivedGeometry {
  const geometry = turfRewind(input) as AreaGeometry;
  const bbox = turfBbox(geometry) as [number, number, number, number];
  const extent = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1]);
  const tolerance = Math.min(0.01, Math.max(0.00001, extent / 400));
  const displayGeometry = turfSimplify(geometry, { tolerance, highQuality: false }) as AreaGeometry;
  return { geometry, displayGeometry, bbox, areaM2: turfArea(geometry) };
}
