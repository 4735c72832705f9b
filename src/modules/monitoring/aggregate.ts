// Aggregates indicator values up an area hierarchy: sums counts, re-divides shares, never averages.
//
// Rules:
// - An imported value always wins over an aggregate, on every level.
// - A count is the sum of its children's counts.
// - A share or rate is Σ numerators / Σ denominators × per, computed from its children's
//   numerators and denominators; a mean of percentages is never taken (it would weight a
//   quarter of 300 people like one of 12,000).
// - An area gets an aggregate only when every child has a value; otherwise it gets none and
//   its note says how many children are missing. A partial sum is never shown as a total.
// - A change in percentage points, an index and a plain value cannot be aggregated.
import { AppError, type ErrorDetail } from '../../core/errors.ts';

export type IndicatorKind = 'count' | 'share' | 'rate' | 'change_pp' | 'index' | 'value';

export interface AggIndicator {
  code: string;
  kind: IndicatorKind;
  numeratorCode: string | null;
  denominatorCode: string | null;
  /** 100 for %, 1000 for ‰. */
  per: number;
  /** Disclosure rule: counts below it are suppressed (see disclosure.ts). */
  minCount: number;
}

export interface AggArea {
  id: number;
  parentId: number | null;
  /** Level of the area, 0 = top (the city). */
  rank: number;
}

export interface Cell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface AggregatedCell extends Cell {
  origin: 'imported' | 'aggregated' | 'none';
  /** True when the value stands for the whole area (imported, or every child had a value). */
  complete: boolean;
  /** German note for readers, e.g. why there is no value. */
  note: string | null;
}

export interface Hierarchy {
  byId: Map<number, AggArea>;
  children: Map<number, number[]>;
  /** Every area, children before their parent. */
  bottomUp: number[];
}

/** Checks the hierarchy (known parents, parents on a higher level) and indexes it. */
export function buildHierarchy(areas: AggArea[]): Hierarchy {
  const byId = new Map<number, AggArea>();
  const problems: ErrorDetail[] = [];
  for (const area of areas) {
    if (byId.has(area.id)) problems.push({ field: String(area.id), message: 'doppeltes Gebiet' });
    byId.set(area.id, area);
  }
  const children = new Map<number, number[]>();
  for (const area of areas) {
    if (area.parentId === null) continue;
    const parent = byId.get(area.parentId);
    if (!parent) {
      problems.push({
        field: String(area.id),
        message: `übergeordnetes Gebiet ${area.parentId} fehlt`,
      });
    } else if (parent.rank >= area.rank) {
      problems.push({
        field: String(area.id),
        message: 'übergeordnetes Gebiet liegt nicht auf einer höheren Ebene',
      });
    } else {
      const list = children.get(parent.id) ?? [];
      list.push(area.id);
      children.set(parent.id, list);
    }
  }
  if (problems.length > 0) {
    throw new AppError('invalid_input', 'Die Gebietshierarchie ist ungültig.', problems);
  }
  // Parents have a strictly lower rank, so sorting by rank descending puts children first.
  const bottomUp = [...byId.values()]
    .sort((a, b) => b.rank - a.rank || a.id - b.id)
    .map((a) => a.id);
  return { byId, children, bottomUp };
}

const notAggregable: Partial<Record<IndicatorKind, string>> = {
  change_pp: 'nicht aggregierbar: Veränderung in Prozentpunkten',
  index: 'nicht aggregierbar: Indexwert',
  value: 'nicht aggregierbar: Wert ohne Zähler und Nenner',
};

const none = (note: string | null): AggregatedCell => ({
  value: null,
  numerator: null,
  denominator: null,
  origin: 'none',
  complete: false,
  note,
});

const aggregated = { origin: 'aggregated', complete: true, note: null } as const;

function hasValue(cell: Cell | undefined): cell is Cell {
  return cell !== undefined && (cell.value !== null || cell.numerator !== null);
}

/** Value of a share or rate from its numerator and denominator; none for a zero denominator. */
export function ratio(numerator: number, denominator: number, per: number): number | null {
  return denominator > 0 ? (numerator / denominator) * per : null;
}

function importedCell(cell: Cell, indicator: AggIndicator): AggregatedCell {
  const isRatio = indicator.kind === 'share' || indicator.kind === 'rate';
  let value = cell.value;
  if (value === null && isRatio && cell.numerator !== null && cell.denominator !== null) {
    value = ratio(cell.numerator, cell.denominator, indicator.per);
  }
  return { ...cell, value, origin: 'imported', complete: true, note: null };
}

