// Fuzzes the GeoJSON import with fast-check: only AppError, refusals write nothing, successes exactly the model.
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { check, geoOptions, nextPath, report, runs, useFuzzDatabase } from './support.ts';
import { geoInputArb, renderGeoDoc } from './generators/geojson.ts';

useFuzzDatabase();

test('GeoJSON: only AppError, refusals write nothing and name file and feature, successes write exactly the valid features', async (t) => {
  await fc.assert(
    fc.asyncProperty(geoInputArb, async (input) => {
      if (input.kind === 'model') {
        const { text, expectation } = renderGeoDoc(input.doc);
        const path = nextPath(input.ext);
        writeFileSync(path, text);
        await check(path, geoOptions, expectation);
      } else if (input.kind === 'truncated') {
        const { text } = renderGeoDoc(input.doc);
        const path = nextPath('.geojson');
        writeFileSync(path, text.slice(0, Math.floor(input.at * text.length)));
        await check(path, geoOptions, { kind: 'refused', faultyRows: [] });
      } else {
        const path = nextPath('.geojson');
        if (input.kind === 'json') writeFileSync(path, JSON.stringify(input.value));
        else if (input.kind === 'bytes') writeFileSync(path, input.bytes);
        else writeFileSync(path, input.text);
        await check(path, geoOptions, { kind: 'unknown' });
      }
    }),
    runs(80),
  );
  report(t);
});
