// The key of a choropleth map (class ranges and missing-value marks) and the matching fill patterns.
import { breakLabels, type BreakLabelWords } from './classify.ts';
import { NO_DATA_MARK, SUPPRESSED_MARK, TEXT, safeId, type MissingLabels } from './chart-parts.tsx';
import type { Locale } from './i18n/index.ts';

export interface LegendProps extends Partial<MissingLabels> {
  breaks: number[];
  colours: string[];
  precision: number;
  locale: Locale;
  title?: string;
  /** Words of the class labels in other languages (default German "bis unter", "bis"). */
  words?: BreakLabelWords;
}

/** Hatching for "no value", dots for "suppressed": told apart without colour, also in print. */
function MissingSwatch({ kind }: { kind: 'noData' | 'suppressed' }) {
  return (
    <svg class="map-legend__swatch" viewBox="0 0 28 18" width="28" height="18" aria-hidden="true">
      <rect x="0.5" y="0.5" width="27" height="17" fill="#ffffff" stroke={TEXT} />
      {kind === 'noData' ? (
        <path d="M1 9l8-8M1 17l16-16M9 17l16-16M17 17l10-10" stroke="#5a6b7c" stroke-width="1.5" />
      ) : (
        [5, 12, 19].flatMap((cx) =>
          [5, 13].map((cy) => <circle cx={cx + 2} cy={cy} r="1.6" fill="#5a6b7c" />),
        )
      )}
    </svg>
  );
}

/** The key of a choropleth map: one swatch and range per class, then the missing-value marks. */
export function Legend(props: LegendProps) {
  const labels = breakLabels(props.breaks, props.precision, props.locale, props.words);
  return (
    <div class="map-legend">
      {props.title ? <p class="map-legend__title">{props.title}</p> : null}
      <ul class="map-legend__list">
        {labels.map((label, i) => (
          <li>
            <svg
              class="map-legend__swatch"
              viewBox="0 0 28 18"
              width="28"
              height="18"
              aria-hidden="true"
            >
              <rect x="0.5" y="0.5" width="27" height="17" fill={props.colours[i]} stroke={TEXT} />
            </svg>
            <span>{label}</span>
          </li>
        ))}
        {props.noDataLabel ? (
          <li>
            <MissingSwatch kind="noData" />
            <span>{`${NO_DATA_MARK} ${props.noDataLabel}`}</span>
          </li>
        ) : null}
        {props.suppressedLabel ? (
          <li>
            <MissingSwatch kind="suppressed" />
            <span>{`${SUPPRESSED_MARK} ${props.suppressedLabel}`}</span>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/**
 * Fill patterns for areas without a value, matching the legend: put into a map's <svg> and fill
 * such areas with `url(#<idPrefix>-keine-daten)` or `url(#<idPrefix>-geheim)`.
 */
export function MissingPatterns({ idPrefix }: { idPrefix: string }) {
  const id = safeId(idPrefix);
  return (
    <defs>
      <pattern id={`${id}-keine-daten`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill="#ffffff" />
        <path d="M-2 2l4-4M0 8l8-8M6 10l4-4" stroke="#5a6b7c" stroke-width="1.2" />
      </pattern>
      <pattern id={`${id}-geheim`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#ffffff" />
        <circle cx="3" cy="3" r="1.2" fill="#5a6b7c" />
      </pattern>
    </defs>
  );
}
