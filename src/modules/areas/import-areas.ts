// Use case: import one level of an area system from a file — all features or none.
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { AppError, type ErrorDetail } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import * as repo from './areas.repository.ts';
import { parseCount } from './parse-count.ts';
import { deriveGeometry, type AreaGeometry } from './geo/geometry.ts';
import { readFeatures, type SourceFeature } from './geo/read-features.ts';
import { importOptionsSchema, type FieldMapping, type ImportOptions } from './schema.ts';

export interface ImportSummary {
  file: string;
  crs: string;
  systemId: string;
  levelKey: string;
  read: number;
  skipped: number;
  created: number;
  updated: number;
  withGeometry: number;
  withoutGeometry: number;
  dryRun: boolean;
}

interface PreparedArea {
  index: number;
  code: string;
  name: string;
  parentCode: string | null;
  population: number | null;
  populationDate: string | null;
  geometry: AreaGeometry | null;
  properties: Record<string, unknown>;
}

const MAX_REPORTED = 200;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

function matchesWhere(f: SourceFeature, where: Record<string, string> | undefined): boolean {
  if (!where) return true;
  return Object.entries(where).every(([k, v]) => text(f.properties[k]) === v);
}

function mergeGeometries(a: AreaGeometry | null, b: AreaGeometry | null): AreaGeometry | null {
  if (!a || !b) return a ?? b;
  const polys = (g: Polygon | MultiPolygon) =>
    g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return { type: 'MultiPolygon', coordinates: [...polys(a), ...polys(b)] };
}

function prepare(
  file: string,
  features: SourceFeature[],
  m: FieldMapping,
  problems: ErrorDetail[],
): PreparedArea[] {
  const byCode = new Map<string, PreparedArea>();
  const fields = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  for (const field of [m.codeField, m.nameField, m.parentField, m.populationField]) {
    if (field && features.length > 0 && !fields.includes(field)) {
      problems.push({
        file,
        field,
        message: `Das Feld gibt es in der Datei nicht. Vorhanden: ${fields.join(', ')}`,
      });
    }
  }
  if (problems.length > 0) return [];
  for (const f of features) {
    const code = text(f.properties[m.codeField]);
    const name = text(f.properties[m.nameField]);
    if (!code)
      problems.push({ file, row: f.index, field: m.codeField, message: 'Der Schlüssel fehlt.' });
    if (!name)
      problems.push({ file, row: f.index, field: m.nameField, message: 'Der Name fehlt.' });
    let parentCode: string | null = null;
    if (m.parentField) parentCode = text(f.properties[m.parentField]) || null;
    if (m.parentPrefix)
      parentCode = code.length > m.parentPrefix ? code.slice(0, m.parentPrefix) : null;
    let population: number | null = null;
    if (m.populationField) {
      const parsed = parseCount(f.properties[m.populationField]);
      if (!parsed.ok) {
        problems.push({
          file,
          row: f.index,
          field: m.populationField,
          message: `„${text(f.properties[m.populationField])}“ ist keine Einwohnerzahl.`,
        });
      } else population = parsed.value;
    }
    const populationDate = m.populationDateField
      ? text(f.properties[m.populationDateField]) || null
      : (m.populationDate ?? null);
    if (populationDate && !/^\d{4}-\d{2}-\d{2}$/.test(populationDate)) {
      problems.push({
        file,
        row: f.index,
        field: m.populationDateField ?? 'populationDate',
        message: `„${populationDate}“ ist kein Datum (JJJJ-MM-TT).`,
      });
    }
    if (!code || !name) continue;
    const previous = byCode.get(code);
    if (previous) {
      if (m.mergeDuplicates && previous.name === name) {
        previous.geometry = mergeGeometries(previous.geometry, f.geometry);
        continue;
      }
      problems.push({
        file,
        row: f.index,
        field: m.codeField,
        message: `Der Schlüssel „${code}“ kommt doppelt vor (auch Objekt ${previous.index}).`,
      });
      continue;
    }
    byCode.set(code, {
      index: f.index,
      code,
      name,
      parentCode,
      population,
      populationDate,
      geometry: f.geometry,
      properties: f.properties,
    });
  }
  return [...byCode.values()];
}

