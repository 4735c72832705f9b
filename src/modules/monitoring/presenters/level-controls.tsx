// Shared parts of the map and ranking pages: links that keep the preview, the chooser, exports, the reference value.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../ui/page.ts';
import { Breadcrumb } from '../../../ui/components.tsx';
import type { DataNotice, IndicatorInfo, LevelTable, SystemRef } from '../view-model.ts';
import { CellValue } from './cells.tsx';
import { formatPeriod } from './format.ts';
import { monitoringUrl } from './profile-parts.tsx';

type Params = Record<string, string | number | null | undefined>;

/** An internal link; a preview keeps its release (`vorschau`) on every link. */
export function monitoringHref(
  path: string,
  params: Params,
  notice: Pick<DataNotice, 'preview'>,
  hash?: string,
): string {
  return `${monitoringUrl(path, params, notice)}${hash ? `#${hash}` : ''}`;
}

export function profileHref(
  systemId: string,
  code: string,
  period: string,
  notice: Pick<DataNotice, 'preview'>,
): string {
  return monitoringHref(
    `/monitoring/${encodeURIComponent(systemId)}/gebiet/${encodeURIComponent(code)}`,
    { zeitraum: period },
    notice,
  );
}

export function catalogueHref(code: string, notice: Pick<DataNotice, 'preview'>): string {
  return monitoringHref('/monitoring/indikatoren', {}, notice, `i-${code}`);
}

/** The unit in brackets after a header, or nothing when the indicator has none. */
export function withUnit(label: string, unit: string): string {
  return unit ? `${label} (${unit})` : label;
}

/** "<indicator> – <level>, <period>": the h1 of the map and the ranking. */
export function levelTitle(view: LevelTable): string {
  return `${view.indicator.name} – ${view.level.name}, ${formatPeriod(view.period)}`;
}

export function MonitoringCrumbs({
  ctx,
  system,
  notice,
  label,
}: {
  ctx: PageContext;
  system: SystemRef;
  notice: DataNotice;
  label: string;
}) {
  return (
    <Breadcrumb
      ctx={ctx}
      items={[
        { href: monitoringHref('/monitoring', {}, notice), label: ctx.t('nav.monitoring') },
        {
          href: monitoringHref(`/monitoring/${encodeURIComponent(system.id)}`, {}, notice),
          label: system.name,
        },
        { label },
      ]}
    />
  );
}

/** Indicators grouped by topic, in the order they come; the shown one is always among them. */
function topicGroups(view: LevelTable): { name: string; indicators: IndicatorInfo[] }[] {
  const all = view.indicators.some((i) => i.code === view.indicator.code)
    ? view.indicators
    : [view.indicator, ...view.indicators];
  const groups = new Map<string, { name: string; indicators: IndicatorInfo[] }>();
  for (const indicator of all) {
    const group = groups.get(indicator.topicKey) ?? { name: indicator.topicName, indicators: [] };
    group.indicators.push(indicator);
    groups.set(indicator.topicKey, group);
  }
  return [...groups.values()];
}

function Select({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: ComponentChildren;
}) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={id}>
        {label}
      </label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={id} name={id}>
          {children}
        </select>
      </div>
    </div>
  );
}

/** The GET form choosing indicator, period and level; the page adds its own fields. */
export function LevelForm({
  ctx,
  view,
  action,
  children,
}: {
  ctx: PageContext;
  view: LevelTable;
  action: string;
  children?: ComponentChildren;
}) {
  const { t } = ctx;
  const periods = view.periods.includes(view.period)
    ? view.periods
    : [view.period, ...view.periods];
  const levels = [...view.system.levels].sort((a, b) => a.rank - b.rank);
  return (
    <form method="get" action={action} class="level-form" aria-label={t('mon.maps.form.label')}>
      {view.notice.preview ? (
        <input type="hidden" name="vorschau" value={String(view.notice.preview.id)} />
      ) : null}
      <Select id="indikator" label={t('mon.indicator')}>
        {topicGroups(view).map((g) => (
          <optgroup label={g.name}>
            {g.indicators.map((i) => (
              <option value={i.code} selected={i.code === view.indicator.code}>
                {i.name}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      <Select id="zeitraum" label={t('mon.period')}>
        {periods.map((p) => (
          <option value={p} selected={p === view.period}>
            {formatPeriod(p)}
          </option>
        ))}
      </Select>
      <Select id="ebene" label={t('mon.maps.level')}>
        {levels.map((l) => (
          <option value={l.key} selected={l.key === view.level.key}>
            {l.name}
          </option>
        ))}
      </Select>
      {children}
      <button class="kern-btn kern-btn--secondary" type="submit">
        <span class="kern-label">{t('mon.maps.show')}</span>
      </button>
    </form>
  );
}

const exportFormats = ['csv', 'xlsx', 'geojson', 'json'] as const;

/** Downloads of exactly the shown values: this indicator, period and level. */
export function ExportLinks({ ctx, view }: { ctx: PageContext; view: LevelTable }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="export">
      <h2 class="kern-heading-small" id="export">
        {t('mon.maps.export')}
      </h2>
      <ul class="kern-list">
        {exportFormats.map((format) => (
          <li>
            <a
              class="kern-link"
              href={monitoringHref(
                '/api/v1/monitoring/werte',
                {
                  system: view.system.id,
                  indikator: view.indicator.code,
                  zeitraum: view.period,
                  ebene: view.level.key,
                  format,
                },
                view.notice,
              )}
            >
              {t(`mon.maps.export.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The value of the whole city, to read the areas against. */
export function ReferenceValue({ ctx, view }: { ctx: PageContext; view: LevelTable }) {
  if (!view.reference) return null;
  const { area, cell } = view.reference;
  return (
    <p class="kern-body reference-value">
      {`${ctx.t('mon.maps.reference', { area: area.name })}: `}
      <strong>
        <CellValue ctx={ctx} cell={cell} indicator={view.indicator} />
        {cell.state === 'ok' && view.indicator.unit ? ` ${view.indicator.unit}` : ''}
      </strong>
    </p>
  );
}

/** What the marks in the tables mean. */
export function MarksNote({ ctx }: { ctx: PageContext }) {
  return (
    <p class="kern-body kern-body--small">
      {`. ${ctx.t('mon.mark.suppressed')}; – ${ctx.t('mon.mark.missing')}`}
    </p>
  );
}
