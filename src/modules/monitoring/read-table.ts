// Turns the bytes of an uploaded value file into a table: content sniffing, UTF-8 check, CSV or XLSX.
import Papa from 'papaparse';
import { refusal, refuseFile } from './import-problems.ts';
import { readXlsx } from './read-xlsx.ts';
import { MAX_ROWS, tooManyRows, type Table, type TableRow } from './table.ts';

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Known binary formats that are not tables we read, with what to tell the user. */
const FOREIGN: [number[], string][] = [
  [ascii('%PDF'), 'ein PDF-Dokument'],
  [[0x89, ...ascii('PNG')], 'ein PNG-Bild'],
  [[0xff, 0xd8, 0xff], 'ein JPEG-Bild'],
  [ascii('GIF8'), 'ein GIF-Bild'],
  [[0x1f, 0x8b], 'ein gzip-Archiv'],
  [ascii('7z'), 'ein 7-Zip-Archiv'],
  [ascii('Rar!'), 'ein RAR-Archiv'],
];

function isZip(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, 0x50, 0x4b) && [3, 5, 7].includes(bytes[2]!) && bytes[3] === bytes[2]! + 1
  );
}

/** Reads the table; refuses (AppError import_invalid) what is no CSV or XLSX or cannot be read. */
export async function readTable(file: string, bytes: Uint8Array, sheet?: string): Promise<Table> {
  if (bytes.length === 0) refuseFile(file, 'Die Datei ist leer.');
  if (isZip(bytes)) return readXlsx(file, bytes, sheet);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    refuseFile(
      file,
      'Das alte Excel-Format (.xls) wird nicht unterstützt. Bitte als XLSX oder als CSV (UTF-8) speichern.',
    );
  for (const [signature, what] of FOREIGN)
    if (startsWith(bytes, ...signature))
      refuseFile(file, `Die Datei ist ${what}, keine CSV- oder XLSX-Tabelle.`);
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff))
    refuseFile(file, 'Die Datei ist UTF-16-kodiert. Bitte als UTF-8 speichern.');
  if (bytes.includes(0))
    refuseFile(file, 'Die Datei ist keine CSV- oder XLSX-Tabelle (sie enthält Binärdaten).');
  return readCsv(file, decodeUtf8(file, bytes));
}

/** Decodes strictly; names the first line with a byte sequence that is not UTF-8. */
function decodeUtf8(file: string, bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return decoder.decode(bytes);
  } catch {
    // A newline byte never occurs inside a multi-byte sequence, so lines can be checked one by one.
    let start = 0;
    for (let line = 1; start <= bytes.length; line++) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, end));
      } catch {
        refuseFile(
          file,
          `Die Datei ist nicht UTF-8-kodiert (Zeile ${line}). Bitte als UTF-8 speichern.`,
          line,
        );
      }
      start = end + 1;
    }
    return refuseFile(file, 'Die Datei ist nicht UTF-8-kodiert. Bitte als UTF-8 speichern.');
  }
}

/** The delimiter the header line uses most (outside quotes); ';' wins ties, as German Excel writes it. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    ['\t', 0],
    [',', 0],
  ]);
  let quoted = false;
  let seen = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seen) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    else if (!quoted && ch.trim() !== '') seen = true;
  }
  let best = ';';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '');

function readCsv(file: string, text: string): Table {
  if (text.trim() === '') refuseFile(file, 'Die Datei ist leer.');
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    header: false,
    skipEmptyLines: false,
    // Two rows more than allowed (header and one too many) prove the limit is exceeded.
    preview: MAX_ROWS + 2,
  });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError)
    refuseFile(
      file,
      'Ein Anführungszeichen ist nicht richtig geschlossen; die Zeilen ab hier lassen sich nicht lesen.',
      (quoteError.row ?? 0) + 1,
    );
  const records = parsed.data;
  const headerIndex = records.findIndex((r) => !isBlank(r));
  if (headerIndex === -1) refuseFile(file, 'Die Datei ist leer.');
  if (records.length >= MAX_ROWS + 2) refuseFile(file, tooManyRows);
  const headers = records[headerIndex]!.map((h) => h.trim());
  // Some exports end every line with a delimiter: trailing empty header fields are no columns.
  while (headers.length > 1 && headers.at(-1) === '') headers.pop();
  const rows: TableRow[] = [];
  const fieldProblems: { row: number; message: string }[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const fields = records[i]!;
    if (isBlank(fields)) continue;
    const row = i + 1;
    const extra = fields.slice(headers.length);
    if (extra.some((f) => f.trim() !== ''))
      fieldProblems.push({
        row,
        message: `Die Zeile hat ${fields.length} Felder, die Kopfzeile nur ${headers.length}. Steht ein Trennzeichen (${delimiterName(delimiter)}) in einem Wert ohne Anführungszeichen?`,
      });
    else if (fields.length < headers.length)
      fieldProblems.push({
        row,
        message: `Die Zeile hat nur ${fields.length} Felder, die Kopfzeile ${headers.length}.`,
      });
    rows.push({ row, cells: headers.map((_, c) => ({ kind: 'text', text: fields[c] ?? '' })) });
  }
  if (fieldProblems.length > 0) throwFieldProblems(file, fieldProblems);
  return {
    format: 'csv',
    headers,
    rows,
    label: (c) => headers[c] || `Spalte ${c + 1}`,
  };
}

function delimiterName(d: string): string {
  return d === ';' ? 'Semikolon' : d === ',' ? 'Komma' : 'Tabulator';
}

function throwFieldProblems(file: string, problems: { row: number; message: string }[]): never {
  // Shifted columns make every later check meaningless: report the structure and stop here.
  throw refusal(
    file,
    problems.map((p) => ({ file, ...p })),
  );
}
