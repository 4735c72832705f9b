// Hand-built view models of a fictitious city for the presenter tests of the profile and the
// comparison.
import type { Polygon } from 'geojson';
import { translator } from '../../../ui/i18n/index.ts';
import type { PageContext } from '../../../ui/page.ts';
import type {
  AreaRef,
  ComparisonView,
  DataNotice,
  IndicatorInfo,
  ProfileRow,
  ProfileView,
  ReleaseRef,
  SystemRef,
  ValueCell,
} from '../view-model.ts';

export function pageContext(path = '/monitoring'): PageContext {
  return { locale: 'de', t: translator('de'), path, csrfToken: undefined, user: null };
}

const base: ValueCell = {
  value: null,
  state: 'ok',
  reason: null,
  internal: false,
  origin: 'imported',
  numerator: null,
  denominator: null,
};
export const ok = (value: number): ValueCell => ({ ...base, value });
/** Withheld; the value is left in on purpose, to prove that no presenter prints it. */
export const suppressed = (reason: string, value: number | null = null): ValueCell => ({
  ...base,
  value,
  state: 'suppressed',
  reason,
});
export const missing = (reason: string): ValueCell => ({
  ...base,
  state: 'missing',
  reason,
  origin: 'none',
});
export const internal = (value: number, reason: string): ValueCell => ({
  ...base,
  value,
  internal: true,
  reason,
});

export function indicator(over: Partial<IndicatorInfo> & { code: string }): IndicatorInfo {
  return {
    name: `Indikator ${over.code}`,
    description: 'Erfundener Testindikator.',
    topicKey: 'arbeit',
    topicName: 'Arbeit und Transferleistungen',
    unit: '%',
    kind: 'share',
    numeratorCode: null,
    denominatorCode: null,
    per: 100,
    polarity: 'high_bad',
    source: 'Testquelle',
    licence: 'CC BY 4.0',
    minCount: 5,
    precision: 1,
    isPublic: true,
    isExample: true,
    aggregable: true,
    ...over,
  };
}

export const release: ReleaseRef = {
  id: 42,
  title: 'Testwerte 2022',
  status: 'published',
  publishedAt: new Date('2023-03-01T10:00:00Z'),
  source: 'Testquelle Statistikstelle',
  licence: 'CC BY 4.0',
  isExample: true,
};

export function notice(over: Partial<DataNotice> = {}): DataNotice {
  return { example: true, preview: null, internal: true, releases: [release], ...over };
}

export const system: SystemRef = {
  id: 'teststadt',
  name: 'Teststadt Sozialräume',
  isExample: true,
  levels: [
    { key: 'stadt', name: 'Stadt', rank: 1 },
    { key: 'sozialraum', name: 'Sozialraum', rank: 2 },
    { key: 'quartier', name: 'Sozialquartier', rank: 3 },
  ],
};

const area = (id: number, code: string, name: string, levelKey: string): AreaRef => ({
  id,
  code,
  name,
  levelKey,
  levelName: system.levels.find((l) => l.key === levelKey)!.name,
});
export const city = area(1, 'S', 'Teststadt', 'stadt');
export const district = area(2, 'S1', 'Bezirk Nord', 'sozialraum');
export const quarter = area(3, 'S1-1', 'Nordviertel', 'quartier');
export const neighbour = area(4, 'S1-2', 'Hafenviertel', 'quartier');
export const other = area(5, 'S2-1', 'Südviertel', 'quartier');

export const indicators = {
  sgb2: indicator({
    code: 'sgb2_quote',
    name: 'SGB-II-Quote',
    numeratorCode: 'sgb2',
    denominatorCode: 'ew_u65',
  }),
  hzl: indicator({ code: 'hzl_quote', name: 'Hilfe zum Lebensunterhalt', unit: '%' }),
  kita: indicator({
    code: 'kita',
    name: 'Kinder in Kitas',
    polarity: 'high_good',
    isPublic: false,
  }),
  gesund: indicator({
    code: 'schuleingang',
    name: 'Befund Schuleingang',
    kind: 'rate',
    per: 1000,
    unit: 'je 1.000 Kinder',
  }),
  zuzuege: indicator({
    code: 'zuzuege',
    name: 'Zuzüge',
    topicKey: 'bevoelkerung',
    topicName: 'Bevölkerung',
    unit: 'je 1.000 Einwohner',
    kind: 'rate',
    per: 1000,
    polarity: 'neutral',
  }),
  einwohner: indicator({
    code: 'einwohner',
    name: 'Einwohnerinnen und Einwohner',
    topicKey: 'bevoelkerung',
    topicName: 'Bevölkerung',
    unit: 'Personen',
    kind: 'count',
    polarity: 'neutral',
    precision: 0,
    minCount: 0,
    isExample: false,
  }),
};

const periods = ['2020-12-31', '2021-12-31', '2022-12-31'];

function row(
  ind: IndicatorInfo,
  cells: { value: ValueCell; parent: ValueCell | null; city: ValueCell | null },
  rating: ProfileRow['rating'],
  change: ProfileRow['change'],
  series: ProfileRow['series'] = [],
  period = '2022-12-31',
): ProfileRow {
  return { indicator: ind, period, ...cells, rating, change, series };
}

export const SECRET = 987.6;

