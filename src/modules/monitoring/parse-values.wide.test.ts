// Wide value files (CSV and XLSX, one column per indicator) and the Berlin MSS 2021 tables as real data.
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../core/errors.ts';
import {
  parseValueFile,
  type KnownIndicator,
  type ParseContext,
  type ValueRow,
} from './parse-values.ts';

const ctx: ParseContext = {
  areaCodes: new Set(['A1', 'A2', 'A3', '01100101']),
  indicators: new Map(
    (
      [
        { code: 'EW', kind: 'count', per: 1 },
        { code: 'ALQ', kind: 'share', per: 100 },
        { code: 'IDX', kind: 'index', per: 1 },
      ] as KnownIndicator[]
    ).map((i) => [i.code, i]),
  ),
};
const utf8 = (text: string) => new TextEncoder().encode(text);

async function refused(run: Promise<unknown>): Promise<AppError> {
  try {
    await run;
  } catch (e) {
    assert.ok(e instanceof AppError, `not an AppError: ${String(e)}`);
    assert.equal(e.code, 'import_invalid');
    return e;
  }
  return assert.fail('the file was accepted');
}

const where = (e: AppError) => e.details.map((d) => [d.row, d.field, d.message]);

test('a wide CSV with a mapping: one value per mapped cell, other columns ignored', async () => {
  const text = 'Gebiet;Name;Arbeitslose %;Einwohner\nA1;Mitte;12,5;1.234\nA2;Nord;.;\n';
  const r = await parseValueFile(
    {
      fileName: 'breit.csv',
      bytes: utf8(text),
      mapping: {
        areaColumn: 'Gebiet',
        period: '31.12.2021',
        columns: { 'Arbeitslose %': 'ALQ', Einwohner: 'EW' },
      },
    },
    ctx,
  );
  assert.equal(r.format, 'wide');
  assert.deepEqual(r.columns, ['Gebiet', 'Name', 'Arbeitslose %', 'Einwohner']);
  assert.deepEqual(
    r.rows.map((v) => [v.sourceRow, v.areaCode, v.indicatorCode, v.period, v.value, v.flag]),
    [
      [2, 'A1', 'ALQ', '2021-12-31', 12.5, 'ok'],
      [2, 'A1', 'EW', '2021-12-31', 1234, 'ok'],
      [3, 'A2', 'ALQ', '2021-12-31', null, 'suppressed'],
      [3, 'A2', 'EW', '2021-12-31', null, 'missing'],
    ],
  );
});

test('a wide CSV whose headers are indicator codes needs only the period', async () => {
  const text = 'code,EW,ALQ,Bemerkung\nA1,10,5.5,x\nA3,7,0.25,\n';
  const r = await parseValueFile(
    { fileName: 'codes.csv', bytes: utf8(text), period: '2021-06' },
    ctx,
  );
  assert.equal(r.format, 'wide');
  assert.deepEqual(
    r.rows.map((v) => [v.areaCode, v.indicatorCode, v.period, v.value]),
    [
      ['A1', 'EW', '2021-06', 10],
      ['A1', 'ALQ', '2021-06', 5.5],
      ['A3', 'EW', '2021-06', 7],
      ['A3', 'ALQ', '2021-06', 0.25],
    ],
  );
  const e = await refused(parseValueFile({ fileName: 'codes.csv', bytes: utf8(text) }, ctx));
  assert.deepEqual(where(e), [
    [undefined, 'Zeitraum', 'Für eine breite Tabelle fehlt der Zeitraum der Werte.'],
  ]);
});

