// The monitoring commands as a statistician's script would call them: the MSS 2021 index export
// reproduces the published Berlin results; a release goes draft → published → withdrawn → deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/sozialraum.js', import.meta.url));
const published = fileURLToPath(
  new URL('../modules/monitoring/fixtures/mss_2021_published_index.csv', import.meta.url),
);
const dataDir = mkdtempSync(join(tmpdir(), 'sozialraum-cli-mon-'));
const env = { ...process.env, SOZIALRAUM_DATA_DIR: dataDir, DATABASE_URL: '' };

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function parseCsv(text: string) {
  const [header, ...lines] = text.trim().split('\n');
  return {
    header: header!,
    rows: new Map(
      lines.map((l) => {
        const [code, si, sc, di, dc] = l.split(',');
        return [code!, { si, sc, di, dc }];
      }),
    ),
  };
}

test('index export reproduces the published MSS 2021 classes and indices of every indexed Planungsraum', () => {
  const seeded = run('seed', '--only', 'berlin-lor-2021');
  assert.equal(seeded.code, 0, seeded.err);
  const r = run(
    'index',
    'export',
    '--system',
    'berlin-lor-2021',
    '--config',
    'mss-2021',
    '--format',
    'csv',
  );
  assert.equal(r.code, 0, r.err);
  const ours = parseCsv(r.out);
  assert.equal(ours.header, 'area_code,status_index,status_class,dynamics_index,dynamics_class');
  const theirs = parseCsv(readFileSync(published, 'utf8'));
  let indexed = 0;
  let maxDiff = 0;
  for (const [code, p] of theirs.rows) {
    const o = ours.rows.get(code);
    assert.ok(o, `${code} fehlt im Export`);
    if (!p.sc) {
      assert.equal(o.sc, '', `${code}: nicht indexiert erwartet`);
      assert.equal(o.si, '');
      continue;
    }
    indexed += 1;
    assert.equal(o.sc, p.sc, `${code}: Statusklasse`);
    assert.equal(o.dc, p.dc, `${code}: Dynamikklasse`);
    maxDiff = Math.max(
      maxDiff,
      Math.abs(Number(o.si) - Number(p.si)),
      Math.abs(Number(o.di) - Number(p.di)),
    );
  }
  assert.equal(indexed, 536);
  assert.equal(ours.rows.size, 542);
  assert.ok(maxDiff <= 0.0100001, `größte Abweichung ${maxDiff}`);
});

test('data import: dry run, draft, publish, withdraw, delete; bad files exit 3 naming row and column', () => {
  const good = join(dataDir, 'werte.csv');
  writeFileSync(good, '\uFEFFgebiet;indikator;zeitraum;wert\n01100101;EW;2023-12-31;3.500\n');
  const dry = run('data', 'import', good, '--system', 'berlin-lor-2021', '--dry-run');
  assert.equal(dry.code, 0, dry.err);
  assert.match(dry.out, /1 Werte/);
  assert.match(dry.out, /Probelauf/);

  const imported = run(
    'data',
    'import',
    good,
    '--system',
    'berlin-lor-2021',
    '--title',
    'Test 2023',
  );
  assert.equal(imported.code, 0, imported.err);
  const id = /Nr\. (\d+)/.exec(imported.out)?.[1];
  assert.ok(id, imported.out);
  assert.match(imported.out, /Entwurf/);
  assert.match(run('data', 'releases').out, new RegExp(`^${id}\\tdraft\\t`, 'm'));
  assert.equal(run('data', 'publish', id!, '--embargo', '2030-01-01').code, 0);
  assert.match(
    run('data', 'releases').out,
    new RegExp(`^${id}\\tpublished\\t.*\\t2029-12-31\\t`, 'm'),
  );
  assert.equal(run('data', 'delete', id!, '--yes').code, 5, 'published: conflict');
  assert.equal(run('data', 'withdraw', id!).code, 0);
  assert.equal(run('data', 'delete', id!).code, 2, 'without --yes');
  assert.equal(run('data', 'delete', id!, '--yes').code, 0);
  assert.equal(run('data', 'publish', id!).code, 4, 'gone');

  const bad = join(dataDir, 'falsch.csv');
  writeFileSync(
    bad,
    'gebiet;indikator;zeitraum;wert\n01100101;EW;2023;viele\n99999999;EW;2023;5\n',
  );
  const refused = run('data', 'import', bad, '--system', 'berlin-lor-2021');
  assert.equal(refused.code, 3, refused.err);
  assert.match(refused.err, /Zeile 2.*wert/i);
  assert.match(refused.err, /Zeile 3.*99999999/);
});
