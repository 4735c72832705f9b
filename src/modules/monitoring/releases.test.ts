// Releases on the real engine: import all-or-nothing, draft → published (with embargo) → withdrawn →
// deleted; only published values are public; every step is audited.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { seedAreas } from '../areas/seed.ts';
import { importValues } from './import-values.ts';
import {
  deleteRelease,
  publishRelease,
  startOfDayInBerlin,
  withdrawRelease,
} from './manage-releases.ts';
import * as repo from './monitoring.repository.ts';
import { seedMonitoring } from './seed.ts';
import { computeIndexRun, ensureFreshIndex } from './compute-index.ts';
import { loadScope, resolveValues } from './resolve-values.ts';

let database: Database;

before(async () => {
  database = await createTestDatabase();
  await seedAreas(database, { only: ['oberhausen'] });
  await seedMonitoring(database, { only: ['oberhausen'] });
});
after(() => database.close());

const csv = (text: string) => new TextEncoder().encode(text);
const long = (rows: string[]) => csv(['gebiet;indikator;zeitraum;wert', ...rows].join('\n'));

async function publicValue(code: string, indicator: string, period: string) {
  const scope = await loadScope(database, 'oberhausen', { internal: false });
  const resolved = await resolveValues(database, scope, [indicator], [period]);
  return resolved.cells(indicator, period).get(scope.byCode.get(code)!.id)!;
}

async function auditActions(entityId: number): Promise<string[]> {
  const rows = await database.rows<{ action: string }>(
    repo.auditOfSql('release', String(entityId)),
  );
  return rows.map((r) => r.action);
}

test('the seeded example: Sozialquartiere sum to the real city totals 2020 and 2022', async () => {
  assert.equal((await publicValue('05119000', 'einwohner', '2020')).value, 209_566);
  assert.equal((await publicValue('05119000', 'einwohner', '2022')).value, 212_127);
  const sr = await publicValue('sr-alstaden-lirich', 'einwohner', '2022');
  const parts = await Promise.all(
    ['sq-alstaden', 'sq-lirich-sued', 'sq-lirich-nord'].map((c) =>
      publicValue(c, 'einwohner', '2022'),
    ),
  );
  assert.equal(
    sr.value,
    parts.reduce((s, c) => s + c.value!, 0),
  );
  assert.equal(sr.origin, 'aggregated');
  const share = await publicValue('05119000', 'sgb2_quote', '2022');
  assert.equal(share.origin, 'computed');
  assert.ok(share.value! > 0 && share.value! < 100);
});

test('a draft is not public; publishing makes it so; an embargo waits; withdrawing restores the older value', async () => {
  const before2022 = await publicValue('sq-innenstadt', 'einwohner', '2022');
  const draft = await importValues(database, 'cli', {
    systemId: 'oberhausen',
    fileName: 'korrektur.csv',
    bytes: long(['sq-innenstadt;einwohner;2022;12345']),
    title: 'Korrektur Innenstadt 2022',
  });
  assert.equal(draft.status, 'draft');
  assert.equal((await publicValue('sq-innenstadt', 'einwohner', '2022')).value, before2022.value);

  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  await publishRelease(database, 'cli', draft.releaseId!, tomorrow);
  assert.equal((await publicValue('sq-innenstadt', 'einwohner', '2022')).value, before2022.value);
  const scopeLater = await loadScope(
    database,
    'oberhausen',
    { internal: false },
    new Date(tomorrow.getTime() + 1000),
  );
  const later = await resolveValues(database, scopeLater, ['einwohner'], ['2022']);
  assert.equal(
    later.cells('einwohner', '2022').get(scopeLater.byCode.get('sq-innenstadt')!.id)!.value,
    12345,
  );

  await withdrawRelease(database, 'cli', draft.releaseId!);
  await publishRelease(database, 'cli', draft.releaseId!);
  assert.equal((await publicValue('sq-innenstadt', 'einwohner', '2022')).value, 12345);
  await withdrawRelease(database, 'cli', draft.releaseId!);
  assert.equal((await publicValue('sq-innenstadt', 'einwohner', '2022')).value, before2022.value);

  await deleteRelease(database, 'cli', draft.releaseId!);
  assert.equal(await repo.findRelease(database.db, draft.releaseId!), undefined);
  assert.deepEqual(await auditActions(draft.releaseId!), [
    'release.import',
    'release.publish',
    'release.withdraw',
    'release.publish',
    'release.withdraw',
    'release.delete',
  ]);
});

test('a published release cannot be deleted, and publishing twice is a conflict', async () => {
  const r = await importValues(database, 'cli', {
    systemId: 'oberhausen',
    fileName: 'x.csv',
    bytes: long(['sq-styrum;einwohner;2024;7000']),
    title: 'Vorabwert 2024',
    publish: true,
  });
  await assert.rejects(
    deleteRelease(database, 'cli', r.releaseId!),
    (e: AppError) => e.code === 'conflict',
  );
  await assert.rejects(
    publishRelease(database, 'cli', r.releaseId!),
    (e: AppError) => e.code === 'conflict',
  );
  await withdrawRelease(database, 'cli', r.releaseId!);
  await deleteRelease(database, 'cli', r.releaseId!);
});

