// Reads a CSV file as statistics offices export it: UTF-8 with or without BOM, ';' or ',' or tab.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import Papa from 'papaparse';
import type { ErrorDetail } from '../../core/errors.ts';

export interface CsvRows {
  file: string;
  rows: Record<string, string>[];
  /** Parse problems; `row` is the 1-based data row (the header is not counted). */
  problems: ErrorDetail[];
}

export async function readCsvRows(path: string): Promise<CsvRows> {
  const file = basename(path);
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
  });
  const problems = parsed.errors.map((e) => ({ file, row: (e.row ?? 0) + 1, message: e.message }));
  return { file, rows: parsed.data, problems };
}
