// Reading a backup file: its decompressed lines, verified by markers, row counts and checksums.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../core/errors.ts';
import { LineChecksum } from './checksums.ts';
import {
  corrupt,
  endSchema,
  notABackup,
  parseHeader,
  parseJson,
  tableMarkerSchema,
  type Header,
  type HeaderTable,
} from './format.ts';

/** Longest line accepted; guards memory against files that are not backups. */
const maxLineLength = 256 * 1024 * 1024;

/** The decompressed lines of a file; zlib errors (corrupt, truncated) become AppErrors. */
async function* fileLines(file: string): AsyncGenerator<string> {
  const magic = Buffer.alloc(2);
  let bytesRead: number;
  try {
    const handle = await open(file, 'r');
    try {
      ({ bytesRead } = await handle.read(magic, 0, 2, 0));
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not_found', `Die Datei „${file}“ gibt es nicht.`);
    throw new AppError('invalid_input', `Die Datei „${file}“ lässt sich nicht lesen (${code}).`);
  }
  if (bytesRead < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b)
    throw notABackup(file, 'nicht gzip-komprimiert');
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let buffer = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      buffer += decoder.write(chunk);
      let start = 0;
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n', start)) {
        yield buffer.slice(start, end);
        start = end + 1;
      }
      buffer = buffer.slice(start);
      if (buffer.length > maxLineLength) throw corrupt(file, 'eine Zeile ist zu lang');
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_ZLIB'))
      throw corrupt(file, `gzip meldet „${(error as Error).message}“`);
    throw error;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  buffer += decoder.end();
  if (buffer.length > 0) yield buffer;
}

export interface RowChunk {
  table: HeaderTable;
  /** Row lines (JSON arrays), as written by the backup. */
  lines: string[];
}

const chunkRows = 500;
const chunkChars = 4 * 1024 * 1024;

/**
 * Reads a whole backup: the header first, then row chunks; verifies markers, row counts, each
 * table's checksum and the end line, throwing an AppError at the first mismatch.
 */
export async function* readBackup(
  file: string,
): AsyncGenerator<{ header: Header } | RowChunk, void, undefined> {
  const lines = fileLines(file);
  const next = async (): Promise<string | undefined> => {
    const { value, done } = await lines.next();
    return done ? undefined : value;
  };
  try {
    const header = parseHeader(file, await next());
    yield { header };
    let total = 0;
    for (const table of header.tables) {
      const markerLine = await next();
      if (markerLine === undefined) throw corrupt(file, `Tabelle „${table.name}“ fehlt`);
      const marker = tableMarkerSchema.safeParse(parseJson(markerLine));
      if (!marker.success || marker.data.table !== table.name || marker.data.rows !== table.rows)
        throw corrupt(file, `Tabelle „${table.name}“ wurde erwartet`);
      const check = new LineChecksum();
      let chunk: string[] = [];
      let chars = 0;
      for (let i = 0; i < table.rows; i++) {
        const line = await next();
        if (line === undefined)
          throw corrupt(file, `Tabelle „${table.name}“ endet nach ${i} von ${table.rows} Zeilen`);
        if (!line.startsWith('[') || !line.endsWith(']'))
          throw corrupt(file, `Tabelle „${table.name}“, Zeile ${i + 1} ist keine Datenzeile`);
        check.add(line);
        chunk.push(line);
        chars += line.length;
        if (chunk.length >= chunkRows || chars >= chunkChars) {
          yield { table, lines: chunk };
          chunk = [];
          chars = 0;
        }
      }
      if (chunk.length > 0) yield { table, lines: chunk };
      if (check.digest() !== table.checksum)
        throw corrupt(file, `die Prüfsumme der Tabelle „${table.name}“ stimmt nicht`);
      total += table.rows;
    }
    const end = endSchema.safeParse(parseJson((await next()) ?? ''));
    if (!end.success || end.data.tables !== header.tables.length || end.data.rows !== total)
      throw corrupt(file, 'das Dateiende fehlt');
    for (let rest = await next(); rest !== undefined; rest = await next())
      if (rest !== '') throw corrupt(file, 'nach dem Dateiende folgen weitere Daten');
  } finally {
    await lines.return(undefined);
  }
}
