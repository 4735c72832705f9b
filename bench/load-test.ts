// Load test of issue 3 (`npm run bench:load`): 100 users, mixed reads and writes on 127.0.0.1, bounded; fails on any 5xx, network error or lost write.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fmt, percentile } from './stats.ts';

/** What the main thread hands the client worker. */
interface ClientOptions {
  base: string;
  users: number;
  seconds: number;
  maxRequests: number;
  /** Session cookies (`sid=…`) of the admin users; virtual user i acts as admin i mod n. */
  adminCookies: string[];
}

type Kind = 'public' | 'admin' | 'report' | 'department';

interface Action {
  label: string;
  weight: number;
  kind: Kind;
  path: string;
  /** The status a correct answer has; anything else is listed as unexpected. */
  expect: number;
}

/** The weighted mix every virtual user draws from (weights are relative). */
const mix: Action[] = [
  { label: 'GET /', weight: 10, kind: 'public', path: '/', expect: 200 },
  { label: 'GET /gebiete', weight: 8, kind: 'public', path: '/gebiete', expect: 200 },
  {
    label: 'GET /gebiete/berlin-lor-2021',
    weight: 6,
    kind: 'public',
    path: '/gebiete/berlin-lor-2021',
    expect: 200,
  },
  {
    label: 'GET /gebiete/berlin-lor-2021/01100101',
    weight: 15,
    kind: 'public',
    path: '/gebiete/berlin-lor-2021/01100101',
    expect: 200,
  },
  {
    label: 'GET /gebiete/oberhausen/05119000',
    weight: 8,
    kind: 'public',
    path: '/gebiete/oberhausen/05119000',
    expect: 200,
  },
  {
    label: 'GET GeoJSON berlin-lor-2021 prognoseraum',
    weight: 5,
    kind: 'public',
    path: '/api/v1/areas/berlin-lor-2021/geojson?level=prognoseraum',
    expect: 200,
  },
  {
    label: 'GET /api/v1/areas/lookup (52.52, 13.40)',
    weight: 8,
    kind: 'public',
    path: '/api/v1/areas/lookup?lat=52.52&lon=13.40',
    expect: 200,
  },
  {
    label: 'POST /barriere-melden (write)',
    weight: 10,
    kind: 'report',
    path: '/barriere-melden',
    expect: 303,
  },
  {
    label: 'POST /verwaltung/fachbereiche (admin write + audit)',
    weight: 3,
    kind: 'department',
    path: '/verwaltung/fachbereiche',
    expect: 303,
  },
  {
    label: 'GET /verwaltung/protokoll (admin)',
    weight: 4,
    kind: 'admin',
    path: '/verwaltung/protokoll',
    expect: 200,
  },
  {
    label: 'GET /verwaltung/benutzer (admin)',
    weight: 4,
    kind: 'admin',
    path: '/verwaltung/benutzer',
    expect: 200,
  },
];
const formLabel = 'GET /barriere-melden (form: CSRF token + cookie)';
/** Department ids the admin writes cycle through: creates first, then concurrent renames. */
const departmentIds = 40;
const requestTimeoutMs = 30_000;
const windowMs = 10_000;
const slowMs = 2_000;

interface EndpointStats {
  requests: number;
  /** Index 0..4: 1xx..5xx. */
  classes: number[];
  networkErrors: number;
  /** Count per HTTP status. */
  statuses: Record<string, number>;
  latencies: number[];
}

interface WindowStats {
  requests: number;
  failures: number;
  latencies: number[];
}

interface ClientResult {
  endpoints: Record<string, EndpointStats>;
  windows: WindowStats[];
  elapsedMs: number;
  /** A few 5xx and network errors, for the report on stderr. */
  failures: string[];
  /** Requests slower than slowMs: how many, and the first few (start offset, latency, endpoint). */
  slowCount: number;
  slow: string[];
  stoppedByCap: boolean;
}

