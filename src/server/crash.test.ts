// Kill -9 on the real engines: acknowledged barrier reports survive a crash, an import is all or nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { openDatabase, sql, type Database } from '../db/client.ts';
import { listBarrierReports } from '../modules/site/index.ts';
import { loadConfig, pgliteDir } from './config.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin', 'sozialraum.js');
const serverUrl = process.env['DATABASE_URL'] || undefined;
const engine = serverUrl ? 'postgres' : 'pglite';
/** VG5000_GEM.shp: 10,997 features (Gemeinden and gemeindefreie Gebiete, ARS unique). */
const gemeindenFile = join(root, 'data', 'germany', 'VG5000_GEM.shp');
const gemeindenCount = 10_997;

/** A data folder of its own and, on a server, a database of its own; drop() removes both. */
interface Target {
  dataDir: string;
  databaseUrl: string | undefined;
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createTarget(prefix: string): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), `sozialraum-${prefix}-`));
  const name = `sozialraum_crash_${randomBytes(6).toString('hex')}`;
  if (serverUrl) await admin((c) => c.query(`create database ${name}`));
  const databaseUrl = serverUrl ? withDatabaseName(serverUrl, name) : undefined;
  return {
    dataDir,
    databaseUrl,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SOZIALRAUM_SEED: '0',
      SOZIALRAUM_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      LOG_LEVEL: 'warn',
      // The form allows 10 reports a minute per address: each report comes from its own address.
      TRUST_PROXY: '1',
    },
    drop: async () => {
      if (serverUrl) await admin((c) => c.query(`drop database if exists ${name}`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the target in this process; only while no child uses it (PGlite has one owner). */
function openTarget(target: Target): Promise<Database> {
  return openDatabase({
    databaseUrl: target.databaseUrl,
    dataDir: pgliteDir(loadConfig({ SOZIALRAUM_DATA_DIR: target.dataDir })),
  });
}

interface Cli {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Children still running; a failed test must not leave a server behind. */
const running = new Set<ChildProcessWithoutNullStreams>();

async function killRunning(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          if (!child.kill('SIGKILL')) resolve();
        }),
    ),
  );
}
after(killRunning);

function spawnCli(target: Target, args: string[]): Cli {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: target.env });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (text += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (text += s));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => text, exit };
}

async function runCli(target: Target, args: string[]): Promise<string> {
  const cli = spawnCli(target, args);
  const { code } = await cli.exit;
  assert.equal(code, 0, `sozialraum ${args.join(' ')}: ${cli.output()}`);
  return cli.output();
}

async function kill9(cli: Cli): Promise<NodeJS.Signals | null> {
  cli.child.kill('SIGKILL');
  return (await cli.exit).signal;
}

interface Server extends Cli {
  base: string;
}

