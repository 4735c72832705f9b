// Runs the test suites with node's test runner: prepares one migrated template database first,
// which every test file clones (PGlite: a data directory dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
import { spawn } from 'node:child_process';
import { readdirSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedTestData } from '../src/server/testing.ts';

const suite = process.argv[2] ?? 'unit';
/** Optional further arguments: only test files whose path contains one of them. */
const only = process.argv.slice(3);
const roots = suite === 'e2e' ? ['test/e2e'] : ['src', 'test/integration'];

function findTests(dir: string): string[] {
  let found: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(findTests(path));
    else if (/\.test\.tsx?$/.test(name)) found.push(path);
  }
  return found;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Two templates: migrated and empty, and migrated with the example data the app tests seed. */
async function prepareTemplates(env: NodeJS.ProcessEnv): Promise<void> {
  const started = Date.now();
  const url = process.env['DATABASE_URL'];
  if (url) {
    for (const seeded of [false, true]) {
      const name = `sozialraum_template${seeded ? '_seeded' : ''}_${process.pid}`;
      await admin(url, `drop database if exists ${name}`);
      await admin(url, `create database ${name}`);
      const u = new URL(url);
      u.pathname = `/${name}`;
      const database = await openDatabase({ databaseUrl: u.toString() });
      await migrate(database);
      if (seeded) await seedTestData(database, mkdtempSync(join(tmpdir(), 'sozialraum-seed-')));
      await database.close();
      env[`SOZIALRAUM_TEST_TEMPLATE${seeded ? '_SEEDED' : ''}_DB`] = name;
    }
    console.log(`Testvorlagen auf PostgreSQL in ${Date.now() - started} ms`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sozialraum-test-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  const dump = async (name: string) => {
    const file = join(dir, name);
    writeFileSync(
      file,
      Buffer.from(await (await database.pglite!.dumpDataDir('none')).arrayBuffer()),
    );
    return file;
  };
  env['SOZIALRAUM_TEST_TEMPLATE'] = await dump('template.tar');
  await seedTestData(database, mkdtempSync(join(tmpdir(), 'sozialraum-seed-')));
  env['SOZIALRAUM_TEST_TEMPLATE_SEEDED'] = await dump('template-seeded.tar');
  await database.close();
  console.log(`Testvorlagen (PGlite-Abbilder) in ${Date.now() - started} ms: ${dir}`);
}

async function dropTemplates(env: NodeJS.ProcessEnv): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) return;
  for (const key of ['SOZIALRAUM_TEST_TEMPLATE_DB', 'SOZIALRAUM_TEST_TEMPLATE_SEEDED_DB']) {
    const name = env[key];
    if (name) await admin(url, `drop database if exists ${name}`);
  }
}

const files = roots
  .flatMap(findTests)
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.error(`Keine Tests gefunden in ${roots.join(', ')}`);
  process.exit(1);
}
const env = { ...process.env };
await prepareTemplates(env);
const concurrency = suite === 'e2e' ? 1 : 2;
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    '--test-timeout=600000',
    ...files,
  ],
  {
    stdio: 'inherit',
    env,
    // Its own process group, so that the watchdog ends the runner and every test file process.
    detached: true,
  },
);
// A test file whose process never exits (an open socket after a failed hook) would hold the runner
// forever: after the limit, the whole group is ended and the run fails, naming the cause.
const limitMinutes = Number(process.env['SOZIALRAUM_TEST_LIMIT_MINUTES'] ?? 30);
const watchdog = setTimeout(() => {
  console.error(
    `Testlauf nach ${limitMinutes} Minuten abgebrochen: ein Testprozess endet nicht (offene Verbindung?).`,
  );
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}, limitMinutes * 60_000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  });
}
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
clearTimeout(watchdog);
await dropTemplates(env);
process.exit(code);
