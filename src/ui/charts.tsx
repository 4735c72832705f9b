// Server-rendered SVG charts with their data tables: the time series lives here, the bar
// comparison and the choropleth legend beside it; this file is the one to import.
import { formatValue } from './classify.ts';
import {
  CHAR_WIDTH,
  ChartFigure,
  ChartTable,
  GRID,
  MUTED,
  Marker,
  MissingNotes,
  NO_DATA_MARK,
  SeriesSwatch,
  TEXT,
  ValueContent,
  niceTicks,
  safeId,
  seriesStyle,
  type ChartBase,
} from './chart-parts.tsx';
import type { Locale } from './i18n/index.ts';

export { BarComparison, type BarComparisonProps, type BarRow } from './bar-comparison.tsx';
export { Legend, MissingPatterns, type LegendProps } from './map-legend.tsx';
export type { ChartBase, MissingLabels } from './chart-parts.tsx';

export interface ChartPoint {
  period: string;
  value: number | null;
  /** The value exists but is withheld (confidentiality): shown as "." instead of "–". */
  suppressed?: boolean;
}

export interface ChartSeries {
  label: string;
  points: ChartPoint[];
}

export interface LineChartProps extends ChartBase {
  series: ChartSeries[];
  /** Header of the period column of the table, e.g. "Jahr". */
  periodLabel: string;
  /** Order of the periods on the axis; defaults to all periods of the series, sorted. */
  periods?: string[];
  /** Start the value axis at zero (default: fit the data). */
  includeZero?: boolean;
  height?: number;
}

function collectPeriods(series: ChartSeries[]): string[] {
  const all = new Set<string>();
  for (const s of series) for (const p of s.points) all.add(p.period);
  return [...all].sort((a, b) => a.localeCompare(b, 'de', { numeric: true }));
}

/** Lines through runs of neighbouring values: a gap (null) breaks the line, a lone value keeps its marker. */
function linePath(points: ({ x: number; y: number } | null)[]): string {
  let d = '';
  points.forEach((p, i) => {
    if (!p) return;
    const before = points[i - 1];
    if (before) d += `L${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
    else if (points[i + 1]) d += `M${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
  });
  return d;
}

function summary(series: ChartSeries[], precision: number, locale: Locale): string {
  return series
    .map((s) => {
      const known = s.points.filter((p) => p.value !== null && Number.isFinite(p.value));
      const first = known[0];
      const last = known.at(-1);
      if (!first || !last) return `${s.label}: ${NO_DATA_MARK}`;
      const from = `${formatValue(first.value!, precision, locale)} (${first.period})`;
      if (first === last) return `${s.label}: ${from}`;
      return `${s.label}: ${from} – ${formatValue(last.value!, precision, locale)} (${last.period})`;
    })
    .join('; ');
}

/**
 * A time series of one or more series (area, parent area, city), told apart by colour, dash and
 * marker; the same figures follow in a table with one row per period.
 */
export function LineChart(props: LineChartProps) {
  const { title, series, unit, precision, locale, width = 640, height = 320 } = props;
  const id = safeId(props.id);
  const periods = props.periods ?? collectPeriods(series);
  const byPeriod = series.map((s) => new Map(s.points.map((p) => [p.period, p])));
  const values = series.flatMap((s) =>
    s.points.flatMap((p) => (p.value !== null && Number.isFinite(p.value) ? [p.value] : [])),
  );
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (props.includeZero) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  const ticks = niceTicks(lo, hi);
  const tickLabels = ticks.values.map((v) => formatValue(v, ticks.decimals, locale));

  const left = 14 + CHAR_WIDTH * Math.max(...tickLabels.map((t) => t.length));
  const top = 28;
  const right = 20;
  const bottom = 36;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const inset = 12;
  const x = (i: number) =>
    periods.length < 2
      ? left + plotW / 2
      : left + inset + ((plotW - 2 * inset) * i) / (periods.length - 1);
  const y = (v: number) => top + plotH - ((v - ticks.min) / (ticks.max - ticks.min)) * plotH;
  const longest = Math.max(1, ...periods.map((p) => p.length));
  const everyNth = Math.max(1, Math.ceil((periods.length * (longest * CHAR_WIDTH + 12)) / plotW));

  const noData = series.some((_, si) =>
    periods.some((p) => {
      const point = byPeriod[si]!.get(p);
      return !point || (point.value === null && !point.suppressed);
    }),
  );
  const suppressed = series.some((s) => s.points.some((p) => p.value === null && p.suppressed));

  return (
    <ChartFigure
      id={id}
      title={title}
      description={props.description ?? summary(series, precision, locale)}
      width={width}
      height={height}
      graphic={
        <>
          <text x={left} y={14} fill={MUTED} class="chart__unit">
            {unit}
          </text>
          <g class="chart__grid">
            {ticks.values.map((v, i) => (
              <g>
                <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} stroke={GRID} />
                <text x={left - 6} y={y(v) + 4} text-anchor="end">
                  {tickLabels[i]}
                </text>
              </g>
            ))}
          </g>
          <line
            class="chart__axis"
            x1={left}
            x2={width - right}
            y1={top + plotH}
            y2={top + plotH}
            stroke={TEXT}
          />
          <g class="chart__periods">
            {periods.map((p, i) =>
              i % everyNth === 0 ? (
                <text x={x(i)} y={top + plotH + 20} text-anchor="middle">
                  {p}
                </text>
              ) : null,
            )}
          </g>
          {series.map((_, si) => {
            const style = seriesStyle(si);
            const points = periods.map((p, i) => {
              const v = byPeriod[si]!.get(p)?.value;
              return v === null || v === undefined || !Number.isFinite(v)
                ? null
                : { x: x(i), y: y(v) };
            });
            const d = linePath(points);
            return (
              <g class="chart__series">
                {d ? (
                  <path
                    d={d}
                    fill="none"
                    stroke={style.colour}
                    stroke-width="2.5"
                    stroke-linejoin="round"
                    stroke-dasharray={style.dash || undefined}
                  />
                ) : null}
                {points.map((pt) =>
                  pt ? (
                    <Marker shape={style.marker} x={pt.x} y={pt.y} colour={style.colour} />
                  ) : null,
                )}
              </g>
            );
          })}
        </>
      }
    >
      <ul class="chart-key">
        {series.map((s, si) => (
          <li>
            <SeriesSwatch style={seriesStyle(si)} />
            <span>{s.label}</span>
          </li>
        ))}
      </ul>
      <ChartTable caption={props.tableCaption}>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              {props.periodLabel}
            </th>
            {series.map((s) => (
              <th scope="col" class="kern-table__header kern-table__header--numeric">
                {unit ? `${s.label} (${unit})` : s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {periods.map((p) => (
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {p}
              </th>
              {byPeriod.map((points) => {
                const point = points.get(p);
                return (
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <ValueContent
                      value={point?.value ?? null}
                      suppressed={point?.suppressed}
                      precision={precision}
                      locale={locale}
                      labels={props}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </ChartTable>
      <MissingNotes noData={noData} suppressed={suppressed} labels={props} />
    </ChartFigure>
  );
}
