// fast-check mutations of the Berlin Prognoseräume shapefile (truncated, flipped, dropped parts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { dataRoot } from '../../seed.ts';
import { oneIn } from './common.ts';

const shpStem = join(dataRoot, 'berlin', 'lor_prognoseraeume_2021');
export const shpParts = ['.shp', '.dbf', '.prj', '.cpg'] as const;
export const shpBytes = Object.fromEntries(
  shpParts.map((ext) => [ext, readFileSync(`${shpStem}${ext}`)]),
) as Record<(typeof shpParts)[number], Buffer>;
export const PGR_COUNT = 58;

type ShpMutation =
  | { kind: 'truncate'; part: '.shp' | '.dbf'; at: number }
  | {
      kind: 'flip';
      part: '.shp' | '.dbf';
      where: 'header' | 'anywhere';
      at: number[];
      xor: number[];
    }
  | { kind: 'drop'; part: '.prj' | '.dbf' | '.cpg' }
  | { kind: 'garbage'; part: '.prj' | '.cpg'; text: string };

const shpMutationArb: fc.Arbitrary<ShpMutation> = fc.oneof(
  fc.record({
    kind: fc.constant('truncate' as const),
    part: fc.constantFrom('.shp' as const, '.dbf' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  }),
  fc.record({
    kind: fc.constant('flip' as const),
    part: fc.constantFrom('.shp' as const, '.dbf' as const),
    where: fc.constantFrom('header' as const, 'anywhere' as const),
    at: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
      minLength: 1,
      maxLength: 8,
    }),
    xor: fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 8, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('drop' as const),
    part: fc.constantFrom('.prj' as const, '.dbf' as const, '.cpg' as const),
  }),
  fc.record({
    kind: fc.constant('garbage' as const),
    part: fc.constantFrom('.prj' as const, '.cpg' as const),
    text: fc.string({ maxLength: 40 }),
  }),
);

export const shpInputArb = fc.record({
  mutations: fc.array(shpMutationArb, { minLength: 0, maxLength: 3 }),
  crs: oneIn(4, fc.constantFrom('EPSG:25833', 'EPSG:4326', 'quatsch', ...['EPSG:9999']), undefined),
});