/** Small seeded PRNG (mulberry32), so a run draws the same sequence of requests per user. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The virtual users: runs in a worker thread, so the client does not share the server's event loop. */
async function client(o: ClientOptions): Promise<ClientResult> {
  const endpoints: Record<string, EndpointStats> = {};
  const windows: WindowStats[] = [];
  const failures: string[] = [];
  const slow: string[] = [];
  let slowCount = 0;
  const totalWeight = mix.reduce((sum, a) => sum + a.weight, 0);
  let issued = 0;
  let stoppedByCap = false;
  const t0 = performance.now();
  const deadline = t0 + o.seconds * 1000;

  const stats = (label: string): EndpointStats =>
    (endpoints[label] ??= {
      requests: 0,
      classes: [0, 0, 0, 0, 0],
      networkErrors: 0,
      statuses: {},
      latencies: [],
    });

  /** One request: records status class, latency and window; returns the response and its body. */
  async function request(
    label: string,
    path: string,
    init: RequestInit = {},
  ): Promise<{ res: Response; body: string } | undefined> {
    issued += 1;
    const s = stats(label);
    const start = performance.now();
    const window = (windows[Math.floor((start - t0) / windowMs)] ??= {
      requests: 0,
      failures: 0,
      latencies: [],
    });
    s.requests += 1;
    window.requests += 1;
    const record = () => {
      const ms = performance.now() - start;
      s.latencies.push(ms);
      window.latencies.push(ms);
      if (ms < slowMs) return;
      slowCount += 1;
      if (slow.length < 30)
        slow.push(
          `started at ${((start - t0) / 1000).toFixed(1)} s, took ${ms.toFixed(0)} ms: ${label}`,
        );
    };
    try {
      const res = await fetch(o.base + path, {
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      const body = await res.text();
      record();
      const cls = Math.floor(res.status / 100);
      s.classes[Math.min(4, Math.max(0, cls - 1))]! += 1;
      s.statuses[res.status] = (s.statuses[res.status] ?? 0) + 1;
      if (res.status >= 500) {
        window.failures += 1;
        if (failures.length < 20)
          failures.push(`${res.status} ${init.method ?? 'GET'} ${path}: ${body.slice(0, 300)}`);
      }
      return { res, body };
    } catch (error) {
      record();
      s.networkErrors += 1;
      window.failures += 1;
      if (failures.length < 20)
        failures.push(`network error ${init.method ?? 'GET'} ${path}: ${String(error)}`);
      return undefined;
    }
  }

  const more = () => {
    if (issued >= o.maxRequests) stoppedByCap = true;
    return !stoppedByCap && performance.now() < deadline;
  };

  async function user(index: number): Promise<void> {
    const next = random(index + 1);
    const admin = o.adminCookies[index % o.adminCookies.length]!;
    let csrf: { token: string; cookie: string } | undefined;
    let sequence = 0;
    while (more()) {
      // Like a browser: the form first, which sets the signed CSRF cookie and carries the token.
      if (!csrf) {
        const form = await request(formLabel, '/barriere-melden');
        const token = form && /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
        const cookie = form?.res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0]!)
          .find((c) => c.startsWith('_csrf='));
        if (token && cookie) csrf = { token, cookie };
        continue;
      }
      let pick = next() * totalWeight;
      const action = mix.find((a) => (pick -= a.weight) < 0) ?? mix[0]!;
      sequence += 1;
      const form = (fields: Record<string, string>): RequestInit => ({
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: action.kind === 'department' ? `${csrf!.cookie}; ${admin}` : csrf!.cookie,
        },
        body: new URLSearchParams({ ...fields, _csrf: csrf!.token }).toString(),
      });
      if (action.kind === 'public')
        await request(action.label, action.path, {
          headers: { cookie: csrf.cookie },
        });
      else if (action.kind === 'admin')
        await request(action.label, action.path, {
          headers: { cookie: `${csrf.cookie}; ${admin}` },
        });
      else if (action.kind === 'report')
        await request(
          action.label,
          action.path,
          form({
            pageUrl: '/gebiete/berlin-lor-2021/01100101',
            message: `Lasttest: Meldung ${index}-${sequence}, die Karte ist ohne Maus nicht bedienbar.`,
            contact: '',
          }),
        );
      else
        await request(
          action.label,
          action.path,
          form({
            id: `lasttest-${Math.floor(next() * departmentIds)}`,
            name: `Lasttest ${index}-${sequence}`,
          }),
        );
    }
  }

  await Promise.all(Array.from({ length: o.users }, (_u, i) => user(i)));
  const elapsedMs = performance.now() - t0;
  return { endpoints, windows, elapsedMs, failures, slowCount, slow, stoppedByCap };
}

if (!isMainThread) {
  parentPort!.postMessage(await client(workerData as ClientOptions));
} else {
  process.exitCode = await main();
}

