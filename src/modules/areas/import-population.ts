// Use case: population figures per area from a CSV, summed up the hierarchy where complete.
import { readCsvRows } from './read-csv.ts';
import { AppError } from '../../core/errors.ts';
import type { Database, Db } from '../../db/client.ts';
import * as repo from './areas.repository.ts';
import { parseCount } from './parse-count.ts';

export interface PopulationOptions {
  systemId: string;
  levelKey: string;
  codeField: string;
  valueField: string;
  date: string;
  source: string;
  /** Source label for the sums on the levels above. */
  rollupSource?: string;
}

export async function importPopulation(database: Database, path: string, o: PopulationOptions) {
  const { file, rows: data, problems } = await readCsvRows(path);
  const system = await repo.findSystem(database.db, o.systemId);
  if (!system)
    throw new AppError('not_found', `Die Gebietsgliederung „${o.systemId}“ gibt es nicht.`);
  const known = await repo.codesAtLevel(database.db, o.systemId, o.levelKey);
  const rows: { code: string; population: number }[] = [];
  for (const [i, r] of data.entries()) {
    const line = i + 1;
    const code = (r[o.codeField] ?? '').trim();
    const parsed = parseCount(r[o.valueField]);
    if (!code)
      problems.push({ file, row: line, field: o.codeField, message: 'Der Schlüssel fehlt.' });
    else if (!known.has(code))
      problems.push({
        file,
        row: line,
        field: o.codeField,
        message: `Gebiet „${code}“ gibt es auf der Ebene ${o.levelKey} nicht.`,
      });
    if (!parsed.ok)
      problems.push({
        file,
        row: line,
        field: o.valueField,
        message: `„${r[o.valueField] ?? ''}“ ist keine Einwohnerzahl.`,
      });
    else if (code && parsed.value !== null) rows.push({ code, population: parsed.value });
  }
  if (problems.length > 0)
    throw new AppError(
      'import_invalid',
      `${file}: ${problems.length} Fehler, nichts wurde gespeichert.`,
      problems.slice(0, 200),
    );
  return database.db.transaction(async (tx) => {
    const updated = await repo.setPopulation(tx, o.systemId, rows, o.date, o.source);
    const rolledUp = await rollupLevels(
      tx,
      system.levels,
      o.levelKey,
      o.systemId,
      o.rollupSource ?? `Summe der Gebiete (${o.source})`,
    );
    return { file, updated, rolledUp };
  });
}

/** Sums population from the given level up to the top, one level at a time. */
export async function rollupLevels(
  db: Db,
  levels: { key: string; rank: number }[],
  fromLevel: string,
  systemId: string,
  source: string,
): Promise<number> {
  const level = levels.find((l) => l.key === fromLevel);
  if (!level) throw new AppError('invalid_input', `Die Ebene „${fromLevel}“ gibt es nicht.`);
  let rolledUp = 0;
  for (const parent of levels.filter((l) => l.rank < level.rank).sort((a, b) => b.rank - a.rank)) {
    rolledUp += await repo.rollupPopulation(db, systemId, parent.key, source);
  }
  return rolledUp;
}
