// Canonical row text as SQL (and back, for restore), and table checksums in SQL and JavaScript.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import type { ColumnInfo, TableInfo, TableSummary } from './types.ts';
import { fixOutputSettings, quoteIdent, run, tableRef, type Executor } from './sql.ts';
import { readCatalog } from './catalog.ts';

function encodeColumn(column: ColumnInfo): string {
  const ref = `t.${quoteIdent(column.name)}`;
  switch (column.encoding) {
    case 'json':
      return `to_json(${ref})`;
    case 'jsonb':
      return `case when ${ref} is null then null else json_build_array(${ref}) end`;
    case 'text':
      return `to_json(${ref}::text)`;
  }
}

/** SQL expression giving one row as a JSON array text, e.g. `[1, "Mitte", [{"a": 1}], null]`. */
export function lineExpression(table: TableInfo): string {
  if (table.columns.length === 0) return `'[]'`;
  const parts = table.columns.map((c) => `coalesce((${encodeColumn(c)})::text, 'null')`);
  return `('[' || ${parts.join(` || ', ' || `)} || ']')`;
}

/** SQL expression turning one value's text (an element of a row line) back into the column type. */
export function decodeColumn(text: string, column: ColumnInfo): string {
  if (column.encoding === 'jsonb') return `((${text})::jsonb -> 0)`;
  return `(${text})::${column.type}`;
}

export async function checksumOf(tx: Executor, table: TableInfo): Promise<TableSummary> {
  const [row] = await run<{ rows: number; checksum: string }>(
    tx,
    sql.raw(
      `select count(*) as rows, md5(coalesce(string_agg(h, '' order by h collate "C"), '')) as checksum
         from (select md5(${lineExpression(table)}) as h from ${tableRef(table.name)} as t) as s`,
    ),
  );
  return { table: table.name, rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? '' };
}

/** The same checksum, computed in JavaScript over the lines of a file. */
export class LineChecksum {
  private readonly hashes: string[] = [];

  add(line: string): void {
    this.hashes.push(createHash('md5').update(line, 'utf8').digest('hex'));
  }

  get rows(): number {
    return this.hashes.length;
  }

  digest(): string {
    return createHash('md5').update(this.hashes.sort().join(''), 'utf8').digest('hex');
  }
}

/** Row counts and checksums of all tables of schema public, in foreign-key order. */
export async function tableChecksums(database: Database): Promise<TableSummary[]> {
  return database.db.transaction(
    async (tx) => {
      await fixOutputSettings(tx);
      const tables = await readCatalog(tx);
      const result: TableSummary[] = [];
      for (const table of tables) result.push(await checksumOf(tx, table));
      return result;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
