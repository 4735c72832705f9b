// fast-check model of CSV area lists (delimiters, quoting, German numbers, defects) and its outcome.
import fc from 'fast-check';
import { PARENTS, type ExpectedArea, type Expectation } from '../support.ts';
import { nameArb, oneIn } from './common.ts';

type CsvColumn = 'code' | 'name' | 'parent' | 'einwohner' | 'bemerkung';

/** A population as written in a German statistics table, and the value it stands for. */
const populationArb: fc.Arbitrary<{ text: string; value: number | null }> = fc.oneof(
  fc.integer({ min: 0, max: 9_999_999 }).chain((n) =>
    fc.constantFrom('', '.', ' ', '\u00a0', '\u202f').map((sep) => ({
      text: String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep),
      value: n,
    })),
  ),
  fc.constantFrom(
    { text: '–', value: 0 },
    { text: '-', value: 0 },
    { text: '—', value: 0 },
    { text: '', value: null },
    { text: '.', value: null },
    { text: 'x', value: null },
    { text: ' X ', value: null },
  ),
);

const badPopulationArb = fc.constantFrom(
  '12,5',
  '1,234',
  'abc',
  '-5',
  '1e3',
  '+7',
  '12.5.x',
  '١٢٣',
  '−5',
  '3 Pers.',
  ...['2147483648', '99.999.999.999'],
);

type CsvDefect =
  | { kind: 'missingCode'; blank: boolean }
  | { kind: 'missingName'; blank: boolean }
  | { kind: 'duplicate' }
  | { kind: 'codeOnOtherLevel' }
  | { kind: 'unknownParent' }
  | { kind: 'missingParent' }
  | { kind: 'badPopulation'; text: string }
  | { kind: 'tooFewFields' }
  | { kind: 'tooManyFields' }
  | { kind: 'garbageLine'; text: string };

const csvDefectArb: fc.Arbitrary<CsvDefect> = fc.oneof(
  fc.record({ kind: fc.constant('missingCode' as const), blank: fc.boolean() }),
  fc.record({ kind: fc.constant('missingName' as const), blank: fc.boolean() }),
  fc.constant({ kind: 'duplicate' as const }),
  fc.constant({ kind: 'codeOnOtherLevel' as const }),
  fc.constant({ kind: 'unknownParent' as const }),
  fc.constant({ kind: 'missingParent' as const }),
  fc.record({ kind: fc.constant('badPopulation' as const), text: badPopulationArb }),
  fc.constant({ kind: 'tooFewFields' as const }),
  fc.constant({ kind: 'tooManyFields' as const }),
  fc.record({
    kind: fc.constant('garbageLine' as const),
    text: fc.stringMatching(/^[A-Za-zÄÖÜäöüß][A-Za-z0-9ÄÖÜäöüß ]{0,20}$/),
  }),
);

interface CsvRowSpec {
  codeForm: 'plain' | 'padded';
  name: string;
  parent: number;
  population: { text: string; value: number | null };
  note: string;
  blankLineBefore: boolean;
  defect: CsvDefect | null;
}

interface CsvSpec {
  delimiter: ';' | ',' | '\t';
  bom: boolean;
  eol: '\n' | '\r\n';
  quoting: 'minimal' | 'all' | 'random';
  columns: CsvColumn[];
  missingColumn: CsvColumn | null;
  rows: CsvRowSpec[];
  trailingEol: boolean;
  quoteSeed: number;
}

const csvRowArb = (defects: boolean): fc.Arbitrary<CsvRowSpec> =>
  fc.record({
    codeForm: fc.constantFrom('plain' as const, 'padded' as const),
    name: nameArb.filter((s) => !/[\r\n]/.test(s)),
    parent: fc.integer({ min: 0, max: PARENTS.length - 1 }),
    population: populationArb,
    note: fc.string({ maxLength: 12 }).filter((s) => !/[\r\n]/.test(s)),
    blankLineBefore: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
    defect: defects ? oneIn(3, csvDefectArb, null) : fc.constant<CsvDefect | null>(null),
  });