test('bad files name row, column and reason, and write nothing', async () => {
  const count = async () => (await repo.listReleases(database.db)).length;
  const n = await count();
  const values = await database.rows<{ n: number }>(repo.valueCountSql());
  const cases: [string, Uint8Array, RegExp][] = [
    ['unknown area', long(['sq-atlantis;einwohner;2022;5']), /sq-atlantis/],
    ['unknown indicator', long(['sq-styrum;fantasie;2022;5']), /fantasie/],
    ['period form', long(['sq-styrum;einwohner;22/23;5']), /22\/23/],
    ['text in a number column', long(['sq-styrum;einwohner;2022;viele']), /viele/],
    [
      'duplicate key',
      long(['sq-styrum;einwohner;2022;5', 'sq-styrum;einwohner;2022;6']),
      /steht schon in Zeile 2/,
    ],
    [
      'latin-1',
      new Uint8Array([
        ...csv('gebiet;indikator;zeitraum;wert\nsq-styrum;einwohner;2022;5\n'),
        0xe4,
        0x0a,
      ]),
      /UTF-8/,
    ],
  ];
  for (const [label, bytes, pattern] of cases) {
    await assert.rejects(
      importValues(database, 'cli', {
        systemId: 'oberhausen',
        fileName: 'f.csv',
        bytes,
        title: label,
      }),
      (e: unknown) => {
        assert.ok(e instanceof AppError, label);
        assert.equal(e.code, 'import_invalid', label);
        const text = e.details.map((d) => `${d.row} ${d.field} ${d.message}`).join(' | ');
        assert.match(text, pattern, `${label}: ${text}`);
        return true;
      },
    );
  }
  assert.equal(await count(), n);
  assert.deepEqual(await database.rows<{ n: number }>(repo.valueCountSql()), values);
});

test('a share above 100 and a numerator above its denominator are refused with their row', async () => {
  const bytes = csv(
    [
      'gebiet;indikator;zeitraum;wert;zaehler;nenner',
      'sq-styrum;sgb2_quote;2022;120;;',
      'sq-schlad;sgb2_quote;2022;;50;40',
    ].join('\n'),
  );
  await assert.rejects(
    importValues(database, 'cli', {
      systemId: 'oberhausen',
      fileName: 'q.csv',
      bytes,
      title: 'Quoten',
    }),
    (e: AppError) => {
      assert.deepEqual(
        e.details.map((d) => d.row),
        [2, 3],
      );
      return true;
    },
  );
});

test('the embargo date is midnight in Berlin, winter and summer', () => {
  assert.equal(startOfDayInBerlin('2026-01-15').toISOString(), '2026-01-14T23:00:00.000Z');
  assert.equal(startOfDayInBerlin('2026-07-15').toISOString(), '2026-07-14T22:00:00.000Z');
  assert.throws(() => startOfDayInBerlin('15.07.2026'), AppError);
});

test('the index follows the figures: a new publication is in the next index run', async () => {
  const before = await repo.latestIndexRun(database.db, 'oberhausen-sozialbericht');
  assert.ok(before);
  const r = await importValues(database, 'cli', {
    systemId: 'oberhausen',
    fileName: 'nachtrag.csv',
    bytes: long(['sq-walsumer-mark;sgb2_leistungsberechtigte;2023;4000']),
    title: 'Nachtrag SGB II 2023',
    publish: true,
  });
  await ensureFreshIndex(database, 'oberhausen-sozialbericht');
  const after = await repo.latestIndexRun(database.db, 'oberhausen-sozialbericht');
  assert.ok(after && after.id !== before.id);
  assert.ok(after.releaseIds.includes(r.releaseId!));
  await ensureFreshIndex(database, 'oberhausen-sozialbericht');
  assert.equal(
    (await repo.latestIndexRun(database.db, 'oberhausen-sozialbericht'))!.id,
    after.id,
    'no change, no new run',
  );
  await withdrawRelease(database, 'cli', r.releaseId!);
  await deleteRelease(database, 'cli', r.releaseId!);
});

test('an index over the 6 Sozialräume is refused with the reason', async () => {
  await repo.upsertIndexConfig(database.db, {
    id: 'probe-sozialraeume',
    name: 'Probe',
    systemId: 'oberhausen',
    levelKey: 'sozialraum',
    config: {
      ...(await repo.findIndexConfig(database.db, 'oberhausen-sozialbericht'))!.config,
    },
  });
  await assert.rejects(computeIndexRun(database, 'cli', 'probe-sozialraeume'), (e: AppError) => {
    assert.match(e.message, /Ein Index über 6 Gebiete ist nicht aussagekräftig/);
    return true;
  });
});
