// Fuzzes the CSV list import with fast-check: delimiters, BOM, quotes, German numbers and garbage.
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { check, csvOptions, nextPath, report, runs, useFuzzDatabase } from './support.ts';
import { csvInputArb, renderCsv } from './generators/csv.ts';

useFuzzDatabase();

test('CSV lists: delimiters, BOM, quotes, German numbers and garbage never crash the import or write a part', async (t) => {
  await fc.assert(
    fc.asyncProperty(csvInputArb, async (input) => {
      const path = nextPath('.csv');
      if (input.kind === 'model') {
        const { text, expectation } = renderCsv(input.spec);
        writeFileSync(path, text);
        await check(path, csvOptions, expectation);
      } else if (input.kind === 'truncated') {
        const { text } = renderCsv(input.spec);
        writeFileSync(path, text.slice(0, Math.floor(input.at * text.length)));
        await check(path, csvOptions, { kind: 'unknown' });
      } else {
        writeFileSync(path, input.kind === 'bytes' ? input.bytes : input.text);
        await check(path, csvOptions, { kind: 'unknown' });
      }
    }),
    runs(80),
  );
  report(t);
});