const csvSpecArb: fc.Arbitrary<CsvSpec> = fc.record({
  delimiter: fc.constantFrom(';' as const, ',' as const, '\t' as const),
  bom: fc.boolean(),
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  quoting: fc.constantFrom('minimal' as const, 'all' as const, 'random' as const),
  columns: fc.shuffledSubarray<CsvColumn>(['code', 'name', 'parent', 'einwohner', 'bemerkung'], {
    minLength: 5,
  }),
  missingColumn: oneIn(8, fc.constantFrom<CsvColumn>('code', 'name', 'parent', 'einwohner'), null),
  rows: fc.oneof(
    fc.array(csvRowArb(false), { minLength: 1, maxLength: 8 }),
    fc.array(csvRowArb(true), { minLength: 0, maxLength: 10 }),
  ),
  trailingEol: fc.boolean(),
  quoteSeed: fc.integer(),
});

export function renderCsv(spec: CsvSpec): { text: string; expectation: Expectation } {
  const columns = spec.columns.filter((c) => c !== spec.missingColumn);
  let quoteBits = spec.quoteSeed;
  const field = (value: string) => {
    quoteBits = (quoteBits * 1103515245 + 12345) | 0;
    const needs = value.includes(spec.delimiter) || /["\r\n]/.test(value);
    const quote = needs || spec.quoting === 'all' || (spec.quoting === 'random' && quoteBits < 0);
    return quote ? `"${value.replaceAll('"', '""')}"` : value;
  };
  const lines = [columns.map(field).join(spec.delimiter)];
  const expected = new Map<string, ExpectedArea>();
  const faulty: number[] = [];
  const bearers: string[] = [];
  spec.rows.forEach((r, i) => {
    const row = i + 1;
    const plain = `T${i + 1}`;
    let code = plain;
    let codeText = r.codeForm === 'padded' ? ` ${plain}  ` : plain;
    let defect = r.defect;
    if (defect?.kind === 'duplicate') {
      if (bearers.length === 0) defect = null;
      else code = codeText = bearers[i % bearers.length]!;
    }
    if (defect?.kind === 'codeOnOtherLevel') code = codeText = PARENTS[r.parent]!;
    const blank = (b: boolean) => (b ? '  ' : '');
    const values: Record<CsvColumn, string> = {
      code: defect?.kind === 'missingCode' ? blank(defect.blank) : codeText,
      name: defect?.kind === 'missingName' ? blank(defect.blank) : r.name,
      parent:
        defect?.kind === 'missingParent'
          ? ''
          : defect?.kind === 'unknownParent'
            ? 'P404'
            : PARENTS[r.parent]!,
      einwohner: defect?.kind === 'badPopulation' ? defect.text : r.population.text,
      bemerkung: r.note,
    };
    let cells = columns.map((c) => field(values[c]));
    if (defect?.kind === 'tooFewFields') cells = cells.slice(0, Math.max(1, cells.length - 2));
    if (defect?.kind === 'tooManyFields') cells = [...cells, field('zu viel')];
    if (r.blankLineBefore) lines.push('');
    lines.push(defect?.kind === 'garbageLine' ? defect.text : cells.join(spec.delimiter));
    if (defect) faulty.push(row);
    if (!defect || ['unknownParent', 'missingParent', 'badPopulation'].includes(defect.kind))
      bearers.push(code);
    if (!defect)
      expected.set(code, {
        name: r.name.trim(),
        parent: PARENTS[r.parent]!,
        population: r.population.value,
        hasGeometry: false,
      });
  });
  const text =
    (spec.bom ? '\uFEFF' : '') + lines.join(spec.eol) + (spec.trailingEol ? spec.eol : '');
  let expectation: Expectation;
  if (spec.missingColumn || spec.rows.length === 0)
    expectation = { kind: 'refused', faultyRows: [] };
  else if (faulty.length > 0) expectation = { kind: 'refused', faultyRows: faulty };
  else expectation = { kind: 'success', areas: expected };
  return { text, expectation };
}

type CsvInput =
  | { kind: 'model'; spec: CsvSpec }
  | { kind: 'truncated'; spec: CsvSpec; at: number }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'text'; text: string };

export const csvInputArb: fc.Arbitrary<CsvInput> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('model' as const), spec: csvSpecArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('truncated' as const),
      spec: csvSpecArb,
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bytes' as const),
      bytes: fc.uint8Array({ maxLength: 300 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      text: fc.string({ unit: 'binary', maxLength: 200 }),
    }),
  },
);
