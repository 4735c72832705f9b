// Seeds the area systems shipped in data/: each folder's seed.json names the system and its import steps.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { SeedOptions } from '../../core/module.ts';
import { findSystem } from './areas.repository.ts';
import { importAreas } from './import-areas.ts';
import { importPopulation, rollupLevels } from './import-population.ts';
import { areaSystemSchema, fieldMappingSchema } from './schema.ts';
import { upsertAreaSystem } from './upsert-area-system.ts';

export const dataRoot = fileURLToPath(new URL('../../../data/', import.meta.url));

const stepSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('areas'),
    file: z.string(),
    level: z.string(),
    mapping: fieldMappingSchema,
    crs: z.string().optional(),
  }),
  z.object({
    kind: z.literal('population'),
    file: z.string(),
    level: z.string(),
    codeField: z.string(),
    valueField: z.string(),
    date: z.string(),
    source: z.string(),
    rollupSource: z.string().optional(),
  }),
  z.object({ kind: z.literal('rollup'), level: z.string(), source: z.string() }),
]);

export const seedManifestSchema = z.object({
  optional: z.boolean().default(false),
  system: areaSystemSchema,
  steps: z.array(stepSchema),
});
export type SeedManifest = z.infer<typeof seedManifestSchema>;

export async function seedManifests(
  root = dataRoot,
): Promise<{ name: string; dir: string; manifest: SeedManifest }[]> {
  const names = (await readdir(root, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const found = [];
  for (const name of names) {
    const path = join(root, name, 'seed.json');
    if (!existsSync(path)) continue;
    const manifest = seedManifestSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    found.push({ name, dir: join(root, name), manifest });
  }
  return found;
}

/** Runs one manifest; skipped when the system already has areas (seeding never overwrites). */
export async function seedOne(
  database: Database,
  dir: string,
  manifest: SeedManifest,
  options: SeedOptions = {},
): Promise<string> {
  const existing = await findSystem(database.db, manifest.system.id);
  if (existing && existing.areaCount > 0)
    return `${manifest.system.id}: schon vorhanden (${existing.areaCount} Gebiete), übersprungen`;
  await upsertAreaSystem(database, manifest.system);
  let done = 0;
  for (const step of manifest.steps) {
    options.onProgress?.(
      `${manifest.system.id}: ${'file' in step ? step.file : step.kind}`,
      done,
      manifest.steps.length,
    );
    if (step.kind === 'areas') {
      await importAreas(database, join(dir, step.file), {
        systemId: manifest.system.id,
        levelKey: step.level,
        mapping: step.mapping,
        crs: step.crs,
        dryRun: false,
      });
    } else if (step.kind === 'population') {
      await importPopulation(database, join(dir, step.file), {
        systemId: manifest.system.id,
        levelKey: step.level,
        ...step,
      });
    } else {
      const levels = manifest.system.levels.map((l, rank) => ({ key: l.key, rank }));
      await rollupLevels(database.db, levels, step.level, manifest.system.id, step.source);
    }
    done += 1;
  }
  options.onProgress?.(manifest.system.id, done, manifest.steps.length);
  const after = await findSystem(database.db, manifest.system.id);
  return `${manifest.system.id}: ${after?.areaCount ?? 0} Gebiete angelegt`;
}

export async function seedAreas(database: Database, options: SeedOptions = {}): Promise<string[]> {
  const results: string[] = [];
  for (const { dir, manifest } of await seedManifests()) {
    if (manifest.optional && !options.full && !options.only?.includes(manifest.system.id)) continue;
    if (options.only && !options.only.includes(manifest.system.id)) continue;
    results.push(await seedOne(database, dir, manifest, options));
  }
  return results;
}
