// Parses a file of indicator values per area (long CSV, wide CSV/XLSX) into validated rows, all or nothing.
import { Problems, refuseFile } from './import-problems.ts';
import { detectNumberStyle, normalisePeriod, periodOfDate } from './parse-number.ts';
import { readTable } from './read-table.ts';
import { MAX_VALUES, germanInteger, type Cell, type Table } from './table.ts';
import { validateValue, type Field, type NumberRules } from './validate-value.ts';
import { detectFormat, planLong, planWide, type Plan } from './value-columns.ts';

export interface KnownIndicator {
  code: string;
  kind: 'count' | 'share' | 'rate' | 'change_pp' | 'index' | 'value';
  /** 100 for a share in %, 1000 for a rate per 1,000. */
  per: number;
}

export interface ParseContext {
  areaCodes: Set<string>;
  indicators: Map<string, KnownIndicator>;
}

export interface ValueRow {
  areaCode: string;
  indicatorCode: string;
  /** ISO form: 2021, 2021-06 or 2021-12-31. */
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  flag: 'ok' | 'suppressed' | 'missing';
  /** The row in the file as a spreadsheet shows it (header = 1). */
  sourceRow: number;
}

export type WideMapping = {
  /** XLSX only: the worksheet; the first one otherwise. */
  sheet?: string;
  areaColumn: string;
  /** The period of all values in the file. */
  period: string;
  /** Column header → indicator code. */
  columns: Record<string, string>;
};

export interface ValueFileInput {
  fileName: string;
  bytes: Uint8Array;
  format?: 'long' | 'wide';
  mapping?: WideMapping;
  /** Period of a wide file without mapping (its headers are indicator codes). */
  period?: string;
  /** The source writes "–" for exactly zero (Destatis convention) rather than for a missing value. */
  dashMeansZero?: boolean;
}

export interface ParsedValues {
  rows: ValueRow[];
  format: 'long' | 'wide';
  /** The column headers of the file. */
  columns: string[];
}

const text = (c: Cell) =>
  c.kind === 'text' ? c.text.trim() : c.kind === 'number' ? String(c.value) : '';

/** Area codes that lost their leading zeros as XLSX numbers: "1100101" → "01100101", where unique. */
function zeroPadded(codes: Set<string>): Map<string, string> {
  const byNumber = new Map<string, string | null>();
  for (const code of codes) {
    if (!/^0+\d+$/.test(code)) continue;
    const stripped = code.replace(/^0+(?=\d)/, '');
    byNumber.set(stripped, byNumber.has(stripped) ? null : code);
  }
  return new Map([...byNumber].filter((e): e is [string, string] => e[1] !== null));
}

function periodOf(cell: Cell): { ok: true; period: string } | { ok: false; reason: string } {
  if (cell.kind === 'date') return periodOfDate(cell.date);
  if (cell.kind === 'number')
    return Number.isInteger(cell.value) && cell.value >= 1000 && cell.value <= 9999
      ? { ok: true, period: String(cell.value) }
      : { ok: false, reason: `Zeitraum „${cell.value}“ ist kein Jahr` };
  if (cell.kind === 'error') return { ok: false, reason: `Die Zelle enthält ${cell.text}` };
  return normalisePeriod(cell.text);
}

/** The text cells of the number columns: they show which decimal separator the file uses. */
function numberTexts(table: Table, columns: number[]): string[] {
  const texts: string[] = [];
  for (const r of table.rows)
    for (const c of columns) {
      const cell = r.cells[c];
      if (cell?.kind === 'text') texts.push(cell.text);
    }
  return texts;
}

/**
 * Reads and validates a value file. Refuses it as a whole (AppError `import_invalid`, each detail
 * with file, row and column) if anything is wrong; otherwise returns every value.
 */
