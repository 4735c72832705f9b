// Fuzzes the value file parser with fast-check: valid files read back exactly; any bytes give valid rows or an AppError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { AppError } from '../../core/errors.ts';
import {
  parseValueFile,
  type KnownIndicator,
  type ParseContext,
  type ParsedValues,
  type ValueFileInput,
} from './parse-values.ts';

/** FUZZ_SEED reproduces a run (fast-check prints seed and path on failure); FUZZ_RUNS scales it. */
const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
const scale = Number(process.env['FUZZ_RUNS'] ?? 1);
const runs = (n: number) => ({
  numRuns: Math.max(1, Math.round(n * scale)),
  ...(seed !== undefined ? { seed } : {}),
});

const INDICATORS: KnownIndicator[] = [
  { code: 'EW', kind: 'count', per: 1 },
  { code: 'ALQ', kind: 'share', per: 100 },
  { code: 'GEB', kind: 'rate', per: 1000 },
  { code: 'DALQ', kind: 'change_pp', per: 100 },
  { code: 'IDX', kind: 'index', per: 1 },
  { code: 'WF', kind: 'value', per: 1 },
];
const AREAS = ['A1', 'A2', 'B7', '0815', 'Zentrum-Süd'];
const ctx: ParseContext = {
  areaCodes: new Set(AREAS),
  indicators: new Map(INDICATORS.map((i) => [i.code, i])),
};
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/;

/** Outcomes of a property, reported as a diagnostic to show what the generators reach. */
const outcomes = { accepted: 0, refused: 0 };
function report(t: { diagnostic(message: string): void }): void {
  t.diagnostic(`accepted ${outcomes.accepted}, refused ${outcomes.refused}`);
  outcomes.accepted = outcomes.refused = 0;
}

/** Nothing but AppError escapes, and an accepted file yields only valid, complete rows. */
async function check(input: ValueFileInput): Promise<ParsedValues | AppError> {
  let result: ParsedValues;
  try {
    result = await parseValueFile(input, ctx);
  } catch (e) {
    if (!(e instanceof AppError))
      throw new Error(`parseValueFile threw ${String(e)} (not an AppError)`, { cause: e });
    assert.equal(e.code, 'import_invalid');
    assert.match(e.message, /^Die Datei wurde nicht importiert: [1-9]\d* Fehler\./);
    assert.ok(e.details.length > 0 && e.details.length <= 101, 'details');
    for (const d of e.details) {
      assert.equal(d.file, input.fileName);
      assert.ok(d.message.length > 0);
      if (d.row !== undefined) assert.ok(Number.isInteger(d.row) && d.row >= 1, `row ${d.row}`);
    }
    outcomes.refused++;
    return e;
  }
  const keys = new Set<string>();
  const perRow = new Map<number, number>();
  for (const r of result.rows) {
    const ind = ctx.indicators.get(r.indicatorCode);
    assert.ok(ind && ctx.areaCodes.has(r.areaCode), JSON.stringify(r));
    assert.match(r.period, PERIOD);
    assert.ok(Number.isInteger(r.sourceRow) && r.sourceRow >= 1);
    const key = `${r.areaCode}|${r.indicatorCode}|${r.period}`;
    assert.ok(!keys.has(key), `duplicate ${key}`);
    keys.add(key);
    perRow.set(r.sourceRow, (perRow.get(r.sourceRow) ?? 0) + 1);
    if (r.flag === 'ok') assert.ok(typeof r.value === 'number' && Number.isFinite(r.value));
    else assert.equal(r.value, null);
    const v = r.value;
    if (v !== null) {
      if (ind.kind === 'count') assert.ok(Number.isInteger(v) && v >= 0, `count ${v}`);
      if (ind.kind === 'share' || ind.kind === 'rate') assert.ok(v >= 0 && v <= ind.per, `${v}`);
      if (ind.kind === 'change_pp') assert.ok(Math.abs(v) <= ind.per);
    }
    for (const n of [r.numerator, r.denominator])
      assert.ok(n === null || (Number.isFinite(n) && n >= 0));
  }
  // All or nothing: a long file gives one value per row, a wide file the same number for every row.
  const counts = new Set(perRow.values());
  assert.ok(counts.size <= 1 && (result.format === 'wide' || [...counts].every((c) => c === 1)));
  outcomes.accepted++;
  return result;
}

// ---------------------------------------------------------------------------------------------
// A model of valid long files and the rows they stand for.

interface SpecRow {
  area: string;
  indicator: KnownIndicator;
  period: { text: string; normal: string };
  /** value = mantissa / 10^decimals, or a marker. */
  mantissa: number;
  decimals: number;
  marker: '' | '.' | 'x' | '–' | '…' | null;
}

