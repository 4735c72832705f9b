// Writes data/oberhausen/beispielwerte.csv: deterministic example counts for the 27 example Sozialquartiere.
//
// Usage (from the repository root, no npm script needed):
//   node --import tsx scripts/make-oberhausen-example.ts
//
// Beispieldaten – keine amtlichen Werte. Only these figures are real: the city's population on
// 31.12.2020 (209,566) and at the Zensus 2022 (212,127), used as the totals of 2020 and 2022; about
// 15.7 % under 18 and 21 % aged 65+ (2012); and the 2010 shares of single parents (Brücktorviertel
// 35.8 %, Innenstadt 35.1 %) and large families (Lirich-Süd 19.4 %, Osterfeld-Mitte/Vonderort 17.3 %),
// which the example values drift around. Everything else comes from a seeded PRNG and a rough status
// profile per quarter that follows public reporting (which quarters count as low or high status).
// The file holds counts only; the catalogue (monitoring.json) defines the shares from them.
// Only + − × ÷ and Math.round/floor are used, so every run on every machine writes the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const dataDir = fileURLToPath(new URL('../data/oberhausen/', import.meta.url));
const YEARS = [2019, 2020, 2021, 2022, 2023] as const;
type Year = (typeof YEARS)[number];

/** City totals: 2020 and 2022 are real (see above); 2019, 2021 and 2023 are example values. */
const CITY_TOTAL: Record<Year, number> = {
  2019: 209_880,
  2020: 209_566,
  2021: 210_460,
  2022: 212_127,
  2023: 212_850,
};

/** mulberry32: a tiny seeded PRNG returning numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20191010); // the day of the first expert dialogue
/** Uniform in [−1, 1). */
const jitter = () => random() * 2 - 1;

type Rate =
  | 'sgb2'
  | 'kinderarmut'
  | 'jugendAl'
  | 'altersarmut'
  | 'alleinerziehend'
  | 'kinderreich'
  | 'zuzug'
  | 'uebergewicht';

/** Rates (fractions) as a function of the status score s (0 = city average, higher = more need). */
const RATE: Record<Rate, (s: number) => number> = {
  sgb2: (s) => 0.155 + 0.075 * s, // of inhabitants under 65
  kinderarmut: (s) => 0.26 + 0.12 * s, // of children under 15
  jugendAl: (s) => 0.04 + 0.02 * s, // of inhabitants aged 15–24
  altersarmut: (s) => 0.05 + 0.03 * s, // of inhabitants aged 65+
  alleinerziehend: (s) => 0.24 + 0.06 * s, // of households with children
  kinderreich: (s) => 0.11 + 0.035 * s, // of households with children
  zuzug: (s) => 0.012 + 0.006 * s, // arrivals from abroad per inhabitant and year
  uebergewicht: (s) => 0.11 + 0.04 * s, // of children examined at school entry
};

/** Example year effects on the city as a whole (e.g. fewer arrivals in 2020, more in 2022). */
const YEAR_FACTOR: Partial<Record<Rate, Record<Year, number>>> = {
  zuzug: { 2019: 1, 2020: 0.75, 2021: 0.9, 2022: 1.7, 2023: 1.25 },
  jugendAl: { 2019: 1, 2020: 1.15, 2021: 1.08, 2022: 0.98, 2023: 1.02 },
  sgb2: { 2019: 1, 2020: 1.02, 2021: 1.01, 2022: 1.03, 2023: 1.04 },
};

interface Profile {
  /** Relative size (scaled to the city total). */
  size: number;
  /** Status score in 2019: positive = more disadvantage. */
  status: number;
  /** Rates in 2019 that replace the profile's value (reported 2010 shares; small counts). */
  pin?: Partial<Record<Rate, number>>;
}

const PROFILES: Record<string, Profile> = {
  'sq-innenstadt': { size: 9_500, status: 1.8, pin: { alleinerziehend: 0.351 } },
  'sq-marienviertel-ost': { size: 7_000, status: 1.5 },
  'sq-marienviertel-west': { size: 8_000, status: 1.3 },
  'sq-styrum': { size: 11_000, status: 0.6 },
  'sq-bruecktorviertel': { size: 6_500, status: 1.6, pin: { alleinerziehend: 0.358 } },
  'sq-duempten': { size: 12_000, status: -0.2 },
  'sq-schlad': { size: 5_000, status: 0.3 },
  'sq-borbeck': { size: 4_500, status: 0.1 },
  'sq-vennepoth': { size: 3_500, status: 0 },
  'sq-bermensfeld': {
    size: 1_400,
    status: -0.4,
    pin: { jugendAl: 0.012, altersarmut: 0.006, kinderreich: 0.015 },
  },
  'sq-alstaden': { size: 11_000, status: 0 },
  'sq-lirich-sued': { size: 8_500, status: 1.7, pin: { kinderreich: 0.194 } },
  'sq-lirich-nord': { size: 6_500, status: 0.85 },
  'sq-sterkrade-mitte': { size: 9_500, status: 1.0 },
  'sq-buschhausen': { size: 6_000, status: 0.2 },
  'sq-sterkrader-heide': { size: 7_500, status: -0.3 },
  'sq-alsfeld': { size: 6_500, status: -0.4 },
  'sq-schwarze-heide': { size: 5_500, status: -0.1 },
  'sq-weierheide': { size: 6_000, status: -0.3 },
  'sq-walsumer-mark': { size: 15_000, status: -1.2 },
  'sq-koenigshardt': { size: 8_500, status: -1.0 },
  'sq-schmachtendorf': { size: 10_000, status: -0.9 },
  'sq-holten-barmingholten': { size: 9_000, status: -0.8 },
  'sq-osterfeld-mitte-vonderort': { size: 12_500, status: 1.4, pin: { kinderreich: 0.173 } },
  'sq-klosterhardt': { size: 12_500, status: -1.0 },
  'sq-eisenheim': { size: 6_000, status: 0.4 },
  'sq-rothebusch': { size: 7_000, status: -0.2 },
};

