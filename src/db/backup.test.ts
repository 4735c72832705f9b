// Logical backup and restore on the real engine: round trip table by table, replacing data, refusing bad files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { AppError } from '../core/errors.ts';
import { seedAreas } from '../modules/areas/seed.ts';
import { backupDatabase, restoreDatabase, tableChecksums, type BackupSummary } from './backup.ts';
import { openDatabase, sql, type Database } from './client.ts';
import { migrate } from './migrate.ts';
import {
  accountTokens,
  auditLog,
  barrierReports,
  departments,
  sessions,
  userRoles,
  users,
} from './schema/index.ts';
import { createTestDatabase } from './testing.ts';

let source: Database;
let dir: string;
let file: string;
let summary: BackupSummary;
const opened: Database[] = [];

async function fresh(): Promise<Database> {
  const database = await createTestDatabase();
  opened.push(database);
  return database;
}

/** Rows in the account and site tables, with values that are easy to get wrong. */
async function addRows(database: Database): Promise<void> {
  const { db } = database;
  await db.insert(departments).values([
    { id: 'jugend', name: 'Jugendamt' },
    { id: 'soziales', name: 'Amt für Soziales – „Teilhabe“' },
  ]);
  const [a, gone, b] = await db
    .insert(users)
    .values([
      { email: 'anne@example.org', displayName: 'Änne Übel', passwordHash: '$argon2id$v=19$x' },
      { email: 'weg@example.org', displayName: 'Gelöscht' },
      {
        email: 'bernd@example.org',
        displayName: 'Bernd "B" \\ Zeile\nzwei 😀',
        status: 'invited',
        lockedUntil: new Date('2031-05-06T07:08:09.123Z'),
      },
    ])
    .returning({ id: users.id });
  await db.insert(userRoles).values([
    { userId: a!.id, role: 'admin' },
    { userId: b!.id, role: 'organiser', departmentId: 'jugend' },
    { userId: b!.id, role: 'provider', organisationId: 'träger-7' },
  ]);
  await db.insert(sessions).values({
    tokenHash: 'f'.repeat(64),
    userId: a!.id,
    expiresAt: new Date('2030-01-01T00:00:00Z'),
    ip: '127.0.0.1',
    userAgent: 'Test\tBrowser',
  });
  await db.insert(accountTokens).values({
    tokenHash: 'e'.repeat(64),
    userId: b!.id,
    purpose: 'invite',
    expiresAt: new Date('2030-01-01T00:00:00Z'),
  });
  await db.insert(auditLog).values({
    actorUserId: gone!.id,
    actorLabel: 'weg@example.org',
    action: 'create',
    entity: 'user',
    entityId: String(b!.id),
    after: { email: 'bernd@example.org', n: 1.5, list: [1, null, 'ü'] },
  });
  // Gaps in the identity column, and an actor set to null by the foreign key.
  await db.delete(users).where(eq(users.id, gone!.id));
  await database.rows(
    sql`insert into audit_log (at, actor_label, action, entity, entity_id, before, after)
        values ('2024-02-29 23:59:59.999999+05', 'system', 'delete', 'session', 'x', 'null'::jsonb, null),
               ('infinity', 'system', 'import', 'areas', 'y', '{"gross": 123456789012345678901234567890.5, "winzig": 1e-400}', '[]')`,
  );
  await db.insert(barrierReports).values([
    { pageUrl: '/gebiete', message: 'Kontrast zu gering\r\nauf der Karte', contact: null },
    { message: 'Tabelle ohne Überschriften', contact: 'a@example.org', status: 'erledigt' },
  ]);
  // Doubles, dates and jsonb at their edges.
  await database.rows(
    sql`update areas set min_lon = '-0', max_lat = 'Infinity', area_m2 = 'NaN',
               population_date = '4713-01-01 BC', attributes = 'null'::jsonb, display_geometry = null,
               updated_at = '2024-02-29 23:59:59.999999+05'
         where id = (select min(id) from areas)`,
  );
  await database.rows(
    sql`update areas set area_m2 = 5e-324, min_lat = 0.1::float8 + 0.2, max_lon = 1.7976931348623157e308,
               attributes = '{"zahl": 1.50, "text": "a\\"b", "leer": null}'::jsonb
         where id = (select max(id) from areas)`,
  );
}

