// The table a value file is read into, whatever its format, and the limits of a file.
export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'date'; date: Date }
  | { kind: 'error'; text: string };

export interface TableRow {
  /** The row as a spreadsheet user sees it: the header is row 1 (unless blank rows precede it). */
  row: number;
  cells: Cell[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: TableRow[];
  /** How a column is named in messages: its header, for XLSX with the letter ("C (Wert)"). */
  label(column: number): string;
}

/** At most this many data rows per file. */
export const MAX_ROWS = 1_000_000;

/** At most this many values per file: rows of a long file, mapped cells of a wide one. */
export const MAX_VALUES = 1_000_000;

/** 1234567 → "1.234.567", independent of the ICU data Node was built with. */
export const germanInteger = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export const tooManyRows = `Die Datei hat mehr als ${germanInteger(MAX_ROWS)} Datenzeilen. Bitte in kleinere Dateien aufteilen.`;
