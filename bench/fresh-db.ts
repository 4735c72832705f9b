// Fresh databases for the benchmarks; on a server they are dropped without FORCE, which waits for closing sessions.
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createTestDatabase } from '../src/db/testing.ts';

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One statement on the server's maintenance connection (the database of DATABASE_URL). */
export async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let created = 0;

/**
 * A migrated, empty database. On a server, `pool.end()` resolves before its sockets are closed;
 * DROP DATABASE … WITH (FORCE) right after it can kill those sessions, and the pool (which has no
 * 'error' listener) then throws. A plain DROP waits up to 5 s for the sessions to go away.
 */
export async function freshDatabase(url: string | undefined): Promise<Database> {
  if (!url) return createTestDatabase();
  created += 1;
  const name = `sozialraum_bench_${process.pid}_${Date.now().toString(36)}_${created}`;
  await admin(url, `create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
  await migrate(database);
  const close = database.close;
  database.close = async () => {
    await close();
    await admin(url, `drop database if exists ${name}`);
  };
  return database;
}
