// Horizontal bars comparing areas (or a ranking), with the same figures in a table below.
import { formatValue } from './classify.ts';
import {
  CHAR_WIDTH,
  ChartFigure,
  ChartTable,
  GRID,
  MUTED,
  MissingNotes,
  TEXT,
  ValueContent,
  niceTicks,
  safeId,
  valueText,
  type ChartBase,
} from './chart-parts.tsx';

export interface BarRow {
  label: string;
  value: number | null;
  suppressed?: boolean;
  /** Drawn dark and bold (e.g. the area of the page); the caller says why in `note`. */
  highlight?: boolean;
  note?: string;
}

export interface BarComparisonProps extends ChartBase {
  rows: BarRow[];
  /** Header of the label column of the table, e.g. "Gebiet". */
  labelHeader: string;
  /** Header of the notes column, shown when a row has a note. */
  noteHeader?: string;
}

const BAR_FILL = '#9ec5e8';
const BAR_HIGHLIGHT = '#0b3a6e';

function truncate(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1))}…`;
}

/** Horizontal bars in the order given (the caller sorts a ranking), value at the end of each row. */
export function BarComparison(props: BarComparisonProps) {
  const { title, rows, unit, precision, locale, width = 640 } = props;
  const id = safeId(props.id);
  const values = rows.flatMap((r) =>
    r.value !== null && Number.isFinite(r.value) ? [r.value] : [],
  );
  // Bars start at zero, so their lengths compare truthfully.
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const ticks = niceTicks(lo, hi === lo ? lo + 1 : hi, 4);
  const texts = rows.map((r) => valueText(r.value, r.suppressed, precision, locale));
  const labelChars = Math.min(28, Math.max(4, ...rows.map((r) => r.label.length)));
  const left = 12 + labelChars * CHAR_WIDTH;
  const valueW = 14 + CHAR_WIDTH * Math.max(...texts.map((t) => t.length), unit.length);
  const top = 8;
  const rowH = 28;
  const height = top + rows.length * rowH + 30;
  const plotW = width - left - valueW;
  const xOf = (v: number) => left + ((v - ticks.min) / (ticks.max - ticks.min)) * plotW;
  const zero = xOf(0);
  const axisY = top + rows.length * rowH;
  const hasNotes = rows.some((r) => r.note);

  return (
    <ChartFigure
      id={id}
      title={title}
      description={props.description ?? rows.map((r, i) => `${r.label}: ${texts[i]}`).join('; ')}
      width={width}
      height={height}
      graphic={
        <>
          <g class="chart__grid">
            {ticks.values.map((v) => (
              <g>
                <line x1={xOf(v)} x2={xOf(v)} y1={top} y2={axisY} stroke={GRID} />
                <text x={xOf(v)} y={axisY + 18} text-anchor="middle">
                  {formatValue(v, ticks.decimals, locale)}
                </text>
              </g>
            ))}
          </g>
          <text x={width - 4} y={axisY + 18} text-anchor="end" fill={MUTED} class="chart__unit">
            {unit}
          </text>
          {rows.map((r, i) => {
            const cy = top + i * rowH + rowH / 2;
            const known = r.value !== null && Number.isFinite(r.value);
            const end = known ? xOf(r.value!) : zero;
            return (
              <g class={r.highlight ? 'chart__bar chart__bar--highlight' : 'chart__bar'}>
                <text
                  x={left - 8}
                  y={cy + 4}
                  text-anchor="end"
                  font-weight={r.highlight ? 'bold' : undefined}
                >
                  {truncate(r.label, labelChars)}
                </text>
                {known ? (
                  <rect
                    x={Math.min(zero, end)}
                    y={cy - 9}
                    width={Math.max(Math.abs(end - zero), 1)}
                    height={18}
                    fill={r.highlight ? BAR_HIGHLIGHT : BAR_FILL}
                    stroke={BAR_HIGHLIGHT}
                    stroke-width={r.highlight ? 2 : 1}
                  />
                ) : null}
                <text
                  x={width - 4}
                  y={cy + 4}
                  text-anchor="end"
                  font-weight={r.highlight ? 'bold' : undefined}
                >
                  {texts[i]}
                </text>
              </g>
            );
          })}
          <line x1={zero} x2={zero} y1={top} y2={axisY} stroke={TEXT} class="chart__axis" />
        </>
      }
    >
      <ChartTable caption={props.tableCaption}>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              {props.labelHeader}
            </th>
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              {unit}
            </th>
            {hasNotes ? (
              <th scope="col" class="kern-table__header">
                {props.noteHeader}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((r) => (
            <tr class={r.highlight ? 'kern-table__row chart-table__highlight' : 'kern-table__row'}>
              <th scope="row" class="kern-table__cell">
                {r.highlight ? <strong>{r.label}</strong> : r.label}
              </th>
              <td class="kern-table__cell kern-table__cell--numeric">
                <ValueContent
                  value={r.value}
                  suppressed={r.suppressed}
                  precision={precision}
                  locale={locale}
                  labels={props}
                />
              </td>
              {hasNotes ? <td class="kern-table__cell">{r.note ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </ChartTable>
      <MissingNotes
        noData={rows.some((r) => r.value === null && !r.suppressed)}
        suppressed={rows.some((r) => r.value === null && r.suppressed)}
        labels={props}
      />
    </ChartFigure>
  );
}