export async function importAreas(
  database: Database,
  path: string,
  input: ImportOptions,
): Promise<ImportSummary> {
  const options = importOptionsSchema.parse(input);
  const { mapping } = options;
  const system = await repo.findSystem(database.db, options.systemId);
  if (!system) {
    throw new AppError('not_found', `Die Gebietsgliederung „${options.systemId}“ gibt es nicht.`, [
      {
        field: 'system',
        message:
          'Legen Sie sie zuerst an (sozialraum areas create-system) oder prüfen Sie die Kennung.',
      },
    ]);
  }
  const level = system.levels.find((l) => l.key === options.levelKey);
  if (!level) {
    throw new AppError(
      'invalid_input',
      `Die Ebene „${options.levelKey}“ gibt es in ${system.name} nicht.`,
      [{ field: 'level', message: `Vorhanden: ${system.levels.map((l) => l.key).join(', ')}` }],
    );
  }
  const parentLevel = system.levels.find((l) => l.rank === level.rank - 1);
  const read = await readFeatures(path, { crs: options.crs });
  const problems: ErrorDetail[] = [...read.problems];
  const selected = read.features.filter((f) => matchesWhere(f, mapping.where));
  const prepared = prepare(read.file, selected, mapping, problems);
  const existing = await repo.codesAtLevel(database.db, system.id, level.key);
  const targets = mapping.onlyExisting ? prepared.filter((a) => existing.has(a.code)) : prepared;

  const parents = parentLevel
    ? await repo.codesAtLevel(database.db, system.id, parentLevel.key)
    : new Map<string, number>();
  const elsewhere = await repo.codesOnOtherLevels(database.db, system.id, level.key);
  for (const a of mapping.onlyExisting ? [] : targets) {
    if (parentLevel && !a.parentCode) {
      problems.push({
        file: read.file,
        row: a.index,
        field: mapping.parentField ?? mapping.codeField,
        message: `Das übergeordnete Gebiet (${parentLevel.name}) fehlt.`,
      });
    } else if (parentLevel && a.parentCode && !parents.has(a.parentCode)) {
      problems.push({
        file: read.file,
        row: a.index,
        field: mapping.parentField ?? mapping.codeField,
        message: `Übergeordnetes Gebiet „${a.parentCode}“ (${parentLevel.name}) gibt es nicht.`,
      });
    } else if (!parentLevel && a.parentCode && mapping.parentField) {
      problems.push({
        file: read.file,
        row: a.index,
        field: mapping.parentField,
        message: `${level.name} ist die oberste Ebene und hat kein übergeordnetes Gebiet.`,
      });
    }
    const other = elsewhere.get(a.code);
    if (other)
      problems.push({
        file: read.file,
        row: a.index,
        field: mapping.codeField,
        message: `Der Schlüssel „${a.code}“ ist schon auf der Ebene „${other}“ vergeben.`,
      });
  }
  if (selected.length === 0 && problems.length === 0) {
    problems.push({
      file: read.file,
      message: mapping.where
        ? 'Kein Objekt erfüllt die Auswahlbedingung.'
        : 'Die Datei enthält keine Gebiete.',
    });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED);
    if (problems.length > MAX_REPORTED)
      shown.push({
        file: read.file,
        message: `… und ${problems.length - MAX_REPORTED} weitere Fehler.`,
      });
    throw new AppError(
      'import_invalid',
      `${read.file}: ${problems.length} Fehler, nichts wurde gespeichert.`,
      shown,
    );
  }

  const rows: repo.AreaInsert[] = targets.map((a) => {
    const derived = a.geometry ? deriveGeometry(a.geometry) : null;
    return {
      systemId: system.id,
      code: a.code,
      name: a.name,
      levelKey: level.key,
      parentId: a.parentCode ? (parents.get(a.parentCode) ?? null) : null,
      population: a.population,
      populationDate: a.population !== null ? a.populationDate : null,
      populationSource: a.population !== null ? (mapping.populationSource ?? read.file) : null,
      geometry: (derived?.geometry ?? null) as Geometry | null,
      displayGeometry: (derived?.displayGeometry ?? null) as Geometry | null,
      minLon: derived?.bbox[0] ?? null,
      minLat: derived?.bbox[1] ?? null,
      maxLon: derived?.bbox[2] ?? null,
      maxLat: derived?.bbox[3] ?? null,
      areaM2: derived?.areaM2 ?? null,
      attributes: a.properties,
    };
  });
  const summary: ImportSummary = {
    file: read.file,
    crs: read.crs,
    systemId: system.id,
    levelKey: level.key,
    read: read.features.length,
    skipped: read.features.length - targets.length,
    created: rows.filter((r) => !existing.has(r.code)).length,
    updated: rows.filter((r) => existing.has(r.code)).length,
    withGeometry: rows.filter((r) => r.geometry).length,
    withoutGeometry: rows.filter((r) => !r.geometry).length,
    dryRun: options.dryRun,
  };
  if (!options.dryRun) {
    await database.db.transaction(async (tx) => {
      if (mapping.onlyExisting) await repo.setGeometries(tx, system.id, rows);
      else await repo.upsertAreas(tx, rows);
    });
  }
  return summary;
}
