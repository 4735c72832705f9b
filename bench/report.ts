// Markdown tables of the results: load runs (req/s, p50/p95) and timed runs (median, min, max), with ratios.
import type { LoadResult } from './load.ts';
import { fmt, median, ratio } from './stats.ts';

export interface LoadRow {
  label: string;
  concurrency: number;
  result: LoadResult;
  /** The row this one is compared with; absent on a baseline row. */
  baseline?: LoadResult | undefined;
}

export interface TimedRow {
  label: string;
  samples: number[];
  /** Samples of the row this one is compared with. */
  baseline?: number[] | undefined;
  /** Marks the baseline rows themselves; rows with neither show no ratio. */
  isBaseline?: boolean;
  note?: string | undefined;
}

/** First and text columns left-aligned, numbers right-aligned. */
function table(head: string[], rows: string[][], textColumns: number[] = [0]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = head.map((_h, i) => (textColumns.includes(i) ? '---' : '---:'));
  return [line(head), line(rule), ...rows.map(line)].join('\n');
}

export function loadTable(rows: LoadRow[]): string {
  return table(
    [
      'Benchmark',
      'c',
      'n',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p50 / baseline',
      'time per req / baseline',
    ],
    rows.map((r) => [
      r.label + (r.result.errors > 0 ? ` (**${r.result.errors} errors**)` : ''),
      String(r.concurrency),
      String(r.result.requests),
      fmt(r.result.rps, 0),
      fmt(r.result.p50),
      fmt(r.result.p95),
      r.baseline ? ratio(r.result.p50, r.baseline.p50) : 'baseline',
      r.baseline ? ratio(r.baseline.rps, r.result.rps) : 'baseline',
    ]),
  );
}

export function timedTable(rows: TimedRow[]): string {
  return table(
    ['Benchmark', 'runs', 'median ms', 'min ms', 'max ms', 'median / baseline', 'note'],
    rows.map((r) => [
      r.label,
      String(r.samples.length),
      fmt(median(r.samples)),
      fmt(Math.min(...r.samples)),
      fmt(Math.max(...r.samples)),
      r.baseline ? ratio(median(r.samples), median(r.baseline)) : r.isBaseline ? 'baseline' : '–',
      r.note ?? '',
    ]),
    [0, 6],
  );
}
