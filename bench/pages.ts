// Benchmarks 1 and 2: area page, map page and GeoJSON over HTTP against their SQL and a static-file baseline.
import { createServer } from 'node:http';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '../src/server/testing.ts';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import * as repo from '../src/modules/areas/areas.repository.ts';
import { viewArea, viewLevelMap } from '../src/modules/areas/view-areas.ts';
import { areaPage } from '../src/modules/areas/presenters/area-pages.tsx';
import { mapPage } from '../src/modules/areas/presenters/map-page.tsx';
import { translator } from '../src/ui/i18n/index.ts';
import type { PageContext } from '../src/ui/page.ts';
import {
  runHttpLoad,
  runLoad,
  summarise,
  type LoadOptions,
  type LoadResult,
  type LoadSample,
} from './load.ts';
import type { LoadRow, TimedRow } from './report.ts';
import { settle } from './settle.ts';
import { kib } from './stats.ts';

const SYSTEM = 'berlin-lor-2021';
const AREA_CODE = '01100101';
const LEVEL = 'planungsraum';
const AREA_PATH = `/gebiete/${SYSTEM}/${AREA_CODE}`;
const MAP_PATH = `/gebiete/${SYSTEM}/karte?level=${LEVEL}`;
const GEOJSON_PATH = `/api/v1/areas/${SYSTEM}/geojson?level=${LEVEL}`;

export interface PageBenchOptions {
  concurrencies: number[];
  /** Measured time per variant and concurrency, split over the rounds. */
  maxMs: number;
  /** The variants of a comparison take turns this many times, so drift hits all of them alike. */
  rounds: number;
  progress: (message: string) => void;
}

/** The queries GET /gebiete/:system/:code runs (view-areas.ts viewArea), straight on the repository. */
async function areaQueries(database: Database): Promise<void> {
  const db = database.db;
  const system = await repo.findSystem(db, SYSTEM);
  const area = await repo.findArea(db, SYSTEM, AREA_CODE);
  if (!system || !area) throw new Error(`${SYSTEM}/${AREA_CODE} is not seeded`);
  const [, children] = await Promise.all([
    repo.ancestors(db, area.id),
    repo.childrenOf(db, area.id),
  ]);
  await repo.displayGeometries(db, { systemId: SYSTEM, ids: children.map((c) => c.id) });
}

/** The queries GET /gebiete/:system/karte?level=… runs (viewLevelMap with a level given). */
async function mapQueries(database: Database): Promise<void> {
  const db = database.db;
  const system = await repo.findSystem(db, SYSTEM);
  if (!system?.levels.some((l) => l.key === LEVEL)) throw new Error(`${SYSTEM}/${LEVEL} missing`);
  await repo.areasAtLevel(db, SYSTEM, LEVEL);
  await repo.displayGeometries(db, { systemId: SYSTEM, levelKey: LEVEL });
}

export function pageContext(path: string): PageContext {
  return { locale: 'de', t: translator('de'), path, csrfToken: undefined };
}

export async function fetchOnce(url: string): Promise<{ bytes: Buffer; type: string }> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return {
    bytes: Buffer.from(await res.arrayBuffer()),
    type: res.headers.get('content-type') ?? '',
  };
}

interface Variant {
  label: string;
  run: (o: LoadOptions) => Promise<LoadSample>;
  /** Index of the variant it is compared with; none for the baseline. */
  baseline?: number;
}

/** Runs the variants in turn, round after round, and summarises each over all its rounds. */
async function compare(
  name: string,
  variants: Variant[],
  warmup: number,
  o: PageBenchOptions,
): Promise<LoadRow[]> {
  const rows: LoadRow[] = [];
  for (const concurrency of o.concurrencies) {
    const opts: LoadOptions = {
      concurrency,
      maxRequests: Math.ceil(5000 / o.rounds),
      maxMs: o.maxMs / o.rounds,
      warmup,
    };
    const samples: LoadSample[][] = variants.map(() => []);
    for (let round = 1; round <= o.rounds; round += 1) {
      for (const [i, v] of variants.entries()) {
        o.progress(`${name}: ${v.label}, c=${concurrency}, round ${round}/${o.rounds}`);
        samples[i]!.push(await v.run(opts));
      }
    }
    const results: LoadResult[] = samples.map(summarise);
    for (const [i, v] of variants.entries()) {
      rows.push({
        label: v.label,
        concurrency,
        result: results[i]!,
        baseline: v.baseline === undefined ? undefined : results[v.baseline],
      });
    }
  }
  return rows;
}

