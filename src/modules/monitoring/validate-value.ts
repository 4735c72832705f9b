// Reads the value, numerator and denominator cells of one indicator value and checks them against its kind.
import type { Problems } from './import-problems.ts';
import {
  readNumberText,
  readNumberValue,
  type NumberReading,
  type NumberStyle,
} from './parse-number.ts';
import type { KnownIndicator, ValueRow } from './parse-values.ts';
import type { Cell } from './table.ts';

/** How the file writes numbers: its decimal separator, and whether "–" means zero. */
export interface NumberRules {
  style: NumberStyle;
  dashMeansZero: boolean;
}

/** One cell with the name of its column for messages. */
export interface Field {
  cell: Cell;
  field: string;
}

export interface ValueCells {
  row: number;
  value: Field;
  numerator?: Field;
  denominator?: Field;
}

/** Floating-point noise (0.1 × 3) must not show as a value: keep 12 significant digits. */
const tidy = (v: number) => Number(v.toPrecision(12));

/** 12.5 → "12,5" for German messages. */
export const german = (v: number) => String(tidy(v)).replace('-', '−').replace('.', ',');

const isEmpty = (c: Cell) => c.kind === 'text' && c.text.trim() === '';

/** Reads one number cell; an XLSX cell formatted as percent holds a fraction of the indicator's `per`. */
export function readCell(
  cell: Cell,
  rules: NumberRules,
  options: { per?: number; countColumn?: boolean; scalePercent?: boolean },
): NumberReading {
  switch (cell.kind) {
    case 'text':
      return readNumberText(cell.text, rules.style, {
        ...options,
        dashMeansZero: rules.dashMeansZero,
      });
    case 'number': {
      const scaled =
        cell.percent && options.scalePercent ? tidy(cell.value * (options.per ?? 100)) : cell.value;
      return readNumberValue(scaled);
    }
    case 'date':
      return { kind: 'invalid', reason: 'Die Zelle enthält ein Datum statt einer Zahl.' };
    case 'error':
      return { kind: 'invalid', reason: `Die Zelle enthält ${cell.text} statt einer Zahl.` };
  }
}

function rangeProblem(v: number, ind: KnownIndicator): string | null {
  const per = ind.per === 100 ? '100 (%)' : german(ind.per);
  switch (ind.kind) {
    case 'count':
      if (v < 0) return `Eine Anzahl kann nicht negativ sein (hier ${german(v)}).`;
      if (!Number.isInteger(v)) return `Eine Anzahl muss ganzzahlig sein (hier ${german(v)}).`;
      return null;
    case 'share':
    case 'rate': {
      const what = ind.kind === 'share' ? 'Ein Anteil' : 'Eine Quote';
      if (v < 0) return `${what} kann nicht negativ sein (hier ${german(v)}).`;
      if (v > ind.per) return `${what} kann nicht über ${per} liegen (hier ${german(v)}).`;
      return null;
    }
    case 'change_pp':
      if (Math.abs(v) > ind.per)
        return `Eine Veränderung in Prozentpunkten kann nicht über ±${per} liegen (hier ${german(v)}).`;
      return null;
    default:
      return null;
  }
}

/**
 * Turns the cells of one value into its parts of a ValueRow, or adds the problems and returns null.
 * The caller has checked area, indicator and period.
 */
export function validateValue(
  cells: ValueCells,
  ind: KnownIndicator,
  rules: NumberRules,
  problems: Problems,
): Pick<ValueRow, 'value' | 'numerator' | 'denominator' | 'flag'> | null {
  const before = problems.count;
  const { row } = cells;
  const read = (f: Field | undefined, countColumn: boolean, scalePercent: boolean) => {
    if (!f) return null;
    const r = readCell(f.cell, rules, { per: ind.per, countColumn, scalePercent });
    if (r.kind === 'invalid') problems.add({ row, field: f.field, message: r.reason });
    return r;
  };
  const value = read(cells.value, ind.kind === 'count', true);
  const numerator = read(cells.numerator, true, false);
  const denominator = read(cells.denominator, true, false);
  const num = numerator?.kind === 'number' ? numerator.value : null;
  const den = denominator?.kind === 'number' ? denominator.value : null;
  if (num !== null && num < 0)
    problems.add({
      row,
      field: cells.numerator!.field,
      message: `Der Zähler kann nicht negativ sein (hier ${german(num)}).`,
    });
  if (den !== null && den < 0)
    problems.add({
      row,
      field: cells.denominator!.field,
      message: `Der Nenner kann nicht negativ sein (hier ${german(den)}).`,
    });
  if (
    num !== null &&
    den !== null &&
    den > 0 &&
    num > den &&
    (ind.kind === 'share' || ind.kind === 'rate')
  )
    problems.add({
      row,
      field: cells.numerator!.field,
      message: `Der Zähler (${german(num)}) ist größer als der Nenner (${german(den)}).`,
    });
  if (problems.count > before || !value || value.kind === 'invalid') return null;

  let result: number | null = value.kind === 'number' ? value.value : null;
  let flag: ValueRow['flag'] = value.kind === 'marker' ? value.flag : 'ok';
  if (num !== null && den !== null) {
    const expected = den === 0 ? null : tidy((num / den) * ind.per);
    if (result === null && isEmpty(cells.value.cell)) {
      if (expected === null) {
        problems.add({
          row,
          field: cells.denominator!.field,
          message: 'Der Nenner ist 0; der Wert lässt sich nicht berechnen.',
        });
        return null;
      }
      result = expected;
      flag = 'ok';
    } else if (result !== null && value.kind === 'number') {
      // Rounding of the written value is allowed: half a unit of its last decimal, at least 0.05.
      const tolerance =
        value.decimals === null ? 0.05 : Math.max(0.05, 0.5 * 10 ** -value.decimals);
      if (expected === null || Math.abs(result - expected) > tolerance + 1e-9) {
        problems.add({
          row,
          field: cells.value.field,
          message:
            expected === null
              ? `Der Wert ${german(result)} passt nicht zu Zähler und Nenner: Der Nenner ist 0.`
              : `Der Wert ${german(result)} passt nicht zu Zähler und Nenner: ${german(num)} / ${german(den)} × ${german(ind.per)} = ${german(expected)}.`,
        });
        return null;
      }
    }
  }
  if (result !== null) {
    const range = rangeProblem(result, ind);
    if (range) {
      problems.add({ row, field: cells.value.field, message: range });
      return null;
    }
  }
  return { value: result, numerator: num, denominator: den, flag };
}
