// Hand-built view models and HTML checks for the tests of the map, ranking and index pages.
import assert from 'node:assert/strict';
import type { Polygon } from 'geojson';
import { translator, type Locale } from '../../../ui/i18n/index.ts';
import type { PageContext } from '../../../ui/page.ts';
import type {
  AreaRef,
  DataNotice,
  IndexAreaRow,
  IndexView,
  IndicatorInfo,
  LevelTable,
  MapShapeData,
  SystemRef,
  ValueCell,
} from '../view-model.ts';

export function pageContext(locale: Locale = 'de'): PageContext {
  return { locale, t: translator(locale), path: '/monitoring/beispiel/karte', user: null };
}

export const system: SystemRef = {
  id: 'beispiel',
  name: 'Beispielstadt',
  isExample: true,
  levels: [
    { key: 'quartier', name: 'Quartier', rank: 2 },
    { key: 'stadt', name: 'Stadt', rank: 0 },
    { key: 'bezirk', name: 'Bezirk', rank: 1 },
  ],
};

export function indicator(overrides: Partial<IndicatorInfo> = {}): IndicatorInfo {
  return {
    code: 'sgb2_quote',
    name: 'SGB-II-Quote',
    description: 'Anteil der Menschen in Bedarfsgemeinschaften nach SGB II.',
    topicKey: 'armut',
    topicName: 'Armut und Transferleistungen',
    unit: '%',
    kind: 'share',
    numeratorCode: 'sgb2',
    denominatorCode: 'ew_u65',
    per: 100,
    polarity: 'high_bad',
    source: 'Beispielquelle',
    licence: 'dl-de/by-2-0',
    minCount: 3,
    precision: 1,
    isPublic: true,
    isExample: true,
    aggregable: true,
    ...overrides,
  };
}

export function okCell(value: number, overrides: Partial<ValueCell> = {}): ValueCell {
  return {
    value,
    state: 'ok',
    reason: null,
    internal: false,
    origin: 'imported',
    numerator: null,
    denominator: null,
    ...overrides,
  };
}

export function missingCell(reason = 'Für dieses Gebiet liegt kein Wert vor.'): ValueCell {
  return { ...okCell(0), value: null, state: 'missing', reason, origin: 'none' };
}

/**
 * A withheld cell as a faulty use case might hand it over: `hidden` is a value that must never be
 * shown or used, and numerator and denominator are traps that record every read in `reads`.
 */
export function suppressedCell(
  reason: string,
  reads: string[],
  hidden: number | null = null,
): ValueCell {
  const cell = { ...okCell(0), value: hidden, state: 'suppressed' as const, reason };
  for (const field of ['numerator', 'denominator'] as const) {
    Object.defineProperty(cell, field, {
      enumerable: true,
      get() {
        reads.push(field);
        return 999_999;
      },
    });
  }
  return cell;
}

export function area(id: number, code: string, name: string, levelKey = 'quartier'): AreaRef {
  const levelName = system.levels.find((l) => l.key === levelKey)!.name;
  return { id, code, name, levelKey, levelName };
}

/** A small square per area, side by side, near 51.5° N 6.85° E. */
export function square(i: number): Polygon {
  const x = 6.8 + (i % 4) * 0.01;
  const y = 51.45 + Math.floor(i / 4) * 0.01;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.01, y],
        [x + 0.01, y + 0.01],
        [x, y + 0.01],
        [x, y],
      ],
    ],
  };
}

export function shapesOf(areas: AreaRef[]): MapShapeData[] {
  return areas.map((a, i) => ({ areaId: a.id, code: a.code, name: a.name, geometry: square(i) }));
}

export function notice(overrides: Partial<DataNotice> = {}): DataNotice {
  return {
    example: true,
    preview: null,
    internal: false,
    releases: [
      {
        id: 7,
        title: 'Beispielwerte 2023',
        status: 'published',
        publishedAt: new Date('2024-03-01T10:00:00Z'),
        source: 'Beispielquelle',
        licence: 'dl-de/by-2-0',
        isExample: true,
      },
    ],
    ...overrides,
  };
}

export const north = area(2, 'B1', 'Bezirk Nord', 'bezirk');
export const south = area(3, 'B2', 'Bezirk Süd', 'bezirk');
export const city = area(1, 'S', 'Beispielstadt', 'stadt');