function square(x: number, y: number): Polygon {
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

export function profileView(over: Partial<ProfileView> = {}): ProfileView {
  return {
    system,
    area: { ...quarter, population: 12345, populationDate: '2022-12-31' },
    ancestors: [city, district],
    parent: district,
    city,
    children: [],
    period: '2022-12-31',
    periods,
    topics: [
      {
        key: 'arbeit',
        name: 'Arbeit und Transferleistungen',
        rows: [
          row(
            indicators.sgb2,
            { value: ok(18.4), parent: ok(15.7), city: ok(12.1) },
            'worse',
            { from: '2020-12-31', value: ok(1.3) },
            [
              {
                period: '2020-12-31',
                area: ok(17.1),
                parent: suppressed('gesperrt', SECRET),
                city: ok(11.9),
              },
              { period: '2021-12-31', area: ok(17.8), parent: ok(15.2), city: ok(12.0) },
              { period: '2022-12-31', area: ok(18.4), parent: ok(15.7), city: ok(12.1) },
            ],
          ),
          row(
            indicators.hzl,
            { value: suppressed('weniger als 5 Fälle', SECRET), parent: ok(2.2), city: ok(1.9) },
            'none',
            { from: '2020-12-31', value: suppressed('aus gesperrtem Wert abgeleitet') },
          ),
          row(
            indicators.kita,
            { value: internal(4.2, 'unter der Mindestfallzahl'), parent: ok(88.5), city: ok(91) },
            'worse',
            { from: '2021-12-31', value: internal(-0.4, 'unter der Mindestfallzahl') },
            [
              {
                period: '2021-12-31',
                area: internal(4.6, 'intern'),
                parent: ok(87.1),
                city: ok(90),
              },
              {
                period: '2022-12-31',
                area: internal(4.2, 'intern'),
                parent: ok(88.5),
                city: ok(91),
              },
            ],
          ),
          row(
            indicators.gesund,
            { value: missing('nicht erhoben'), parent: ok(31.25), city: ok(28.5) },
            'none',
            null,
            [
              {
                period: '2022-12-31',
                area: missing('nicht erhoben'),
                parent: ok(31.25),
                city: ok(28.5),
              },
            ],
          ),
        ],
      },
      {
        key: 'bevoelkerung',
        name: 'Bevölkerung',
        rows: [
          row(
            indicators.einwohner,
            { value: ok(12345), parent: ok(45678), city: ok(210000) },
            'none',
            { from: '2020-12-31', value: ok(-123) },
          ),
          // Not collected in 2022: the latest value before the chosen period.
          row(
            indicators.zuzuege,
            { value: ok(54.5), parent: ok(48), city: ok(51.2) },
            'higher',
            null,
            [],
            '2021-12-31',
          ),
        ],
      },
    ],
    index: [
      {
        configId: 'sozialindex',
        configName: 'Sozialindex Test',
        period: '2022-12-31',
        statusIndex: -0.53,
        statusClass: 'niedrig',
        dynamicsIndex: -0.12,
        dynamicsClass: 'negativ',
        group: 'niedrig/negativ',
        notIndexedReason: null,
      },
      {
        configId: 'kinderindex',
        configName: 'Kinderindex Test',
        period: '2022-12-31',
        statusIndex: null,
        statusClass: null,
        dynamicsIndex: null,
        dynamicsClass: null,
        group: null,
        notIndexedReason: 'weniger als 300 Einwohnerinnen und Einwohner',
      },
    ],
    locator: {
      shapes: [
        { areaId: quarter.id, code: quarter.code, name: quarter.name, geometry: square(6.8, 51.5) },
        {
          areaId: neighbour.id,
          code: neighbour.code,
          name: neighbour.name,
          geometry: square(6.81, 51.5),
        },
        { areaId: other.id, code: other.code, name: other.name, geometry: square(6.8, 51.49) },
      ],
      highlightId: quarter.id,
    },
    notice: notice(),
    ...over,
  };
}

export function comparisonView(over: Partial<ComparisonView> = {}): ComparisonView {
  return {
    system,
    areas: [
      { ...quarter, population: 12345 },
      { ...neighbour, population: 8765 },
      { ...district, population: 45678 },
    ],
    period: '2022-12-31',
    periods,
    topics: [
      {
        key: 'arbeit',
        name: 'Arbeit und Transferleistungen',
        rows: [
          {
            indicator: indicators.sgb2,
            cells: [ok(18.4), suppressed('weniger als 5 Fälle', SECRET), ok(15.7)],
            city: ok(12.1),
          },
          {
            indicator: indicators.kita,
            cells: [
              internal(4.2, 'unter der Mindestfallzahl'),
              ok(76.25),
              missing('nicht erhoben'),
            ],
            city: ok(91),
          },
        ],
      },
      {
        key: 'bevoelkerung',
        name: 'Bevölkerung',
        rows: [
          {
            indicator: indicators.einwohner,
            cells: [ok(12345), ok(8765), ok(45678)],
            city: ok(210000),
          },
        ],
      },
    ],
    choices: [
      { level: 'Sozialraum', areas: [district] },
      { level: 'Sozialquartier', areas: [quarter, neighbour, other] },
    ],
    notice: notice(),
    ...over,
  };
}
