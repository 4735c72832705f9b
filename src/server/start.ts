// Starts the platform: open the database, migrate, seed the example data on first start, listen.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, sql, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import type { Config } from './config.ts';
import { pgliteDir } from './config.ts';
import { buildApp } from './app.ts';
import { createMailer } from '../mail/mailer.ts';
import { modules } from './modules.ts';
import type { SeedOptions } from '../core/module.ts';

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: pgliteDir(config),
  });
  await migrate(database);
  return database;
}

export function mailerFor(config: Config) {
  return createMailer({ smtpUrl: config.smtpUrl, dataDir: config.dataDir, from: config.mailFrom });
}

/** Gathers planner statistics for every table (PGlite never does it by itself). */
export async function analyzeDatabase(database: Database): Promise<void> {
  await database.rows(sql`analyze`);
}

/** Runs every module's seed; returns one line per seeded item. */
export async function seedAll(
  database: Database,
  config: Config,
  options: SeedOptions = {},
): Promise<string[]> {
  const lines: string[] = [];
  for (const m of modules) {
    if (m.seed)
      lines.push(
        ...(await m.seed(
          { database, mailer: mailerFor(config), config: { dataDir: config.dataDir } },
          options,
        )),
      );
  }
  // Planner statistics for the new rows: PGlite has no autovacuum to gather them.
  if (lines.length > 0) await analyzeDatabase(database);
  return lines;
}

/** A secret for signed cookies that survives restarts: SOZIALRAUM_SECRET or a file in the data folder. */
async function cookieSecret(config: Config): Promise<string> {
  const fromEnv = process.env['SOZIALRAUM_SECRET'];
  if (fromEnv) return fromEnv;
  const file = join(config.dataDir, 'cookie-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

export async function startServer(config: Config) {
  const started = Date.now();
  const database = await openConfiguredDatabase(config);
  if (config.seedOnStart) {
    const seeded = await seedAll(database, config);
    for (const line of seeded) console.log(`Eingespielt: ${line}`);
  }
  const app = await buildApp({
    database,
    dataDir: config.dataDir,
    secureCookies: config.secureCookies,
    cookieSecret: await cookieSecret(config),
    logLevel: config.logLevel,
    mailer: mailerFor(config),
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
  });
  const address = await app.listen({ port: config.port, host: config.host });
  console.log(
    `Sozialraum-Plattform läuft auf ${address.replace('127.0.0.1', 'localhost')} (Datenbank: ${database.engine}, Start in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { app, database };
}
