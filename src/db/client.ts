// Opens the database: embedded PGlite (default) or a PostgreSQL server when a URL is given.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import * as schema from './schema/index.ts';

export type Engine = 'pglite' | 'postgres';
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  engine: Engine;
  db: Db;
  /** Runs raw SQL and returns plain rows (driver differences already normalised). */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
  /** The embedded engine, for dump/load; undefined on a server. */
  pglite?: PGlite;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when set, the server is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; 'memory://' for an in-memory one. */
  dataDir?: string;
  /** A data directory dump (tar) to start the embedded database from. */
  loadDataDir?: Blob;
}

export const pgliteExtensions = { pg_trgm, unaccent };

/**
 * The one place where driver differences are normalised: `pg` returns int8 (count, bigint) and
 * numeric as strings, PGlite as numbers; both are numbers here. Values stay below 2^53 in this
 * schema. Drizzle's pg session reads the global parsers, so they are set on pg.types.
 */
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection closed by the server (restart, terminate) must not end the process.
    pool.on('error', (error) => console.error(`PostgreSQL-Verbindung getrennt: ${error.message}`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      engine: 'postgres',
      db,
      rows: <T>(statement: SQL) => query<T>(db, statement),
      close: () => pool.end(),
    };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    extensions: pgliteExtensions,
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    parsers: { 1700: (v: string) => Number(v) },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    pglite: client,
    rows: <T>(statement: SQL) => query<T>(db, statement),
    close: () => client.close(),
  };
}

export { sql };

/** Raw SQL on a database or inside a transaction, returning plain rows. */
export async function query<T = Record<string, unknown>>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}
