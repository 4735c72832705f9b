// Seeds the monitoring data shipped in data/: each folder's monitoring.json names catalogue, releases and index configurations.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SeedOptions } from '../../core/module.ts';
import type { Database } from '../../db/client.ts';
import { dataRoot } from '../areas/index.ts';
import { computeIndexRun } from './compute-index.ts';
import { importValues } from './import-values.ts';
import * as repo from './monitoring.repository.ts';
import { indicatorSchema, topicSchema, type IndicatorInput } from './schema.ts';

const manifestSchema = z.object({
  system: z.string(),
  topics: z.array(topicSchema),
  indicators: z.array(indicatorSchema),
  releases: z.array(
    z.object({
      title: z.string(),
      description: z.string().default(''),
      file: z.string(),
      format: z.enum(['long', 'wide']),
      mapping: z
        .object({
          sheet: z.string().optional(),
          areaColumn: z.string(),
          period: z.string(),
          columns: z.record(z.string(), z.string()),
        })
        .optional(),
      source: z.string(),
      licence: z.string(),
      example: z.boolean().default(false),
      publish: z.boolean().default(true),
      dashMeansZero: z.boolean().optional(),
    }),
  ),
  indexConfigs: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        description: z.string().default(''),
        level: z.string(),
        example: z.boolean().default(false),
        config: z.record(z.string(), z.unknown()),
      }),
    )
    .default([]),
});
export type MonitoringManifest = z.infer<typeof manifestSchema>;

export async function monitoringManifests(root = dataRoot) {
  const found: { dir: string; manifest: MonitoringManifest }[] = [];
  for (const d of await readdir(root, { withFileTypes: true })) {
    const path = join(root, d.name, 'monitoring.json');
    if (!d.isDirectory() || !existsSync(path)) continue;
    found.push({
      dir: join(root, d.name),
      manifest: manifestSchema.parse(JSON.parse(await readFile(path, 'utf8'))),
    });
  }
  return found.sort((a, b) => a.dir.localeCompare(b.dir));
}

function indicatorRow(i: IndicatorInput, rank: number) {
  return {
    code: i.code,
    name: i.name,
    description: i.description,
    topicKey: i.topic,
    unit: i.unit,
    kind: i.kind,
    numeratorCode: i.numerator ?? null,
    denominatorCode: i.denominator ?? null,
    per: i.per,
    polarity: i.polarity,
    source: i.source,
    licence: i.licence,
    minCount: i.minCount,
    precision: i.precision,
    isPublic: i.public,
    isExample: i.example,
    rank,
  };
}

/** Upserts the catalogue; imports and publishes each release once (by title); computes the index. */
export async function seedMonitoring(
  database: Database,
  options: SeedOptions = {},
): Promise<string[]> {
  const done: string[] = [];
  const systems = new Set(await repo.systemIds(database.db));
  for (const { dir, manifest } of await monitoringManifests()) {
    if (!systems.has(manifest.system)) continue;
    if (options.only && !options.only.includes(manifest.system)) continue;
    for (const t of manifest.topics) await repo.upsertTopic(database.db, t);
    // Two passes: numerators and denominators may be defined after the share that uses them.
    const rows = manifest.indicators.map((i, n) => indicatorRow(i, n));
    for (const r of rows)
      await repo.upsertIndicator(database.db, { ...r, numeratorCode: null, denominatorCode: null });
    for (const r of rows) await repo.upsertIndicator(database.db, r);
    const existing = new Set(
      (await repo.listReleases(database.db, manifest.system)).map((r) => r.title),
    );
    for (const r of manifest.releases) {
      if (existing.has(r.title)) continue;
      const bytes = await readFile(join(dir, r.file));
      const summary = await importValues(database, 'cli', {
        systemId: manifest.system,
        fileName: r.file,
        bytes,
        format: r.format,
        mapping: r.mapping,
        dashMeansZero: r.dashMeansZero,
        title: r.title,
        description: r.description,
        source: r.source,
        licence: r.licence,
        isExample: r.example,
        publish: r.publish,
      });
      done.push(`${manifest.system}: ${summary.valueCount} Werte (${r.title})`);
    }
    for (const c of manifest.indexConfigs) {
      await repo.upsertIndexConfig(database.db, {
        id: c.id,
        name: c.name,
        description: c.description,
        systemId: manifest.system,
        levelKey: c.level,
        config: c.config,
        isExample: c.example,
      });
      if (!(await repo.latestIndexRun(database.db, c.id))) {
        const runs = await computeIndexRun(database, 'cli', c.id);
        done.push(`${c.id}: Index für ${runs.map((r) => r.period).join(', ')}`);
      }
    }
  }
  return done;
}
