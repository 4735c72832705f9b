// CSV for spreadsheet programs: UTF-8 with BOM, semicolons, quoted fields, formula injection neutralised.
import Papa from 'papaparse';

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const safe = rows.map((r) =>
    r.map((v) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ''))),
  );
  return `\uFEFF${Papa.unparse({ fields: header, data: safe }, { delimiter: ';', quotes: true, newline: '\r\n' })}`;
}