test('mapping errors are all reported at once, naming the columns found', async () => {
  const e = await refused(
    parseValueFile(
      {
        fileName: 'breit.csv',
        bytes: utf8('PLR;S1;S2\nA1;1;2\n'),
        mapping: {
          areaColumn: 'PLR_ID',
          period: '21/22',
          columns: { S1: 'ALQ', S2: 'ALQ', S3: 'EW', S4: 'NEU' },
        },
      },
      ctx,
    ),
  );
  assert.deepEqual(where(e), [
    [
      undefined,
      'PLR_ID',
      'Die Gebietsspalte „PLR_ID“ gibt es in der Datei nicht. Gefundene Spalten: „PLR“, „S1“, „S2“.',
    ],
    [
      undefined,
      'Zeitraum',
      'Zeitraum „21/22“ hat nicht die Form JJJJ, JJJJ-MM, JJJJ-MM-TT oder TT.MM.JJJJ.',
    ],
    [undefined, 'S2', 'Der Indikator „ALQ“ ist schon der Spalte „S1“ zugeordnet.'],
    [
      undefined,
      'S3',
      'Die Spalte „S3“ gibt es in der Datei nicht. Gefundene Spalten: „PLR“, „S1“, „S2“.',
    ],
    [
      undefined,
      'S4',
      'Die Spalte „S4“ gibt es in der Datei nicht. Gefundene Spalten: „PLR“, „S1“, „S2“.',
    ],
    [undefined, 'S4', 'Der Indikator „NEU“ (für Spalte „S4“) ist unbekannt.'],
  ]);
});

test('wide rows: a repeated area names its first row; a bad cell names its column header', async () => {
  const text = 'Gebiet;ALQ;EW\nA1;1;2\nA2;101;2\nA1;3;4\n1100101;5;6\n';
  const e = await refused(
    parseValueFile({ fileName: 'b.csv', bytes: utf8(text), format: 'wide', period: '2021' }, ctx),
  );
  assert.deepEqual(where(e), [
    [3, 'ALQ', 'Ein Anteil kann nicht über 100 (%) liegen (hier 101).'],
    [4, 'Gebiet', 'Das Gebiet „A1“ steht schon in Zeile 2.'],
    [
      5,
      'Gebiet',
      'Das Gebiet „1100101“ ist unbekannt. Führende Null verloren? Gemeint ist vielleicht „01100101“.',
    ],
  ]);
});

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('a wide XLSX: numbers, percent formats, lost leading zeros, formulas, a chosen sheet', async () => {
  const bytes = await xlsx((wb) => {
    wb.addWorksheet('Hinweise').addRow(['Quelle: Statistikstelle']);
    const ws = wb.addWorksheet('Werte');
    ws.addRow([]);
    ws.addRow(['Gebiet', 'ALQ', 'EW', 'IDX']);
    ws.addRow([1100101, 12.5, '1.234', { formula: 'B3*2', result: 25 }]);
    ws.addRow(['A1', 0.125, 3, 'x']);
    ws.getCell('B4').numFmt = '0.0%';
  });
  const mapping = {
    sheet: 'Werte',
    areaColumn: 'Gebiet',
    period: '2021',
    columns: { ALQ: 'ALQ', EW: 'EW', IDX: 'IDX' },
  };
  const r = await parseValueFile({ fileName: 'werte.xlsx', bytes, mapping }, ctx);
  assert.deepEqual(
    r.rows.map((v) => [v.sourceRow, v.areaCode, v.indicatorCode, v.value, v.flag]),
    [
      [3, '01100101', 'ALQ', 12.5, 'ok'],
      [3, '01100101', 'EW', 1234, 'ok'],
      [3, '01100101', 'IDX', 25, 'ok'],
      [4, 'A1', 'ALQ', 12.5, 'ok'],
      [4, 'A1', 'EW', 3, 'ok'],
      [4, 'A1', 'IDX', null, 'suppressed'],
    ],
  );
  const wrong = await refused(
    parseValueFile(
      { fileName: 'werte.xlsx', bytes, mapping: { ...mapping, sheet: 'Tabelle1' } },
      ctx,
    ),
  );
  assert.deepEqual(where(wrong), [
    [
      undefined,
      undefined,
      'Das Tabellenblatt „Tabelle1“ gibt es nicht. Vorhanden: „Hinweise“, „Werte“.',
    ],
  ]);
});

