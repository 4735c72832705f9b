// Runs the test suites with node's test runner: prepares one migrated template database first,
// which every test file clones (PGlite: a data directory dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
import { spawn } from 'node:child_process';
import { readdirSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';

const suite = process.argv[2] ?? 'unit';
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

async function prepareTemplate(env: NodeJS.ProcessEnv): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (url) {
    const name = `sozialraum_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: u.toString() });
    await migrate(database);
    await database.close();
    env['SOZIALRAUM_TEST_TEMPLATE_DB'] = name;
    console.log(`Testvorlage: PostgreSQL-Datenbank ${name}`);
    return;
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  const dump = await database.pglite!.dumpDataDir('none');
  const file = join(mkdtempSync(join(tmpdir(), 'sozialraum-test-')), 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  env['SOZIALRAUM_TEST_TEMPLATE'] = file;
  console.log(`Testvorlage: PGlite-Abbild ${file}`);
}

async function dropTemplate(env: NodeJS.ProcessEnv): Promise<void> {
  const url = process.env['DATABASE_URL'];
  const name = env['SOZIALRAUM_TEST_TEMPLATE_DB'];
  if (!url || !name) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.end();
}

const files = roots.flatMap(findTests).sort();
if (files.length === 0) {
  console.error(`Keine Tests gefunden in ${roots.join(', ')}`);
  process.exit(1);
}
const env = { ...process.env };
await prepareTemplate(env);
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
await dropTemplate(env);
process.exit(code);