/** The counts written, in file order; each numerator names its denominator for the checks. */
const COUNTS = [
  'einwohner',
  'einwohner_u18',
  'einwohner_65plus',
  'einwohner_u65',
  'einwohner_15_24',
  'kinder_u15',
  'haushalte',
  'haushalte_mit_kindern',
  'haushalte_alleinerziehende',
  'haushalte_kinderreich',
  'zuzuege_ausland',
  'sgb2_leistungsberechtigte',
  'kinder_u15_sgb2',
  'arbeitslose_15_24',
  'grundsicherung_65plus',
  'schuleingang_untersucht',
  'schuleingang_uebergewicht',
] as const;
type Count = (typeof COUNTS)[number];
const DENOMINATOR: Partial<Record<Count, Count>> = {
  einwohner_u18: 'einwohner',
  einwohner_65plus: 'einwohner',
  einwohner_u65: 'einwohner',
  einwohner_15_24: 'einwohner',
  kinder_u15: 'einwohner_u18',
  haushalte_mit_kindern: 'haushalte',
  haushalte_alleinerziehende: 'haushalte_mit_kindern',
  haushalte_kinderreich: 'haushalte_mit_kindern',
  zuzuege_ausland: 'einwohner',
  sgb2_leistungsberechtigte: 'einwohner_u65',
  kinder_u15_sgb2: 'kinder_u15',
  arbeitslose_15_24: 'einwohner_15_24',
  grundsicherung_65plus: 'einwohner_65plus',
  schuleingang_uebergewicht: 'schuleingang_untersucht',
};

