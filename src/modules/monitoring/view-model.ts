// What the monitoring use cases hand to presenters and exports: values already aggregated and
// disclosure-controlled on the server, with their reasons, sources and example/preview labels.
import type { Geometry } from 'geojson';

export type CellState =
  /** A value to show. */
  | 'ok'
  /** Withheld: below the disclosure rule, to protect another cell, derived from one, or at the source. */
  | 'suppressed'
  /** No value for this area and period. */
  | 'missing';

export interface ValueCell {
  value: number | null;
  state: CellState;
  /** Why there is no value or it is withheld (German). */
  reason: string | null;
  /** The value is withheld in public outputs and shown only because the viewer is staff. */
  internal: boolean;
  origin: 'imported' | 'aggregated' | 'computed' | 'none';
  numerator: number | null;
  denominator: number | null;
}

export interface IndicatorInfo {
  code: string;
  name: string;
  description: string;
  topicKey: string;
  topicName: string;
  unit: string;
  kind: 'count' | 'share' | 'rate' | 'change_pp' | 'index' | 'value';
  numeratorCode: string | null;
  denominatorCode: string | null;
  per: number;
  polarity: 'high_bad' | 'high_good' | 'neutral';
  source: string;
  licence: string;
  minCount: number;
  precision: number;
  isPublic: boolean;
  isExample: boolean;
  /** Whether values can be summed up the hierarchy (counts, shares with numerator and denominator). */
  aggregable: boolean;
}

export interface ReleaseRef {
  id: number;
  title: string;
  status: string;
  publishedAt: Date | null;
  source: string;
  licence: string;
  isExample: boolean;
}

/** Labels every page, export and API answer needs: example data, a draft preview, internal values. */
export interface DataNotice {
  /** Some shown values are example data: "Beispieldaten – keine amtlichen Werte". */
  example: boolean;
  /** Values of an unpublished release shown to staff. */
  preview: ReleaseRef | null;
  /** Some shown values are withheld in public and visible only to staff. */
  internal: boolean;
  releases: ReleaseRef[];
}

export interface SystemRef {
  id: string;
  name: string;
  isExample: boolean;
  levels: { key: string; name: string; rank: number }[];
}

export interface AreaRef {
  id: number;
  code: string;
  name: string;
  levelKey: string;
  levelName: string;
}

/** Better / similar / worse than the reference, respecting the indicator's polarity. */
export type Rating = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'none';

export interface ProfileRow {
  indicator: IndicatorInfo;
  /** The period of the value: the chosen one, or the latest before it for indicators not collected then. */
  period: string;
  value: ValueCell;
  parent: ValueCell | null;
  city: ValueCell | null;
  rating: Rating;
  /** Change from the earliest to the chosen period (percentage points for shares). */
  change: { from: string; value: ValueCell } | null;
  series: { period: string; area: ValueCell; parent: ValueCell | null; city: ValueCell | null }[];
}

export interface IndexPlacement {
  configId: string;
  configName: string;
  period: string;
  statusIndex: number | null;
  statusClass: string | null;
  dynamicsIndex: number | null;
  dynamicsClass: string | null;
  group: string | null;
  notIndexedReason: string | null;
}

export interface MapShapeData {
  areaId: number;
  code: string;
  name: string;
  geometry: Geometry;
}

export interface ProfileView {
  system: SystemRef;
  area: AreaRef & { population: number | null; populationDate: string | null };
  ancestors: AreaRef[];
  parent: AreaRef | null;
  city: AreaRef | null;
  children: AreaRef[];
  period: string;
  periods: string[];
  topics: { key: string; name: string; rows: ProfileRow[] }[];
  index: IndexPlacement[];
  /** The area among its siblings, for the locator map (empty when there are no boundaries). */
  locator: { shapes: MapShapeData[]; highlightId: number };
  notice: DataNotice;
}

export interface LevelTable {
  system: SystemRef;
  level: { key: string; name: string };
  indicator: IndicatorInfo;
  period: string;
  periods: string[];
  /** Other indicators with values on this system, for the chooser. */
  indicators: IndicatorInfo[];
  rows: { area: AreaRef; parent: AreaRef | null; cell: ValueCell }[];
  /** Value of the top-level area (the city), if any. */
  reference: { area: AreaRef; cell: ValueCell } | null;
  shapes: MapShapeData[];
  notice: DataNotice;
}

export interface ComparisonView {
  system: SystemRef;
  areas: (AreaRef & { population: number | null })[];
  period: string;
  periods: string[];
  topics: {
    key: string;
    name: string;
    rows: { indicator: IndicatorInfo; cells: ValueCell[]; city: ValueCell | null }[];
  }[];
  /** Areas one can add (same system), grouped by level. */
  choices: { level: string; areas: AreaRef[] }[];
  notice: DataNotice;
}

export interface IndexAreaRow {
  area: AreaRef;
  population: number | null;
  statusIndex: number | null;
  statusClass: string | null;
  dynamicsIndex: number | null;
  dynamicsClass: string | null;
  group: string | null;
  notIndexedReason: string | null;
}

export interface IndexView {
  config: {
    id: string;
    name: string;
    description: string;
    isExample: boolean;
    statusIndicators: IndicatorInfo[];
    dynamicsIndicators: IndicatorInfo[];
    dynamicsYears: number | null;
    minPopulation: number;
    minUnits: number;
    statusCutoffs: { high: number; low: number; veryLow: number };
    dynamicsCutoffs: { positive: number; negative: number };
  };
  system: SystemRef;
  level: { key: string; name: string };
  period: string;
  periods: string[];
  computedAt: Date;
  indexedCount: number;
  rows: IndexAreaRow[];
  /** The 12 groups (4 status × 3 dynamics classes) with their counts, in reading order. */
  groups: { statusClass: string; dynamicsClass: string; label: string; count: number }[];
  shapes: MapShapeData[];
  notice: DataNotice;
}

export interface OverviewView {
  systems: {
    system: SystemRef;
    indicatorCount: number;
    periods: string[];
    /** The top area (the city), for a first profile link. */
    topArea: AreaRef | null;
    indexConfigs: { id: string; name: string; isExample: boolean }[];
    example: boolean;
  }[];
  indicatorCount: number;
}

export interface CatalogueView {
  topics: { key: string; name: string; indicators: IndicatorInfo[] }[];
  /** Names of numerator/denominator indicators by code, to describe shares. */
  names: Record<string, string>;
}

export interface SystemView {
  system: SystemRef;
  levels: { key: string; name: string; areas: AreaRef[] }[];
  indicators: IndicatorInfo[];
  indexConfigs: { id: string; name: string; isExample: boolean; levelKey: string }[];
  notice: DataNotice;
}
