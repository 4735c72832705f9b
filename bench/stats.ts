// Small statistics and formatting helpers shared by the benchmarks: percentiles, medians, number formatting.

/** Nearest-rank percentile of unsorted samples (p in 0..100). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (samples: number[]): number => percentile(samples, 50);

/** Thousands without decimals, small values with two, the rest with one (unless told). */
export function fmt(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return '–';
  digits ??= Math.abs(value) < 10 ? 2 : 1;
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(digits);
}

export function ratio(value: number, baseline: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return '–';
  return `${value / baseline >= 10 ? (value / baseline).toFixed(0) : (value / baseline).toFixed(1)}×`;
}

export function kib(bytes: number): string {
  return bytes >= 10 * 2 ** 20
    ? `${(bytes / 2 ** 20).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(0)} KiB`;
}
