// The social index method (status and dynamics, Berlin MSS since 2013) as a pure function over index units.
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../core/errors.ts';

export type StatusClass = 'hoch' | 'mittel' | 'niedrig' | 'sehr niedrig';
export type DynamicsClass = 'positiv' | 'stabil' | 'negativ';

export const STATUS_CLASSES: readonly StatusClass[] = ['hoch', 'mittel', 'niedrig', 'sehr niedrig'];
export const DYNAMICS_CLASSES: readonly DynamicsClass[] = ['positiv', 'stabil', 'negativ'];

export interface StatusCutoffs {
  high: number;
  low: number;
  veryLow: number;
}
export interface DynamicsCutoffs {
  positive: number;
  negative: number;
}

export interface IndexConfig {
  id: string;
  name: string;
  statusIndicators: string[];
  /** May be empty: then only a status index is computed. */
  dynamicsIndicators: string[];
  /** Areas below it are shown as not indexed (Berlin and Hamburg: 300). */
  minPopulation: number;
  /** Fewer indexable areas than this and the index is refused (default 20). */
  minUnits: number;
  /** MSS: −1.0, +1.0, +1.5. */
  statusCutoffs: StatusCutoffs;
  /** MSS: −1.0, +1.0. */
  dynamicsCutoffs: DynamicsCutoffs;
  /** Per indicator; a missing entry means true (a high value means disadvantage). */
  highIsBad: Record<string, boolean>;
  /** Standard deviation of the z-standardisation: with n − 1 (sample) or n (population). */
  sd: 'sample' | 'population';
}

export interface IndexUnit {
  areaId: number;
  code: string;
  population: number | null;
  values: Record<string, number | null>;
}

export interface IndexedArea {
  areaId: number;
  code: string;
  statusIndex: number | null;
  statusClass: StatusClass | null;
  dynamicsIndex: number | null;
  dynamicsClass: DynamicsClass | null;
  /** "Status niedrig, Dynamik negativ"; "Status niedrig" alone when no dynamics are configured. */
  group: string | null;
  /** Why the area has no index, in German; null when it is indexed. */
  notIndexedReason: string | null;
  /** Sums of the z-values before the second standardisation (published as "Status-/Dynamiksumme"). */
  statusSum: number | null;
  dynamicsSum: number | null;
  /** z-value per indicator, oriented so that a higher value means more disadvantage. */
  z: Record<string, number>;
}

export interface Moments {
  mean: number;
  sd: number;
}

export interface IndexResult {
  areas: IndexedArea[];
  indexedCount: number;
  /** Mean and standard deviation of each indicator's raw values over the indexed areas. */
  stats: Record<string, Moments>;
  /** Mean and standard deviation of the status and dynamics sums over the indexed areas. */
  sums: { status: Moments; dynamics: Moments | null };
}

/** The label of a status × dynamics group, as the MSS publishes it. */
export function groupLabel(status: StatusClass, dynamics: DynamicsClass): string {
  return `Status ${status}, Dynamik ${dynamics}`;
}

/** The 12 groups: 4 status classes crossed with 3 dynamics classes. */
export const INDEX_GROUPS: readonly string[] = STATUS_CLASSES.flatMap((s) =>
  DYNAMICS_CLASSES.map((d) => groupLabel(s, d)),
);

/** hoch < high ≤ mittel ≤ low < niedrig < veryLow ≤ sehr niedrig, on the unrounded index. */
export function statusClassOf(index: number, c: StatusCutoffs): StatusClass {
  if (index < c.high) return 'hoch';
  if (index <= c.low) return 'mittel';
  if (index < c.veryLow) return 'niedrig';
  return 'sehr niedrig';
}

/** positiv < positive ≤ stabil ≤ negative < negativ, on the unrounded index. */
export function dynamicsClassOf(index: number, c: DynamicsCutoffs): DynamicsClass {
  if (index < c.positive) return 'positiv';
  if (index <= c.negative) return 'stabil';
  return 'negativ';
}

// ---------------------------------------------------------------------------------------------
// Configuration

const text = (what: string, max: number) =>
  z
    .string({ error: `${what}: Text erwartet.` })
    .trim()
    .min(1, `${what} fehlt.`)
    .max(max, `${what} ist zu lang (höchstens ${max} Zeichen).`);

const num = (what: string) => z.number({ error: `${what}: eine Zahl erwartet.` });

const indicatorList = (what: string) =>
  z.array(text('Indikatorcode', 64), { error: `${what}: eine Liste von Indikatorcodes erwartet.` });

/** A message for a wrong type only; other issues (unknown keys) fall through to germanIssue. */
const onlyType = (message: string) => (issue: { code?: string }) =>
  issue.code === 'invalid_type' ? message : undefined;

