// Restoring a backup: check, truncate, insert, reset sequences and verify, in one transaction.
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../client.ts';
import { schemaVersion } from '../migrate.ts';
import type {
  ColumnInfo,
  MigrationState,
  RestoreSummary,
  TableInfo,
  TableSummary,
} from './types.ts';
import { fixOutputSettings, quoteIdent, run, tableRef } from './sql.ts';
import { migrationState, readCatalog } from './catalog.ts';
import { checksumOf } from './checksums.ts';
import { corrupt, notABackup, type Header } from './format.ts';
import { readBackup } from './read.ts';
import { insertPlan, type InsertPlan, type Statement } from './inserts.ts';

function sameColumns(
  a: { name: string; type: string; encoding: string }[],
  b: ColumnInfo[],
): boolean {
  return (
    a.length === b.length &&
    a.every(
      (c, i) => c.name === b[i]!.name && c.type === b[i]!.type && c.encoding === b[i]!.encoding,
    )
  );
}

function describeMigrations(
  m: Omit<MigrationState, 'version'> & { version?: string | null },
): string {
  if (m.count === 0) return 'keine Migrationen';
  return `${m.version ?? 'unbekannter Stand'}, ${m.count} Migration${m.count === 1 ? '' : 'en'}`;
}

/** Checks that the backup fits the target: same migrations, same tables and columns. */
function checkCompatible(
  file: string,
  header: Header,
  target: Omit<MigrationState, 'version'>,
  targetVersion: string | null,
  tables: TableInfo[],
): void {
  if (header.migrations.count !== target.count || header.migrations.lastHash !== target.lastHash)
    throw new AppError(
      'invalid_input',
      `Die Sicherung „${file}“ hat den Schemastand ${describeMigrations(header.migrations)}, die Datenbank ${describeMigrations({ ...target, version: targetVersion })}. ` +
        'Bitte die Datenbank zuerst auf denselben Schemastand migrieren (bzw. mit derselben Version von sozialraum sichern und wiederherstellen). Die Datenbank wurde nicht verändert.',
    );
  const byName = new Map(tables.map((t) => [t.name, t]));
  const inFile = new Set(header.tables.map((t) => t.name));
  const problems: string[] = [];
  for (const t of header.tables) {
    const target = byName.get(t.name);
    if (!target) problems.push(`Tabelle „${t.name}“ fehlt in der Datenbank`);
    else if (!sameColumns(t.columns, target.columns))
      problems.push(`Tabelle „${t.name}“ hat andere Spalten`);
  }
  for (const t of tables)
    if (!inFile.has(t.name)) problems.push(`Tabelle „${t.name}“ fehlt in der Sicherung`);
  if (inFile.size !== header.tables.length) problems.push('Tabellen kommen doppelt vor');
  if (problems.length > 0)
    throw new AppError(
      'invalid_input',
      `Die Sicherung „${file}“ passt nicht zum Schema der Datenbank: ${problems.join('; ')}. Die Datenbank wurde nicht verändert.`,
      problems.map((message) => ({ file, message })),
    );
}

/** The SQLSTATE of a driver error, also when wrapped by Drizzle. */
function sqlState(error: unknown): string | undefined {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Replaces the contents of all tables of schema public with a backup, in one transaction: the file
 * is verified completely first, the target must have the same migrations, and counts and checksums
 * are checked again in the database before the commit. On any error the data stays as it was.
 */
export async function restoreDatabase(database: Database, file: string): Promise<RestoreSummary> {
  // First pass: the whole file must be intact before the database is touched.
  let header: Header | undefined;
  for await (const item of readBackup(file)) if ('header' in item) header = item.header;
  if (!header) throw notABackup(file, 'kein Sicherungskopf');
  const fileHeader = header;
  const { version: targetVersion } = await schemaVersion(database);

  try {
    return await database.db.transaction(async (tx) => {
      await fixOutputSettings(tx);
      const tables = await readCatalog(tx);
      const migrations = await migrationState(tx);
      checkCompatible(file, fileHeader, migrations, targetVersion, tables);

      const byName = new Map(tables.map((t) => [t.name, t]));
      const all = new Set(byName.keys());
      if (tables.length > 0)
        await tx.execute(
          sql.raw(
            `truncate table ${tables.map((t) => tableRef(t.name)).join(', ')} restart identity cascade`,
          ),
        );

      // Second pass: insert in file order; the reader verifies the file again on the way.
      const plans = new Map<string, InsertPlan>();
      const pending: { update: Statement; rows: string }[] = [];
      for await (const item of readBackup(file)) {
        if ('header' in item) {
          if (JSON.stringify(item.header) !== JSON.stringify(fileHeader))
            throw corrupt(file, 'die Datei wurde während der Wiederherstellung ersetzt');
          continue;
        }
        const table = byName.get(item.table.name)!;
        let plan = plans.get(table.name);
        if (!plan) {
          const index = fileHeader.tables.indexOf(item.table);
          const before = new Set(fileHeader.tables.slice(0, index).map((t) => t.name));
          plan = insertPlan(table, before, all);
          plans.set(table.name, plan);
        }
        const rows = await run<{ pending?: string }>(tx, plan.insert(`[${item.lines.join(',')}]`));
        const values = rows[0]?.pending;
        if (plan.update && values && values !== '[]')
          pending.push({ update: plan.update, rows: values });
      }
      for (const p of pending) await tx.execute(p.update(p.rows));

      for (const table of tables)
        for (const column of table.columns)
          if (column.sequence)
            await tx.execute(
              sql`select setval(${column.sequence}::regclass, m) from (select max(${sql.raw(`t.${quoteIdent(column.name)}`)}) as m from ${sql.raw(tableRef(table.name))} as t) as s where m is not null`,
            );

      const found: TableSummary[] = [];
      for (const table of tables) found.push(await checksumOf(tx, table));
      const expected = new Map(fileHeader.tables.map((t) => [t.name, t]));
      const mismatches = found.filter((f) => {
        const e = expected.get(f.table);
        return !e || e.rows !== f.rows || e.checksum !== f.checksum;
      });
      if (mismatches.length > 0)
        throw new AppError(
          'internal',
          `Die Prüfung nach der Wiederherstellung ist fehlgeschlagen (${mismatches
            .map(
              (m) =>
                `Tabelle „${m.table}“: ${m.rows} statt ${expected.get(m.table)?.rows ?? 0} Zeilen oder andere Prüfsumme`,
            )
            .join('; ')}). Die Datenbank wurde nicht verändert.`,
        );
      return {
        file,
        createdAt: fileHeader.createdAt,
        sourceEngine: fileHeader.engine,
        engine: database.engine,
        migrations: { ...migrations, version: targetVersion },
        tables: found,
        rows: found.reduce((sum, t) => sum + t.rows, 0),
      };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const state = sqlState(error);
    if (state && (state.startsWith('22') || state.startsWith('23')))
      throw new AppError(
        'invalid_input',
        `Die Sicherung „${file}“ enthält Daten, die die Datenbank ablehnt (SQLSTATE ${state}). Die Datenbank wurde nicht verändert.`,
        [
          {
            file,
            message: (error as { cause?: Error }).cause?.message ?? (error as Error).message,
          },
        ],
      );
    throw error;
  }
}
