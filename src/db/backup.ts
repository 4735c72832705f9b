// Logical backup and restore of all tables in schema public, the same on PGlite and PostgreSQL and across them.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import type { Database, Engine } from './client.ts';
import { schemaVersion } from './migrate.ts';

/*
 * File format (version 1): a gzip-compressed text file, one JSON document per line (UTF-8, "\n").
 *
 *   line 1      header: {"format":"sozialraum-backup","version":1,"createdAt","engine","serverVersion",
 *               "migrations":{"count","lastHash","version"},
 *               "tables":[{"name","columns":[{"name","type","encoding"}],"rows","checksum"}]}
 *   per table   (in the header's order, which is a foreign-key-safe order)
 *               {"table":"areas","rows":755}, then exactly `rows` lines, each a JSON array of the
 *               row's values in column order
 *   last line   {"end":true,"tables":n,"rows":total}
 *
 * Values are written by PostgreSQL itself (never parsed and re-serialised in JavaScript), so they
 * come back bit for bit. Encodings:
 *   json   numbers, booleans, dates and timestamps as to_json() writes them: integers and doubles as
 *          JSON numbers in shortest round-trip form (NaN and ±Infinity as strings, -0 kept),
 *          timestamps as ISO 8601 in UTC with microseconds.
 *   jsonb  the value wrapped in a one-element array, so SQL NULL (null) and JSON null ([null]) differ.
 *   text   the type's text output as a JSON string (arrays, json, uuid, bytea, enums and all else).
 *
 * Checksum of a table: md5 over the sorted md5 hashes of its row lines, concatenated. It is computed
 * in SQL with fixed session settings (TimeZone, DateStyle, IntervalStyle, extra_float_digits,
 * bytea_output), hence the same on PGlite 18 and PostgreSQL 15, and independent of row order and
 * collation. The reader recomputes it from the lines in the file before touching the database.
 */

export const backupFormat = 'sozialraum-backup';
export const backupFormatVersion = 1;

export interface TableSummary {
  table: string;
  rows: number;
  /** md5 hex, see the file format above. */
  checksum: string;
}

export interface MigrationState {
  /** Number of applied migrations (drizzle.__drizzle_migrations). */
  count: number;
  /** Hash of the newest applied migration; null when none is applied. */
  lastHash: string | null;
  /** Tag of the newest applied migration as this code knows it, e.g. "0002_accounts". */
  version: string | null;
}

export interface BackupSummary {
  file: string;
  /** Size of the compressed file. */
  bytes: number;
  createdAt: string;
  engine: Engine;
  migrations: MigrationState;
  tables: TableSummary[];
  rows: number;
}

export interface RestoreSummary {
  file: string;
  /** When the backup was taken, and on which engine. */
  createdAt: string;
  sourceEngine: Engine;
  engine: Engine;
  migrations: MigrationState;
  /** Per table as found in the database after the restore (verified against the file). */
  tables: TableSummary[];
  rows: number;
}

type Encoding = 'json' | 'jsonb' | 'text';

interface ColumnInfo {
  name: string;
  /** format_type() of the column, used for casts on restore. */
  type: string;
  encoding: Encoding;
  notNull: boolean;
  /** Generated (computed) columns are written for the checksum but not inserted. */
  generated: boolean;
  identity: boolean;
  /** Sequence behind an identity or serial column, reset to max() after a restore. */
  sequence: string | null;
}

interface ForeignKey {
  parent: string;
  columns: string[];
}

interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

/** Anything that runs SQL: the database or an open transaction. */
interface Executor {
  execute(statement: SQL): PromiseLike<unknown>;
}

async function run<T = Record<string, unknown>>(ex: Executor, statement: SQL): Promise<T[]> {
  const result = (await ex.execute(statement)) as { rows?: T[] };
  return result.rows ?? [];
}

/** Base types that to_json() writes as JSON numbers, booleans or ISO 8601 strings. */
const jsonNative = new Set([
  'int2',
  'int4',
  'int8',
  'float4',
  'float8',
  'numeric',
  'bool',
  'date',
  'timestamp',
  'timestamptz',
]);

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function tableRef(name: string): string {
  return `public.${quoteIdent(name)}`;
}

