// The backup file format: its description, header and marker schemas, errors for bad files.
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';

/*
 * File format (version 1): a gzip-compressed text file, one JSON document per line (UTF-8, "\n").
 *
 *   line 1      header: {"format":"sozialraum-backup","version":1,"createdAt","engine","serverVersion",
 *               "migrations":{"count","lastHash","version"},
 *               "tables":[{"name","columns":[{"name","type","encoding"}],"rows","checksum"}]}
 *   per table   (in the header's order, which is a foreign-key-safe order)
 *               {"table":"areas","rows":755}, then exactly `rows` lines, each a JSON array of the
 *               row's values in column order
 *   last line   {"end":true,"tables":n,"rows":total}
 *
 * Values are written by PostgreSQL itself (never parsed and re-serialised in JavaScript), so they
 * come back bit for bit. Encodings:
 *   json   numbers, booleans, dates and timestamps as to_json() writes them: integers and doubles as
 *          JSON numbers in shortest round-trip form (NaN and ±Infinity as strings, -0 kept),
 *          timestamps as ISO 8601 in UTC with microseconds.
 *   jsonb  the value wrapped in a one-element array, so SQL NULL (null) and JSON null ([null]) differ.
 *   text   the type's text output as a JSON string (arrays, json, uuid, bytea, enums and all else).
 *
 * Checksum of a table: md5 over the sorted md5 hashes of its row lines, concatenated. It is computed
 * in SQL with fixed session settings (TimeZone, DateStyle, IntervalStyle, extra_float_digits,
 * bytea_output), hence the same on PGlite 18 and PostgreSQL 15, and independent of row order and
 * collation. The reader recomputes it from the lines in the file before touching the database.
 */

export const backupFormat = 'sozialraum-backup';
export const backupFormatVersion = 1;

const columnSchema = z.object({
  name: z.string(),
  type: z.string(),
  encoding: z.enum(['json', 'jsonb', 'text']),
});

const headerSchema = z.object({
  format: z.literal(backupFormat),
  version: z.literal(backupFormatVersion),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  serverVersion: z.string(),
  migrations: z.object({
    count: z.number().int().nonnegative(),
    lastHash: z.string().nullable(),
    version: z.string().nullable(),
  }),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(columnSchema),
      rows: z.number().int().nonnegative(),
      checksum: z.string().regex(/^[0-9a-f]{32}$/),
    }),
  ),
});
export type Header = z.infer<typeof headerSchema>;
export type HeaderTable = Header['tables'][number];

export const tableMarkerSchema = z.object({
  table: z.string(),
  rows: z.number().int().nonnegative(),
});
export const endSchema = z.object({
  end: z.literal(true),
  tables: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
});

export function corrupt(file: string, why: string): AppError {
  return new AppError(
    'invalid_input',
    `„${file}“ ist beschädigt oder unvollständig: ${why}. Die Datenbank wurde nicht verändert.`,
  );
}

export function notABackup(file: string, why: string): AppError {
  return new AppError(
    'invalid_input',
    `„${file}“ ist keine Sicherung von sozialraum (${why}). Die Datenbank wurde nicht verändert.`,
  );
}

export function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

export function parseHeader(file: string, line: string | undefined): Header {
  const value = line === undefined ? undefined : parseJson(line);
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== backupFormat
  )
    throw notABackup(file, 'die erste Zeile ist kein Sicherungskopf');
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > backupFormatVersion)
    throw new AppError(
      'invalid_input',
      `„${file}“ hat das neuere Sicherungsformat ${version}; diese Version von sozialraum liest Format ${backupFormatVersion}. Bitte sozialraum aktualisieren.`,
    );
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw corrupt(file, 'der Sicherungskopf ist ungültig');
  return parsed.data;
}
