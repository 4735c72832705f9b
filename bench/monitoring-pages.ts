// Benchmark 5.4: monitoring pages over HTTP against the same bytes from a static server, and their steps.
import { createServer } from 'node:http';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '../src/server/testing.ts';
import { mapPage } from '../src/modules/monitoring/presenters/map-page.tsx';
import { profilePage } from '../src/modules/monitoring/presenters/profile-page.tsx';
import { loadScope, resolveValues } from '../src/modules/monitoring/resolve-values.ts';
import { indicatorsWithData } from '../src/modules/monitoring/view-common.ts';
import { indexPlacements } from '../src/modules/monitoring/view-index.ts';
import { viewLevel } from '../src/modules/monitoring/view-level.ts';
import { viewProfile } from '../src/modules/monitoring/view-profile.ts';
import { runHttpLoad, summarise, type LoadOptions, type LoadSample } from './load.ts';
import { fetchOnce, pageContext, repeat as repeatAfter, type PageBenchOptions } from './pages.ts';

/** Times n sequential calls after 3 unmeasured ones. */
const repeat = (fn: () => unknown, n: number) => repeatAfter(fn, n, 3);
import type { LoadRow, TimedRow } from './report.ts';
import { kib } from './stats.ts';

const PUBLIC = { internal: false };

export const MONITORING_PAGES = [
  { name: 'Berlin profile', path: '/monitoring/berlin-lor-2021/gebiet/01100101', warmup: 2 },
  { name: 'Berlin map S4', path: '/monitoring/berlin-lor-2021/karte?indikator=S4', warmup: 3 },
  { name: 'Oberhausen profile', path: '/monitoring/oberhausen/gebiet/sq-innenstadt', warmup: 3 },
] as const;

/**
 * The minimal static server of benchmark 2 (stat, headers, stream), for several files by path.
 * bench/pages.ts keeps its own unexported; this is the same three lines per request.
 */
async function staticFiles(files: Map<string, { file: string; type: string }>) {
  const server = createServer((req, res) => {
    const f = files.get(req.url ?? '');
    if (!f) return void res.writeHead(404).end();
    const { size } = statSync(f.file);
    res.writeHead(200, { 'content-type': f.type, 'content-length': size });
    createReadStream(f.file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Each page against its bytes from the static server, alternating in rounds as benchmark 1 does. */
export async function benchMonitoringPages(t: TestApp, o: PageBenchOptions): Promise<LoadRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sozialraum-bench-monitoring-'));
  const files = new Map<string, { file: string; type: string }>();
  const sizes: number[] = [];
  for (const [i, page] of MONITORING_PAGES.entries()) {
    const { bytes, type } = await fetchOnce(t.url + page.path);
    const file = join(dir, `page-${i}.html`);
    writeFileSync(file, bytes);
    files.set(`/page-${i}.html`, { file, type });
    sizes.push(bytes.length);
  }
  const server = await staticFiles(files);
  const rows: LoadRow[] = [];
  try {
    for (const [i, page] of MONITORING_PAGES.entries()) {
      const expectBytes = sizes[i]!;
      const urls = [`${server.url}/page-${i}.html`, t.url + page.path];
      const labels = [
        `${page.name}: same bytes, static server (baseline, ${kib(expectBytes)})`,
        `${page.name}: HTTP GET ${page.path}`,
      ];
      for (const concurrency of o.concurrencies) {
        const opts: LoadOptions = {
          concurrency,
          maxRequests: Math.ceil(5000 / o.rounds),
          maxMs: o.maxMs / o.rounds,
          warmup: page.warmup,
        };
        const samples: LoadSample[][] = [[], []];
        for (let round = 1; round <= o.rounds; round += 1)
          for (const [v, url] of urls.entries()) {
            o.progress(
              `${page.name}: ${v === 0 ? 'static' : 'app'}, c=${concurrency}, round ${round}/${o.rounds}`,
            );
            samples[v]!.push(await runHttpLoad({ ...opts, url, expectBytes }));
          }
        const [base, app] = samples.map(summarise);
        rows.push({ label: labels[0]!, concurrency, result: base! });
        rows.push({ label: labels[1]!, concurrency, result: app!, baseline: base });
      }
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The use cases behind the three pages, their main parts, and the render of a loaded view. */
export async function monitoringPageSteps(t: TestApp, n: number): Promise<TimedRow[]> {
  const d = t.database;
  const berlin = 'berlin-lor-2021';
  const scope = await loadScope(d, berlin, PUBLIC);
  const node = scope.byCode.get('01100101')!;
  const codes = [...scope.catalogue.values()].filter((i) => i.isPublic).map((i) => i.code);
  const everyCell = async () => {
    const r = await resolveValues(d, scope, codes);
    for (const i of indicatorsWithData(scope, r))
      for (const p of r.periods(i.code)) r.cells(i.code, p);
  };
  const berlinView = await viewProfile(d, berlin, '01100101', PUBLIC);
  const oberhausenView = await viewProfile(d, 'oberhausen', 'sq-innenstadt', PUBLIC);
  const level = { indicator: 'S4', shapes: true };
  const mapView = await viewLevel(d, berlin, level, PUBLIC);
  const mapOptions = { method: 'quantile' as const, classes: 5, manualBreaks: null };
  const step = async (label: string, fn: () => unknown, note?: string): Promise<TimedRow> => ({
    label,
    samples: await repeat(fn, n),
    note,
  });
  return [
    await step('Berlin profile: viewProfile (whole use case)', () =>
      viewProfile(d, berlin, '01100101', PUBLIC),
    ),
    await step('… loadScope', () => loadScope(d, berlin, PUBLIC), 'system, 755 areas, catalogue'),
    await step(
      '… resolveValues of all public indicators + every cell of every period',
      everyCell,
      `${codes.length} codes asked for; all 755 areas computed`,
    ),
    await step(
      '… indexPlacements',
      () => indexPlacements(d, berlin, node.id, node.levelKey, berlinView.period),
      'reads all 542 results of the run',
    ),
    await step('Berlin profile: profilePage render, CPU only', () =>
      profilePage(pageContext('/'), berlinView),
    ),
    await step('Oberhausen profile: viewProfile', () =>
      viewProfile(d, 'oberhausen', 'sq-innenstadt', PUBLIC),
    ),
    await step('Oberhausen profile: profilePage render, CPU only', () =>
      profilePage(pageContext('/'), oberhausenView),
    ),
    await step('Berlin map S4: viewLevel with shapes', () => viewLevel(d, berlin, level, PUBLIC)),
    await step('Berlin map S4: mapPage render, CPU only', () =>
      mapPage(pageContext('/'), mapView, mapOptions),
    ),
  ];
}
