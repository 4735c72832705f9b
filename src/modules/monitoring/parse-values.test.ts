// Value files: long and wide CSV, XLSX, every refusal with its row, column and reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../core/errors.ts';
import {
  parseValueFile,
  type KnownIndicator,
  type ParseContext,
  type ValueFileInput,
} from './parse-values.ts';

const indicators: KnownIndicator[] = [
  { code: 'EW', kind: 'count', per: 1 },
  { code: 'ALQ', kind: 'share', per: 100 },
  { code: 'GEB', kind: 'rate', per: 1000 },
  { code: 'DALQ', kind: 'change_pp', per: 100 },
  { code: 'IDX', kind: 'index', per: 1 },
  { code: 'WF', kind: 'value', per: 1 },
];
const ctx: ParseContext = {
  areaCodes: new Set(['A1', 'A2', 'A3', '01100101']),
  indicators: new Map(indicators.map((i) => [i.code, i])),
};

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (text: string, extra: Partial<ValueFileInput> = {}) =>
  parseValueFile({ fileName: 'werte.csv', bytes: utf8(text), ...extra }, ctx);

async function refused(run: Promise<unknown>): Promise<AppError> {
  try {
    await run;
  } catch (e) {
    assert.ok(e instanceof AppError, `not an AppError: ${String(e)}`);
    assert.equal(e.code, 'import_invalid');
    assert.match(
      e.message,
      /^Die Datei wurde nicht importiert: \d+ Fehler\. Es wurde nichts gespeichert\.$/,
    );
    return e;
  }
  return assert.fail('the file was accepted');
}

/** The one detail at this row and column; its message must match. */
function expectDetail(
  e: AppError,
  row: number | undefined,
  field: string | undefined,
  reason: RegExp,
) {
  const found = e.details.filter((d) => d.row === row && d.field === field);
  assert.equal(
    found.length,
    1,
    `no single detail at row ${row}, field ${field}:\n${JSON.stringify(e.details, null, 1)}`,
  );
  assert.match(found[0]!.message, reason);
  assert.equal(found[0]!.file !== undefined, true);
}

test('a long German CSV: decimal comma, thousands dots, markers, computed shares, periods normalised', async () => {
  const r = await csv(
    [
      'Gebiet;Indikator;Zeitraum;Wert;Zähler;Nenner',
      'A1;ALQ;2021;12,5;;',
      'A2;EW;31.12.2021;1.234;;',
      'A3;ALQ;2021-06;.;;',
      'A1;EW;2021;–;;',
      'A2;ALQ;2021;;25;200',
      'A3;GEB;2021;x;;',
      'A1;DALQ;2021;−1,5;;',
      'A2;IDX;2021-12-31;;;',
    ].join('\n'),
  );
  assert.equal(r.format, 'long');
  assert.deepEqual(r.columns, ['Gebiet', 'Indikator', 'Zeitraum', 'Wert', 'Zähler', 'Nenner']);
  const brief = r.rows.map((v) => [
    v.sourceRow,
    v.areaCode,
    v.indicatorCode,
    v.period,
    v.value,
    v.flag,
  ]);
  assert.deepEqual(brief, [
    [2, 'A1', 'ALQ', '2021', 12.5, 'ok'],
    [3, 'A2', 'EW', '2021-12-31', 1234, 'ok'],
    [4, 'A3', 'ALQ', '2021-06', null, 'suppressed'],
    [5, 'A1', 'EW', '2021', null, 'missing'],
    [6, 'A2', 'ALQ', '2021', 12.5, 'ok'],
    [7, 'A3', 'GEB', '2021', null, 'suppressed'],
    [8, 'A1', 'DALQ', '2021', -1.5, 'ok'],
    [9, 'A2', 'IDX', '2021-12-31', null, 'missing'],
  ]);
  assert.deepEqual([r.rows[4]!.numerator, r.rows[4]!.denominator], [25, 200]);
});

test('a long English CSV with BOM, CRLF, commas, quotes and thousands commas', async () => {
  const r = await csv(
    '\uFEFFarea_code,Indicator_Code,Period,Value,numerator,denominator\r\n' +
      'A1,WF,2021,"1,234.5",,\r\n' +
      '"A2",ALQ,2020-12-31,12.50,25,200\r\n' +
      'A3,ALQ,2020,12.46,,\r\n',
  );
  assert.deepEqual(
    r.rows.map((v) => [v.areaCode, v.value, v.numerator, v.denominator]),
    [
      ['A1', 1234.5, null, null],
      ['A2', 12.5, 25, 200],
      ['A3', 12.46, null, null],
    ],
  );
});

