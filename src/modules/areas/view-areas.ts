// Use cases behind the area pages and the read API: they gather what a page shows, nothing more.
import { AppError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import * as repo from './areas.repository.ts';

export async function listAreaSystems(database: Database) {
  return repo.listSystems(database.db);
}

async function requireSystem(database: Database, systemId: string) {
  const system = await repo.findSystem(database.db, systemId);
  if (!system)
    throw new AppError('not_found', `Die Gebietsgliederung „${systemId}“ gibt es nicht.`);
  return system;
}

/** The first level from the top on which some area has a boundary. */
async function firstDrawnLevel(database: Database, system: repo.SystemSummary) {
  for (const level of system.levels) {
    const shapes = await repo.displayGeometries(database.db, {
      systemId: system.id,
      levelKey: level.key,
    });
    if (shapes.length > 0) return { level, shapes };
  }
  return undefined;
}

export async function viewSystem(database: Database, systemId: string) {
  const system = await requireSystem(database, systemId);
  const top = system.levels[0];
  const topAreas = top ? await repo.areasAtLevel(database.db, system.id, top.key) : [];
  const drawn = await firstDrawnLevel(database, system);
  return { system, topLevel: top, topAreas, drawn };
}

export async function viewArea(database: Database, systemId: string, code: string) {
  const system = await requireSystem(database, systemId);
  const area = await repo.findArea(database.db, systemId, code);
  if (!area)
    throw new AppError('not_found', `Das Gebiet „${code}“ gibt es in ${system.name} nicht.`);
  const level = system.levels.find((l) => l.key === area.levelKey)!;
  const childLevel = system.levels.find((l) => l.rank === level.rank + 1);
  const [path, children] = await Promise.all([
    repo.ancestors(database.db, area.id),
    repo.childrenOf(database.db, area.id),
  ]);
  const childShapes = await repo.displayGeometries(database.db, {
    systemId,
    ids: children.map((c) => c.id),
  });
  return { system, area, level, childLevel, path, children, childShapes };
}

/** The system and the asked level, or the first level with boundaries when none is asked. */
async function systemLevel(database: Database, systemId: string, levelKey?: string) {
  const system = await requireSystem(database, systemId);
  let level = levelKey ? system.levels.find((l) => l.key === levelKey) : undefined;
  if (levelKey && !level)
    throw new AppError('not_found', `Die Ebene „${levelKey}“ gibt es in ${system.name} nicht.`);
  if (!level) level = (await firstDrawnLevel(database, system))?.level ?? system.levels[0]!;
  return { system, level };
}

export async function viewLevelMap(database: Database, systemId: string, levelKey?: string) {
  const { system, level } = await systemLevel(database, systemId, levelKey);
  const items = await repo.areasAtLevel(database.db, system.id, level.key);
  const shapes = await repo.displayGeometries(database.db, { systemId, levelKey: level.key });
  return { system, level, items, shapes };
}

export async function areaGeometry(database: Database, systemId: string, code: string) {
  await requireSystem(database, systemId);
  const area = await repo.findAreaWithGeometry(database.db, systemId, code);
  if (!area) throw new AppError('not_found', `Das Gebiet „${code}“ gibt es nicht.`);
  return area;
}

/** Only the display geometries of a level, for the GeoJSON endpoint. */
export async function levelShapes(database: Database, systemId: string, levelKey?: string) {
  const { level } = await systemLevel(database, systemId, levelKey);
  return repo.displayGeometries(database.db, { systemId, levelKey: level.key });
}

/** Display geometries (simplified) of a level or of given areas, for other modules' maps. */
export async function displayShapes(
  database: Database,
  systemId: string,
  where: { levelKey?: string; ids?: number[] },
) {
  const rows = await repo.displayGeometries(database.db, { systemId, ...where });
  return rows.flatMap((r) => (r.geometry ? [{ ...r, geometry: r.geometry }] : []));
}