const indexConfigSchema = z
  .strictObject(
    {
      id: text('Kennung', 64),
      name: text('Name', 200),
      statusIndicators: indicatorList('Statusindikatoren')
        .min(1, 'Der Index braucht mindestens einen Statusindikator.')
        .max(30, 'Höchstens 30 Statusindikatoren.'),
      dynamicsIndicators: indicatorList('Dynamikindikatoren')
        .max(30, 'Höchstens 30 Dynamikindikatoren.')
        .default([]),
      minPopulation: num('Mindesteinwohnerzahl').min(
        0,
        'Die Mindesteinwohnerzahl darf nicht negativ sein.',
      ),
      minUnits: num('Mindestzahl der Gebiete')
        .int('Die Mindestzahl der Gebiete ist eine ganze Zahl.')
        .min(3, 'Ein Index braucht mindestens 3 Gebiete; empfohlen sind 20 oder mehr.')
        .default(20),
      statusCutoffs: z
        .strictObject(
          {
            high: num('Grenze „hoch“'),
            low: num('Grenze „niedrig“'),
            veryLow: num('Grenze „sehr niedrig“'),
          },
          { error: onlyType('Statusgrenzen: ein Objekt mit high, low und veryLow erwartet.') },
        )
        .refine((c) => c.high < c.low && c.low < c.veryLow, {
          message:
            'Die Statusgrenzen müssen aufsteigen: hoch < niedrig < sehr niedrig (MSS: −1,0; +1,0; +1,5).',
        }),
      dynamicsCutoffs: z
        .strictObject(
          { positive: num('Grenze „positiv“'), negative: num('Grenze „negativ“') },
          { error: onlyType('Dynamikgrenzen: ein Objekt mit positive und negative erwartet.') },
        )
        .refine((c) => c.positive < c.negative, {
          message: 'Die Dynamikgrenzen müssen aufsteigen: positiv < negativ (MSS: −1,0; +1,0).',
        }),
      highIsBad: z
        .record(
          z.string(),
          z.boolean({ error: 'Polarität: true (hoher Wert = Benachteiligung) oder false.' }),
          { error: 'Polarität: ein Objekt Indikatorcode → true/false erwartet.' },
        )
        .default({}),
      sd: z.enum(['sample', 'population'], {
        error:
          'Standardabweichung: „sample“ (Stichprobe, n − 1) oder „population“ (Grundgesamtheit, n) angeben.',
      }),
    },
    { error: onlyType('Ein Objekt mit der Indexkonfiguration erwartet.') },
  )
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    for (const [list, codes] of [
      ['statusIndicators', c.statusIndicators],
      ['dynamicsIndicators', c.dynamicsIndicators],
    ] as const) {
      for (const code of codes) {
        if (seen.has(code))
          ctx.addIssue({
            code: 'custom',
            path: [list],
            message: `Der Indikator „${code}“ ist mehrfach angegeben.`,
          });
        seen.add(code);
      }
    }
    for (const code of Object.keys(c.highIsBad))
      if (!seen.has(code))
        ctx.addIssue({
          code: 'custom',
          path: ['highIsBad', code],
          message: `Polarität für „${code}“, der kein Indikator dieses Index ist.`,
        });
  });