test('header names: German and English, any case, with or without umlauts, tab-delimited', async () => {
  for (const header of [
    'GEBIET\tINDIKATOR\tJAHR\tWERT\tZAEHLER\tNENNER',
    'code\tindicator\tstichtag\tvalue\tNumerator\tDenominator',
    'Area Code\tIndikatorcode\tPeriode\tWert\tzähler\tnenner',
    'Gebietsschlüssel\tKennzahl\tZeitraum\tValue\tZähler\tNenner',
  ]) {
    const r = await csv(`${header}\nA1\tALQ\t2021\t\t1\t4\n`);
    assert.equal(r.rows[0]!.value, 25, header);
  }
  // "Gebiet" may hold names: the more specific code column wins.
  const r = await csv('Gebiet;Code;Indikator;Jahr;Wert\nMitte;A1;EW;2021;7\n');
  assert.equal(r.rows[0]!.areaCode, 'A1');
});

test('the decimal separator is decided per file: 1.234 is 1234 in a German file, 1.234 in a plain one', async () => {
  const german = await csv('Gebiet;Indikator;Jahr;Wert\nA1;WF;2021;1.234\nA2;WF;2021;0,5\n');
  assert.deepEqual(
    german.rows.map((v) => v.value),
    [1234, 0.5],
  );
  const plain = await csv('Gebiet;Indikator;Jahr;Wert\nA1;WF;2021;1.234\nA2;WF;2021;2.5\n');
  assert.deepEqual(
    plain.rows.map((v) => v.value),
    [1.234, 2.5],
  );
  const spaces = await csv(
    'Gebiet;Indikator;Jahr;Wert\nA1;WF;2021;1 234\nA2;WF;2021;1\u00a0234,5\n',
  );
  assert.deepEqual(
    spaces.rows.map((v) => v.value),
    [1234, 1234.5],
  );
  const counts = await csv('Gebiet;Indikator;Jahr;Wert\nA1;EW;2021;1.234\nA2;EW;2021;12.345.678\n');
  assert.deepEqual(
    counts.rows.map((v) => v.value),
    [1234, 12345678],
  );
  const e = await refused(csv('Gebiet;Indikator;Jahr;Wert\nA1;WF;2021;1.234\nA2;WF;2021;7\n'));
  expectDetail(e, 2, 'Wert', /„1\.234“ ist mehrdeutig \(1234 oder 1,234\)/);
  const count = await refused(
    csv('Gebiet;Indikator;Jahr;Wert\nA1;EW;2021;1.234\nA2;WF;2021;2.5\n'),
  );
  expectDetail(count, 2, 'Wert', /Anzahl muss ganzzahlig sein \(hier 1,234\)/);
});

test('"–" means zero when the source says so', async () => {
  const r = await csv('Gebiet;Indikator;Jahr;Wert\nA1;EW;2021;–\nA2;EW;2021;.\n', {
    dashMeansZero: true,
  });
  assert.deepEqual(
    r.rows.map((v) => [v.value, v.flag]),
    [
      [0, 'ok'],
      [null, 'suppressed'],
    ],
  );
});

