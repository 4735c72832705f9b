// fast-check building blocks shared by the area import fuzzers: names, codes, missing values.
import fc from 'fast-check';
import { withoutNul } from '../support.ts';

/** The value in one of `oneIn` cases, otherwise the fallback. */
export function oneIn<T, F>(oneIn: number, arb: fc.Arbitrary<T>, fallback: F): fc.Arbitrary<T | F> {
  return fc.oneof(
    { weight: oneIn - 1, arbitrary: fc.constant(fallback) },
    { weight: 1, arbitrary: arb },
  );
}

export type Missing = 'absent' | 'empty' | 'blank' | 'null';
export const missingArb = fc.constantFrom<Missing>('absent', 'empty', 'blank', 'null');

const germanNames = [
  'Altstadt',
  'Styrum',
  'Lirich-Süd',
  'Sterkrade-Mitte',
  'Osterfeld Ost',
  'Alt-Oberhausen',
  'Schmachtendorf/Holten',
  'Königshardt; Tackenberg',
  'Buschhausen, Dümpten',
  '„Klosterhardt“',
  'Marienviertel "Nord"',
  'Ğüßçäöü ÄÖÜ',
  ...['Nord\u0000Süd'],
];
export const nameArb = fc
  .oneof(
    { weight: 5, arbitrary: fc.constantFrom(...germanNames) },
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
    },
  )
  .filter((s) => withoutNul(s).trim() !== '');

export const codeFormArb = fc.constantFrom('plain', 'padded', 'number');
export type CodeForm = 'plain' | 'padded' | 'number';

/** The code of the i-th feature (0-based) in the given form, and the code the import must store. */
export function codeFor(i: number, form: CodeForm): { raw: string | number; code: string } {
  if (form === 'number') return { raw: 1000 + i, code: String(1000 + i) };
  const code = `T${i + 1}`;
  return { raw: form === 'padded' ? `  ${code} ` : code, code };
}

export function missingValue(form: Missing): string | null | undefined {
  if (form === 'absent') return undefined;
  if (form === 'null') return null;
  return form === 'empty' ? '' : ' \t ';
}
