// The choropleth page: one indicator on one level and period, classified, with its legend and table.
import { AppError } from '../../../core/errors.ts';
import { Field } from '../../../ui/components.tsx';
import { Legend, MissingPatterns } from '../../../ui/charts.tsx';
import {
  MAX_CLASSES,
  MIN_CLASSES,
  breakLabels,
  classBreaks,
  classOf,
  palette,
  type BreakLabelWords,
  type ClassMethod,
} from '../../../ui/classify.ts';
import { renderPage } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page.ts';
import { SvgMap, type MapShape } from '../../../ui/svg-map.tsx';
import type { LevelTable, ValueCell } from '../view-model.ts';
import { CellValue, DataNoticeBanner, Sources, cellText } from './cells.tsx';
import {
  ExportLinks,
  LevelForm,
  MarksNote,
  MonitoringCrumbs,
  ReferenceValue,
  levelTitle,
  monitoringHref,
  profileHref,
  withUnit,
} from './level-controls.tsx';

export interface MapOptions {
  method: ClassMethod;
  classes: number;
  manualBreaks: number[] | null;
  /** Why the manual breaks were refused (German); the map then falls back to quantiles. */
  error?: string;
  /** The breaks as the user typed them, to show them again after an error. */
  breaksInput?: string;
}

const METHODS: readonly ClassMethod[] = ['quantile', 'jenks', 'equal', 'manual'];
/** Prefix of the fill patterns (MissingPatterns: `<prefix>-keine-daten`, `<prefix>-geheim`). */
const PATTERN_PREFIX = 'karte-muster';

interface Classification {
  breaks: number[];
  colours: string[];
  /** The method actually used (quantiles after refused manual breaks). */
  method: ClassMethod;
  error: string | null;
}

/**
 * Only values published to this viewer (state 'ok') make the breaks: a withheld value must not
 * leak through the position of a class break. Numerator and denominator are never read.
 */
function visibleValues(view: LevelTable): number[] {
  return view.rows.flatMap((r) =>
    r.cell.state === 'ok' && r.cell.value !== null ? [r.cell.value] : [],
  );
}

function classify(view: LevelTable, options: MapOptions): Classification {
  const values = visibleValues(view);
  const classes = Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(options.classes) || 5));
  const quantiles = () => classBreaks(values, 'quantile', classes);
  let method = options.method;
  let error = options.error ?? null;
  let breaks: number[];
  if (error) {
    method = 'quantile';
    breaks = quantiles();
  } else {
    try {
      breaks = classBreaks(values, method, options.classes, options.manualBreaks ?? undefined);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      error = e.message;
      method = 'quantile';
      breaks = quantiles();
    }
  }
  const n = breaks.length - 1;
  const colours = n >= 1 ? palette(n, view.indicator.polarity) : [];
  return { breaks, colours, method, error };
}

function classIndex(cell: ValueCell, c: Classification): number {
  return cell.state === 'ok' && cell.value !== null ? classOf(cell.value, c.breaks) : -1;
}

function patternFill(kind: 'suppressed' | 'missing'): string {
  return `url(#${PATTERN_PREFIX}-${kind === 'suppressed' ? 'geheim' : 'keine-daten'})`;
}

function mapShapes(ctx: PageContext, view: LevelTable, c: Classification): MapShape[] {
  const byArea = new Map(view.rows.map((r) => [r.area.id, r.cell]));
  const unit = view.indicator.unit;
  return view.shapes.map((s) => {
    const cell = byArea.get(s.areaId) ?? null;
    const cls = cell ? classIndex(cell, c) : -1;
    const shown = cell?.state === 'ok' && cell.value !== null;
    const text = shown
      ? `${cellText(ctx, cell, view.indicator.precision)}${unit ? ` ${unit}` : ''}`
      : ctx.t(cell?.state === 'suppressed' ? 'mon.mark.suppressed' : 'mon.mark.missing');
    return {
      id: s.code,
      name: `${s.name}: ${text}`,
      href: profileHref(view.system.id, s.code, view.period, view.notice),
      geometry: s.geometry,
      // The pattern ids of MissingPatterns, set as the fill (see PATTERN_PREFIX).
      fill:
        cls >= 0
          ? c.colours[cls]!
          : patternFill(cell?.state === 'suppressed' ? 'suppressed' : 'missing'),
    };
  });
}

