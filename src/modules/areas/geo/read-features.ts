// Reads area features from GeoJSON, shapefiles (.shp/.dbf/.prj/.cpg) or a plain CSV list, in WGS84.
import { readFile, access } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import * as shapefile from 'shapefile';
import { readCsvRows } from '../read-csv.ts';
import type { Geometry } from 'geojson';
import { AppError, type ErrorDetail } from '../../../core/errors.ts';
import { crsFromPrj, normaliseCrsName, reprojector } from './projection.ts';
import { geometryProblem, reprojectGeometry, wgs84Problem, type AreaGeometry } from './geometry.ts';

export interface SourceFeature {
  /** 1-based number of the feature (or data row) in the file. */
  index: number;
  properties: Record<string, unknown>;
  geometry: AreaGeometry | null;
}

export interface ReadResult {
  file: string;
  crs: string;
  features: SourceFeature[];
  problems: ErrorDetail[];
}

export interface ReadOptions {
  /** Overrides the file's own coordinate system, e.g. EPSG:25832. */
  crs?: string | undefined;
}

export async function readFeatures(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const ext = extname(path).toLowerCase();
  if (ext === '.shp') return readShapefile(path, options);
  if (ext === '.geojson' || ext === '.json') return readGeoJson(path, options);
  if (ext === '.csv') return readCsvList(path);
  throw new AppError('import_invalid', `Dateiformat von ${basename(path)} wird nicht unterstützt`, [
    { file: basename(path), message: 'Erwartet: .geojson, .json, .shp oder .csv' },
  ]);
}

function explicitCrs(value: string | undefined, file: string): string | undefined {
  if (!value) return undefined;
  const crs = normaliseCrsName(value);
  if (!crs)
    throw new AppError('invalid_input', `Ungültige Projektion „${value}“`, [
      { file, field: 'crs', message: 'Erwartet z. B. EPSG:25832' },
    ]);
  return crs;
}

/** PostgreSQL text cannot hold NUL; some .dbf writers pad fields with it. */
const NUL = new RegExp(String.fromCharCode(0), 'g');
function withoutNul(properties: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(properties))
    clean[k.replace(NUL, '')] = typeof v === 'string' ? v.replace(NUL, '') : v;
  return clean;
}

/** Reprojects and checks every geometry; problems are collected per feature. */
function finish(
  file: string,
  crs: string,
  raw: { properties: Record<string, unknown>; geometry: Geometry | null | unknown }[],
): ReadResult {
  const reproject = reprojector(crs, file);
  const problems: ErrorDetail[] = [];
  const features: SourceFeature[] = raw.map((f, i) => {
    const index = i + 1;
    const properties = withoutNul(f.properties);
    if (f.geometry === null) return { index, properties, geometry: null };
    if (typeof f.geometry !== 'object' || Array.isArray(f.geometry)) {
      problems.push({
        file,
        row: index,
        field: 'geometry',
        message: 'Die Geometrie ist kein GeoJSON-Objekt (nur null bedeutet „keine Grenze“).',
      });
      return { index, properties, geometry: null };
    }
    const problem = geometryProblem(f.geometry as Geometry);
    if (problem) {
      problems.push({ file, row: index, field: 'geometry', message: problem });
      return { index, properties, geometry: null };
    }
    let geometry = f.geometry as AreaGeometry;
    if (reproject) geometry = reprojectGeometry(geometry, reproject);
    const wgs = wgs84Problem(geometry);
    if (wgs) problems.push({ file, row: index, field: 'geometry', message: wgs });
    return { index, properties, geometry };
  });
  return { file, crs, features, problems };
}