const periodArb = fc.constantFrom(
  { text: '2021', normal: '2021' },
  { text: '2021-06', normal: '2021-06' },
  { text: '31.12.2021', normal: '2021-12-31' },
  { text: '2021-12-31', normal: '2021-12-31' },
  { text: '1.1.2020', normal: '2020-01-01' },
);

function valueArb(ind: KnownIndicator): fc.Arbitrary<{ mantissa: number; decimals: number }> {
  if (ind.kind === 'count')
    return fc.record({
      mantissa: fc.integer({ min: 0, max: 99_999_999 }),
      decimals: fc.constant(0),
    });
  return fc.integer({ min: 0, max: 3 }).chain((decimals) => {
    const unit = 10 ** decimals;
    const max = ind.kind === 'index' || ind.kind === 'value' ? 9_999_999 : ind.per;
    const min = ind.kind === 'change_pp' || ind.kind === 'value' ? -max : 0;
    return fc.record({
      mantissa: fc.integer({ min: min * unit, max: max * unit }),
      decimals: fc.constant(decimals),
    });
  });
}

const rowArb: fc.Arbitrary<SpecRow> = fc
  .record({
    area: fc.constantFrom(...AREAS),
    indicator: fc.constantFrom(...INDICATORS),
    period: periodArb,
    marker: fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '' as const,
          '.' as const,
          'x' as const,
          '–' as const,
          '…' as const,
        ),
      },
    ),
  })
  .chain((r) => valueArb(r.indicator).map((v) => ({ ...r, ...v })));

const specArb = fc.record({
  rows: fc.uniqueArray(rowArb, {
    minLength: 1,
    maxLength: 12,
    selector: (r) => `${r.area}|${r.indicator.code}|${r.period.normal}`,
  }),
  style: fc.constantFrom('comma' as const, 'point' as const),
  thousands: fc.constantFrom('', '.', ',', ' ', '\u00a0'),
  delimiter: fc.constantFrom(';', ',', '\t'),
  bom: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  quoteAll: fc.boolean(),
  headers: fc.constantFrom(
    ['Gebiet', 'Indikator', 'Zeitraum', 'Wert'],
    ['area_code', 'indicator', 'period', 'value'],
    ['CODE', 'Kennzahl', 'Jahr', 'WERT'],
  ),
});
type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

/** Writes a number as the style of the file does, with thousands separators that fit the style. */
function render(mantissa: number, decimals: number, spec: Spec): string {
  const sign = mantissa < 0 ? '-' : '';
  const digits = String(Math.abs(mantissa)).padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  const dec = spec.style === 'comma' ? ',' : '.';
  const sep =
    spec.thousands === dec || (spec.thousands === '.' && spec.style === 'point')
      ? ''
      : spec.thousands;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return sign + grouped + (decimals > 0 ? dec + frac : '');
}

function renderCsv(spec: Spec): {
  text: string;
  expected: [string, string, string, number | null, string][];
} {
  const field = (s: string) =>
    spec.quoteAll || s.includes(spec.delimiter) || s.includes('"')
      ? `"${s.replaceAll('"', '""')}"`
      : s;
  const lines = [spec.headers.map(field).join(spec.delimiter)];
  const expected: [string, string, string, number | null, string][] = [];
  for (const r of spec.rows) {
    const value = r.marker ?? render(r.mantissa, r.decimals, spec);
    lines.push([r.area, r.indicator.code, r.period.text, value].map(field).join(spec.delimiter));
    const flag =
      r.marker === null ? 'ok' : r.marker === '.' || r.marker === 'x' ? 'suppressed' : 'missing';
    const v = r.marker === null ? r.mantissa / 10 ** r.decimals : null;
    expected.push([r.area, r.indicator.code, r.period.normal, v === 0 ? 0 : v, flag]);
  }
  // One value that shows the decimal separator, so that the file's style is known.
  lines.push(
    ['A1', 'WF', '1999', spec.style === 'comma' ? '0,5' : '0.5'].map(field).join(spec.delimiter),
  );
  expected.push(['A1', 'WF', '1999', 0.5, 'ok']);
  return { text: (spec.bom ? '\uFEFF' : '') + lines.join(spec.eol) + spec.eol, expected };
}

test('valid long CSV files in German or plain notation read back exactly', async (t) => {
  await fc.assert(
    fc.asyncProperty(specArb, async (spec) => {
      const { text, expected } = renderCsv(spec);
      const result = await check({ fileName: 'modell.csv', bytes: new TextEncoder().encode(text) });
      assert.ok(
        !(result instanceof AppError),
        `refused:\n${text}\n${JSON.stringify(result, null, 1)}`,
      );
      assert.deepEqual(
        result.rows.map((r) => [r.areaCode, r.indicatorCode, r.period, r.value, r.flag]),
        expected,
        text,
      );
    }),
    runs(300),
  );
  report(t);
});

