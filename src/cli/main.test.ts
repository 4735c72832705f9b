// The sozialraum command as a script would call it: output and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/sozialraum.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'sozialraum-cli-'));
// Always the embedded engine in its own folder, so the CLI test never writes to a shared server.
const env = { ...process.env, SOZIALRAUM_DATA_DIR: dataDir, DATABASE_URL: '' };

function runWith(input: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env,
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function run(...args: string[]) {
  return runWith('', ...args);
}

test('create a system, dry-run and import a file, list it; errors have reliable exit codes', () => {
  const system = join(dataDir, 'system.json');
  writeFileSync(
    system,
    JSON.stringify({ id: 'probe', name: 'Probe', levels: [{ key: 'stadt', name: 'Stadt' }] }),
  );
  const file = join(dataDir, 'stadt.geojson');
  const square = [
    [
      [7, 51],
      [7.1, 51],
      [7.1, 51.1],
      [7, 51.1],
      [7, 51],
    ],
  ];
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'S', name: 'Stadt' },
          geometry: { type: 'Polygon', coordinates: square },
        },
      ],
    }),
  );
  const broken = join(dataDir, 'broken.geojson');
  writeFileSync(
    broken,
    '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"S","name":" "},"geometry":null}]}',
  );

  const created = run('areas', 'create-system', system);
  assert.equal(created.code, 0, created.err);

  const dry = run('areas', 'import', file, '--system', 'probe', '--level', 'stadt', '--dry-run');
  assert.equal(dry.code, 0, dry.err);
  assert.match(dry.out, /würde schreiben: 1 neu[\s\S]*Probelauf: nichts wurde gespeichert/);

  const bad = run('areas', 'import', broken, '--system', 'probe', '--level', 'stadt');
  assert.equal(bad.code, 3);
  assert.match(bad.err, /broken\.geojson, Objekt 1, Feld „name“: Der Name fehlt/);

  const unknown = run('areas', 'import', file, '--system', 'gibt-es-nicht', '--level', 'stadt');
  assert.equal(unknown.code, 4);

  const usage = run('areas', 'import', file);
  assert.equal(usage.code, 2);

  const ok = run('areas', 'import', file, '--system', 'probe', '--level', 'stadt');
  assert.equal(ok.code, 0, ok.err);
  const list = run('areas', 'list');
  assert.match(list.out, /^probe\t1\tstadt\tProbe$/m);
});

test('create the first admin from the CLI; back up and restore with confirmation', () => {
  const weak = runWith(
    'passwort12345\n',
    'users',
    'create-admin',
    '--email',
    'admin@example.org',
    '--name',
    'Admin',
  );
  assert.equal(weak.code, 2);
  assert.match(weak.err, /zu leicht zu erraten/);
  const ok = runWith(
    'Halde Haniel Bottrop 2018\n',
    'users',
    'create-admin',
    '--email',
    'admin@example.org',
    '--name',
    'Admin',
  );
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /Administrationskonto admin@example.org/);
  const again = runWith(
    'Halde Haniel Bottrop 2018\n',
    'users',
    'create-admin',
    '--email',
    'admin@example.org',
    '--name',
    'Admin',
  );
  assert.equal(again.code, 5);

  const file = join(dataDir, 'sicherung.gz');
  const backup = run('backup', file);
  assert.equal(backup.code, 0, backup.err);
  assert.match(backup.out, /Zeilen aus \d+ Tabellen/);
  const unconfirmed = run('restore', file);
  assert.equal(unconfirmed.code, 2);
  assert.match(unconfirmed.err, /--yes/);
  const restored = run('restore', file, '--yes');
  assert.equal(restored.code, 0, restored.err);
  assert.match(restored.out, /^users\t1\t[0-9a-f]{32}$/m);
  assert.match(restored.out, /Zeilen und Prüfsummen stimmen/);
  const broken = join(dataDir, 'kaputt.gz');
  writeFileSync(broken, 'keine Sicherung');
  assert.equal(run('restore', broken, '--yes').code, 2);
});