async function startServer(target: Target): Promise<Server> {
  const cli = spawnCli(target, ['serve']);
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      cli.child.kill('SIGKILL');
      reject(new Error(`server did not start within 60 s:\n${cli.output()}`));
    }, 60_000);
    cli.child.stdout.on('data', () => {
      const m = /läuft auf (http:\/\/\S+)/.exec(cli.output());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    void cli.exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${cli.output()}`));
    });
  });
  return { ...cli, base };
}

async function stopServer(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  const { code } = await server.exit;
  assert.equal(code, 0, `server did not stop cleanly:\n${server.output()}`);
}

async function formSession(base: string): Promise<{ token: string; cookie: string }> {
  const page = await fetch(`${base}/barriere-melden`);
  const body = await page.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('_csrf='));
  assert.ok(token && cookie, 'form without CSRF token or cookie');
  return { token, cookie };
}

let clientNumber = 0;

/** Posts one report as a visitor with an address of its own (behind the trusted proxy). */
async function postReport(
  base: string,
  session: { token: string; cookie: string },
  message: string,
): Promise<number> {
  const n = ++clientNumber;
  const res = await fetch(`${base}/barriere-melden`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: session.cookie,
      'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    },
    body: new URLSearchParams({ message, pageUrl: '/absturz', _csrf: session.token }).toString(),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Writers post reports until killed; every 303 is an acknowledged, committed report. */
async function writeUntilKilled(
  server: Server,
  round: number,
  minAcks: number,
  extraMs: number,
): Promise<{ acked: string[]; sent: string[]; unexpected: string[] }> {
  const acked: string[] = [];
  const sent: string[] = [];
  const unexpected: string[] = [];
  let killed = false;
  const session = await formSession(server.base);
  const writer = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const message = `Absturztest Runde ${round}, Schreiber ${w}, Meldung ${i}: Karte nicht bedienbar`;
      sent.push(message);
      try {
        const status = await postReport(server.base, session, message);
        if (status === 303) acked.push(message);
        else unexpected.push(`${message}: HTTP ${status}`);
      } catch (e) {
        if (!killed) unexpected.push(`${message}: ${String(e)}`);
        return;
      }
    }
  };
  const writers = Array.from({ length: 6 }, (_, w) => writer(w));
  const deadline = Date.now() + 30_000;
  while (acked.length < minAcks && unexpected.length === 0 && Date.now() < deadline) await sleep(5);
  await sleep(extraMs);
  killed = true;
  const signal = await kill9(server);
  await Promise.all(writers);
  assert.equal(signal, 'SIGKILL', `server was not killed:\n${server.output()}`);
  return { acked: [...acked], sent, unexpected };
}

test(
  `kill -9 during writes loses no acknowledged barrier report (${engine})`,
  { timeout: 120_000 },
  async (t) => {
    const target = await createTarget('crash-writes');
    try {
      const allAcked: string[] = [];
      const allSent: string[] = [];
      for (let round = 1; round <= 3; round++) {
        const extraMs = Math.floor(Math.random() * 400);
        const server = await startServer(target);
        const { acked, sent, unexpected } = await writeUntilKilled(server, round, 20, extraMs);
        assert.deepEqual(unexpected, [], 'writes failed before the kill');
        assert.ok(acked.length >= 20, `only ${acked.length} acknowledged reports before the kill`);
        allAcked.push(...acked);
        allSent.push(...sent);

        const restarted = await startServer(target);
        const health = await fetch(`${restarted.base}/healthz`);
        const healthBody = await health.text();
        assert.equal(health.status, 200, healthBody);
        assert.equal((JSON.parse(healthBody) as { status: string }).status, 'ok');
        const afterRestart = `Absturztest Runde ${round}: nach dem Neustart`;
        assert.equal(
          await postReport(restarted.base, await formSession(restarted.base), afterRestart),
          303,
        );
        allAcked.push(afterRestart);
        allSent.push(afterRestart);
        await stopServer(restarted);

        const database = await openTarget(target);
        try {
          const stored = new Set(
            (await listBarrierReports(database.db, 1_000_000)).map((r) => r.message),
          );
          const lost = allAcked.filter((m) => !stored.has(m));
          const sentSet = new Set(allSent);
          const foreign = [...stored].filter((m) => !sentSet.has(m));
          t.diagnostic(
            `round ${round}: ${acked.length} acknowledged (killed ${extraMs} ms after ≥ 20 acks), ${sent.length} sent, ${stored.size} stored in total, ${lost.length} lost`,
          );
          assert.deepEqual(
            lost,
            [],
            `${lost.length} of ${allAcked.length} acknowledged reports lost after kill -9 (${engine}, round ${round})`,
          );
          assert.deepEqual(foreign, [], 'reports that were never sent');
        } finally {
          await database.close();
        }
      }
    } finally {
      await killRunning();
      await target.drop();
    }
  },
);

/** Bytes under the PGlite data folder's base/ (grows while an import writes its rows). */
function baseBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    try {
      total += entry.isDirectory() ? baseBytes(path) : statSync(path).size;
    } catch {
      // A file may vanish between listing and stat.
    }
  }
  return total;
}

/** Resolves once the import has begun writing rows (or after 20 s), or when the child exits. */
async function writingStarted(target: Target, cli: Cli): Promise<boolean> {
  let exited = false;
  void cli.exit.then(() => (exited = true));
  const deadline = Date.now() + 20_000;
  if (serverUrl) {
    // On the server: the import's transaction holds a transaction id once it has inserted rows.
    const name = new URL(target.databaseUrl!).pathname.slice(1);
    return admin(async (c) => {
      while (!exited && Date.now() < deadline) {
        const { rows } = await c.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1 and backend_xid is not null',
          [name],
        );
        if ((rows[0]?.n ?? 0) > 0) return true;
        await sleep(25);
      }
      return false;
    });
  }
  // On PGlite: the table files grow as soon as rows are written.
  const base = join(pgliteDir(loadConfig({ SOZIALRAUM_DATA_DIR: target.dataDir })), 'base');
  const baseline = baseBytes(base);
  while (!exited && Date.now() < deadline) {
    if (baseBytes(base) > baseline + 1024 * 1024) return true;
    await sleep(25);
  }
  return false;
}

async function countLevel(target: Target, systemId: string): Promise<number> {
  const database = await openTarget(target);
  try {
    const [row] = await database.rows<{ n: number }>(
      sql`select count(*) as n from areas where system_id = ${systemId} and level_key = 'gemeinde'`,
    );
    return Number(row?.n ?? -1);
  } finally {
    await database.close();
  }
}

test(
  `kill -9 during an import leaves 0 or all areas, never a part (${engine})`,
  { timeout: 120_000 },
  async (t) => {
    const target = await createTarget('crash-import');
    try {
      const rounds = 3;
      for (let round = 1; round <= rounds; round++) {
        const systemId = `absturz-${round}`;
        const file = join(target.dataDir, `${systemId}.json`);
        writeFileSync(
          file,
          JSON.stringify({
            id: systemId,
            name: `Absturztest ${round}`,
            levels: [{ key: 'gemeinde', name: 'Gemeinde' }],
          }),
        );
        await runCli(target, ['areas', 'create-system', file]);
      }
      const outcomes: string[] = [];
      let killedMidway = 0;
      for (let round = 1; round <= rounds; round++) {
        const systemId = `absturz-${round}`;
        const cli = spawnCli(target, [
          'areas',
          'import',
          gemeindenFile,
          '--system',
          systemId,
          '--level',
          'gemeinde',
          '--code-field',
          'ARS',
          '--name-field',
          'GEN',
        ]);
        // Round 1 is killed while reading the file; the others at a random moment of the write.
        const writing = round === 1 ? false : await writingStarted(target, cli);
        const delay =
          round === 1 ? 500 + Math.floor(Math.random() * 1000) : Math.floor(Math.random() * 1200);
        await Promise.race([sleep(delay), cli.exit]);
        const signal = await kill9(cli);
        if (signal === 'SIGKILL') killedMidway++;
        const n = await countLevel(target, systemId);
        const outcome = `round ${round}: ${signal === 'SIGKILL' ? 'killed' : 'finished'} ${delay} ms after ${writing ? 'writing began' : round === 1 ? 'start' : 'the wait'}, ${n} areas`;
        outcomes.push(outcome);
        t.diagnostic(outcome);
        assert.ok(
          n === 0 || n === gemeindenCount,
          `${outcome}: a partial import (expected 0 or ${gemeindenCount}); output:\n${cli.output()}`,
        );
        if (signal !== 'SIGKILL') assert.equal(n, gemeindenCount, cli.output());
      }
      assert.ok(killedMidway > 0, `no import was killed while running: ${outcomes.join('; ')}`);
      // The database stays usable after the crashes: a full import of the last level succeeds.
      const out = await runCli(target, [
        'areas',
        'import',
        gemeindenFile,
        '--system',
        `absturz-${rounds}`,
        '--level',
        'gemeinde',
        '--code-field',
        'ARS',
        '--name-field',
        'GEN',
      ]);
      assert.match(out, /10997 Objekte gelesen/);
      assert.equal(await countLevel(target, `absturz-${rounds}`), gemeindenCount);
    } finally {
      await killRunning();
      await target.drop();
    }
  },
);
