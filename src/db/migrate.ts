// Applies the drizzle-kit migrations on either engine and reports the schema version.
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

function journal(): Journal {
  return JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal;
}

export async function migrate(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  }
}

export interface SchemaVersion {
  /** Tag of the newest applied migration, e.g. "0001_area_systems". */
  version: string | null;
  applied: number;
  known: number;
}

export async function schemaVersion(database: Database): Promise<SchemaVersion> {
  const entries = journal().entries;
  let applied = 0;
  try {
    const [row] = await database.rows<{ n: number }>(
      sql`select count(*) as n from drizzle.__drizzle_migrations`,
    );
    applied = row?.n ?? 0;
  } catch {
    applied = 0;
  }
  return {
    version: applied > 0 ? (entries[applied - 1]?.tag ?? null) : null,
    applied,
    known: entries.length,
  };
}
