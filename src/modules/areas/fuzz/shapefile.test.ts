// Fuzzes the shapefile import with the 58 Berlin Prognoseräume (EPSG:25833), corrupted in many ways.
import { test } from 'node:test';
import { rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import fc from 'fast-check';
import type { ImportOptions } from '../schema.ts';
import {
  check,
  nextStem,
  report,
  runs,
  SHP_SYSTEM,
  useFuzzDatabase,
  type Expectation,
} from './support.ts';
import { PGR_COUNT, shpBytes, shpInputArb, shpParts } from './generators/shapefile.ts';

useFuzzDatabase();

test('Shapefiles with truncated or corrupted bytes, missing or broken .prj/.dbf/.cpg: only AppError, never a part', async (t) => {
  await fc.assert(
    fc.asyncProperty(shpInputArb, async ({ mutations, crs }) => {
      const stem = nextStem('shape');
      const parts = new Map<string, Buffer>(
        shpParts.map((ext) => [ext, Buffer.from(shpBytes[ext])]),
      );
      for (const m of mutations) {
        const bytes = parts.get(m.part);
        if (!bytes) continue;
        if (m.kind === 'truncate')
          parts.set(m.part, bytes.subarray(0, Math.floor(m.at * bytes.length)));
        else if (m.kind === 'drop') parts.delete(m.part);
        else if (m.kind === 'garbage') parts.set(m.part, Buffer.from(m.text));
        else {
          const span =
            m.where === 'header'
              ? Math.min(bytes.length, m.part === '.shp' ? 100 : 400)
              : bytes.length;
          m.at.forEach((a, i) => {
            const offset = Math.floor(a * span);
            if (offset < bytes.length) bytes[offset] = bytes[offset]! ^ m.xor[i]!;
          });
        }
      }
      for (const [ext, bytes] of parts) writeFileSync(`${stem}${ext}`, bytes);
      const contentIntact = mutations.every(
        (m) =>
          (m.kind === 'drop' && m.part === '.cpg') ||
          (m.part === '.prj' && (m.kind === 'drop' || m.kind === 'garbage')),
      );
      const prjIntact = !mutations.some((m) => m.part === '.prj');
      const crsKnown = crs === 'EPSG:25833' || (crs === undefined && prjIntact);
      let expectation: Expectation = { kind: 'unknown' };
      if (crs === 'EPSG:9999' || crs === 'quatsch')
        expectation = { kind: 'refused', faultyRows: [] };
      else if (contentIntact && crsKnown) expectation = { kind: 'successCount', count: PGR_COUNT };
      else if (contentIntact && crs === 'EPSG:4326')
        expectation = {
          kind: 'refused',
          faultyRows: Array.from({ length: PGR_COUNT }, (_, i) => i + 1),
        };
      const options: ImportOptions = {
        systemId: SHP_SYSTEM,
        levelKey: 'pgr',
        mapping: { codeField: 'PGR_ID', nameField: 'PGR_NAME' },
        dryRun: false,
        ...(crs ? { crs } : {}),
      };
      const files = shpParts.map((ext) => `${basename(stem)}${ext}`);
      await check(`${stem}.shp`, options, expectation, files);
      for (const ext of shpParts) rmSync(`${stem}${ext}`, { force: true });
    }),
    runs(60),
  );
  report(t);
});