test('XLSX errors name the column letter and header; dates and years are periods', async () => {
  const bytes = await xlsx((wb) => {
    const ws = wb.addWorksheet('Tabelle1');
    ws.addRow(['Gebiet', 'Indikator', 'Stichtag', 'Wert']);
    ws.addRow(['A1', 'ALQ', new Date(Date.UTC(2021, 11, 31)), 12]);
    ws.addRow(['A2', 'ALQ', 2021, 'zwölf']);
    ws.addRow(['A3', 'ALQ', 2021, { error: '#DIV/0!' }]);
    ws.addRow(['A3', 'EW', '2021/22', -1]);
    ws.addRow(['A2', 'EW', 2021, new Date(Date.UTC(2021, 0, 1))]);
  });
  const e = await refused(parseValueFile({ fileName: 'lang.xlsx', bytes }, ctx));
  assert.deepEqual(where(e), [
    [3, 'D (Wert)', '„zwölf“ ist keine Zahl'],
    [4, 'D (Wert)', 'Die Zelle enthält der Excel-Fehlerwert „#DIV/0!“ statt einer Zahl.'],
    [
      5,
      'C (Stichtag)',
      'Zeitraum „2021/22“ hat nicht die Form JJJJ, JJJJ-MM, JJJJ-MM-TT oder TT.MM.JJJJ.',
    ],
    [5, 'D (Wert)', 'Eine Anzahl kann nicht negativ sein (hier −1).'],
    [6, 'D (Wert)', 'Die Zelle enthält ein Datum statt einer Zahl.'],
  ]);
  const good = await xlsx((wb) => {
    const ws = wb.addWorksheet('Tabelle1');
    ws.addRow(['Gebiet', 'Indikator', 'Stichtag', 'Wert']);
    ws.addRow(['A1', 'ALQ', new Date(Date.UTC(2021, 11, 31)), 12]);
    ws.addRow(['A2', 'ALQ', 2021, 3]);
  });
  const r = await parseValueFile({ fileName: 'lang.xlsx', bytes: good }, ctx);
  assert.deepEqual(
    r.rows.map((v) => v.period),
    ['2021-12-31', '2021'],
  );
});

// ---------------------------------------------------------------------------------------------
// Real data: Monitoring Soziale Stadtentwicklung Berlin 2021 (SenSBW), 542 Planungsräume (LOR 2021).

// Shipped copies: the indicator table in data/berlin, the LOR list and context table as test fixtures.
const BERLIN = fileURLToPath(new URL('./fixtures', import.meta.url));
const DATA_BERLIN = fileURLToPath(new URL('../../../data/berlin', import.meta.url));
const readCsv = (name: string, dir = BERLIN) =>
  Papa.parse<Record<string, string>>(
    readFileSync(`${dir}/${name}`, 'utf8').replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: true,
    },
  ).data;

const plr = new Set(readCsv('LOR_2021.csv').map((r) => r['Planungsraum (Nummer)']!));
const kind = (code: string): KnownIndicator['kind'] =>
  code === 'EW'
    ? 'count'
    : /^(D\d|KI_06)$/.test(code)
      ? 'change_pp'
      : /^KI_1[123]$/.test(code)
        ? 'value'
        : 'share';
const MSS = [
  'EW',
  'S1',
  'S3',
  'S4',
  'D1',
  'D3',
  'D4',
  ...['01', '02', '03', '04', '05', '16', '06', '17', '07', '09', '10', '11', '12', '13'].map(
    (n) => `KI_${n}`,
  ),
];
const berlin: ParseContext = {
  areaCodes: plr,
  indicators: new Map(
    MSS.map((code) => [code, { code, kind: kind(code), per: code === 'EW' ? 1 : 100 }]),
  ),
};

/** Checks the parsed rows against a naive reading of the same file: empty = missing, else Number(). */
function agreesWithFile(
  rows: ValueRow[],
  raw: Record<string, string>[],
  area: string,
  columns: Record<string, string>,
) {
  const byKey = new Map(rows.map((r) => [`${r.areaCode} ${r.indicatorCode}`, r]));
  assert.equal(rows.length, raw.length * Object.keys(columns).length);
  for (const line of raw)
    for (const [header, code] of Object.entries(columns)) {
      const got = byKey.get(`${line[area]} ${code}`);
      const cell = line[header]!.trim();
      assert.ok(got, `${line[area]} ${code} missing`);
      assert.equal(got.period, '2020-12-31');
      assert.deepEqual(
        [got.value, got.flag],
        cell === '' ? [null, 'missing'] : [Number(cell), 'ok'],
        `${line[area]} ${code}`,
      );
    }
}

