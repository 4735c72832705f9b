// Building blocks of the charts: ids, nice axis ticks, series styles, markers, missing-value marks.
import type { ComponentChildren } from 'preact';
import { formatValue } from './classify.ts';
import type { Locale } from './i18n/index.ts';

export const TEXT = '#1b1f24';
export const MUTED = '#3d4a58';
export const GRID = '#d5dbe1';
/** Average advance of a 13-unit Fira Sans glyph, to reserve room for labels. */
export const CHAR_WIDTH = 7.5;

/** Labels for values that are missing: "–" (no value) and "." (suppressed for confidentiality). */
export interface MissingLabels {
  noDataLabel: string;
  suppressedLabel: string;
}

export const NO_DATA_MARK = '–';
export const SUPPRESSED_MARK = '.';

/** What every chart takes besides its data. */
export interface ChartBase extends MissingLabels {
  /** Unique on the page; all inner ids derive from it. */
  id: string;
  title: string;
  /** Read after the title by screen readers; defaults to a short summary of the data. */
  description?: string;
  unit: string;
  precision: number;
  locale: Locale;
  tableCaption: string;
  width?: number;
}

/**
 * The frame of a chart: a figure whose caption is the visible title, an SVG image named by that
 * title and described by its <desc>, then what follows it (key, table, notes). The drawing stays
 * left to right on right-to-left pages, so text anchors keep their side of the axes.
 */
export function ChartFigure({
  id,
  title,
  description,
  width,
  height,
  graphic,
  children,
}: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  graphic: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <figure class="chart" id={id}>
      <figcaption class="chart__title" id={`${id}-titel`}>
        {title}
      </figcaption>
      <svg
        class="chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-titel ${id}-beschreibung`}
        preserveAspectRatio="xMidYMid meet"
        font-size="13"
        fill={TEXT}
        direction="ltr"
      >
        <desc id={`${id}-beschreibung`}>{description}</desc>
        {graphic}
      </svg>
      {children}
    </figure>
  );
}

/** An id safe to use in HTML and in url(#…) references. */
export function safeId(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_-]/g, '');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `chart-${cleaned}`;
}

export interface Ticks {
  values: number[];
  /** Decimals needed to tell the ticks apart (0,5 steps need one). */
  decimals: number;
  min: number;
  max: number;
}

function decimalsOf(step: number): number {
  for (let d = 0; d < 10; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 10;
}

/** About `target` ticks at steps of 1, 2, 2.5 or 5 × 10ⁿ that cover lo … hi. */
export function niceTicks(lo: number, hi: number, target = 5): Ticks {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return niceTicks(0, 1, target);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return niceTicks(lo - pad, hi + pad, target);
  }
  const raw = (hi - lo) / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
  const decimals = decimalsOf(step);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const values: number[] = [];
  for (let i = first; i <= last; i++) values.push(Number((i * step).toFixed(decimals)));
  return { values, decimals, min: values[0]!, max: values.at(-1)! };
}

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangleDown';

export interface SeriesStyle {
  /** Okabe–Ito based, each at least 3:1 against white (WCAG 1.4.11). */
  colour: string;
  /** stroke-dasharray; '' is a solid line. */
  dash: string;
  marker: MarkerShape;
}

/** Colour, dash pattern and marker differ together, so series stay apart in greyscale print too. */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#0072B2', dash: '', marker: 'circle' },
  { colour: '#D55E00', dash: '9 5', marker: 'square' },
  { colour: '#007A5E', dash: '2 4', marker: 'triangle' },
  { colour: '#6A3D9A', dash: '12 4 2 4', marker: 'diamond' },
  { colour: '#1B1F24', dash: '16 6', marker: 'triangleDown' },
  { colour: '#B0467F', dash: '5 3', marker: 'circle' },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}

export function Marker({
  shape,
  x,
  y,
  colour,
  size = 4.5,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  colour: string;
  size?: number;
}) {
  const r = size;
  const paint = { fill: colour, stroke: '#ffffff', 'stroke-width': 1 };
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} {...paint} />;
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} {...paint} />;
    case 'triangle':
      return (
        <path d={`M${x} ${y - r * 1.2}L${x + r * 1.15} ${y + r}H${x - r * 1.15}Z`} {...paint} />
      );
    case 'triangleDown':
      return (
        <path d={`M${x} ${y + r * 1.2}L${x + r * 1.15} ${y - r}H${x - r * 1.15}Z`} {...paint} />
      );
    case 'diamond':
      return (
        <path
          d={`M${x} ${y - r * 1.3}L${x + r * 1.3} ${y}L${x} ${y + r * 1.3}L${x - r * 1.3} ${y}Z`}
          {...paint}
        />
      );
  }
}

/** A small picture of a series (line with its dash and marker) for the key; hidden from readers. */
export function SeriesSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg
      class="chart-key__swatch"
      viewBox="0 0 40 14"
      width="40"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      <line
        x1="1"
        y1="7"
        x2="39"
        y2="7"
        stroke={style.colour}
        stroke-width="2.5"
        stroke-dasharray={style.dash || undefined}
      />
      <Marker shape={style.marker} x={20} y={7} colour={style.colour} size={4} />
    </svg>
  );
}

/** The text of a value in the chart itself: number, "–" or ".". */
export function valueText(
  value: number | null,
  suppressed: boolean | undefined,
  precision: number,
  locale: Locale,
): string {
  if (value !== null && Number.isFinite(value)) return formatValue(value, precision, locale);
  return suppressed ? SUPPRESSED_MARK : NO_DATA_MARK;
}

/** A value for a table cell: the mark is shown, its meaning is read out. */
export function ValueContent({
  value,
  suppressed,
  precision,
  locale,
  labels,
}: {
  value: number | null;
  suppressed?: boolean | undefined;
  precision: number;
  locale: Locale;
  labels: MissingLabels;
}) {
  if (value !== null && Number.isFinite(value)) return <>{formatValue(value, precision, locale)}</>;
  return (
    <>
      <span aria-hidden="true">{suppressed ? SUPPRESSED_MARK : NO_DATA_MARK}</span>
      <span class="kern-sr-only">{suppressed ? labels.suppressedLabel : labels.noDataLabel}</span>
    </>
  );
}

/** Says what the marks mean, listing only the marks the table uses. */
export function MissingNotes({
  noData,
  suppressed,
  labels,
}: {
  noData: boolean;
  suppressed: boolean;
  labels: MissingLabels;
}) {
  if (!noData && !suppressed) return null;
  return (
    <p class="chart-notes" aria-hidden="true">
      {noData ? `${NO_DATA_MARK} ${labels.noDataLabel}` : null}
      {noData && suppressed ? '; ' : null}
      {suppressed ? `${SUPPRESSED_MARK} ${labels.suppressedLabel}` : null}
    </p>
  );
}

/** A scrollable, keyboard-reachable table with caption, as the area tables are. */
export function ChartTable({
  caption,
  children,
}: {
  caption: string;
  children: ComponentChildren;
}) {
  return (
    <div class="kern-table-responsive" tabindex={0} role="region" aria-label={caption}>
      <table class="kern-table kern-table--striped chart-table">
        <caption class="kern-title">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
