// Entry of `npm run bench`: runs the benchmarks on PGlite, or on PostgreSQL when DATABASE_URL is set; prints markdown.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { sql } from 'drizzle-orm';
import { createTestApp } from '../src/server/testing.ts';
import type { Database } from '../src/db/client.ts';
import { benchGeojson, benchPages, benchSteps } from './pages.ts';
import { benchImport } from './import.ts';
import { benchMonitoring } from './monitoring.ts';
import { benchColdStartPglite, benchColdStartServer } from './cold-start.ts';
import { loadTable, timedTable } from './report.ts';
import { freshDatabase } from './fresh-db.ts';

const env = process.env;
const databaseUrl = env['DATABASE_URL'];
const concurrencies = (env['BENCH_CONCURRENCY'] ?? '1,4').split(',').map(Number);
const seconds = Number(env['BENCH_SECONDS'] ?? '3');
const rounds = Number(env['BENCH_ROUNDS'] ?? '2');
const runs = Number(env['BENCH_RUNS'] ?? '5');
const only = env['BENCH_ONLY']?.split(',');
const wanted = (name: string) => !only || only.includes(name);

if (concurrencies.some((c) => !Number.isInteger(c) || c < 1 || c > 64))
  throw new Error('BENCH_CONCURRENCY: comma-separated integers 1..64');
if (!(seconds > 0 && seconds <= 30)) throw new Error('BENCH_SECONDS: 0 < s <= 30');
if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= 10))
  throw new Error('BENCH_ROUNDS: 1..10');
if (!(Number.isInteger(runs) && runs >= 1 && runs <= 50)) throw new Error('BENCH_RUNS: 1..50');
if (only?.some((o) => !['pages', 'geojson', 'import', 'cold', 'monitoring'].includes(o)))
  throw new Error('BENCH_ONLY: comma-separated of pages, geojson, import, cold, monitoring');

const started = performance.now();
const progress = (message: string) => {
  const s = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${s} s] ${message}\n`);
};
const out: string[] = [];
const print = (text = '') => out.push(text);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

async function engineVersion(database: Database): Promise<string> {
  const [row] = await database.rows<{ v: string }>(
    sql`select current_setting('server_version') as v`,
  );
  const server = `PostgreSQL ${row?.v ?? '?'}`;
  if (database.engine === 'postgres')
    return `${server} server on 127.0.0.1, pg driver (pool of 10)`;
  const pkg = JSON.parse(
    readFileSync(
      new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url),
      'utf8',
    ),
  ) as { version: string };
  return `PGlite ${pkg.version} = ${server} compiled to WASM, in process, in memory`;
}

const engineName = databaseUrl ? 'postgres' : 'pglite';
const loadBefore = load();
const withApp = wanted('pages') || wanted('geojson');
progress(`Engine ${engineName}: fresh database, migrate${withApp ? ', seed, start the app' : ''}`);
const setupStart = performance.now();
const app = withApp ? await createTestApp({ seed: true, listen: true }) : undefined;
const setupMs = performance.now() - setupStart;
const probe = app?.database ?? (await freshDatabase(databaseUrl));
const version = await engineVersion(probe);
if (!app) await probe.close();

print(`## Results: ${engineName}`);
print();
print(`- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
print(`- Engine: ${version}`);
print(
  `- Machine: ${cpus()[0]?.model ?? '?'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.version}`,
);
print(
  `- Settings: concurrency ${concurrencies.join(', ')}; per variant ≤ ${seconds} s in ${rounds} alternating rounds, ≤ 5000 requests; ${runs} timed runs after one warm-up`,
);
if (app) {
  print(
    `- Setup (fresh database, migrate, seed Berlin + Oberhausen, start app): ${(setupMs / 1000).toFixed(1)} s`,
  );
  try {
    const pageOptions = { concurrencies, maxMs: seconds * 1000, rounds, progress };
    if (wanted('pages')) {
      print();
      print('### 1. Area page and map page (542 Planungsräume) vs. their SQL');
      print();
      print(loadTable(await benchPages(app, pageOptions)));
      print();
      print(
        'Where the time goes: the steps one at a time (c = 1), 30 calls each after 5 unmeasured',
      );
      print();
      progress('Steps: queries and CPU steps one at a time');
      print(timedTable(await benchSteps(app, 30)));
    }
    if (wanted('geojson')) {
      print();
      print('### 2. GeoJSON of 542 Planungsräume vs. the same bytes from a static server');
      print();
      print(loadTable(await benchGeojson(app, pageOptions)));
    }
  } finally {
    await app.close();
  }
}

if (wanted('import')) {
  progress('Import: fresh database');
  const database = await freshDatabase(databaseUrl);
  try {
    print();
    print('### 3. Import of the 542 Planungsräume (shapefile, EPSG:25833)');
    print();
    print(timedTable(await benchImport(database, runs, progress)));
  } finally {
    await database.close();
  }
}

if (wanted('cold')) {
  print();
  print(`### 4. Cold start of a database (${databaseUrl ? 'server' : 'PGlite'})`);
  print();
  const rows = databaseUrl
    ? await benchColdStartServer(databaseUrl, runs, progress)
    : await benchColdStartPglite(runs, progress);
  print(timedTable(rows));
}

if (wanted('monitoring')) {
  print();
  print(await benchMonitoring({ concurrencies, maxMs: seconds * 1000, rounds, progress, runs }));
}

const total = (performance.now() - started) / 1000;
print();
print(
  `Load average (1/5/15 min) before: ${loadBefore}; after: ${load()}. Whole run: ${total.toFixed(0)} s.`,
);
progress('done');
process.stdout.write(`${out.join('\n')}\n`);
