// Exports of one indicator on one level, exactly as on screen (same release, same suppression):
// CSV (";", UTF-8 BOM, decimal comma by default), XLSX, JSON and GeoJSON, each with source and licence.
import ExcelJS from 'exceljs';
import type { LevelTable, ValueCell } from './view-model.ts';

export const exampleLabel = 'Beispieldaten – keine amtlichen Werte';

export interface ExportMeta {
  system: string;
  systemName: string;
  level: string;
  indicator: string;
  indicatorName: string;
  unit: string;
  period: string;
  sources: string;
  licences: string;
  example: boolean;
  notice: string | null;
}

export function exportMeta(t: LevelTable): ExportMeta {
  const unique = (values: string[]) => [...new Set(values.filter(Boolean))].join(' | ');
  return {
    system: t.system.id,
    systemName: t.system.name,
    level: t.level.key,
    indicator: t.indicator.code,
    indicatorName: t.indicator.name,
    unit: t.indicator.unit,
    period: t.period,
    sources: unique([...t.notice.releases.map((r) => r.source), t.indicator.source]),
    licences: unique([...t.notice.releases.map((r) => r.licence), t.indicator.licence]),
    example: t.notice.example,
    notice: t.notice.preview
      ? `Vorschau der unveröffentlichten Veröffentlichung ${t.notice.preview.id} – nicht weitergeben`
      : t.notice.internal
        ? 'Enthält intern gesperrte Werte – nicht weitergeben'
        : null,
  };
}

function rounded(cell: ValueCell, precision: number): number | null {
  return cell.value === null ? null : Number(cell.value.toFixed(precision));
}

function markOf(cell: ValueCell): string {
  return cell.state === 'suppressed' ? '.' : '–';
}

function csvField(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(t: LevelTable, decimalComma: boolean): string {
  const m = exportMeta(t);
  const header = [
    'gebiet',
    'name',
    'ebene',
    'indikator',
    'zeitraum',
    'wert',
    'einheit',
    'status',
    'hinweis',
    'quelle',
    'lizenz',
  ];
  const lines = t.rows.map(({ area, cell }) => {
    const v = rounded(cell, t.indicator.precision);
    const text =
      v === null
        ? markOf(cell)
        : decimalComma
          ? v.toFixed(t.indicator.precision).replace('.', ',')
          : v.toFixed(t.indicator.precision);
    const note = [
      cell.reason,
      cell.internal ? 'intern' : null,
      m.example ? exampleLabel : null,
      m.notice,
    ]
      .filter(Boolean)
      .join('; ');
    return [
      area.code,
      area.name,
      t.level.name,
      t.indicator.code,
      t.period,
      text,
      t.indicator.unit,
      cell.state,
      note,
      m.sources,
      m.licences,
    ]
      .map((f) => csvField(String(f)))
      .join(';');
  });
  return `\uFEFF${header.join(';')}\r\n${lines.join('\r\n')}\r\n`;
}

export function toJson(t: LevelTable) {
  return {
    meta: { ...exportMeta(t), exampleLabel: t.notice.example ? exampleLabel : null },
    values: t.rows.map(({ area, parent, cell }) => ({
      area: area.code,
      name: area.name,
      parent: parent?.code ?? null,
      value: rounded(cell, t.indicator.precision),
      status: cell.state,
      reason: cell.reason,
      internal: cell.internal,
    })),
  };
}

export function toGeoJson(t: LevelTable) {
  const shapes = new Map(t.shapes.map((s) => [s.areaId, s.geometry]));
  return {
    type: 'FeatureCollection' as const,
    metadata: { ...exportMeta(t), exampleLabel: t.notice.example ? exampleLabel : null },
    features: t.rows.map(({ area, cell }) => ({
      type: 'Feature' as const,
      id: area.code,
      geometry: shapes.get(area.id) ?? null,
      properties: {
        code: area.code,
        name: area.name,
        [t.indicator.code]: rounded(cell, t.indicator.precision),
        status: cell.state,
        reason: cell.reason,
      },
    })),
  };
}

export async function toXlsx(t: LevelTable): Promise<Buffer> {
  const m = exportMeta(t);
  const book = new ExcelJS.Workbook();
  book.creator = 'Sozialraum-Plattform';
  const sheet = book.addWorksheet('Werte');
  sheet.columns = [
    { header: 'Gebiet', key: 'code', width: 14 },
    { header: 'Name', key: 'name', width: 32 },
    { header: `${t.indicator.name} (${t.indicator.unit})`, key: 'value', width: 18 },
    { header: 'Status', key: 'status', width: 12 },
    { header: 'Hinweis', key: 'note', width: 40 },
  ];
  for (const { area, cell } of t.rows) {
    const v = rounded(cell, t.indicator.precision);
    sheet.addRow({
      code: area.code,
      name: area.name,
      value: v ?? markOf(cell),
      status: cell.state,
      note: [cell.reason, cell.internal ? 'intern' : null].filter(Boolean).join('; '),
    });
  }
  sheet.getColumn('value').numFmt =
    t.indicator.precision > 0 ? `0.${'0'.repeat(t.indicator.precision)}` : '0';
  const about = book.addWorksheet('Quelle');
  about.columns = [
    { header: 'Angabe', key: 'k', width: 22 },
    { header: 'Wert', key: 'v', width: 90 },
  ];
  const facts: [string, string][] = [
    ['Gebietsgliederung', `${m.systemName} (${m.system})`],
    ['Ebene', t.level.name],
    ['Indikator', `${m.indicatorName} (${m.indicator})`],
    ['Einheit', m.unit],
    ['Zeitraum', m.period],
    ['Quelle', m.sources],
    ['Lizenz', m.licences],
    ['Zeichen', '. = gesperrt (Geheimhaltung), – = kein Wert'],
  ];
  if (m.example) facts.push(['Hinweis', exampleLabel]);
  if (m.notice) facts.push(['Achtung', m.notice]);
  for (const [k, v] of facts) about.addRow({ k, v });
  return Buffer.from(await book.xlsx.writeBuffer());
}
