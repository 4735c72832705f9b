// Benchmark 4: cold start of a database — fresh + migrate against loading a dump (PGlite) or a template (server).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import type { TimedRow } from './report.ts';
import { timed } from './settle.ts';
import { kib } from './stats.ts';
import { admin, withDatabaseName } from './fresh-db.ts';

async function migrationsApplied(database: Database): Promise<number> {
  const [row] = await database.rows<{ n: number }>(
    sql`select count(*) as n from drizzle.__drizzle_migrations`,
  );
  return row?.n ?? 0;
}

/** PGlite: boot alone, boot + migrate, and boot from a dumped data dir read from a file (as the tests do). */
export async function benchColdStartPglite(
  runs: number,
  progress: (message: string) => void,
): Promise<TimedRow[]> {
  const template = await openDatabase({ dataDir: 'memory://' });
  await migrate(template);
  const dump = await template.pglite!.dumpDataDir('none');
  const gzipped = await template.pglite!.dumpDataDir('gzip');
  const expected = await migrationsApplied(template);
  await template.close();
  const dir = mkdtempSync(join(tmpdir(), 'sozialraum-bench-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  const gzFile = join(dir, 'template.tar.gz');
  writeFileSync(gzFile, Buffer.from(await gzipped.arrayBuffer()));

  const boot: number[] = [];
  const fresh: number[] = [];
  const load: number[] = [];
  const loadGz: number[] = [];
  const variants: [number[], () => Promise<Database>][] = [
    [
      boot,
      async () => {
        const database = await openDatabase({ dataDir: 'memory://' });
        await database.rows(sql`select 1`);
        return database;
      },
    ],
    [
      fresh,
      async () => {
        const database = await openDatabase({ dataDir: 'memory://' });
        await migrate(database);
        return database;
      },
    ],
    [
      load,
      async () => {
        const blob = new Blob([readFileSync(file)]);
        const database = await openDatabase({ dataDir: 'memory://', loadDataDir: blob });
        if ((await migrationsApplied(database)) !== expected) throw new Error('dump not migrated');
        return database;
      },
    ],
    [
      loadGz,
      async () => {
        const blob = new Blob([readFileSync(gzFile)], { type: 'application/x-gzip' });
        const database = await openDatabase({ dataDir: 'memory://', loadDataDir: blob });
        if ((await migrationsApplied(database)) !== expected) throw new Error('dump not migrated');
        return database;
      },
    ],
  ];
  try {
    for (let i = 0; i <= runs; i += 1) {
      progress(`Cold start (PGlite): run ${i}/${runs}${i === 0 ? ' (warm-up)' : ''}`);
      // The order rotates from run to run, so no variant always follows the same predecessor.
      for (let k = 0; k < variants.length; k += 1) {
        const [samples, start] = variants[(i + k) % variants.length]!;
        let database: Database | undefined;
        const ms = await timed(async () => {
          database = await start();
        });
        await database!.close();
        if (i > 0) samples.push(ms);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    { label: 'PGlite.create + migrate (baseline)', samples: fresh, isBaseline: true },
    {
      label: 'PGlite.create from dumped data dir (read tar + load)',
      samples: load,
      baseline: fresh,
      note: `dumpDataDir('none'): ${kib(dump.size)} (what scripts/run-tests.ts writes)`,
    },
    {
      label: 'PGlite.create from gzipped dump (read tar.gz + load)',
      samples: loadGz,
      baseline: fresh,
      note: `dumpDataDir('gzip'): ${kib(gzipped.size)}`,
    },
    {
      label: 'PGlite.create alone, no migrations',
      samples: boot,
      baseline: fresh,
      note: 'extensions pg_trgm, unaccent loaded',
    },
  ];
}

/** The server's counterpart (scripts/run-tests.ts): CREATE DATABASE + migrate vs CREATE DATABASE … TEMPLATE. */
export async function benchColdStartServer(
  url: string,
  runs: number,
  progress: (message: string) => void,
): Promise<TimedRow[]> {
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const templateName = `sozialraum_bench_tpl_${tag}`;
  await admin(url, `create database ${templateName}`);
  const fresh: number[] = [];
  const cloned: number[] = [];
  try {
    const template = await openDatabase({ databaseUrl: withDatabaseName(url, templateName) });
    await migrate(template);
    const expected = await migrationsApplied(template);
    await template.close();
    for (let i = 0; i <= runs; i += 1) {
      progress(`Cold start (server): run ${i}/${runs}${i === 0 ? ' (warm-up)' : ''}`);
      const name = `sozialraum_bench_${tag}_${i}`;
      let database: Database | undefined;
      const freshMs = await timed(async () => {
        await admin(url, `create database ${name}`);
        database = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
        await migrate(database);
      });
      await database!.close();
      await admin(url, `drop database ${name}`);
      const cloneMs = await timed(async () => {
        await admin(url, `create database ${name} template ${templateName}`);
        database = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
        if ((await migrationsApplied(database)) !== expected) throw new Error('clone not migrated');
      });
      await database!.close();
      await admin(url, `drop database ${name}`);
      if (i > 0) {
        fresh.push(freshMs);
        cloned.push(cloneMs);
      }
    }
  } finally {
    await admin(url, `drop database if exists ${templateName}`);
  }
  return [
    { label: 'CREATE DATABASE + migrate (baseline)', samples: fresh, isBaseline: true },
    {
      label: 'CREATE DATABASE … TEMPLATE (migrated)',
      samples: cloned,
      baseline: fresh,
      note: 'as scripts/run-tests.ts does on a server',
    },
  ];
}
