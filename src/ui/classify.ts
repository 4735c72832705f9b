// Choropleth classification: class breaks (quantile, Jenks, equal, manual), class lookup, palettes, labels.
import { ckmeans, quantileSorted } from 'simple-statistics';
import { AppError } from '../core/errors.ts';
import type { Locale } from './i18n/index.ts';
import { MAX_PALETTE_CLASSES, schemeColours } from './palettes.ts';

export type ClassMethod = 'quantile' | 'jenks' | 'equal' | 'manual';
export type Polarity = 'high_bad' | 'high_good' | 'neutral';

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the locale writes it, with exactly `precision` decimals (German: 12,5); never "-0". */
export function formatValue(value: number, precision: number, locale: Locale): string {
  const key = `${locale}:${precision}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, {
      minimumFractionDigits: precision,
      maximumFractionDigits: precision,
      signDisplay: 'negative',
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

function germanNumber(value: number): string {
  return new Intl.NumberFormat('de', { maximumFractionDigits: 10 }).format(value);
}

function invalid(message: string): AppError {
  return new AppError('invalid_input', message, [{ field: 'breaks', message }]);
}

function distinct(sorted: number[]): number[] {
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}

/**
 * Strictly ascending lower bounds, then the maximum: ties in the data can make quantiles equal,
 * and a top class may hold the maximum alone (its lower break equals the maximum).
 */
function withMax(lowerBounds: number[], max: number): number[] {
  return [...lowerBounds.filter((b, i) => i === 0 || b > lowerBounds[i - 1]!), max];
}

function manualBreaks(sorted: number[], classes: number, manual: number[] | undefined): number[] {
  if (!manual || manual.length !== classes + 1) {
    throw invalid(
      `Für ${classes} Klassen braucht die manuelle Einteilung ${classes + 1} Grenzen ` +
        `(Unter- und Obergrenze eingeschlossen), angegeben sind ${manual?.length ?? 0}.`,
    );
  }
  manual.forEach((b, i) => {
    if (!Number.isFinite(b)) throw invalid(`Die ${i + 1}. Klassengrenze ist keine Zahl.`);
    if (i > 0 && b <= manual[i - 1]!) {
      throw invalid(
        `Die Klassengrenzen müssen aufsteigen: Auf „${germanNumber(manual[i - 1]!)}“ ` +
          `folgt „${germanNumber(b)}“.`,
      );
    }
  });
  const breaks = [...manual];
  // Values beyond the given range widen the outer classes, so every value has a class and the
  // legend states the real range.
  if (sorted.length > 0) {
    breaks[0] = Math.min(breaks[0]!, sorted[0]!);
    breaks[classes] = Math.max(breaks[classes]!, sorted.at(-1)!);
  }
  return breaks;
}

/**
 * Class breaks for a choropleth map, the minimum first and the maximum last; class i holds the
 * values from breaks[i] up to below breaks[i + 1], the last class includes its upper break.
 * The breaks ascend strictly, except that the last two may be equal: a top class holding only the
 * maximum. Non-finite values (NaN, missing) are ignored; no values give []. With no more distinct
 * values than classes each value gets its own class (so a single value gives [v, v]); ties can
 * also leave quantiles with fewer classes. The number of classes is breaks.length − 1.
 * `manual` takes all classes + 1 breaks, strictly ascending; the data may widen the outer two.
 */
export function classBreaks(
  values: number[],
  method: ClassMethod,
  classes: number,
  manual?: number[],
): number[] {
  if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
    throw invalid(
      `Die Zahl der Klassen muss zwischen ${MIN_CLASSES} und ${MAX_CLASSES} liegen, ` +
        `angegeben ist ${germanNumber(classes)}.`,
    );
  }
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (method === 'manual') return manualBreaks(sorted, classes, manual);
  if (sorted.length === 0) return [];
  const max = sorted.at(-1)!;
  const levels = distinct(sorted);
  // No more distinct values than classes: each value is a class of its own, whatever the method.
  if (levels.length <= classes) return withMax(levels, max);
  const min = sorted[0]!;
  const lower = [min];
  if (method === 'equal') {
    for (let i = 1; i < classes; i++) lower.push(min + ((max - min) * i) / classes);
  } else if (method === 'quantile') {
    // Type-7 quantiles: position (n − 1)·p in the sorted values, linear in between.
    for (let i = 1; i < classes; i++) lower.push(quantileSorted(sorted, i / classes));
  } else {
    // Ckmeans is the optimal one-dimensional k-means (Wang & Song 2011), which Jenks natural
    // breaks approximates; each further cluster starts a class.
    for (const cluster of ckmeans(sorted, classes).slice(1)) lower.push(cluster[0]!);
  }
  return withMax(lower, max);
}

/**
 * The class (0 … breaks.length − 2) of a value; values beyond the outer breaks fall into the
 * outer classes. −1 when the value is not a finite number or there are no classes.
 */
export function classOf(value: number, breaks: number[]): number {
  if (!Number.isFinite(value) || breaks.length < 2) return -1;
  for (let i = breaks.length - 2; i > 0; i--) if (value >= breaks[i]!) return i;
  return 0;
}

/**
 * Colour-blind-safe fill colours for 1 to 9 classes, one per class, lowest class first. Sequential
 * maps keep one meaning across the platform: darker is worse (high_bad: high values dark,
 * high_good: low values dark); neutral indicators use a blue ramp, darker for more. Diverging
 * palettes put red on the bad side (high_bad: high values red).
 */
export function palette(
  classes: number,
  polarity: Polarity,
  kind: 'sequential' | 'diverging' = 'sequential',
): string[] {
  if (!Number.isInteger(classes) || classes < 1 || classes > MAX_PALETTE_CLASSES) {
    throw invalid(
      `Eine Farbskala gibt es für 1 bis ${MAX_PALETTE_CLASSES} Klassen, nicht für ${germanNumber(classes)}.`,
    );
  }
  if (kind === 'diverging') {
    if (polarity === 'neutral') return schemeColours('puOr', classes);
    const redFirst = schemeColours('rdBu', classes);
    return polarity === 'high_good' ? redFirst : redFirst.reverse();
  }
  if (polarity === 'neutral') return schemeColours('puBu', classes);
  const lightFirst = schemeColours('orRd', classes);
  return polarity === 'high_bad' ? lightFirst : lightFirst.reverse();
}

export interface BreakLabelWords {
  /** Between the bounds of a class that excludes its upper bound. */
  below: string;
  /** Between the bounds of the last class, which includes its upper bound. */
  upTo: string;
}

const germanWords: BreakLabelWords = { below: 'bis unter', upTo: 'bis' };

/**
 * The label of one class, e.g. "12,3 bis unter 15,0"; `closed` for the last class ("15,0 bis 20,0").
 * The words default to German; other languages pass theirs from the catalogue.
 */
export function formatBreakLabel(
  lo: number,
  hi: number,
  precision: number,
  locale: Locale,
  options: { closed?: boolean; words?: BreakLabelWords } = {},
): string {
  const words = options.words ?? germanWords;
  const from = formatValue(lo, precision, locale);
  if (lo === hi) return from;
  const to = formatValue(hi, precision, locale);
  return `${from} ${options.closed ? words.upTo : words.below} ${to}`;
}

/** Labels for all classes of the breaks, the last one closed. */
export function breakLabels(
  breaks: number[],
  precision: number,
  locale: Locale,
  words?: BreakLabelWords,
): string[] {
  const labels: string[] = [];
  for (let i = 0; i + 1 < breaks.length; i++) {
    labels.push(
      formatBreakLabel(breaks[i]!, breaks[i + 1]!, precision, locale, {
        closed: i + 2 === breaks.length,
        ...(words ? { words } : {}),
      }),
    );
  }
  return labels;
}