async function readGeoJson(path: string, options: ReadOptions): Promise<ReadResult> {
  const file = basename(path);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new AppError('import_invalid', `${file} ist kein gültiges JSON`, [
      { file, message: (e as Error).message },
    ]);
  }
  const fc = (data && typeof data === 'object' ? data : {}) as {
    type?: unknown;
    features?: unknown;
    crs?: { properties?: { name?: unknown } };
  };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new AppError('import_invalid', `${file} ist keine GeoJSON-FeatureCollection`, [
      {
        file,
        field: 'type',
        message: 'Erwartet: "type": "FeatureCollection" mit einer Liste "features".',
      },
    ]);
  }
  const crsName = fc.crs?.properties?.name;
  let crs = explicitCrs(options.crs, file) ?? 'EPSG:4326';
  if (!options.crs && typeof crsName === 'string') {
    const found = normaliseCrsName(crsName);
    if (!found)
      throw new AppError('import_invalid', `Unbekannte Projektion in ${file}`, [
        { file, field: 'crs', message: `„${crsName}“ ist nicht bekannt.` },
      ]);
    crs = found;
  }
  const raw: { properties: Record<string, unknown>; geometry: unknown }[] = [];
  const problems: ErrorDetail[] = [];
  for (const [i, f] of (fc.features as unknown[]).entries()) {
    const feature = f as { type?: unknown; properties?: unknown; geometry?: unknown };
    if (!feature || feature.type !== 'Feature') {
      problems.push({ file, row: i + 1, field: 'type', message: 'Kein GeoJSON-Feature.' });
      raw.push({ properties: {}, geometry: null });
      continue;
    }
    const properties = (
      feature.properties && typeof feature.properties === 'object' ? feature.properties : {}
    ) as Record<string, unknown>;
    raw.push({ properties, geometry: feature.geometry ?? null });
  }
  const result = finish(file, crs, raw);
  result.problems.unshift(...problems);
  return result;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function readShapefile(path: string, options: ReadOptions): Promise<ReadResult> {
  const file = basename(path);
  const stem = path.slice(0, -4);
  const dbf = `${stem}.dbf`;
  if (!(await exists(dbf))) {
    throw new AppError('import_invalid', `Zu ${file} fehlt die Attributdatei ${basename(dbf)}`, [
      { file, message: 'Ein Shapefile braucht .shp und .dbf (und .prj für die Projektion).' },
    ]);
  }
  let crs = explicitCrs(options.crs, file);
  if (!crs) {
    const prj = `${stem}.prj`;
    if (!(await exists(prj))) {
      throw new AppError(
        'import_invalid',
        `Zu ${file} fehlt die Projektionsdatei ${basename(prj)}`,
        [
          {
            file,
            message:
              'Ohne .prj ist die Projektion unbekannt. Legen Sie die .prj-Datei dazu oder geben Sie --crs an (z. B. EPSG:25832).',
          },
        ],
      );
    }
    crs = crsFromPrj(await readFile(prj, 'utf8'), basename(prj));
  }
  const cpg = `${stem}.cpg`;
  const encoding = (await exists(cpg))
    ? (await readFile(cpg, 'utf8')).trim().toLowerCase() || 'windows-1252'
    : 'windows-1252';
  const raw: { properties: Record<string, unknown>; geometry: Geometry | null }[] = [];
  try {
    const source = await shapefile.open(path, dbf, { encoding });
    for (;;) {
      const next = await source.read();
      if (next.done) break;
      raw.push({
        properties: (next.value.properties ?? {}) as Record<string, unknown>,
        geometry: next.value.geometry ?? null,
      });
    }
  } catch (e) {
    throw new AppError('import_invalid', `${file} ist kein lesbares Shapefile`, [
      { file, row: raw.length + 1, message: (e as Error).message },
    ]);
  }
  return finish(file, crs, raw);
}

/** A list of areas without boundaries: one row per area, columns named by the field mapping. */
async function readCsvList(path: string): Promise<ReadResult> {
  const { file, rows, problems } = await readCsvRows(path);
  const features = rows.map((properties, i) => ({
    index: i + 1,
    properties: withoutNul(properties),
    geometry: null,
  }));
  return { file, crs: 'EPSG:4326', features, problems };
}