/** Benchmark 1: both pages, each against its SQL baseline, with in-process render as a step between. */
export async function benchPages(t: TestApp, o: PageBenchOptions): Promise<LoadRow[]> {
  const area = await fetchOnce(t.url + AREA_PATH);
  const map = await fetchOnce(t.url + MAP_PATH);
  const areaRows = await compare(
    'Area page',
    [
      {
        label: 'Area page: its SQL via repository (baseline)',
        run: (opts) => runLoad(() => areaQueries(t.database), opts),
      },
      {
        label: 'Area page: view + render, in process',
        run: (opts) =>
          runLoad(
            async () =>
              areaPage(pageContext(AREA_PATH), await viewArea(t.database, SYSTEM, AREA_CODE)),
            opts,
          ),
        baseline: 0,
      },
      {
        label: `Area page: HTTP GET (${kib(area.bytes.length)})`,
        run: (opts) =>
          runHttpLoad({ ...opts, url: t.url + AREA_PATH, expectBytes: area.bytes.length }),
        baseline: 0,
      },
    ],
    50,
    o,
  );
  const mapRows = await compare(
    'Map page',
    [
      {
        label: 'Map page: its SQL via repository (baseline)',
        run: (opts) => runLoad(() => mapQueries(t.database), opts),
      },
      {
        label: 'Map page: view + render, in process',
        run: (opts) =>
          runLoad(
            async () =>
              mapPage(
                pageContext(MAP_PATH.split('?')[0]!),
                await viewLevelMap(t.database, SYSTEM, LEVEL),
              ),
            opts,
          ),
        baseline: 0,
      },
      {
        label: `Map page: HTTP GET (${kib(map.bytes.length)})`,
        run: (opts) =>
          runHttpLoad({ ...opts, url: t.url + MAP_PATH, expectBytes: map.bytes.length }),
        baseline: 0,
      },
    ],
    5,
    o,
  );
  return [...areaRows, ...mapRows];
}

/** A minimal static file server: stat, headers, stream, nothing else. */
async function staticServer(file: string, type: string) {
  const server = createServer((_req, res) => {
    const { size } = statSync(file);
    res.writeHead(200, { 'content-type': type, 'content-length': size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/areas.geojson`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Benchmark 2: the GeoJSON endpoint against the identical bytes from a static node:http server. */
export async function benchGeojson(t: TestApp, o: PageBenchOptions): Promise<LoadRow[]> {
  const { bytes, type } = await fetchOnce(t.url + GEOJSON_PATH);
  const dir = mkdtempSync(join(tmpdir(), 'sozialraum-bench-'));
  const file = join(dir, 'areas.geojson');
  writeFileSync(file, bytes);
  const server = await staticServer(file, type);
  try {
    return await compare(
      'GeoJSON',
      [
        {
          label: `Same bytes from a node:http static server (baseline, ${kib(bytes.length)})`,
          run: (opts) => runHttpLoad({ ...opts, url: server.url, expectBytes: bytes.length }),
        },
        {
          label: 'GeoJSON endpoint',
          run: (opts) =>
            runHttpLoad({ ...opts, url: t.url + GEOJSON_PATH, expectBytes: bytes.length }),
          baseline: 0,
        },
      ],
      10,
      o,
    );
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Settles once, then times n sequential calls after a few unmeasured ones. */
export async function repeat(fn: () => unknown, n: number, warmups = 5): Promise<number[]> {
  for (let i = 0; i < warmups; i += 1) await fn();
  await settle();
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const s = performance.now();
    await fn();
    samples.push(performance.now() - s);
  }
  return samples;
}

/**
 * Where a page's time goes: each repository call the two pages make, one at a time, against the
 * round trip of `select 1` through the same client; then the CPU steps after the queries.
 */
export async function benchSteps(t: TestApp, n: number): Promise<TimedRow[]> {
  const db = t.database.db;
  const area = await repo.findArea(db, SYSTEM, AREA_CODE);
  if (!area) throw new Error(`${SYSTEM}/${AREA_CODE} is not seeded`);
  const roundTrip = await repeat(() => t.database.rows(sql`select 1`), n);
  const step = async (label: string, fn: () => unknown, note?: string): Promise<TimedRow> => ({
    label,
    samples: await repeat(fn, n),
    baseline: roundTrip,
    note,
  });
  const view = await viewLevelMap(t.database, SYSTEM, LEVEL);
  const collection = () =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: view.shapes.map((s) => ({
        type: 'Feature',
        id: s.id,
        properties: { code: s.code, name: s.name, level: s.levelKey, population: s.population },
        geometry: s.geometry,
      })),
    });
  const cpu = async (label: string, fn: () => unknown, note: string): Promise<TimedRow> => ({
    label,
    samples: await repeat(fn, n),
    note,
  });
  return [
    { label: '`select 1` round trip (baseline)', samples: roundTrip, isBaseline: true },
    await step(
      'findSystem',
      () => repo.findSystem(db, SYSTEM),
      '3 queries: system, levels, count(*) of its areas',
    ),
    await step(
      'findArea',
      () => repo.findArea(db, SYSTEM, AREA_CODE),
      'select *: full geometry and attributes too',
    ),
    await step('ancestors', () => repo.ancestors(db, area.id), 'recursive CTE'),
    await step('childrenOf', () => repo.childrenOf(db, area.id)),
    await step(
      'areasAtLevel (542 rows)',
      () => repo.areasAtLevel(db, SYSTEM, LEVEL),
      'the map page table; also run, unused, by the GeoJSON route',
    ),
    await step(
      'displayGeometries (542 rows)',
      () => repo.displayGeometries(db, { systemId: SYSTEM, levelKey: LEVEL }),
      'jsonb parsed into objects',
    ),
    await cpu(
      'mapPage render (SVG of 542 shapes + table), CPU only',
      () => mapPage(pageContext(MAP_PATH.split('?')[0]!), view),
      'from an already loaded view',
    ),
    await cpu(
      'GeoJSON FeatureCollection JSON.stringify, CPU only',
      collection,
      `${kib(Buffer.byteLength(collection()))}; Fastify does this per request`,
    ),
  ];
}