test('all errors of a file are collected, each with row, column and a German reason', async () => {
  const e = await refused(
    csv(
      [
        'Gebiet;Indikator;Zeitraum;Wert;Zähler;Nenner',
        'B9;ALQ;2021;1;;', // 2 unknown area
        'A1;XYZ;2021;1;;', // 3 unknown indicator
        'A1;ALQ;2021;100,1;;', // 4 share above 100
        'A1;EW;2021;-3;;', // 5 negative count
        'A2;EW;2021;12,5;;', // 6 non-integer count
        'A2;ALQ;2021;;30;20', // 7 numerator above denominator
        'A3;ALQ;2021;5;;', // 8
        'A3;ALQ;2021-01-01;5;;', // 9 (another period)
        'A3;ALQ;01.01.2021;6;;', // 10 duplicate of 9
        'A1;WF;2021;zwölf;;', // 11 text in a number column
        'A2;GEB;2021;15,1;3;200', // 12 value does not fit 3/200*1000 = 15
        'A3;GEB;2021;1000,5;;', // 13 rate above 1000
        'A1;DALQ;21/22;1;;', // 14 wrong period form
        'A2;ALQ;2021;-0,5;;', // 15 negative share
        'A3;EW;2021;;-1;x', // 16 negative numerator
      ].join('\n'),
    ),
  );
  assert.equal(
    e.message,
    'Die Datei wurde nicht importiert: 13 Fehler. Es wurde nichts gespeichert.',
  );
  assert.ok(e.details.every((d) => d.file === 'werte.csv'));
  expectDetail(e, 2, 'Gebiet', /^Das Gebiet „B9“ ist unbekannt\.$/);
  expectDetail(e, 3, 'Indikator', /^Der Indikator „XYZ“ ist unbekannt\.$/);
  expectDetail(e, 4, 'Wert', /^Ein Anteil kann nicht über 100 \(%\) liegen \(hier 100,1\)\.$/);
  expectDetail(e, 5, 'Wert', /^Eine Anzahl kann nicht negativ sein \(hier −3\)\.$/);
  expectDetail(e, 6, 'Wert', /^Eine Anzahl muss ganzzahlig sein \(hier 12,5\)\.$/);
  expectDetail(e, 7, 'Zähler', /^Der Zähler \(30\) ist größer als der Nenner \(20\)\.$/);
  expectDetail(
    e,
    10,
    'Gebiet',
    /Gebiet „A3“, Indikator „ALQ“, Zeitraum „2021-01-01“ steht schon in Zeile 9\./,
  );
  expectDetail(e, 11, 'Wert', /^„zwölf“ ist keine Zahl$/);
  expectDetail(e, 12, 'Wert', /passt nicht zu Zähler und Nenner: 3 \/ 200 × 1000 = 15\./);
  expectDetail(e, 13, 'Wert', /^Eine Quote kann nicht über 1000 liegen \(hier 1000,5\)\.$/);
  expectDetail(
    e,
    14,
    'Zeitraum',
    /^Zeitraum „21\/22“ hat nicht die Form JJJJ, JJJJ-MM, JJJJ-MM-TT oder TT\.MM\.JJJJ\.$/,
  );
  expectDetail(e, 15, 'Wert', /^Ein Anteil kann nicht negativ sein/);
  expectDetail(e, 16, 'Zähler', /^Der Zähler kann nicht negativ sein/);
  assert.equal(e.details.length, 13);
});

test('rounding: a written value may differ from numerator/denominator by half its last digit, at least 0.05', async () => {
  const ok = await csv(
    'Gebiet;Indikator;Jahr;Wert;Zähler;Nenner\nA1;ALQ;2021;33,3;1;3\nA2;ALQ;2021;33;1;3\nA3;ALQ;2021;33,38;1;3\n',
  );
  assert.deepEqual(
    ok.rows.map((v) => v.value),
    [33.3, 33, 33.38],
  );
  const e = await refused(
    csv('Gebiet;Indikator;Jahr;Wert;Zähler;Nenner\nA1;ALQ;2021;33,4;1;3\nA2;ALQ;2021;;1;0\n'),
  );
  expectDetail(
    e,
    2,
    'Wert',
    /33,4 passt nicht zu Zähler und Nenner: 1 \/ 3 × 100 = 33,3333333333\./,
  );
  expectDetail(e, 3, 'Nenner', /Nenner ist 0/);
});

test('more than 100 errors: the first 100 are listed and the rest counted', async () => {
  const lines = ['Gebiet;Indikator;Jahr;Wert'];
  for (let i = 0; i < 150; i++) lines.push(`X${i};EW;2021;1`);
  const e = await refused(csv(lines.join('\n')));
  assert.equal(
    e.message,
    'Die Datei wurde nicht importiert: 150 Fehler. Es wurde nichts gespeichert.',
  );
  assert.equal(e.details.length, 101);
  assert.equal(e.details[100]!.message, '… und 50 weitere Fehler');
  expectDetail(e, 101, 'Gebiet', /„X99“ ist unbekannt/);
});

test('a missing required column is named, with the columns found', async () => {
  const e = await refused(csv('Gebiet;Indikator;Wert\nA1;EW;1\n'));
  assert.equal(e.details.length, 1);
  expectDetail(
    e,
    undefined,
    'Zeitraum',
    /Pflichtspalte „Zeitraum“ fehlt \(erkannt werden: zeitraum, periode, period, stichtag, jahr.*\)\. Gefundene Spalten: „Gebiet“, „Indikator“, „Wert“\./,
  );
  const twice = await refused(csv('Gebiet;Indikator;Jahr;Wert;wert\nA1;EW;2021;1;2\n'));
  expectDetail(twice, undefined, 'wert', /Die Spalte „wert“ kommt mehrmals vor/);
});