/** Rows of a level table: [code, name, cell]; odd rows belong to the north, even to the south. */
export function levelTable(
  cells: [string, string, ValueCell][],
  overrides: Partial<LevelTable> = {},
): LevelTable {
  const rows = cells.map(([code, name, cell], i) => ({
    area: area(10 + i, code, name),
    parent: i % 2 === 0 ? north : south,
    cell,
  }));
  return {
    system,
    level: { key: 'quartier', name: 'Quartier' },
    indicator: indicator(),
    period: '2023-12-31',
    periods: ['2021-12-31', '2022-12-31', '2023-12-31'],
    indicators: [
      indicator(),
      indicator({
        code: 'alq',
        name: 'Arbeitslosenquote',
        topicKey: 'arbeit',
        topicName: 'Arbeit',
      }),
      indicator({
        code: 'ew',
        name: 'Einwohner',
        topicKey: 'bev',
        topicName: 'Bevölkerung',
        unit: '',
      }),
    ],
    rows,
    reference: { area: city, cell: okCell(11.4) },
    shapes: shapesOf(rows.map((r) => r.area)),
    notice: notice(),
    ...overrides,
  };
}

export interface IndexRowSpec {
  code: string;
  name: string;
  population: number | null;
  status?: [number, string];
  dynamics?: [number, string];
  reason?: string;
}

export function indexView(specs: IndexRowSpec[], overrides: Partial<IndexView> = {}): IndexView {
  const rows: IndexAreaRow[] = specs.map((s, i) => ({
    area: area(100 + i, s.code, s.name),
    population: s.population,
    statusIndex: s.status?.[0] ?? null,
    statusClass: s.status?.[1] ?? null,
    dynamicsIndex: s.dynamics?.[0] ?? null,
    dynamicsClass: s.dynamics?.[1] ?? null,
    group: s.status && s.dynamics ? `Status ${s.status[1]}, Dynamik ${s.dynamics[1]}` : null,
    notIndexedReason: s.reason ?? null,
  }));
  const statuses = ['hoch', 'mittel', 'niedrig', 'sehr niedrig'];
  const dynamics = ['positiv', 'stabil', 'negativ'];
  const groups = statuses.flatMap((statusClass) =>
    dynamics.map((dynamicsClass) => {
      const label = `Status ${statusClass}, Dynamik ${dynamicsClass}`;
      return {
        statusClass,
        dynamicsClass,
        label,
        count: rows.filter((r) => r.group === label).length,
      };
    }),
  );
  return {
    config: {
      id: 'mss-beispiel',
      name: 'Sozialindex (Beispiel)',
      description: 'Status- und Dynamikindex nach dem Verfahren des Berliner Monitorings.',
      isExample: true,
      statusIndicators: [indicator(), indicator({ code: 'alq', name: 'Arbeitslosenquote' })],
      dynamicsIndicators: [
        indicator({ code: 'sgb2_quote_diff', name: 'Veränderung SGB-II-Quote' }),
      ],
      dynamicsYears: 2,
      minPopulation: 1500,
      minUnits: 5,
      statusCutoffs: { high: -1, low: 1, veryLow: 1.5 },
      dynamicsCutoffs: { positive: -1, negative: 1 },
    },
    system,
    level: { key: 'quartier', name: 'Quartier' },
    period: '2023-12-31',
    periods: ['2022-12-31', '2023-12-31'],
    computedAt: new Date('2024-04-02T08:30:00Z'),
    indexedCount: rows.filter((r) => r.statusClass !== null).length,
    rows,
    groups,
    shapes: shapesOf(rows.map((r) => r.area)),
    notice: notice(),
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// HTML checks

/** The text of an HTML fragment: tags dropped, entities of the renderer decoded. */
export function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&nbsp;', '\u00a0')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

/** The table with this id, as rows of cell texts (header row included). */
export function tableRows(html: string, id: string): string[][] {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `table #${id} is on the page`);
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((row) =>
    [...row[1]!.matchAll(/<t([hd])[^>]*>(.*?)<\/t\1>/gs)].map((cell) => text(cell[2]!).trim()),
  );
}

/** Exactly one h1, no inline style, no id twice, every url(#…) and href="#…" pointing at an id. */
export function assertPageBasics(html: string): void {
  assert.equal(html.match(/<h1[\s>]/g)?.length, 1, 'exactly one h1');
  assert.doesNotMatch(html, /\sstyle=/, 'no style attribute');
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  for (const id of ids) {
    assert.ok(!seen.has(id), `id "${id}" is unique`);
    seen.add(id);
  }
  for (const m of html.matchAll(/url\(#([^)]+)\)/g)) assert.ok(seen.has(m[1]!), `url(#${m[1]})`);
  for (const m of html.matchAll(/href="#([^"]+)"/g)) assert.ok(seen.has(m[1]!), `href #${m[1]}`);
}

/** The fill of the map shape whose tooltip starts with the area name. */
export function shapeFill(html: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`fill="([^"]+)"><title>${escaped}:`).exec(html)?.[1];
}