/** Splits total over weights in integers that add up exactly (largest remainder, ties by order). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

const clampRound = (x: number, max: number) => Math.min(max, Math.max(0, Math.round(x)));

function readQuarterCodes(): string[] {
  const text = readFileSync(`${dataDir}sozialquartiere.csv`, 'utf8');
  const parsed = Papa.parse<{ code: string }>(text, { header: true, skipEmptyLines: true });
  const codes = parsed.data.map((r) => r.code);
  const missing = codes
    .filter((c) => !PROFILES[c])
    .concat(Object.keys(PROFILES).filter((c) => !codes.includes(c)));
  if (codes.length !== 27 || missing.length > 0)
    throw new Error(`sozialquartiere.csv and the profiles differ: ${missing.join(', ')}`);
  return codes;
}

type Values = Map<string, Record<Count, number>>; // key: `${code}|${year}`

function generate(codes: string[]): Values {
  const profiles = codes.map((c) => PROFILES[c] as Profile);
  // Per quarter: status trend per year and population growth per year (both example values).
  const trend = profiles.map(() => 0.1 * jitter());
  const growth = profiles.map(() => 0.002 + 0.008 * jitter());
  const values: Values = new Map();
  for (const year of YEARS) {
    const t = year - 2019;
    const pops = apportion(
      CITY_TOTAL[year],
      profiles.map((p, i) => p.size * (1 + (growth[i] ?? 0) * (year - 2020))),
    );
    const status = profiles.map((p, i) => p.status + (trend[i] ?? 0) * t + 0.04 * jitter());
    // Age shares, then calibrated so the city reaches about 15.7 % under 18 and 21 % aged 65+.
    const rawU18 = status.map((s) => 0.157 + 0.012 * s + 0.004 * jitter());
    const raw65 = status.map((s) => 0.21 - 0.025 * s + 0.006 * jitter());
    const cityShare = (raw: number[]) =>
      raw.reduce((a, r, i) => a + r * (pops[i] ?? 0), 0) / CITY_TOTAL[year];
    const kU18 = (0.157 + 0.0008 * t) / cityShare(rawU18);
    const k65 = (0.21 + 0.0006 * t) / cityShare(raw65);
    codes.forEach((code, i) => {
      const p = profiles[i] as Profile;
      const s = status[i] ?? 0;
      const rate = (r: Rate) => {
        const base = RATE[r](s) - RATE[r](p.status) + (p.pin?.[r] ?? RATE[r](p.status));
        const factor = YEAR_FACTOR[r]?.[year] ?? 1;
        return Math.max(0.001, base * factor * (1 + 0.05 * jitter()));
      };
      const einwohner = pops[i] ?? 0;
      const u18 = clampRound(einwohner * (rawU18[i] ?? 0) * kU18, einwohner);
      const plus65 = clampRound(einwohner * (raw65[i] ?? 0) * k65, einwohner - u18);
      const y15 = clampRound(
        einwohner * (0.105 + 0.008 * s + 0.004 * jitter()),
        einwohner - plus65,
      );
      const u15 = clampRound(u18 * (0.835 + 0.01 * jitter()), u18);
      const haushalte = clampRound(einwohner / (2.05 - 0.07 * s + 0.03 * jitter()), einwohner);
      const mitKindern = clampRound(u18 / (1.62 + 0.06 * s + 0.02 * jitter()), haushalte);
      const untersucht = clampRound((u18 / 18) * (0.97 + 0.02 * jitter()), u18);
      values.set(`${code}|${year}`, {
        einwohner,
        einwohner_u18: u18,
        einwohner_65plus: plus65,
        einwohner_u65: einwohner - plus65,
        einwohner_15_24: y15,
        kinder_u15: u15,
        haushalte,
        haushalte_mit_kindern: mitKindern,
        haushalte_alleinerziehende: clampRound(mitKindern * rate('alleinerziehend'), mitKindern),
        haushalte_kinderreich: clampRound(mitKindern * rate('kinderreich'), mitKindern),
        zuzuege_ausland: clampRound(einwohner * rate('zuzug'), einwohner),
        sgb2_leistungsberechtigte: clampRound(
          (einwohner - plus65) * rate('sgb2'),
          einwohner - plus65,
        ),
        kinder_u15_sgb2: clampRound(u15 * rate('kinderarmut'), u15),
        arbeitslose_15_24: clampRound(y15 * rate('jugendAl'), y15),
        grundsicherung_65plus: clampRound(plus65 * rate('altersarmut'), plus65),
        schuleingang_untersucht: untersucht,
        schuleingang_uebergewicht: clampRound(untersucht * rate('uebergewicht'), untersucht),
      });
    });
  }
  return values;
}

/** Fails loudly if the example values break a stated constraint. */
function check(codes: string[], values: Values): void {
  for (const year of YEARS) {
    const rows = codes.map((c) => values.get(`${c}|${year}`) as Record<Count, number>);
    const total = rows.reduce((a, r) => a + r.einwohner, 0);
    if (total !== CITY_TOTAL[year]) throw new Error(`${year}: city total ${total}`);
    const pops = rows.map((r) => r.einwohner);
    if (pops[codes.indexOf('sq-walsumer-mark')] !== Math.max(...pops))
      throw new Error(`${year}: Walsumer Mark is not the largest quarter`);
    if (pops[codes.indexOf('sq-bermensfeld')] !== Math.min(...pops))
      throw new Error(`${year}: Bermensfeld is not the smallest quarter`);
    rows.forEach((r, i) => {
      for (const [num, den] of Object.entries(DENOMINATOR) as [Count, Count][])
        if (r[num] > r[den]) throw new Error(`${codes[i]} ${year}: ${num} > ${den}`);
    });
  }
}

function toCsv(codes: string[], values: Values): string {
  const lines = ['gebiet;indikator;zeitraum;wert;zaehler;nenner'];
  for (const code of codes)
    for (const indicator of COUNTS)
      for (const year of YEARS)
        lines.push(`${code};${indicator};${year};${values.get(`${code}|${year}`)?.[indicator]};;`);
  return `\uFEFF${lines.join('\n')}\n`;
}

function summary(codes: string[], values: Values): string {
  const out: string[] = [];
  for (const year of YEARS) {
    const sum = (c: Count) => codes.reduce((a, q) => a + (values.get(`${q}|${year}`)?.[c] ?? 0), 0);
    const pct = (n: Count, d: Count) => ((100 * sum(n)) / sum(d)).toFixed(1);
    out.push(
      `${year}: ${sum('einwohner')} Einwohner, unter 18 ${pct('einwohner_u18', 'einwohner')} %, ` +
        `65+ ${pct('einwohner_65plus', 'einwohner')} %, SGB II ${pct('sgb2_leistungsberechtigte', 'einwohner_u65')} %`,
    );
  }
  const small = [...values.values()].flatMap((v) => COUNTS.filter((c) => v[c] < 3)).length;
  out.push(`${small} Zählwerte unter 3 (für die Geheimhaltung)`);
  return `${out.join('\n')}\n`;
}

const codes = readQuarterCodes();
const values = generate(codes);
check(codes, values);
writeFileSync(`${dataDir}beispielwerte.csv`, toCsv(codes, values));
process.stdout.write(summary(codes, values));
