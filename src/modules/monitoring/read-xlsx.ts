// Reads the first (or a named) worksheet of an XLSX file into a table; anything unreadable is "beschädigt".
import ExcelJS from 'exceljs';
import { refuseFile } from './import-problems.ts';
import { MAX_ROWS, tooManyRows, type Cell, type Table, type TableRow } from './table.ts';

/** Unpacked size the ZIP directory may declare; protects the server from ZIP bombs. */
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

const corrupt = 'Die XLSX-Datei ist beschädigt oder unvollständig.';

/**
 * Sums the uncompressed sizes declared in the ZIP central directory, or returns null when there
 * is none (a truncated file). JSZip checks each entry against its declared size when unpacking.
 */
function declaredUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  for (let eocd = bytes.length - 22; eocd >= Math.max(0, bytes.length - 22 - 65_535); eocd--) {
    if (view.getUint32(eocd, true) !== 0x06054b50) continue;
    const entries = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      total += view.getUint32(at + 24, true);
      at +=
        46 +
        view.getUint16(at + 28, true) +
        view.getUint16(at + 30, true) +
        view.getUint16(at + 32, true);
    }
    return total;
  }
  return null;
}

/** An OpenDocument spreadsheet is a ZIP too; its first entry is the file "mimetype". */
function isOpenDocument(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(30, 120));
  return head.startsWith('mimetype') && head.includes('opendocument');
}

export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

type Value = ExcelJS.CellValue | ExcelJS.CellFormulaValue['result'];

function cellOf(value: Value, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return { kind: 'text', text: '' };
  if (typeof value === 'number')
    return { kind: 'number', value, percent: /%/.test(numFmt?.replace(/"[^"]*"/g, '') ?? '') };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'WAHR' : 'FALSCH' };
  if (value instanceof Date) return { kind: 'date', date: value };
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return { kind: 'text', text: value.richText.map((r) => String(r.text ?? '')).join('') };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null)
        return { kind: 'error', text: 'eine Formel ohne gespeichertes Ergebnis' };
      return cellOf(result, numFmt);
    }
    if ('error' in value)
      return { kind: 'error', text: `der Excel-Fehlerwert „${String(value.error)}“` };
    if ('text' in value) return { kind: 'text', text: String(value.text ?? '') };
  }
  return { kind: 'error', text: 'ein unbekannter Zellinhalt' };
}

const isBlank = (cells: Cell[]) => cells.every((c) => c.kind === 'text' && c.text.trim() === '');

function cellsOf(row: ExcelJS.Row, width: number): Cell[] {
  const cells: Cell[] = [];
  for (let c = 1; c <= width; c++) {
    const cell = row.findCell(c);
    cells.push(cell ? cellOf(cell.value, cell.numFmt) : { kind: 'text', text: '' });
  }
  return cells;
}

export async function readXlsx(
  file: string,
  bytes: Uint8Array,
  sheetName?: string,
): Promise<Table> {
  if (isOpenDocument(bytes))
    refuseFile(
      file,
      'OpenDocument-Tabellen (.ods) werden nicht unterstützt. Bitte als XLSX oder CSV (UTF-8) speichern.',
    );
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === null) refuseFile(file, corrupt);
  if (unpacked > MAX_UNPACKED_BYTES)
    refuseFile(file, 'Die XLSX-Datei ist entpackt zu groß. Bitte in kleinere Dateien aufteilen.');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch {
    refuseFile(file, corrupt);
  }
  const names = workbook.worksheets.map((w) => w.name);
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    if (sheetName === undefined) refuseFile(file, 'Die XLSX-Datei enthält kein Tabellenblatt.');
    refuseFile(
      file,
      `Das Tabellenblatt „${sheetName}“ gibt es nicht. Vorhanden: ${names.map((n) => `„${n}“`).join(', ')}.`,
    );
  }
  let headers: string[] | null = null;
  let width = 0;
  const rows: TableRow[] = [];
  try {
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (!headers) {
        const cells = cellsOf(row, row.cellCount);
        if (isBlank(cells)) return;
        headers = cells.map((c) =>
          c.kind === 'text' ? c.text.trim() : c.kind === 'number' ? String(c.value) : '',
        );
        while (headers.length > 1 && headers.at(-1) === '') headers.pop();
        width = headers.length;
        return;
      }
      const cells = cellsOf(row, width);
      if (isBlank(cells)) return;
      if (rows.length >= MAX_ROWS) throw new RangeError(tooManyRows);
      rows.push({ row: rowNumber, cells });
    });
  } catch (e) {
    if (e instanceof RangeError && e.message === tooManyRows) refuseFile(file, tooManyRows);
    refuseFile(file, corrupt);
  }
  const found: string[] | null = headers;
  if (!found) refuseFile(file, 'Die Datei ist leer.');
  return {
    format: 'xlsx',
    headers: found,
    rows,
    label: (c) => (found[c] ? `${columnLetter(c)} (${found[c]})` : columnLetter(c)),
  };
}
