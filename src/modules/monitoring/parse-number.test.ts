// The number and period rules of value files, cell by cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  detectNumberStyle,
  normalisePeriod,
  readNumberText,
  type NumberStyle,
} from './parse-number.ts';

const valueOf = (text: string, style: NumberStyle, options = {}) => {
  const r = readNumberText(text, style, options);
  return r.kind === 'number' ? r.value : r.kind === 'marker' ? r.flag : `invalid: ${r.reason}`;
};

test('the style of a file follows from cells that show their decimal separator', () => {
  assert.equal(detectNumberStyle(['1', '12,5', '1.234']), 'comma');
  assert.equal(detectNumberStyle(['1.234,5']), 'comma');
  assert.equal(detectNumberStyle(['1.234.567']), 'comma');
  assert.equal(detectNumberStyle(['0,250']), 'comma');
  assert.equal(detectNumberStyle(['12.5', '1,234']), 'point');
  assert.equal(detectNumberStyle(['1,234.5']), 'point');
  assert.equal(detectNumberStyle(['1,234,567']), 'point');
  assert.equal(detectNumberStyle(['1234.567']), 'point');
  assert.equal(detectNumberStyle(['1 234,5']), 'comma');
  assert.equal(detectNumberStyle(['12,5', '2.5']), 'mixed');
  assert.equal(detectNumberStyle(['1', '1.234', '1,234', '.', 'x', '', '–']), 'unknown');
});

test('German numbers: decimal comma, dots or (no-break) spaces between thousands', () => {
  assert.equal(valueOf('12,5', 'comma'), 12.5);
  assert.equal(valueOf('1.234,5', 'comma'), 1234.5);
  assert.equal(valueOf('1.234', 'comma'), 1234);
  assert.equal(valueOf('1,234', 'comma'), 1.234);
  assert.equal(valueOf('1.234.567', 'comma'), 1234567);
  assert.equal(valueOf('1 234', 'comma'), 1234);
  assert.equal(valueOf('1\u00a0234,5', 'comma'), 1234.5);
  assert.equal(valueOf('12\u202f345', 'unknown'), 12345);
  assert.equal(valueOf('−3,5', 'comma'), -3.5);
  assert.equal(valueOf('-0,0', 'comma'), 0);
  assert.equal(valueOf('+1,2', 'comma'), 1.2);
  assert.equal(valueOf(' 7 ', 'comma'), 7);
});

test('plain numbers: decimal point, commas only between thousands', () => {
  assert.equal(valueOf('1234.5', 'point'), 1234.5);
  assert.equal(valueOf('1.234', 'point'), 1.234);
  assert.equal(valueOf('1,234', 'point'), 1234);
  assert.equal(valueOf('1,234.5', 'point'), 1234.5);
  assert.equal(valueOf('0.5', 'unknown'), 0.5);
  assert.equal(
    valueOf('12.5', 'comma'),
    12.5,
    'a cell that cannot mean thousands is read as written',
  );
});

test('1.234 is ambiguous only in a file without a clear style, and never in a count column', () => {
  assert.match(
    String(valueOf('1.234', 'unknown')),
    /^invalid: „1\.234“ ist mehrdeutig \(1234 oder 1,234\)/,
  );
  assert.match(String(valueOf('1,234', 'mixed')), /mischt Dezimalkomma und Dezimalpunkt/);
  assert.equal(valueOf('1.234', 'unknown', { countColumn: true }), 1234);
  assert.equal(valueOf('1,234', 'mixed', { countColumn: true }), 1234);
  assert.equal(valueOf('0.234', 'unknown'), 0.234, 'a leading zero is no thousands group');
});

test('markers: "." "x" "/" are suppressed, dashes, ellipses and empty cells missing', () => {
  for (const t of ['.', 'x', 'X', '/']) assert.equal(valueOf(t, 'comma'), 'suppressed', t);
  for (const t of ['', '  ', '-', '–', '—', '…', '...'])
    assert.equal(valueOf(t, 'comma'), 'missing', JSON.stringify(t));
  for (const t of ['-', '–', '—']) assert.equal(valueOf(t, 'comma', { dashMeansZero: true }), 0);
  assert.equal(valueOf('…', 'comma', { dashMeansZero: true }), 'missing');
});

test('percent and per-mille signs only where the indicator counts per 100 or per 1,000', () => {
  assert.equal(valueOf('12,5 %', 'comma', { per: 100 }), 12.5);
  assert.equal(valueOf('12,5%', 'comma', { per: 100 }), 12.5);
  assert.equal(valueOf('3‰', 'comma', { per: 1000 }), 3);
  assert.match(String(valueOf('12,5 %', 'comma', { per: 1000 })), /Prozentzeichen passt nicht/);
  assert.match(String(valueOf('3 ‰', 'comma', { per: 100 })), /Promillezeichen passt nicht/);
});

test('text, bad groupings, exponents and overflow are no numbers', () => {
  for (const t of [
    'abc',
    '12a',
    '1e3',
    '1.23.4',
    '1,2,3',
    '12.345,6.7',
    ',5',
    '5,',
    '1 23',
    '١٢٣',
    '--5',
    '3 Pers.',
  ])
    assert.match(String(valueOf(t, 'comma')), /^invalid: „.*“ ist keine Zahl$/, t);
  assert.match(String(valueOf('9'.repeat(400), 'comma')), /außerhalb des zulässigen Bereichs/);
});

test('periods: year, month, ISO date and German date; everything else is refused', () => {
  const ok = (t: string) => {
    const p = normalisePeriod(t);
    return p.ok ? p.period : p.reason;
  };
  assert.equal(ok('2021'), '2021');
  assert.equal(ok('2021-06'), '2021-06');
  assert.equal(ok('2021-12-31'), '2021-12-31');
  assert.equal(ok('31.12.2021'), '2021-12-31');
  assert.equal(ok(' 1.6.2021 '), '2021-06-01');
  assert.equal(ok('29.02.2024'), '2024-02-29');
  assert.equal(
    ok('21/22'),
    'Zeitraum „21/22“ hat nicht die Form JJJJ, JJJJ-MM, JJJJ-MM-TT oder TT.MM.JJJJ',
  );
  for (const t of ['2021/22', '12/2021', '2021-6', '21', 'Q1 2021', '2021-12-31T00:00', ''])
    assert.match(ok(t), /hat nicht die Form/, t);
  for (const t of ['2021-13', '2021-02-30', '29.02.2023', '00.01.2021'])
    assert.match(ok(t), /ist kein gültiges Datum/, t);
});