test('empty files, header-only files and structural CSV defects are refused', async () => {
  for (const bytes of [new Uint8Array(), utf8('\uFEFF'), utf8(' \n\r\n ;;\n')]) {
    const e = await refused(parseValueFile({ fileName: 'leer.csv', bytes }, ctx));
    expectDetail(e, undefined, undefined, /^Die Datei ist leer\.$/);
  }
  const header = await refused(csv('Gebiet;Indikator;Jahr;Wert\n\n'));
  expectDetail(header, undefined, undefined, /keine Datenzeilen/);
  const fields = await refused(csv('Gebiet;Indikator;Jahr;Wert\nA1;WF;2021;1;5\nA2;WF;2021\n'));
  expectDetail(fields, 2, undefined, /5 Felder, die Kopfzeile nur 4.*Semikolon/);
  expectDetail(fields, 3, undefined, /nur 3 Felder, die Kopfzeile 4/);
  const quote = await refused(csv('Gebiet;Indikator;Jahr;Wert\nA1;WF;2021;1\nA2;"WF;2021;1\n'));
  expectDetail(quote, 3, undefined, /Anführungszeichen/);
  const blanks = await csv('\nGebiet;Indikator;Jahr;Wert\n\nA1;WF;2021;1;\n');
  assert.equal(blanks.rows[0]!.sourceRow, 4, 'blank rows count as rows, as in a spreadsheet');
});

test('a Latin-1 file is refused naming the first line that is not UTF-8', async () => {
  const bytes = Uint8Array.from([
    ...utf8('Gebiet;Indikator;Jahr;Wert\nA1;WF;2021;1\nA2;WF;2021;'),
    0xe4,
    0x0a,
  ]);
  const e = await refused(parseValueFile({ fileName: 'latin1.csv', bytes }, ctx));
  assert.deepEqual(e.details, [
    {
      file: 'latin1.csv',
      row: 3,
      message: 'Die Datei ist nicht UTF-8-kodiert (Zeile 3). Bitte als UTF-8 speichern.',
    },
  ]);
  const utf16 = await refused(
    parseValueFile({ fileName: 'u16.csv', bytes: Uint8Array.from([0xff, 0xfe, 0x41, 0]) }, ctx),
  );
  expectDetail(utf16, undefined, undefined, /UTF-16/);
});

test('the content decides the format, not the file name', async () => {
  const cases: [number[], RegExp][] = [
    [[...utf8('%PDF-1.7\n')], /ein PDF-Dokument, keine CSV- oder XLSX-Tabelle/],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], /ein PNG-Bild/],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0], /alte Excel-Format \(\.xls\)/],
    [[...utf8('Gebiet;Wert\n'), 0, 1, 2], /Binärdaten/],
    [[0x50, 0x4b, 0x03, 0x04, 1, 2, 3], /^Die XLSX-Datei ist beschädigt oder unvollständig\.$/],
  ];
  for (const [bytes, reason] of cases) {
    const e = await refused(
      parseValueFile({ fileName: 'werte.csv', bytes: Uint8Array.from(bytes) }, ctx),
    );
    expectDetail(e, undefined, undefined, reason);
  }
  const named = await parseValueFile(
    { fileName: 'werte.xlsx', bytes: utf8('Gebiet;Indikator;Jahr;Wert\nA1;WF;2021;1\n') },
    ctx,
  );
  assert.equal(named.rows.length, 1);
});

test('limits: more than 1,000,000 rows or values are refused', async () => {
  const line = 'A1;WF;2021;1\n';
  const rows = await refused(csv('Gebiet;Indikator;Jahr;Wert\n' + line.repeat(1_000_001)));
  expectDetail(rows, undefined, undefined, /mehr als 1\.000\.000 Datenzeilen/);
  const wide = await refused(
    csv('Gebiet;EW;IDX\n' + 'A1;1;1\n'.repeat(500_001), { format: 'wide', period: '2021' }),
  );
  expectDetail(wide, undefined, undefined, /mehr als 1\.000\.000 Werte/);
});
