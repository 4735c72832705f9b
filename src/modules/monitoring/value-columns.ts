// Finds the columns of a value file: long form by German/English header names, wide form by mapping or codes.
import type { Problems } from './import-problems.ts';
import { normalisePeriod } from './parse-number.ts';
import type { ParseContext, WideMapping } from './parse-values.ts';
import type { Table } from './table.ts';

type Role = 'area' | 'indicator' | 'period' | 'value' | 'numerator' | 'denominator';

/**
 * Header names per column, compared after normalising (lower case, ä→ae, ö→oe, ü→ue, ß→ss, without
 * spaces, "_", "-", "."), so "Area Code", "area_code" and "AREA-CODE" are one name. Earlier names
 * win when a file has several ("Gebietsschlüssel" before "Gebiet", which may hold names).
 */
export const HEADER_NAMES: Record<Role, { label: string; names: string[] }> = {
  area: {
    label: 'Gebiet',
    names: [
      'gebietsschlüssel',
      'gebietscode',
      'gebietsnummer',
      'area_code',
      'code',
      'schlüssel',
      'gebiet',
      'area',
    ],
  },
  indicator: {
    label: 'Indikator',
    names: ['indikatorcode', 'indicator_code', 'indikator', 'indicator', 'kennzahl'],
  },
  period: {
    label: 'Zeitraum',
    names: ['zeitraum', 'periode', 'period', 'stichtag', 'jahr', 'year', 'datum', 'date'],
  },
  value: { label: 'Wert', names: ['wert', 'value'] },
  numerator: { label: 'Zähler', names: ['zähler', 'numerator'] },
  denominator: { label: 'Nenner', names: ['nenner', 'denominator'] },
};

export const normaliseHeader = (h: string) =>
  h
    .normalize('NFC')
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/[\s_.\-\u00a0]/g, '');

export type Plan =
  | {
      format: 'long';
      area: number;
      indicator: number;
      period: number;
      value: number;
      numerator?: number;
      denominator?: number;
      numberColumns: number[];
    }
  | {
      format: 'wide';
      area: number;
      period: string;
      columns: { column: number; code: string }[];
      numberColumns: number[];
    };

const listed = (headers: string[]) => {
  const shown = headers.slice(0, 30).map((h) => `„${h}“`);
  return `Gefundene Spalten: ${shown.join(', ')}${headers.length > 30 ? ', …' : ''}.`;
};

/** Indexes of the columns whose header matches; several are a problem (which one is meant?). */
function columnsNamed(table: Table, matches: (h: string) => boolean): number[] {
  return table.headers.flatMap((h, i) => (matches(h) ? [i] : []));
}

function findRole(
  table: Table,
  role: Role,
  problems: Problems,
  required: boolean,
): number | undefined {
  for (const name of HEADER_NAMES[role].names) {
    const wanted = normaliseHeader(name);
    const found = columnsNamed(table, (h) => normaliseHeader(h) === wanted);
    if (found.length > 1)
      problems.add({
        field: table.label(found[1]!),
        message: `Die Spalte „${table.headers[found[1]!]}“ kommt mehrmals vor.`,
      });
    if (found.length > 0) return found[0];
  }
  if (required)
    problems.add({
      field: HEADER_NAMES[role].label,
      message: `Die Pflichtspalte „${HEADER_NAMES[role].label}“ fehlt (erkannt werden: ${HEADER_NAMES[role].names.join(', ')}). ${listed(table.headers)}`,
    });
  return undefined;
}

const hasRole = (table: Table, role: Role) =>
  HEADER_NAMES[role].names.some((n) =>
    table.headers.some((h) => normaliseHeader(h) === normaliseHeader(n)),
  );

/** Long unless a mapping is given or the headers are indicator codes and no indicator/value column exists. */
export function detectFormat(
  table: Table,
  mapping: WideMapping | undefined,
  ctx: ParseContext,
): 'long' | 'wide' {
  if (mapping) return 'wide';
  if (hasRole(table, 'indicator') || hasRole(table, 'value')) return 'long';
  return table.headers.some((h) => ctx.indicators.has(h)) ? 'wide' : 'long';
}