/** Values of one indicator for every area: imported where given, aggregated where possible. */
export function aggregate(
  areas: AggArea[],
  indicator: AggIndicator,
  imported: Map<number, Cell>,
): Map<number, AggregatedCell> {
  const hierarchy = buildHierarchy(areas);
  const result = new Map<number, AggregatedCell>();
  const isRatio = indicator.kind === 'share' || indicator.kind === 'rate';
  for (const id of hierarchy.bottomUp) {
    const own = imported.get(id);
    if (hasValue(own)) {
      result.set(id, importedCell(own, indicator));
      continue;
    }
    const kids = hierarchy.children.get(id) ?? [];
    if (kids.length === 0) {
      result.set(id, none('kein Wert'));
      continue;
    }
    const blocked = notAggregable[indicator.kind];
    if (blocked) {
      result.set(id, none(blocked));
      continue;
    }
    const cells = kids.map((kid) => result.get(kid)!);
    const missing = cells.filter((c) => c.value === null && c.numerator === null).length;
    if (missing > 0) {
      result.set(id, none(`unvollständig: ${missing} von ${kids.length} Teilgebieten ohne Wert`));
      continue;
    }
    if (!isRatio) {
      const sum = cells.reduce((s, c) => s + c.value!, 0);
      result.set(id, { value: sum, numerator: null, denominator: null, ...aggregated });
      continue;
    }
    const withoutCounts = cells.filter((c) => c.numerator === null || c.denominator === null);
    if (withoutCounts.length > 0) {
      result.set(
        id,
        none(
          `nicht aggregierbar: ${withoutCounts.length} von ${kids.length} Teilgebieten ohne Zähler und Nenner`,
        ),
      );
      continue;
    }
    const numerator = cells.reduce((s, c) => s + c.numerator!, 0);
    const denominator = cells.reduce((s, c) => s + c.denominator!, 0);
    const value = ratio(numerator, denominator, indicator.per);
    result.set(id, {
      value,
      numerator,
      denominator,
      ...aggregated,
      note: value === null ? 'nicht berechenbar: Nenner ist 0' : null,
    });
  }
  return result;
}

/** A share or rate per area from two count indicators (numerator and denominator). */
export function shareFromCounts(
  numerator: Map<number, AggregatedCell>,
  denominator: Map<number, AggregatedCell>,
  per: number,
): Map<number, AggregatedCell> {
  const result = new Map<number, AggregatedCell>();
  for (const id of new Set([...numerator.keys(), ...denominator.keys()])) {
    const num = numerator.get(id);
    const den = denominator.get(id);
    if (!num || num.value === null) {
      result.set(id, none(num?.note ? `Zähler: ${num.note}` : 'Zähler ohne Wert'));
      continue;
    }
    if (!den || den.value === null) {
      result.set(id, none(den?.note ? `Nenner: ${den.note}` : 'Nenner ohne Wert'));
      continue;
    }
    const value = ratio(num.value, den.value, per);
    result.set(id, {
      value,
      numerator: num.value,
      denominator: den.value,
      origin: num.origin === 'imported' && den.origin === 'imported' ? 'imported' : 'aggregated',
      complete: num.complete && den.complete,
      note: value === null ? 'nicht berechenbar: Nenner ist 0' : null,
    });
  }
  return result;
}

export interface ReferenceValue {
  areaId: number;
  value: number | null;
}

/**
 * The values an area is compared with: its parent's and the top-level area's (the city).
 * Either is null when there is no such area; the city is null for the city itself.
 */
export function referenceValues(
  areas: AggArea[],
  cells: Map<number, Cell>,
  areaId: number,
): { parent: ReferenceValue | null; city: ReferenceValue | null } {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const area = byId.get(areaId);
  if (!area) throw new AppError('not_found', `Gebiet ${areaId} ist nicht bekannt.`);
  const reference = (id: number): ReferenceValue => ({
    areaId: id,
    value: cells.get(id)?.value ?? null,
  });
  let top = area;
  const seen = new Set<number>([area.id]);
  while (top.parentId !== null) {
    const up = byId.get(top.parentId);
    if (!up || seen.has(up.id)) break;
    seen.add(up.id);
    top = up;
  }
  return {
    parent: area.parentId !== null && byId.has(area.parentId) ? reference(area.parentId) : null,
    city: top.id === area.id ? null : reference(top.id),
  };
}

export interface ChangeCell {
  /** to − from, in the indicator's unit: percentage points for a share in %. */
  value: number | null;
  from: number | null;
  to: number | null;
  note: string | null;
}

/** The change of each area's value between two periods. */
export function change(
  cellsByPeriod: Map<string, Map<number, Cell>>,
  from: string,
  to: string,
): Map<number, ChangeCell> {
  const start = cellsByPeriod.get(from) ?? new Map<number, Cell>();
  const end = cellsByPeriod.get(to) ?? new Map<number, Cell>();
  const result = new Map<number, ChangeCell>();
  for (const id of new Set([...start.keys(), ...end.keys()])) {
    const a = start.get(id)?.value ?? null;
    const b = end.get(id)?.value ?? null;
    const missing = [a === null ? from : null, b === null ? to : null].filter((p) => p !== null);
    result.set(id, {
      value: a !== null && b !== null ? b - a : null,
      from: a,
      to: b,
      note: missing.length > 0 ? `kein Wert für ${missing.join(' und ')}` : null,
    });
  }
  return result;
}