/** Starts the client worker; Node 20 does not hand tsx's loader to workers, so it registers it first. */
function runClient(o: ClientOptions): Promise<ClientResult> {
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: o });
    worker.once('message', (m: ClientResult) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load client exited with ${code}`));
    });
  });
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = head.map((_h, i) => (i === 0 ? '---' : '---:'));
  return [line(head), line(rule), ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  // The app is loaded here only, not in the client worker.
  const { sql } = await import('drizzle-orm');
  const { createTestApp } = await import('../src/server/testing.ts');
  const { grant, userWithSession } = await import('../src/modules/accounts/testing.ts');

  const env = process.env;
  const seconds = Number(env['LOAD_SECONDS'] ?? '60');
  const users = Number(env['LOAD_USERS'] ?? '100');
  const maxRequests = Number(env['LOAD_MAX_REQUESTS'] ?? '200000');
  if (!(seconds > 0 && seconds <= 120)) throw new Error('LOAD_SECONDS: 0 < s <= 120');
  if (!(Number.isInteger(users) && users >= 1 && users <= 200))
    throw new Error('LOAD_USERS: 1..200');
  if (!(Number.isInteger(maxRequests) && maxRequests >= 1 && maxRequests <= 200_000))
    throw new Error('LOAD_MAX_REQUESTS: 1..200000');

  const started = performance.now();
  const progress = (message: string) => {
    const s = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
    process.stderr.write(`[${s} s] ${message}\n`);
  };
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ');
  const loadBefore = load();

  progress(`Engine ${env['DATABASE_URL'] ? 'postgres' : 'pglite'}: fresh database, seed, start`);
  const app = await createTestApp({ seed: true, listen: true, rateLimitAllowList: ['127.0.0.1'] });
  const { database } = app;
  const base = app.url.replace('localhost', '127.0.0.1');
  if (new URL(base).hostname !== '127.0.0.1') throw new Error(`Only 127.0.0.1, not ${base}`);

  try {
    const count = async (query: ReturnType<typeof sql>) =>
      Number((await database.rows<{ n: number }>(query))[0]?.n ?? NaN);
    const reportsQuery = sql`select count(*) as n from barrier_reports`;
    const auditQuery = sql`select count(*) as n from audit_log
      where entity = 'department' and entity_id like 'lasttest-%'`;
    const admins = [];
    for (let i = 1; i <= 5; i++)
      admins.push(await userWithSession(database, [grant('admin')], `Lastadmin ${i}`));
    const reportsBefore = await count(reportsQuery);
    const auditBefore = await count(auditQuery);

    const [versionRow] = await database.rows<{ v: string }>(
      sql`select current_setting('server_version') as v`,
    );
    const pglite = JSON.parse(
      readFileSync(
        new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url),
        'utf8',
      ),
    ) as { version: string };
    const engine =
      database.engine === 'postgres'
        ? `PostgreSQL ${versionRow?.v ?? '?'} server on 127.0.0.1, pg driver (pool of 10)`
        : `PGlite ${pglite.version} = PostgreSQL ${versionRow?.v ?? '?'} compiled to WASM, in process, in memory`;

    progress(`${users} users for ${seconds} s (at most ${maxRequests} requests) on ${base}`);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    let peakRss = process.memoryUsage().rss;
    const rssTimer = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 500);
    lag.enable();
    const loadAtStart = load();
    const result = await runClient({
      base,
      users,
      seconds,
      maxRequests,
      adminCookies: admins.map((a) => a.cookie),
    }).finally(() => {
      lag.disable();
      clearInterval(rssTimer);
    });
    const loadAtEnd = load();
    progress('client done; checking the database');

    const reportsStored = (await count(reportsQuery)) - reportsBefore;
    const auditStored = (await count(auditQuery)) - auditBefore;
    const [departmentRows] = await database.rows<{ creates: number; ids: number }>(
      sql`select count(*) filter (where a.action = 'department.create') as creates,
        (select count(*) from departments where id like 'lasttest-%') as ids
      from audit_log a where a.entity = 'department' and a.entity_id like 'lasttest-%'`,
    );

    // Figures.
    const all = Object.values(result.endpoints);
    const sum = (f: (e: EndpointStats) => number) => all.reduce((s, e) => s + f(e), 0);
    const seconds_ = result.elapsedMs / 1000;
    const row = (label: string, e: EndpointStats) => [
      label,
      String(e.requests),
      fmt(e.requests / seconds_, 1),
      String(e.classes[1]),
      String(e.classes[2]),
      String(e.classes[3]),
      e.classes[4]! > 0 ? `**${e.classes[4]}**` : '0',
      e.networkErrors > 0 ? `**${e.networkErrors}**` : '0',
      fmt(percentile(e.latencies, 50)),
      fmt(percentile(e.latencies, 95)),
      fmt(percentile(e.latencies, 99)),
      fmt(e.latencies.reduce((m, l) => Math.max(m, l), 0)),
    ];
    const labels = [formLabel, ...mix.map((a) => a.label)].filter((l) => result.endpoints[l]);
    const total: EndpointStats = {
      requests: sum((e) => e.requests),
      classes: [0, 1, 2, 3, 4].map((i) => sum((e) => e.classes[i]!)),
      networkErrors: sum((e) => e.networkErrors),
      statuses: {},
      latencies: all.flatMap((e) => e.latencies),
    };
    const fiveXx = total.classes[4]!;
    const acked = (kind: Kind) =>
      result.endpoints[mix.find((a) => a.kind === kind)!.label]?.statuses['303'] ?? 0;
    const reportsAcked = acked('report');
    const departmentsAcked = acked('department');
    const lostReports = reportsStored !== reportsAcked;
    const lostAudits = auditStored !== departmentsAcked;

    const out: string[] = [];
    const print = (text = '') => out.push(text);
    print(`## Load test: ${database.engine}`);
    print();
    print(`- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    print(`- Engine: ${engine}`);
    print(
      `- Machine: ${cpus()[0]?.model ?? '?'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.version}`,
    );
    print(
      `- Settings: ${users} virtual users, ${seconds} s, at most ${maxRequests} requests, ${requestTimeoutMs / 1000} s timeout per request; client: fetch in one worker thread`,
    );
    print(
      `- Result: ${total.requests} requests in ${seconds_.toFixed(1)} s = ${fmt(total.requests / seconds_, 0)} req/s${result.stoppedByCap ? ' (stopped by the request cap)' : ''}; ${fiveXx} × 5xx, ${total.networkErrors} network errors`,
    );
    print();
    print(
      table(
        [
          'Endpoint',
          'n',
          'req/s',
          '2xx',
          '3xx',
          '4xx',
          '5xx',
          'net err',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'max ms',
        ],
        [...labels.map((l) => row(l, result.endpoints[l]!)), row('**All**', total)],
      ),
    );
    const unexpected = labels.flatMap((l) =>
      Object.entries(result.endpoints[l]!.statuses)
        .filter(([status]) => status !== String(expectOf(l)))
        .map(([status, n]) => `${l}: ${n} × ${status}`),
    );
    print();
    print(
      `Unexpected statuses (other than 200 for reads, 303 for writes): ${unexpected.length ? unexpected.join('; ') : 'none'}.`,
    );
    print();
    print(`Over time (${windowMs / 1000} s windows):`);
    print();
    print(
      table(
        ['Window', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', '5xx + net err'],
        result.windows.map((w, i) => {
          const from = (i * windowMs) / 1000;
          const to = Math.min(((i + 1) * windowMs) / 1000, seconds_);
          return [
            `${from}–${to.toFixed(0)} s`,
            String(w.requests),
            fmt(w.requests / Math.max(0.001, to - from), 0),
            fmt(percentile(w.latencies, 50)),
            fmt(percentile(w.latencies, 95)),
            fmt(percentile(w.latencies, 99)),
            fmt(w.latencies.reduce((m, l) => Math.max(m, l), 0)),
            String(w.failures),
          ];
        }),
      ),
    );
    print();
    print(
      `Requests slower than ${slowMs / 1000} s: ${result.slowCount}${result.slowCount ? ' (the first ones on stderr)' : ''}.`,
    );
    print(
      `Writes: ${reportsAcked} report posts acknowledged with 303, ${reportsStored} reports stored${lostReports ? ' — **MISMATCH**' : ' (equal)'}; ${departmentsAcked} department posts acknowledged, ${auditStored} audit entries${lostAudits ? ' — **MISMATCH**' : ' (equal)'}; ${departmentRows?.ids ?? '?'} of ${departmentIds} department ids created, ${departmentRows?.creates ?? '?'} audited as created.`,
    );
    print(
      `Server thread: event-loop delay p50 ${fmt(lag.percentile(50) / 1e6)} ms, p99 ${fmt(lag.percentile(99) / 1e6)} ms, max ${fmt(lag.max / 1e6)} ms; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (server and client).`,
    );
    print(
      `Load average (1/5/15 min) before setup: ${loadBefore}; at start: ${loadAtStart}; at end: ${loadAtEnd}.`,
    );
    const failed = fiveXx > 0 || total.networkErrors > 0 || lostReports || lostAudits;
    print();
    print(
      `Verdict: ${failed ? '**FAILED**' : 'passed'} (no 5xx, no network error, every acknowledged write stored).`,
    );
    process.stdout.write(`${out.join('\n')}\n`);
    for (const f of result.failures) process.stderr.write(`${f}\n`);
    for (const f of result.slow) process.stderr.write(`slow: ${f}\n`);
    progress(failed ? 'FAILED' : 'passed');
    return failed ? 1 : 0;
  } finally {
    await app.close();
  }
}

function expectOf(label: string): number {
  return mix.find((a) => a.label === label)?.expect ?? 200;
}