export function planLong(table: Table, problems: Problems): Plan | null {
  const area = findRole(table, 'area', problems, true);
  const indicator = findRole(table, 'indicator', problems, true);
  const period = findRole(table, 'period', problems, true);
  const value = findRole(table, 'value', problems, true);
  const numerator = findRole(table, 'numerator', problems, false);
  const denominator = findRole(table, 'denominator', problems, false);
  if (area === undefined || indicator === undefined || period === undefined || value === undefined)
    return null;
  const numberColumns = [value, numerator, denominator].filter((c): c is number => c !== undefined);
  return {
    format: 'long',
    area,
    indicator,
    period,
    value,
    ...(numerator !== undefined ? { numerator } : {}),
    ...(denominator !== undefined ? { denominator } : {}),
    numberColumns,
  };
}

/** A column named in a mapping: the exact header first, then the same name normalised. */
function mappedColumn(
  table: Table,
  header: string,
  what: string,
  problems: Problems,
): number | undefined {
  const exact = columnsNamed(table, (h) => h === header.trim());
  const found =
    exact.length > 0
      ? exact
      : columnsNamed(table, (h) => normaliseHeader(h) === normaliseHeader(header));
  if (found.length === 0) {
    problems.add({
      field: header,
      message: `${what} „${header}“ gibt es in der Datei nicht. ${listed(table.headers)}`,
    });
    return undefined;
  }
  if (found.length > 1)
    problems.add({ field: header, message: `Die Spalte „${header}“ kommt mehrmals vor.` });
  return found[0];
}

export function planWide(
  table: Table,
  mapping: WideMapping | undefined,
  period: string | undefined,
  ctx: ParseContext,
  problems: Problems,
): Plan | null {
  const area = mapping
    ? mappedColumn(table, mapping.areaColumn, 'Die Gebietsspalte', problems)
    : findRole(table, 'area', problems, true);
  const periodText = mapping?.period ?? period;
  let normal: string | undefined;
  if (periodText === undefined || periodText.trim() === '')
    problems.add({
      field: 'Zeitraum',
      message: 'Für eine breite Tabelle fehlt der Zeitraum der Werte.',
    });
  else {
    const p = normalisePeriod(periodText);
    if (p.ok) normal = p.period;
    else problems.add({ field: 'Zeitraum', message: `${p.reason}.` });
  }
  const columns: { column: number; code: string }[] = [];
  const byCode = new Map<string, string>();
  const entries = mapping
    ? Object.entries(mapping.columns)
    : table.headers.filter((h) => ctx.indicators.has(h)).map((h) => [h, h] as [string, string]);
  if (entries.length === 0)
    problems.add({
      message: mapping
        ? 'Die Zuordnung nennt keine Spalte.'
        : `Keine Spalte trägt den Code eines bekannten Indikators; bitte die Spalten zuordnen. ${listed(table.headers)}`,
    });
  for (const [header, code] of entries) {
    const column = mappedColumn(table, header, 'Die Spalte', problems);
    if (!ctx.indicators.has(code)) {
      problems.add({
        field: header,
        message: `Der Indikator „${code}“ (für Spalte „${header}“) ist unbekannt.`,
      });
      continue;
    }
    const other = byCode.get(code);
    if (other !== undefined) {
      problems.add({
        field: header,
        message: `Der Indikator „${code}“ ist schon der Spalte „${other}“ zugeordnet.`,
      });
      continue;
    }
    byCode.set(code, header);
    if (column !== undefined) columns.push({ column, code });
  }
  if (area === undefined || normal === undefined) return null;
  return {
    format: 'wide',
    area,
    period: normal,
    columns,
    numberColumns: columns.map((c) => c.column),
  };
}
