// Broken geometries for the GeoJSON fuzzer: each kind of invalid polygon the import must refuse.

export type BadGeometry =
  | 'unclosed'
  | 'short'
  | 'empty'
  | 'emptyRing'
  | 'point'
  | 'line'
  | 'coordsString'
  | 'coordsNull'
  | 'coordsObject'
  | 'posInfinity'
  | 'negInfinity'
  | 'nullCoordinate'
  | 'stringCoordinate'
  | 'oneNumber'
  | 'huge'
  | 'projected'
  | 'noType'
  | 'typeOnly'
  | 'scalar'
  | 'degenerate'
  | 'collinear';

export const markers: Record<string, string> = {
  '"__POS_INF__"': '1e400',
  '"__NEG_INF__"': '-1e400',
};

type Position = (number | string | null)[];

export function square(x: number, y: number, d: number): Position[] {
  return [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];
}

export function badGeometry(
  kind: BadGeometry,
  x: number,
  y: number,
  d: number,
  projected: boolean,
): unknown {
  const ring = square(x, y, d);
  const polygon = (r: Position[]) => ({ type: 'Polygon', coordinates: [r] });
  const replaced = (p: Position) => polygon(ring.map((q, i) => (i === 1 ? p : q)));
  switch (kind) {
    case 'unclosed':
      return polygon([...ring.slice(0, 4), [x, y + d / 2]]);
    case 'short':
      return polygon([ring[0]!, ring[1]!, ring[0]!]);
    case 'empty':
      return { type: 'Polygon', coordinates: [] };
    case 'emptyRing':
      return { type: 'MultiPolygon', coordinates: [[[]]] };
    case 'point':
      return { type: 'Point', coordinates: [x, y] };
    case 'line':
      return { type: 'LineString', coordinates: ring };
    case 'coordsString':
      return { type: 'Polygon', coordinates: 'abc' };
    case 'coordsNull':
      return { type: 'MultiPolygon', coordinates: null };
    case 'coordsObject':
      return { type: 'Polygon', coordinates: {} };
    case 'posInfinity':
      return replaced([x + d, '__POS_INF__']);
    case 'negInfinity':
      return replaced(['__NEG_INF__', y]);
    case 'nullCoordinate':
      return replaced([x + d, null]);
    case 'stringCoordinate':
      return replaced([String(x + d), String(y)]);
    case 'oneNumber':
      return replaced([x + d]);
    case 'huge':
      return replaced(projected ? [1e300, -1e300] : [1e10, 1e10]);
    case 'projected':
      return polygon(square(350000 + x * 1000, 5700000 + y * 1000, 100 + d));
    case 'noType':
      return {};
    case 'typeOnly':
      return { type: 'Polygon' };
    case 'scalar':
      return 'POLYGON((7 51, 7.1 51, 7.1 51.1, 7 51))';
    case 'degenerate':
      return polygon([ring[0]!, ring[0]!, ring[0]!, ring[0]!]);
    case 'collinear':
      return polygon([
        [x, y],
        [x + d, y],
        [x + 2 * d, y],
        [x, y],
      ]);
  }
}