/** Session settings that make every value's text output the same on both engines. */
async function fixOutputSettings(tx: Executor): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local extra_float_digits = 1`);
  await tx.execute(sql`set local bytea_output = 'hex'`);
}

// ---------------------------------------------------------------------------------------------
// Catalog

async function readCatalog(tx: Executor): Promise<TableInfo[]> {
  const tables = await run<{ name: string }>(
    tx,
    sql`select c.relname as name
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
         order by c.relname`,
  );
  const columns = await run<{
    table: string;
    name: string;
    type: string;
    base: string;
    not_null: boolean;
    generated: boolean;
    identity: boolean;
    sequence: string | null;
  }>(
    tx,
    sql`select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
               bt.typname as base, a.attnotnull as not_null, a.attgenerated <> '' as generated,
               a.attidentity <> '' as identity,
               pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
          from pg_attribute a
          join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace
          join pg_type t on t.oid = a.atttypid
          join pg_type bt on bt.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
         where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
           and a.attnum > 0 and not a.attisdropped
         order by c.relname, a.attnum`,
  );
  const constraints = await run<{
    table: string;
    kind: string;
    parent: string | null;
    parent_schema: string | null;
    columns: string;
  }>(
    tx,
    sql`select c.relname as table, con.contype::text as kind, p.relname as parent,
               pn.nspname as parent_schema,
               (select json_agg(a.attname::text order by k.ord)
                  from unnest(con.conkey) with ordinality as k(num, ord)
                  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num)::text as columns
          from pg_constraint con
          join pg_class c on c.oid = con.conrelid
          join pg_namespace n on n.oid = c.relnamespace
          left join pg_class p on p.oid = con.confrelid
          left join pg_namespace pn on pn.oid = p.relnamespace
         where n.nspname = 'public' and con.contype in ('p', 'f')
         order by c.relname, con.conname`,
  );
  const byName = new Map<string, TableInfo>();
  for (const t of tables)
    byName.set(t.name, { name: t.name, columns: [], primaryKey: [], foreignKeys: [] });
  for (const c of columns) {
    byName.get(c.table)?.columns.push({
      name: c.name,
      type: c.type,
      encoding: c.base === 'jsonb' ? 'jsonb' : jsonNative.has(c.base) ? 'json' : 'text',
      notNull: c.not_null,
      generated: c.generated,
      identity: c.identity,
      sequence: c.sequence,
    });
  }
  for (const con of constraints) {
    const table = byName.get(con.table);
    if (!table) continue;
    const cols = JSON.parse(con.columns) as string[];
    if (con.kind === 'p') table.primaryKey = cols;
    else if (con.parent && con.parent_schema === 'public')
      table.foreignKeys.push({ parent: con.parent, columns: cols });
  }
  return dependencyOrder([...byName.values()]);
}

/**
 * Tables ordered so that referenced tables come first (self-references are left aside; rows of a
 * table referencing itself get those columns set after all its rows are in). A cycle between
 * tables is broken at the alphabetically first table; restore then defers the affected columns.
 */
function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const pending = new Map(tables.map((t) => [t.name, t]));
  const order: TableInfo[] = [];
  while (pending.size > 0) {
    const names = [...pending.keys()].sort();
    const ready = names.find((name) =>
      pending.get(name)!.foreignKeys.every((fk) => fk.parent === name || !pending.has(fk.parent)),
    );
    const next = ready ?? names[0]!;
    order.push(pending.get(next)!);
    pending.delete(next);
  }
  return order;
}

// ---------------------------------------------------------------------------------------------
// Canonical row text and checksums

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
function lineExpression(table: TableInfo): string {
  if (table.columns.length === 0) return `'[]'`;
  const parts = table.columns.map((c) => `coalesce((${encodeColumn(c)})::text, 'null')`);
  return `('[' || ${parts.join(` || ', ' || `)} || ']')`;
}

/** SQL expression turning one value's text (an element of a row line) back into the column type. */
function decodeColumn(text: string, column: ColumnInfo): string {
  if (column.encoding === 'jsonb') return `((${text})::jsonb -> 0)`;
  return `(${text})::${column.type}`;
}

async function checksumOf(tx: Executor, table: TableInfo): Promise<TableSummary> {
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
class LineChecksum {
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

async function migrationState(tx: Executor): Promise<Omit<MigrationState, 'version'>> {
  const [exists] = await run<{ ok: boolean }>(
    tx,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!exists?.ok) return { count: 0, lastHash: null };
  const [row] = await run<{ count: number; last_hash: string | null }>(
    tx,
    sql`select (select count(*) from drizzle.__drizzle_migrations) as count,
               (select hash from drizzle.__drizzle_migrations
                 order by created_at desc, id desc limit 1) as last_hash`,
  );
  return { count: Number(row?.count ?? 0), lastHash: row?.last_hash ?? null };
}

// ---------------------------------------------------------------------------------------------
// Backup

const fetchSize = 200;

/** Writes all tables of schema public to one gzip file; see the file format above. */
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

// ---------------------------------------------------------------------------------------------
// Reading a backup file

const columnSchema = z.object({
  name: z.string(),
  type: z.string(),
  encoding: z.enum(['json', 'jsonb', 'text']),
});

const headerSchema = z.object({
  format: z.literal(backupFormat),
  version: z.literal(backupFormatVersion),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  serverVersion: z.string(),
  migrations: z.object({
    count: z.number().int().nonnegative(),
    lastHash: z.string().nullable(),
    version: z.string().nullable(),
  }),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(columnSchema),
      rows: z.number().int().nonnegative(),
      checksum: z.string().regex(/^[0-9a-f]{32}$/),
    }),
  ),
});
type Header = z.infer<typeof headerSchema>;
type HeaderTable = Header['tables'][number];

const tableMarkerSchema = z.object({ table: z.string(), rows: z.number().int().nonnegative() });
const endSchema = z.object({
  end: z.literal(true),
  tables: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
});

function corrupt(file: string, why: string): AppError {
  return new AppError(
    'invalid_input',
    `„${file}“ ist beschädigt oder unvollständig: ${why}. Die Datenbank wurde nicht verändert.`,
  );
}

function notABackup(file: string, why: string): AppError {
  return new AppError(
    'invalid_input',
    `„${file}“ ist keine Sicherung von sozialraum (${why}). Die Datenbank wurde nicht verändert.`,
  );
}

/** Longest line accepted; guards memory against files that are not backups. */
const maxLineLength = 256 * 1024 * 1024;

/** The decompressed lines of a file; zlib errors (corrupt, truncated) become AppErrors. */
async function* fileLines(file: string): AsyncGenerator<string> {
  const magic = Buffer.alloc(2);
  let bytesRead: number;
  try {
    const handle = await open(file, 'r');
    try {
      ({ bytesRead } = await handle.read(magic, 0, 2, 0));
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not_found', `Die Datei „${file}“ gibt es nicht.`);
    throw new AppError('invalid_input', `Die Datei „${file}“ lässt sich nicht lesen (${code}).`);
  }
  if (bytesRead < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b)
    throw notABackup(file, 'nicht gzip-komprimiert');
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let buffer = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      buffer += decoder.write(chunk);
      let start = 0;
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n', start)) {
        yield buffer.slice(start, end);
        start = end + 1;
      }
      buffer = buffer.slice(start);
      if (buffer.length > maxLineLength) throw corrupt(file, 'eine Zeile ist zu lang');
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_ZLIB'))
      throw corrupt(file, `gzip meldet „${(error as Error).message}“`);
    throw error;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  buffer += decoder.end();
  if (buffer.length > 0) yield buffer;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function parseHeader(file: string, line: string | undefined): Header {
  const value = line === undefined ? undefined : parseJson(line);
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== backupFormat
  )
    throw notABackup(file, 'die erste Zeile ist kein Sicherungskopf');
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > backupFormatVersion)
    throw new AppError(
      'invalid_input',
      `„${file}“ hat das neuere Sicherungsformat ${version}; diese Version von sozialraum liest Format ${backupFormatVersion}. Bitte sozialraum aktualisieren.`,
    );
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw corrupt(file, 'der Sicherungskopf ist ungültig');
  return parsed.data;
}

interface RowChunk {
  table: HeaderTable;
  /** Row lines (JSON arrays), as written by the backup. */
  lines: string[];
}

const chunkRows = 500;
const chunkChars = 4 * 1024 * 1024;

/**
 * Reads a whole backup: the header first, then row chunks; verifies markers, row counts, each
 * table's checksum and the end line, throwing an AppError at the first mismatch.
 */
async function* readBackup(
  file: string,
): AsyncGenerator<{ header: Header } | RowChunk, void, undefined> {
  const lines = fileLines(file);
  const next = async (): Promise<string | undefined> => {
    const { value, done } = await lines.next();
    return done ? undefined : value;
  };
  try {
    const header = parseHeader(file, await next());
    yield { header };
    let total = 0;
    for (const table of header.tables) {
      const markerLine = await next();
      if (markerLine === undefined) throw corrupt(file, `Tabelle „${table.name}“ fehlt`);
      const marker = tableMarkerSchema.safeParse(parseJson(markerLine));
      if (!marker.success || marker.data.table !== table.name || marker.data.rows !== table.rows)
        throw corrupt(file, `Tabelle „${table.name}“ wurde erwartet`);
      const check = new LineChecksum();
      let chunk: string[] = [];
      let chars = 0;
      for (let i = 0; i < table.rows; i++) {
        const line = await next();
        if (line === undefined)
          throw corrupt(file, `Tabelle „${table.name}“ endet nach ${i} von ${table.rows} Zeilen`);
        if (!line.startsWith('[') || !line.endsWith(']'))
          throw corrupt(file, `Tabelle „${table.name}“, Zeile ${i + 1} ist keine Datenzeile`);
        check.add(line);
        chunk.push(line);
        chars += line.length;
        if (chunk.length >= chunkRows || chars >= chunkChars) {
          yield { table, lines: chunk };
          chunk = [];
          chars = 0;
        }
      }
      if (chunk.length > 0) yield { table, lines: chunk };
      if (check.digest() !== table.checksum)
        throw corrupt(file, `die Prüfsumme der Tabelle „${table.name}“ stimmt nicht`);
      total += table.rows;
    }
    const end = endSchema.safeParse(parseJson((await next()) ?? ''));
    if (!end.success || end.data.tables !== header.tables.length || end.data.rows !== total)
      throw corrupt(file, 'das Dateiende fehlt');
    for (let rest = await next(); rest !== undefined; rest = await next())
      if (rest !== '') throw corrupt(file, 'nach dem Dateiende folgen weitere Daten');
  } finally {
    await lines.return(undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

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

/** A statement taking the rows (JSON text) as its one parameter. */
type Statement = (rows: string) => SQL;

/**
 * Row lines as text arrays a.v (one element per column, 1-based): each line is parsed once; with
 * `e.r -> i` per column, PostgreSQL would re-read the large geometries for every later column.
 */
function fromRows(alias: string): [string, string] {
  return [
    'json_array_elements(',
    `::json) as e(r) cross join lateral (select array_agg(x.v order by x.n) ` +
      `from json_array_elements_text(e.r) with ordinality as x(v, n)) as ${alias}(v)`,
  ];
}

function statement(before: string, after: string): Statement {
  return (rows) => sql`${sql.raw(before)}${rows}${sql.raw(after)}`;
}

interface InsertPlan {
  /** Inserts a chunk; with deferred columns it returns their values (JSON text) for later. */
  insert: Statement;
  /** Sets the deferred columns: self-references and references to tables later in the file. */
  update: Statement | null;
}

function insertPlan(table: TableInfo, before: Set<string>, all: Set<string>): InsertPlan {
  const deferredColumns = new Set<string>();
  for (const fk of table.foreignKeys)
    if (fk.parent === table.name || (all.has(fk.parent) && !before.has(fk.parent)))
      for (const c of fk.columns) deferredColumns.add(c);
  const position = new Map(table.columns.map((c, i) => [c.name, i + 1]));
  const target = table.columns.filter((c) => !c.generated);
  const values = target
    .map((c) =>
      deferredColumns.has(c.name)
        ? `null::${c.type}`
        : decodeColumn(`a.v[${position.get(c.name)}]`, c),
    )
    .join(', ');
  const overriding = target.some((c) => c.identity) ? ' overriding system value' : '';
  const insertInto =
    `insert into ${tableRef(table.name)} (${target.map((c) => quoteIdent(c.name)).join(', ')})` +
    overriding;
  const [open, close] = fromRows('a');
  if (deferredColumns.size === 0)
    return {
      insert: statement(`${insertInto} select ${values} from ${open}`, close),
      update: null,
    };
  const deferred = table.columns.filter((c) => deferredColumns.has(c.name));
  const blocked = deferred.find((c) => c.notNull || table.primaryKey.includes(c.name));
  if (blocked || table.primaryKey.length === 0)
    throw new AppError(
      'internal',
      `Tabelle „${table.name}“ lässt sich nicht wiederherstellen: ihre Fremdschlüssel bilden einen Kreis, ` +
        `und ${blocked ? `Spalte „${blocked.name}“ darf nicht leer sein` : 'sie hat keinen Primärschlüssel'}.`,
    );
  const keys = table.primaryKey.map((name) => table.columns[position.get(name)! - 1]!);
  const picked = [...keys, ...deferred].map((c) => `a.v[${position.get(c.name)}]`).join(', ');
  const anySet = deferred.map((c) => `a.v[${position.get(c.name)}] is not null`).join(' or ');
  const insert = statement(
    `with src as (select a.v from ${open}`,
    `${close}), ins as (${insertInto} select ${values} from src as a) ` +
      `select coalesce(json_agg(json_build_array(${picked}))::text, '[]') as pending ` +
      `from src as a where ${anySet}`,
  );
  const assignments = deferred.map((c, i) => `${quoteIdent(c.name)} = v.d${i}`).join(', ');
  const decoded = [
    ...keys.map((c, i) => `${decodeColumn(`a.v[${i + 1}]`, c)} as k${i}`),
    ...deferred.map((c, i) => `${decodeColumn(`a.v[${keys.length + i + 1}]`, c)} as d${i}`),
  ].join(', ');
  const match = keys.map((c, i) => `t.${quoteIdent(c.name)} = v.k${i}`).join(' and ');
  const update = statement(
    `update ${tableRef(table.name)} as t set ${assignments} from (select ${decoded} from ${open}`,
    `${close}) as v where ${match}`,
  );
  return { insert, update };
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