export async function parseValueFile(
  input: ValueFileInput,
  ctx: ParseContext,
): Promise<ParsedValues> {
  const file = input.fileName;
  const table = await readTable(file, input.bytes, input.mapping?.sheet);
  if (table.rows.length === 0)
    refuseFile(file, 'Die Datei enthält keine Datenzeilen, nur eine Kopfzeile.');
  const problems = new Problems(file);
  const format = input.format ?? detectFormat(table, input.mapping, ctx);
  const plan =
    format === 'wide'
      ? planWide(table, input.mapping, input.period, ctx, problems)
      : planLong(table, problems);
  problems.throwIfAny();
  if (!plan) return refuseFile(file, 'Die Spalten der Datei wurden nicht erkannt.');
  const valuesPerRow = plan.format === 'long' ? 1 : plan.columns.length;
  if (table.rows.length * valuesPerRow > MAX_VALUES)
    refuseFile(
      file,
      `Die Datei enthält mehr als ${germanInteger(MAX_VALUES)} Werte. Bitte in kleinere Dateien aufteilen.`,
    );

  const rules: NumberRules = {
    style: detectNumberStyle(numberTexts(table, plan.numberColumns)),
    dashMeansZero: input.dashMeansZero ?? false,
  };
  const areas = areaReader(table, plan.area, ctx, problems);
  const seen = new Map<string, number>();
  const rows: ValueRow[] = [];
  const field = (cells: Cell[], column: number): Field => ({
    cell: cells[column]!,
    field: table.label(column),
  });

  for (const { row, cells } of table.rows) {
    const areaCode = areas.read(row, cells, plan.format === 'wide');
    if (areaCode === undefined) continue;
    const entries =
      plan.format === 'wide'
        ? plan.columns.map((c) => ({ code: c.code, period: plan.period, value: c.column }))
        : [longEntry(plan, cells, row, ctx, problems, table)];
    for (const entry of entries) {
      const ind = entry.code === null ? undefined : ctx.indicators.get(entry.code);
      if (!ind) continue;
      const parts = validateValue(
        {
          row,
          value: field(cells, entry.value),
          ...(plan.format === 'long' && plan.numerator !== undefined
            ? { numerator: field(cells, plan.numerator) }
            : {}),
          ...(plan.format === 'long' && plan.denominator !== undefined
            ? { denominator: field(cells, plan.denominator) }
            : {}),
        },
        ind,
        rules,
        problems,
      );
      if (!parts || areaCode === null || entry.period === null) continue;
      const key = JSON.stringify([areaCode, ind.code, entry.period]);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.add({
          row,
          field: table.label(plan.format === 'long' ? plan.area : entry.value),
          message: `Gebiet „${areaCode}“, Indikator „${ind.code}“, Zeitraum „${entry.period}“ steht schon in Zeile ${first}.`,
        });
        continue;
      }
      seen.set(key, row);
      rows.push({
        areaCode,
        indicatorCode: ind.code,
        period: entry.period,
        ...parts,
        sourceRow: row,
      });
    }
  }
  problems.throwIfAny();
  return { rows, format: plan.format, columns: table.headers };
}

/**
 * Reads the area of each row: null for an unknown one (problem added), undefined for a row of a
 * wide file to skip entirely (its area came before).
 */
function areaReader(table: Table, column: number, ctx: ParseContext, problems: Problems) {
  const padded = zeroPadded(ctx.areaCodes);
  const firstRow = new Map<string, number>();
  const field = table.label(column);
  return {
    read(row: number, cells: Cell[], wide: boolean): string | null | undefined {
      const cell = cells[column]!;
      const code = text(cell);
      if (code === '') {
        problems.add({ row, field, message: 'Der Gebietsschlüssel fehlt.' });
        return wide ? undefined : null;
      }
      let known: string | undefined = ctx.areaCodes.has(code) ? code : undefined;
      // An XLSX number cannot keep leading zeros; the cell type proves they were lost.
      if (!known && cell.kind === 'number') known = padded.get(code);
      if (!known) {
        const hint = padded.get(code.replace(/^0+(?=\d)/, ''));
        problems.add({
          row,
          field,
          message: `Das Gebiet „${code}“ ist unbekannt.${hint ? ` Führende Null verloren? Gemeint ist vielleicht „${hint}“.` : ''}`,
        });
        return wide ? undefined : null;
      }
      if (!wide) return known;
      const first = firstRow.get(known);
      if (first !== undefined) {
        problems.add({
          row,
          field,
          message: `Das Gebiet „${known}“ steht schon in Zeile ${first}.`,
        });
        return undefined;
      }
      firstRow.set(known, row);
      return known;
    },
  };
}

/** The indicator and period of one row of a long file (null where invalid, with a problem added). */
function longEntry(
  plan: Extract<Plan, { format: 'long' }>,
  cells: Cell[],
  row: number,
  ctx: ParseContext,
  problems: Problems,
  table: Table,
): { code: string | null; period: string | null; value: number } {
  const code = text(cells[plan.indicator]!);
  const indicatorField = table.label(plan.indicator);
  let known: string | null = code;
  if (code === '') {
    problems.add({ row, field: indicatorField, message: 'Der Indikator fehlt.' });
    known = null;
  } else if (!ctx.indicators.has(code)) {
    problems.add({ row, field: indicatorField, message: `Der Indikator „${code}“ ist unbekannt.` });
    known = null;
  }
  const periodCell = cells[plan.period]!;
  const periodField = table.label(plan.period);
  let period: string | null = null;
  if (periodCell.kind === 'text' && periodCell.text.trim() === '')
    problems.add({ row, field: periodField, message: 'Der Zeitraum fehlt.' });
  else {
    const p = periodOf(periodCell);
    if (p.ok) period = p.period;
    else problems.add({ row, field: periodField, message: `${p.reason}.` });
  }
  return { code: known, period, value: plan.value };
}
