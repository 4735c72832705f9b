// Writing a backup: all tables in one read-only snapshot, streamed through gzip into a file.
import { createWriteStream } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../client.ts';
import { schemaVersion } from '../migrate.ts';
import type { BackupSummary, TableInfo, TableSummary } from './types.ts';
import { fixOutputSettings, quoteIdent, run, tableRef, type Executor } from './sql.ts';
import { migrationState, readCatalog } from './catalog.ts';
import { checksumOf, lineExpression, LineChecksum } from './checksums.ts';
import { backupFormat, backupFormatVersion } from './format.ts';

const fetchSize = 200;

/** Writes all tables of schema public to one gzip file; see format.ts. */
export async function backupDatabase(database: Database, file: string): Promise<BackupSummary> {
  const { version } = await schemaVersion(database);
  const createdAt = new Date().toISOString();
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    // Fails early when the folder is missing or not writable; readable only for the owner.
    await writeFile(temporary, '', { mode: 0o600 });
    const result = await database.db.transaction(
      async (tx) => {
        await fixOutputSettings(tx);
        const tables = await readCatalog(tx);
        const migrations = { ...(await migrationState(tx)), version };
        const [server] = await run<{ version: string }>(
          tx,
          sql`select current_setting('server_version') as version`,
        );
        const summaries: TableSummary[] = [];
        for (const table of tables) summaries.push(await checksumOf(tx, table));
        const header = {
          format: backupFormat,
          version: backupFormatVersion,
          createdAt,
          engine: database.engine,
          serverVersion: server?.version ?? '',
          migrations,
          tables: tables.map((t, i) => ({
            name: t.name,
            columns: t.columns.map((c) => ({ name: c.name, type: c.type, encoding: c.encoding })),
            rows: summaries[i]!.rows,
            checksum: summaries[i]!.checksum,
          })),
        };
        await pipeline(
          Readable.from(backupLines(tx, tables, summaries, header)),
          createGzip(),
          createWriteStream(temporary, { mode: 0o600 }),
        );
        return { migrations, summaries };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await rename(temporary, file);
    const { size } = await stat(file);
    return {
      file,
      bytes: size,
      createdAt,
      engine: database.engine,
      migrations: result.migrations,
      tables: result.summaries,
      rows: result.summaries.reduce((sum, t) => sum + t.rows, 0),
    };
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR')
      throw new AppError(
        'invalid_input',
        `Die Sicherung kann nicht nach „${file}“ geschrieben werden (${code}).`,
      );
    throw error;
  }
}

async function* backupLines(
  tx: Executor,
  tables: TableInfo[],
  summaries: TableSummary[],
  header: unknown,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  let total = 0;
  for (const [i, table] of tables.entries()) {
    const expected = summaries[i]!;
    yield `${JSON.stringify({ table: table.name, rows: expected.rows })}\n`;
    const order = table.primaryKey.length
      ? ` order by ${table.primaryKey.map((c) => `t.${quoteIdent(c)}`).join(', ')}`
      : '';
    await tx.execute(
      sql.raw(
        `declare sozialraum_backup no scroll cursor for
           select ${lineExpression(table)} as line from ${tableRef(table.name)} as t${order}`,
      ),
    );
    const check = new LineChecksum();
    for (;;) {
      const rows = await run<{ line: string }>(
        tx,
        sql.raw(`fetch forward ${fetchSize} from sozialraum_backup`),
      );
      if (rows.length === 0) break;
      for (const row of rows) check.add(row.line);
      yield rows.map((row) => `${row.line}\n`).join('');
    }
    await tx.execute(sql.raw(`close sozialraum_backup`));
    if (check.rows !== expected.rows || check.digest() !== expected.checksum)
      throw new AppError(
        'internal',
        `Sicherung abgebrochen: Tabelle „${table.name}“ lieferte beim Schreiben andere Zeilen als beim Prüfen.`,
      );
    total += check.rows;
  }
  yield `${JSON.stringify({ end: true, tables: tables.length, rows: total })}\n`;
}
