// Coordinate reference systems: recognise a .prj or GeoJSON crs, and reproject to WGS84 with proj4.
import proj4 from 'proj4';
import { AppError } from '../../../core/errors.ts';

/** Definitions with their datum shifts; ESRI .prj files carry none, so we never trust them for DHDN. */
const definitions: Record<string, string> = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:4258': '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs',
  'EPSG:25832': '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:25833': '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  // ETRS89 / UTM with the zone number in front of the easting, as NRW's geoportals deliver it.
  'EPSG:4647':
    '+proj=tmerc +lat_0=0 +lon_0=9 +k=0.9996 +x_0=32500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:5650':
    '+proj=tmerc +lat_0=0 +lon_0=15 +k=0.9996 +x_0=33500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:31466':
    '+proj=tmerc +lat_0=0 +lon_0=6 +k=1 +x_0=2500000 +y_0=0 +ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs',
  'EPSG:31467':
    '+proj=tmerc +lat_0=0 +lon_0=9 +k=1 +x_0=3500000 +y_0=0 +ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs',
  'EPSG:31468':
    '+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=4500000 +y_0=0 +ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs',
  'EPSG:3857':
    '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
};
for (const [code, def] of Object.entries(definitions)) proj4.defs(code, def);

export const supportedCrs = Object.keys(definitions);

export function normaliseCrsName(name: string): string | undefined {
  const m =
    /EPSG:{1,2}(?:[\d.]*:)?(\d{4,5})$/i.exec(name.trim()) ?? /^(\d{4,5})$/.exec(name.trim());
  if (m) return `EPSG:${m[1]}`;
  if (/CRS84$/i.test(name)) return 'EPSG:4326';
  return undefined;
}

/** Reads the coordinate system of a .prj (ESRI or OGC WKT) and returns an EPSG code we know. */
export function crsFromPrj(wkt: string, file: string): string {
  const authority = /AUTHORITY\["EPSG",\s*"?(\d+)"?\]\s*\]\s*$/i.exec(wkt.trim());
  if (authority && definitions[`EPSG:${authority[1]}`]) return `EPSG:${authority[1]}`;
  const projcs = /^PROJCS\["([^"]+)"/i.exec(wkt.trim())?.[1] ?? '';
  const falseEasting = Number(/PARAMETER\["False_Easting",\s*([\d.]+)\]/i.exec(wkt)?.[1] ?? NaN);
  const zone = /UTM[_ ]?Zone[_ ]?(\d\d)N/i.exec(projcs)?.[1] ?? /UTM(\d\d)/i.exec(projcs)?.[1];
  if (/ETRS|ETRF|GRS[_ ]?1980/i.test(wkt) && zone) {
    if (zone === '32') return falseEasting > 1e7 ? 'EPSG:4647' : 'EPSG:25832';
    if (zone === '33') return falseEasting > 1e7 ? 'EPSG:5650' : 'EPSG:25833';
  }
  const gk = /DHDN.*Gauss.*Zone[_ ]?(\d)|Gauss[_ ]?Kruger.*Zone[_ ]?(\d)/i.exec(projcs);
  if (gk) {
    const code = { '2': 'EPSG:31466', '3': 'EPSG:31467', '4': 'EPSG:31468' }[gk[1] ?? gk[2] ?? ''];
    if (code) return code;
  }
  if (/^GEOGCS\[/i.test(wkt.trim())) {
    if (/WGS[_ ]?(19)?84/i.test(wkt)) return 'EPSG:4326';
    if (/ETRS[_ ]?(19)?89/i.test(wkt)) return 'EPSG:4258';
  }
  if (/Mercator_Auxiliary_Sphere|Pseudo[_ -]Mercator/i.test(wkt)) return 'EPSG:3857';
  throw new AppError('import_invalid', `Unbekannte Projektion in ${file}`, [
    {
      file,
      message: `Die Projektion „${projcs || wkt.slice(0, 60)}“ ist nicht bekannt. Unterstützt: ${supportedCrs.join(', ')}. Mit --crs lässt sie sich angeben.`,
    },
  ]);
}

export type Position = number[];
export type Reproject = (p: Position) => Position;

/** A function that maps a position from the given CRS to WGS84 lon/lat. */
export function reprojector(crs: string, file?: string): Reproject | undefined {
  if (crs === 'EPSG:4326' || crs === 'EPSG:4258') return undefined;
  const def = definitions[crs];
  if (!def) {
    throw new AppError('import_invalid', `Projektion ${crs} wird nicht unterstützt`, [
      {
        ...(file ? { file } : {}),
        field: 'crs',
        message: `Unterstützt: ${supportedCrs.join(', ')}`,
      },
    ]);
  }
  const converter = proj4(crs, 'EPSG:4326');
  return (p) => {
    const [x, y] = converter.forward([p[0] ?? NaN, p[1] ?? NaN]);
    return [round6(x), round6(y)];
  };
}

/** Six decimals of a degree are about 0.1 m: enough for any boundary, and smaller files. */
function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
