// Seeds Oberhausen's example directory (data/oberhausen/angebote.json, HSDS JSON) once.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeedOptions } from '../../core/module.ts';
import type { Database } from '../../db/client.ts';
import { dataRoot } from '../areas/index.ts';
import * as repo from './directory.repository.ts';
import { importHsds } from './hsds-import.ts';

export async function seedDirectory(
  database: Database,
  options: SeedOptions = {},
): Promise<string[]> {
  if (options.only && !options.only.includes('oberhausen')) return [];
  const file = join(dataRoot, 'oberhausen', 'angebote.json');
  if (!existsSync(file)) return [];
  if ((await repo.countServices(database.db)) > 0) return [];
  const hasCity = await repo.systemAreas(database.db, 'oberhausen');
  if (hasCity.length === 0) return [];
  const summary = await importHsds(database, 'cli', {
    fileName: 'angebote.json',
    json: JSON.parse(await readFile(file, 'utf8')),
    isExample: true,
    systemId: 'oberhausen',
    areaLevel: 'sozialraum',
    bbox: 'system',
  });
  return [`Angebote: ${summary.services} Beispielangebote von ${summary.organizations} Trägern`];
}
