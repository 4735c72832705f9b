// The shipped Germany data set: counts, Zensus totals summed up the hierarchy, idempotent seeding.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { seedAreas } from './seed.ts';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(async () => database.close());

test('Germany: 16 Länder, 401 Kreise, 10,786 Gemeinden with the Zensus 2022 total on every level', async () => {
  const [line] = await seedAreas(database, { only: ['de-vg5000-2021'] });
  assert.match(line!, /11203 Gebiete angelegt/);
  const levels = await database.rows<{ level_key: string; n: number; g: number; total: number }>(
    sql`select level_key, count(*) as n, count(geometry) as g, sum(population) as total
          from areas where system_id = 'de-vg5000-2021' group by level_key order by level_key`,
  );
  const by = Object.fromEntries(levels.map((l) => [l.level_key, l]));
  assert.equal(by['land']?.n, 16);
  assert.equal(by['kreis']?.n, 401);
  assert.equal(by['gemeinde']?.n, 10786);
  // Zensus 2022, table 1000A-0000: 82,711,282 inhabitants on 15.05.2022.
  for (const level of ['land', 'kreis', 'gemeinde'])
    assert.equal(by[level]?.total, 82711282, level);
  assert.equal(by['land']?.g, 16);
  assert.equal(
    by['gemeinde']?.g,
    10771,
    'all but the 15 municipalities formed after 01.01.2021 have a boundary',
  );
  const [ob] = await database.rows<{ population: number; has: boolean; parent: string }>(
    sql`select a.population, a.geometry is not null as has, p.code as parent from areas a join areas p on p.id = a.parent_id
         where a.system_id = 'de-vg5000-2021' and a.code = '051190000000'`,
  );
  assert.deepEqual(ob, { population: 212127, has: true, parent: '05119' });
});

test('seeding again leaves existing systems untouched', async () => {
  const [line] = await seedAreas(database, { only: ['de-vg5000-2021'] });
  assert.match(line!, /schon vorhanden/);
});