/** Fallback for issues without a message of their own (unknown keys and the like). */
function germanIssue(issue: { code?: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys')
    return `Unbekannte Angabe: ${(issue.keys ?? []).map((k) => `„${k}“`).join(', ')}.`;
  return 'Ungültige Angabe.';
}

/** Parses an index configuration (JSON) and refuses it with German messages per field. */
export function validateIndexConfig(json: unknown): IndexConfig {
  const parsed = indexConfigSchema.safeParse(json, { error: germanIssue });
  if (parsed.success) return parsed.data;
  const details: ErrorDetail[] = parsed.error.issues.map((i) => ({
    ...(i.path.length ? { field: i.path.map(String).join('.') } : {}),
    message: i.message,
  }));
  throw new AppError(
    'invalid_input',
    `Die Indexkonfiguration ist ungültig: ${details.map((d) => d.message).join(' ')}`,
    details,
  );
}

// ---------------------------------------------------------------------------------------------
// Computation

const de = new Intl.NumberFormat('de-DE');

function presentValue(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function notIndexedReason(unit: IndexUnit, cfg: IndexConfig, indicators: string[]): string | null {
  const reasons: string[] = [];
  if (cfg.minPopulation > 0) {
    if (!presentValue(unit.population)) reasons.push('Einwohnerzahl fehlt');
    else if (unit.population < cfg.minPopulation)
      reasons.push(
        `weniger als ${de.format(cfg.minPopulation)} Einwohner (${de.format(unit.population)})`,
      );
  }
  const missing = indicators.filter((code) => !presentValue(unit.values[code]));
  if (missing.length) reasons.push(`Werte fehlen: ${missing.join(', ')}`);
  return reasons.length ? reasons.join('; ') : null;
}

function tooFewMessage(count: number, cfg: IndexConfig): string {
  const over = count === 1 ? '1 Gebiet' : `${count} Gebiete`;
  const conditions =
    cfg.minPopulation > 0
      ? `mit Werten und mindestens ${de.format(cfg.minPopulation)} Einwohnern`
      : 'mit Werten';
  return (
    `Ein Index über ${over} ist nicht aussagekräftig: mindestens ${cfg.minUnits} Gebiete ` +
    `${conditions} sind nötig. Wählen Sie eine feinere Ebene – so indexiert Oberhausen seine ` +
    `27 Sozialquartiere, nicht die 6 Sozialräume.`
  );
}

/** Mean and standard deviation in two passes; null when the values do not vary. */
function moments(values: Float64Array, sd: IndexConfig['sd']): Moments | null {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const deviation = Math.sqrt(squares / (sd === 'sample' ? n - 1 : n));
  // Relative to the values' scale, so rounding noise of a constant column counts as no variation.
  const scale = Math.max(1, Math.abs(mean));
  return deviation > 1e-12 * scale ? { mean, sd: deviation } : null;
}

function noVariation(what: string, count: number): AppError {
  return new AppError(
    'invalid_input',
    `${what} hat in allen ${count} indexierten Gebieten denselben Wert und lässt sich nicht standardisieren.`,
  );
}

/** Standardises `sums` in place into indices and returns their moments. */
function standardise(sums: Float64Array, sd: IndexConfig['sd'], what: string): Moments {
  const m = moments(sums, sd);
  if (!m) throw noVariation(what, sums.length);
  for (let j = 0; j < sums.length; j++) sums[j] = ((sums[j] as number) - m.mean) / m.sd;
  return m;
}

/**
 * Computes status and dynamics index over the units that have every value and reach the minimum
 * population: z-standardise each indicator, sum the z-values, z-standardise the sums again, and
 * classify the unrounded index (the published 2-decimal figures are a presentation of it).
 */
export function computeIndex(units: IndexUnit[], config: IndexConfig): IndexResult {
  const cfg = validateIndexConfig(config);
  const indicators = [...cfg.statusIndicators, ...cfg.dynamicsIndicators];
  const reasons = units.map((u) => notIndexedReason(u, cfg, indicators));
  const included: number[] = [];
  reasons.forEach((r, i) => {
    if (r === null) included.push(i);
  });
  const n = included.length;
  if (n < cfg.minUnits) throw new AppError('invalid_input', tooFewMessage(n, cfg));

  const stats: Record<string, Moments> = {};
  const zByIndicator = new Map<string, Float64Array>();
  for (const code of indicators) {
    const values = new Float64Array(n);
    included.forEach((i, j) => (values[j] = (units[i] as IndexUnit).values[code] as number));
    const m = moments(values, cfg.sd);
    if (!m) throw noVariation(`Der Indikator „${code}“`, n);
    stats[code] = m;
    const sign = cfg.highIsBad[code] === false ? -1 : 1;
    for (let j = 0; j < n; j++) values[j] = (sign * ((values[j] as number) - m.mean)) / m.sd;
    zByIndicator.set(code, values);
  }

  const sumOf = (codes: string[]): Float64Array => {
    const sums = new Float64Array(n);
    for (const code of codes) {
      const zs = zByIndicator.get(code) as Float64Array;
      for (let j = 0; j < n; j++) sums[j] = (sums[j] as number) + (zs[j] as number);
    }
    return sums;
  };
  const statusSums = sumOf(cfg.statusIndicators);
  const statusIndex = Float64Array.from(statusSums);
  const statusMoments = standardise(statusIndex, cfg.sd, 'Die Statussumme');
  const hasDynamics = cfg.dynamicsIndicators.length > 0;
  const dynamicsSums = hasDynamics ? sumOf(cfg.dynamicsIndicators) : null;
  const dynamicsIndex = dynamicsSums ? Float64Array.from(dynamicsSums) : null;
  const dynamicsMoments = dynamicsIndex
    ? standardise(dynamicsIndex, cfg.sd, 'Die Dynamiksumme')
    : null;

  const areas: IndexedArea[] = units.map((u, i) => ({
    areaId: u.areaId,
    code: u.code,
    statusIndex: null,
    statusClass: null,
    dynamicsIndex: null,
    dynamicsClass: null,
    group: null,
    notIndexedReason: reasons[i] ?? null,
    statusSum: null,
    dynamicsSum: null,
    z: {},
  }));
  included.forEach((i, j) => {
    const area = areas[i] as IndexedArea;
    area.statusSum = statusSums[j] as number;
    area.statusIndex = statusIndex[j] as number;
    area.statusClass = statusClassOf(area.statusIndex, cfg.statusCutoffs);
    if (dynamicsSums && dynamicsIndex) {
      area.dynamicsSum = dynamicsSums[j] as number;
      area.dynamicsIndex = dynamicsIndex[j] as number;
      area.dynamicsClass = dynamicsClassOf(area.dynamicsIndex, cfg.dynamicsCutoffs);
      area.group = groupLabel(area.statusClass, area.dynamicsClass);
    } else {
      area.group = `Status ${area.statusClass}`;
    }
    for (const code of indicators)
      area.z[code] = (zByIndicator.get(code) as Float64Array)[j] as number;
  });

  return {
    areas,
    indexedCount: n,
    stats,
    sums: { status: statusMoments, dynamics: dynamicsMoments },
  };
}