before(async () => {
  source = await fresh();
  await seedAreas(source, { only: ['berlin-lor-2021'] });
  await addRows(source);
  dir = await mkdtemp(join(tmpdir(), 'sozialraum-backup-'));
  file = join(dir, 'berlin.sozialraum.gz');
  summary = await backupDatabase(source, file);
});

after(async () => {
  for (const database of opened) await database.close();
  await rm(dir, { recursive: true, force: true });
});

function lines(content: Buffer): string[] {
  return gunzipSync(content).toString('utf8').split('\n');
}

/** Recomputes a table's checksum in a decompressed file, as the backup does. */
function fixChecksum(text: string[], table: string): void {
  const header = JSON.parse(text[0]!) as {
    tables: { name: string; rows: number; checksum: string }[];
  };
  const entry = header.tables.find((t) => t.name === table)!;
  const start = text.indexOf(JSON.stringify({ table, rows: entry.rows })) + 1;
  const hashes = text
    .slice(start, start + entry.rows)
    .map((l) => createHash('md5').update(l, 'utf8').digest('hex'))
    .sort();
  entry.checksum = createHash('md5').update(hashes.join(''), 'utf8').digest('hex');
  text[0] = JSON.stringify(header);
}

test('the backup covers every table of schema public with counts and checksums', async () => {
  const catalog = await source.rows<{ name: string }>(
    sql`select table_name as name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  assert.deepEqual(summary.tables.map((t) => t.table).sort(), catalog.map((t) => t.name).sort());
  assert.deepEqual(summary.tables, await tableChecksums(source));
  const rows = Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]));
  const [areas] = await source.rows<{ n: number }>(sql`select count(*) as n from areas`);
  assert.ok(areas!.n > 500);
  assert.equal(rows['areas'], areas!.n);
  assert.equal(rows['users'], 2);
  assert.equal(rows['audit_log'], 3);
  assert.equal(summary.engine, source.engine);
  assert.ok(summary.migrations.count > 0 && summary.migrations.lastHash);
  assert.ok(summary.bytes > 0);
  // Referenced tables come before the tables that reference them.
  const order = summary.tables.map((t) => t.table);
  assert.ok(order.indexOf('area_systems') < order.indexOf('areas'));
  assert.ok(order.indexOf('users') < order.indexOf('user_roles'));

  const text = lines(await readFile(file));
  const header = JSON.parse(text[0]!) as { format: string; engine: string };
  assert.equal(header.format, 'sozialraum-backup');
  assert.equal(header.engine, source.engine);
  assert.deepEqual(JSON.parse(text.at(-2)!), {
    end: true,
    tables: summary.tables.length,
    rows: summary.rows,
  });
});

test('restore into a fresh database gives the same rows, table by table', async () => {
  const target = await fresh();
  const restored = await restoreDatabase(target, file);
  assert.deepEqual(restored.tables, summary.tables);
  assert.equal(restored.sourceEngine, source.engine);
  assert.deepEqual(await tableChecksums(target), await tableChecksums(source));

  const row = sql`select * from areas where code = (select min(code) from areas where parent_id is not null)`;
  assert.deepEqual(await target.rows(row), await source.rows(row));
  const userRows = sql`select * from users order by id`;
  assert.deepEqual(await target.rows(userRows), await source.rows(userRows));

  const edges = sql`select min_lon::text, max_lat::text, area_m2::text, min_lat::text, max_lon::text,
                           population_date::text, jsonb_typeof(attributes) as attributes,
                           attributes::text as attributes_text,
                           display_geometry is null as no_display, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as updated
                      from areas where id in ((select min(id) from areas), (select max(id) from areas)) order by id`;
  const found = await target.rows(edges);
  assert.deepEqual(found, await source.rows(edges));
  assert.equal(found[0]!['min_lon'], '-0');
  assert.equal(found[0]!['max_lat'], 'Infinity');
  assert.equal(found[0]!['area_m2'], 'NaN');
  assert.equal(found[0]!['population_date'], '4713-01-01 BC');
  assert.equal(found[0]!['attributes'], 'null');
  assert.equal(found[0]!['updated'], '2024-02-29 18:59:59.999999');
  assert.equal(found[1]!['area_m2'], '5e-324');
  assert.equal(found[1]!['min_lat'], '0.30000000000000004');
  assert.equal(found[1]!['max_lon'], '1.7976931348623157e+308');
  const audit = sql`select before is null as sql_null, jsonb_typeof(before) as json_type, after from audit_log order by id`;
  assert.deepEqual(await target.rows(audit), await source.rows(audit));

  // Identity sequences continue after the restored maximum.
  const [maxUser] = await target.rows<{ m: number }>(sql`select max(id) as m from users`);
  const [added] = await target.db
    .insert(users)
    .values({ email: 'neu@example.org', displayName: 'Neu' })
    .returning({ id: users.id });
  assert.equal(added!.id, maxUser!.m + 1);
  const [report] = await target.db
    .insert(barrierReports)
    .values({ message: 'neu' })
    .returning({ id: barrierReports.id });
  assert.equal(report!.id, 3);
});

test('restore over different data replaces it completely', async () => {
  const target = await fresh();
  await target.rows(
    sql`insert into area_systems (id, name) values ('andere', 'Andere Gliederung')`,
  );
  await target.rows(
    sql`insert into area_levels (system_id, key, name, rank) values ('andere', 'stadt', 'Stadt', 0)`,
  );
  await target.rows(
    sql`insert into areas (system_id, code, name, level_key) values ('andere', '1', 'Irgendwo', 'stadt')`,
  );
  await target.db.insert(departments).values({ id: 'fremd', name: 'Fremdes Amt' });
  await target.db
    .insert(barrierReports)
    .values([{ message: 'a' }, { message: 'b' }, { message: 'c' }]);
  await restoreDatabase(target, file);
  assert.deepEqual(await tableChecksums(target), summary.tables);
  const [other] = await target.rows<{ n: number }>(
    sql`select (select count(*) from area_systems where id = 'andere') + (select count(*) from departments where id = 'fremd') as n`,
  );
  assert.equal(other!.n, 0);
});

test('bad files are refused and leave the data as it was', async () => {
  const target = await fresh();
  await target.db.insert(departments).values({ id: 'bleibt', name: 'Bleibt' });
  await target.db.insert(barrierReports).values({ message: 'bleibt auch' });
  const expected = await tableChecksums(target);
  const good = await readFile(file);
  const text = lines(good);

  const tampered = [...text];
  const i = tampered.findIndex((l) => l.includes('"Jugendamt"'));
  tampered[i] = tampered[i]!.replace('Jugendamt', 'Jugendamz');

  const wrongMigration = [...text];
  const header = JSON.parse(wrongMigration[0]!) as { migrations: { lastHash: string } };
  header.migrations.lastHash = 'f'.repeat(64);
  wrongMigration[0] = JSON.stringify(header);

  const missingTail = text.slice(0, -5);

  // Passes every check on the file, but the database rejects a value: only the transaction can help.
  const rejected = [...text];
  const marker = rejected.findIndex((l) => l.startsWith('{"table":"barrier_reports"'));
  rejected[marker + 1] = rejected[marker + 1]!.replace(/^\[\d+,/, '["keine Zahl",');
  fixChecksum(rejected, 'barrier_reports');

  const cases: [string, Buffer, RegExp][] = [
    [
      'truncated.gz',
      good.subarray(0, Math.floor(good.length / 2)),
      /beschädigt oder unvollständig/,
    ],
    ['tail-cut.gz', good.subarray(0, good.length - 6), /beschädigt oder unvollständig/],
    ['random.bin', randomBytes(4096), /keine Sicherung/],
    ['random-gzip.gz', Buffer.concat([Buffer.from([0x1f, 0x8b]), randomBytes(4096)]), /beschädigt/],
    ['empty.gz', Buffer.alloc(0), /keine Sicherung/],
    ['wrong-json.gz', gzipSync('{"hello": "world"}\n[1, 2, 3]\n'), /keine Sicherung/],
    ['not-json.gz', gzipSync('das ist kein JSON\n'), /keine Sicherung/],
    ['tampered.gz', gzipSync(tampered.join('\n')), /Prüfsumme der Tabelle „departments“/],
    ['missing-tail.gz', gzipSync(missingTail.join('\n')), /endet nach|fehlt/],
    ['migrations.gz', gzipSync(wrongMigration.join('\n')), /Schemastand/],
    ['rejected.gz', gzipSync(rejected.join('\n')), /lehnt/],
  ];
  for (const [name, content, message] of cases) {
    const path = join(dir, name);
    await writeFile(path, content);
    await assert.rejects(
      restoreDatabase(target, path),
      (error: unknown) =>
        error instanceof AppError && error.code === 'invalid_input' && message.test(error.message),
      name,
    );
    assert.deepEqual(await tableChecksums(target), expected, `${name}: data unchanged`);
  }
  await assert.rejects(
    restoreDatabase(target, join(dir, 'gibt-es-nicht.gz')),
    (error: unknown) => error instanceof AppError && error.code === 'not_found',
  );
  const [kept] = await target.rows<{ n: number }>(
    sql`select count(*) as n from departments where id = 'bleibt'`,
  );
  assert.equal(kept!.n, 1);
});

test('a backup into a missing folder is refused and leaves no file behind', async () => {
  const missing = join(dir, 'fehlt', 'sicherung.gz');
  await assert.rejects(
    backupDatabase(source, missing),
    (error: unknown) => error instanceof AppError && error.code === 'invalid_input',
  );
  const leftovers = (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
  assert.deepEqual(leftovers, []);
});

test('a target on another schema version is refused', async () => {
  const target = await fresh();
  await target.rows(
    sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
  );
  await assert.rejects(
    restoreDatabase(target, file),
    (error: unknown) =>
      error instanceof AppError &&
      error.code === 'invalid_input' &&
      /Schemastand/.test(error.message),
  );
});

// Across engines needs the server: this test exists in the PostgreSQL run of the suite (CI runs both).
const acrossEngines = process.env['DATABASE_URL'] ? test : () => undefined;
acrossEngines(
  'across engines: PostgreSQL → PGlite → PostgreSQL with the same checksums',
  async () => {
    const lite = await openDatabase({ dataDir: 'memory://' });
    opened.push(lite);
    await migrate(lite);
    const intoLite = await restoreDatabase(lite, file);
    assert.equal(intoLite.sourceEngine, 'postgres');
    assert.equal(intoLite.engine, 'pglite');
    assert.deepEqual(intoLite.tables, summary.tables);

    const back = join(dir, 'from-pglite.gz');
    const fromLite = await backupDatabase(lite, back);
    assert.equal(fromLite.engine, 'pglite');
    assert.deepEqual(fromLite.tables, summary.tables);

    const server = await fresh();
    const restored = await restoreDatabase(server, back);
    assert.deepEqual(restored.tables, summary.tables);
    const row = sql`select * from areas where code = (select min(code) from areas)`;
    assert.deepEqual(await server.rows(row), await source.rows(row));
  },
);
