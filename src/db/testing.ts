// Test databases on the real engines: PGlite cloned from a migrated template, or a fresh PostgreSQL database.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './client.ts';
import { migrate } from './migrate.ts';

/**
 * Environment set by scripts/run-tests.ts: a PGlite dump, or a template database on the server —
 * one migrated and empty, one also seeded with the shipped example data (Oberhausen, Berlin).
 */
function templates(seeded: boolean) {
  const suffix = seeded ? '_SEEDED' : '';
  return {
    file: process.env[`SOZIALRAUM_TEST_TEMPLATE${suffix}`],
    db: process.env[`SOZIALRAUM_TEST_TEMPLATE${suffix}_DB`],
  };
}

/** Whether a seeded template is prepared for this run (otherwise callers seed themselves). */
export function hasSeededTemplate(): boolean {
  const t = templates(true);
  return process.env['DATABASE_URL'] ? Boolean(t.db) : Boolean(t.file && existsSync(t.file));
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A migrated database of its own for one test file; close() drops it. With `seeded` it is a clone
 * of the seeded template when the run prepared one (see hasSeededTemplate).
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<Database> {
  const seeded = options.seeded === true && hasSeededTemplate();
  const { file: templateFile, db: templateDb } = templates(seeded);
  const url = process.env['DATABASE_URL'];
  if (url) {
    const name = `sozialraum_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      templateDb ? `create database ${name} template ${templateDb}` : `create database ${name}`,
    );
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
    if (!templateDb) await migrate(database);
    const close = database.close;
    database.close = async () => {
      await close();
      // Plain DROP (not WITH FORCE): our own connections are closed, and PostgreSQL itself ends an
      // autovacuum worker in the way; FORCE would need the right to signal other roles' backends.
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name}`);
      } finally {
        await dropper.end();
      }
    };
    return database;
  }
  if (templateFile && existsSync(templateFile)) {
    const dump = new Blob([await readFile(templateFile)]);
    return openDatabase({ dataDir: 'memory://', loadDataDir: dump });
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  return database;
}