test('Berlin MSS 2021: the indicator table (comma-separated) as a wide file with a mapping', async (t) => {
  const columns = Object.fromEntries(MSS.map((c) => [c, c]));
  const mapping = { areaColumn: 'PLR_ID', period: '2020-12-31', columns };
  const bytes = readFileSync(`${DATA_BERLIN}/mss_2021_indicators_plr.csv`);
  const r = await parseValueFile(
    { fileName: 'mss_2021_indicators_plr.csv', bytes, mapping },
    berlin,
  );
  agreesWithFile(r.rows, readCsv('mss_2021_indicators_plr.csv', DATA_BERLIN), 'PLR_ID', columns);
  assert.equal(new Set(r.rows.map((v) => v.areaCode)).size, 542);
  t.diagnostic(
    `${r.rows.length} values, ${r.rows.filter((v) => v.flag === 'missing').length} missing`,
  );
});

test('Berlin MSS 2021: the context table (";", BOM, CRLF) agrees with the indicator table; its XLSX copy too', async (t) => {
  const columns: Record<string, string> = { 'EW 31.12.2020': 'EW' };
  for (const n of [
    '01',
    '02',
    '03',
    '04',
    '05',
    '16',
    '06',
    '17',
    '07',
    '09',
    '10',
    '11',
    '12',
    '13',
  ])
    columns[`K${n}`] = `KI_${n}`;
  const name = 'mss_2021_kontext-indikatoren_anteile_plr.csv';
  const bytes = readFileSync(`${BERLIN}/${name}`);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const mapping = { areaColumn: 'PLR-ID', period: '2020-12-31', columns };
  const context = await parseValueFile({ fileName: name, bytes, mapping }, berlin);
  const raw = readCsv(name);
  agreesWithFile(context.rows, raw, 'PLR-ID', columns);

  // Both tables come from the same release: equal wherever both have a value.
  const main = await parseValueFile(
    {
      fileName: 'mss_2021_indicators_plr.csv',
      bytes: readFileSync(`${DATA_BERLIN}/mss_2021_indicators_plr.csv`),
      mapping: {
        areaColumn: 'PLR_ID',
        period: '2020-12-31',
        columns: Object.fromEntries(MSS.map((c) => [c, c])),
      },
    },
    berlin,
  );
  const inMain = new Map(main.rows.map((v) => [`${v.areaCode} ${v.indicatorCode}`, v]));
  const differing = context.rows.filter(
    (v) => inMain.get(`${v.areaCode} ${v.indicatorCode}`)!.value !== v.value,
  );
  // The only differences: a 0 in one table is empty in the other.
  for (const v of differing)
    assert.deepEqual([v.value, inMain.get(`${v.areaCode} ${v.indicatorCode}`)!.value].sort(), [
      0,
      null,
    ]);
  t.diagnostic(
    `${context.rows.length} values; ${differing.length} differ between the tables (0 against empty)`,
  );

  // The same table as XLSX, area codes stored as numbers (as Excel does): the same rows.
  const headers = Object.keys(raw[0]!);
  const sheet = await xlsx((wb) => {
    const ws = wb.addWorksheet('MSS 2021');
    ws.addRow(headers);
    for (const line of raw)
      ws.addRow(
        headers.map((h) => (h === 'PLR-Name' || line[h] === '' ? line[h] : Number(line[h]))),
      );
  });
  const fromXlsx = await parseValueFile({ fileName: 'mss.xlsx', bytes: sheet, mapping }, berlin);
  assert.deepEqual(fromXlsx.rows, context.rows);

  const truncated = await refused(
    parseValueFile(
      { fileName: 'mss.xlsx', bytes: sheet.subarray(0, Math.floor(sheet.length / 2)), mapping },
      berlin,
    ),
  );
  assert.deepEqual(where(truncated), [
    [undefined, undefined, 'Die XLSX-Datei ist beschädigt oder unvollständig.'],
  ]);
});