function ClassFields({
  ctx,
  options,
  error,
}: {
  ctx: PageContext;
  options: MapOptions;
  error: string | null;
}) {
  const { t } = ctx;
  const breaksValue =
    options.breaksInput ??
    (options.manualBreaks ?? [])
      .map((b) => b.toLocaleString(ctx.locale, { useGrouping: false, maximumFractionDigits: 10 }))
      .join('; ');
  const classes = Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i);
  return (
    <>
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t('mon.maps.method')}</legend>
        {METHODS.map((m) => (
          <div class="kern-form-check">
            <input
              class="kern-form-check__radio"
              type="radio"
              id={`klassen-${m}`}
              name="klassen"
              value={m}
              checked={options.method === m}
            />
            <label class="kern-label" for={`klassen-${m}`}>
              {t(`mon.maps.method.${m}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <div class="kern-form-input">
        <label class="kern-label" for="anzahl">
          {t('mon.maps.classes')}
        </label>
        <div class="kern-form-input__select-wrapper">
          <select class="kern-form-input__select" id="anzahl" name="anzahl">
            {classes.map((n) => (
              <option value={String(n)} selected={n === options.classes}>
                {String(n)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Field
        id="grenzen"
        label={t('mon.maps.breaks')}
        hint={t('mon.maps.breaksHint')}
        error={error ?? undefined}
      >
        <input
          class="kern-form-input__input"
          id="grenzen"
          name="grenzen"
          type="text"
          value={breaksValue}
          aria-describedby={error ? 'grenzen-hint grenzen-error' : 'grenzen-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
      </Field>
    </>
  );
}

function ValueTable({
  ctx,
  view,
  c,
  labels,
}: {
  ctx: PageContext;
  view: LevelTable;
  c: Classification;
  labels: string[];
}) {
  const { t } = ctx;
  const caption = t('mon.maps.map.tableCaption', { title: levelTitle(view) });
  return (
    <div class="kern-table-responsive" tabindex={0} role="region" aria-label={caption}>
      <table class="kern-table kern-table--striped" id="werte">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              {t('mon.maps.area')}
            </th>
            <th scope="col" class="kern-table__header">
              {t('mon.maps.parent')}
            </th>
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              {withUnit(t('mon.maps.value'), view.indicator.unit)}
            </th>
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              {t('mon.maps.class')}
            </th>
            <th scope="col" class="kern-table__header">
              {t('mon.maps.classRange')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {view.rows.map((r) => {
            const cls = classIndex(r.cell, c);
            return (
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  <a
                    class="kern-link"
                    href={profileHref(view.system.id, r.area.code, view.period, view.notice)}
                  >
                    {r.area.name}
                  </a>
                </th>
                <td class="kern-table__cell">{r.parent?.name ?? '–'}</td>
                <td class="kern-table__cell kern-table__cell--numeric">
                  <CellValue ctx={ctx} cell={r.cell} indicator={view.indicator} />
                </td>
                <td class="kern-table__cell kern-table__cell--numeric">
                  {cls >= 0 ? String(cls + 1) : '–'}
                </td>
                <td class="kern-table__cell">{cls >= 0 ? labels[cls] : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function mapPage(ctx: PageContext, view: LevelTable, options: MapOptions): string {
  const { t } = ctx;
  const title = levelTitle(view);
  const c = classify(view, options);
  const words: BreakLabelWords = { below: t('mon.maps.below'), upTo: t('mon.maps.upTo') };
  const labels = breakLabels(c.breaks, view.indicator.precision, ctx.locale, words);
  const shapes = mapShapes(ctx, view, c);
  const action = `/monitoring/${encodeURIComponent(view.system.id)}/karte`;
  return renderPage({
    ctx,
    title,
    children: (
      <>
        <MonitoringCrumbs
          ctx={ctx}
          system={view.system}
          notice={view.notice}
          label={t('mon.maps.map.crumb')}
        />
        <h1 class="kern-heading-large">{title}</h1>
        <DataNoticeBanner ctx={ctx} notice={view.notice} />
        <p class="kern-body">{view.indicator.description}</p>
        <LevelForm ctx={ctx} view={view} action={action}>
          <ClassFields ctx={ctx} options={options} error={c.error} />
        </LevelForm>
        <p class="kern-body">
          <a
            class="kern-link"
            href={monitoringHref(
              `/monitoring/${encodeURIComponent(view.system.id)}/rangliste`,
              { indikator: view.indicator.code, zeitraum: view.period, ebene: view.level.key },
              view.notice,
            )}
          >
            {t('mon.maps.map.toRanking')}
          </a>
        </p>
        <h2 class="kern-heading-medium">{t('mon.maps.map.heading')}</h2>
        {c.error ? <p class="kern-body note">{t('mon.maps.map.fallback')}</p> : null}
        {shapes.length > 0 ? (
          <>
            <figure class="map-figure">
              <SvgMap
                width={960}
                height={720}
                title={t('mon.maps.map.svgTitle', { title })}
                shapes={shapes}
                defs={<MissingPatterns idPrefix={PATTERN_PREFIX} />}
              />
              <figcaption class="kern-body kern-body--small">
                {t(`mon.maps.map.caption.${c.method}`, { n: c.breaks.length - 1 })}
              </figcaption>
            </figure>
            <Legend
              breaks={c.breaks}
              colours={c.colours}
              precision={view.indicator.precision}
              locale={ctx.locale}
              title={withUnit(view.indicator.name, view.indicator.unit)}
              words={words}
              {...(shapes.some((s) => s.fill === patternFill('suppressed'))
                ? { suppressedLabel: t('mon.mark.suppressed') }
                : {})}
              {...(shapes.some((s) => s.fill === patternFill('missing'))
                ? { noDataLabel: t('mon.mark.missing') }
                : {})}
            />
            <p class="kern-body">
              <a class="kern-link" href="#werte">
                {t('mon.maps.map.asTable')}
              </a>
            </p>
          </>
        ) : (
          <p class="kern-body note">{t('mon.maps.map.noShapes')}</p>
        )}
        <ReferenceValue ctx={ctx} view={view} />
        <ValueTable ctx={ctx} view={view} c={c} labels={labels} />
        <MarksNote ctx={ctx} />
        <ExportLinks ctx={ctx} view={view} />
        <Sources ctx={ctx} notice={view.notice} />
      </>
    ),
  });
}