// ---------------------------------------------------------------------------------------------
// Mutations: truncation, flipped bytes, inserted delimiters, quotes, BOM, NUL.

const INSERTS = [';', ',', '\t', '"', '\n', '\r', '\uFEFF', '\0', '.', '-', 'x', '1.234', 'ä'].map(
  (s) => new TextEncoder().encode(s),
);

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'insert'; at: number; what: number }
  | { kind: 'delete'; at: number; length: number };

/** Where in the file, as a fraction (doubles would cluster at 0 and 1, the bytes that matter least). */
const positionArb = fc.integer({ min: 0, max: 9999 }).map((n) => n / 10_000);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('truncate' as const),
    at: positionArb,
  }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: positionArb,
    mask: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: positionArb,
    what: fc.integer({ min: 0, max: INSERTS.length - 1 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: positionArb,
    length: fc.integer({ min: 1, max: 64 }),
  }),
);

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = bytes;
  for (const m of mutations) {
    const at = Math.min(out.length, Math.floor(m.at * out.length));
    if (m.kind === 'truncate') out = out.subarray(0, at);
    else if (m.kind === 'flip' && at < out.length) {
      out = out.slice();
      out[at] = out[at]! ^ m.mask;
    } else if (m.kind === 'insert')
      out = Uint8Array.from([...out.subarray(0, at), ...INSERTS[m.what]!, ...out.subarray(at)]);
    else if (m.kind === 'delete')
      out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + m.length)]);
  }
  return out;
}

test('random bytes and mutated CSV files give valid rows or an AppError, never anything else', async (t) => {
  const inputArb = fc.oneof(
    fc.record({ bytes: fc.uint8Array({ maxLength: 400 }), wide: fc.boolean() }),
    fc.record({
      bytes: fc.string({ unit: 'binary', maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
      wide: fc.boolean(),
    }),
    {
      weight: 3,
      arbitrary: fc
        .tuple(specArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
        .map(([spec, ms]) => ({
          bytes: mutate(new TextEncoder().encode(renderCsv(spec).text), ms),
          wide: false,
        })),
    },
  );
  await fc.assert(
    fc.asyncProperty(inputArb, async ({ bytes, wide }) => {
      await check({
        fileName: 'zufall.csv',
        bytes,
        ...(wide ? { format: 'wide' as const, period: '2021' } : {}),
      });
    }),
    runs(400),
  );
  report(t);
});

/** A valid wide workbook, its parts deflated or stored (then flipped bytes land in the XML itself). */
async function validWorkbook(compression: 'DEFLATE' | 'STORE'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Werte');
  ws.addRow(['Gebiet', 'EW', 'ALQ', 'IDX']);
  AREAS.forEach((a, i) =>
    ws.addRow([a, 1000 + i, { formula: `B${i + 2}/100`, result: (1000 + i) / 100 }, '.']),
  );
  ws.getCell('C3').numFmt = '0.0%';
  ws.getCell('C3').value = 0.25;
  return new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression } } as never));
}
const mapping = {
  areaColumn: 'Gebiet',
  period: '2021',
  columns: { EW: 'EW', ALQ: 'ALQ', IDX: 'IDX' },
};

/** Flipped bytes keep the ZIP structure intact more often than cuts, so they reach the XML. */
const xlsxMutationArb = fc.oneof(
  { weight: 6, arbitrary: mutationArb.filter((m) => m.kind === 'flip') },
  { weight: 2, arbitrary: mutationArb },
);

test('mutated XLSX files give valid rows or an AppError, never anything else', async (t) => {
  const workbooks = [await validWorkbook('DEFLATE'), await validWorkbook('STORE')];
  for (const bytes of workbooks) {
    const parsed = await check({ fileName: 'werte.xlsx', bytes, mapping });
    assert.ok(!(parsed instanceof AppError));
    assert.deepEqual(
      parsed.rows.filter((r) => r.indicatorCode === 'ALQ').map((r) => r.value),
      [10, 25, 10.02, 10.03, 10.04],
    );
  }
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...workbooks),
      fc.array(xlsxMutationArb, { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      async (valid, ms, withMapping) => {
        const outcome = await check({
          fileName: 'werte.xlsx',
          bytes: mutate(valid, ms),
          ...(withMapping ? { mapping } : { period: '2021' }),
        });
        if (outcome instanceof AppError) refused++;
      },
    ),
    runs(300),
  );
  report(t);
  assert.ok(refused > 0, 'no mutation was refused: the mutations do not reach the reader');
});
