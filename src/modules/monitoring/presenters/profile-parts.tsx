// Parts of the public monitoring pages: addresses (a staff preview of a draft, `vorschau=`, travels
// along in links and forms) and the key–value rows of fact lists.
import type { ComponentChildren } from 'preact';
import { Field } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { DataNotice, IndicatorInfo } from '../view-model.ts';
import { formatPeriod } from './format.ts';

type QueryValue = string | number | readonly string[] | null | undefined;
type Preview = Pick<DataNotice, 'preview'> | null | undefined;

/** A path with its query; empty values are left out, the preview release is added last. */
export function monitoringUrl(
  path: string,
  query: Record<string, QueryValue> = {},
  notice?: Preview,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'object') for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  if (notice?.preview) params.set('vorschau', String(notice.preview.id));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const seg = encodeURIComponent;

export const monitoringPaths = {
  overview: '/monitoring',
  catalogue: '/monitoring/indikatoren',
  system: (systemId: string) => `/monitoring/${seg(systemId)}`,
  profile: (systemId: string, code: string) => `/monitoring/${seg(systemId)}/gebiet/${seg(code)}`,
  pdf: (systemId: string, code: string) =>
    `/monitoring/${seg(systemId)}/gebiet/${seg(code)}/steckbrief.pdf`,
  comparison: (systemId: string) => `/monitoring/${seg(systemId)}/vergleich`,
  map: (systemId: string) => `/monitoring/${seg(systemId)}/karte`,
  ranking: (systemId: string) => `/monitoring/${seg(systemId)}/rangliste`,
  index: (configId: string) => `/monitoring/index/${seg(configId)}`,
};

/** The anchor of an indicator in the catalogue; the catalogue gives each definition this id. */
export function indicatorAnchor(code: string): string {
  return `i-${code}`;
}

export function catalogueUrl(code: string, notice?: Preview): string {
  return `${monitoringUrl(monitoringPaths.catalogue, {}, notice)}#${seg(indicatorAnchor(code))}`;
}

/** Keeps the preview in a GET form, as links keep it in their query. */
export function PreviewField({ notice }: { notice: Preview }) {
  return notice?.preview ? <input type="hidden" name="vorschau" value={notice.preview.id} /> : null;
}

/** One row of a KERN description list. */
export function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{label}</dt>
      <dd class="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

/** The row header of an indicator: its name linking to the definition, and its unit. */
export function IndicatorLabel({
  indicator,
  notice,
}: {
  indicator: Pick<IndicatorInfo, 'code' | 'name' | 'unit'>;
  notice: Preview;
}) {
  return (
    <>
      <a class="kern-link" href={catalogueUrl(indicator.code, notice)}>
        {indicator.name}
      </a>
      {indicator.unit ? ` (${indicator.unit})` : null}
    </>
  );
}

/** A labelled chooser of the period, sent as `zeitraum`. */
export function PeriodSelect({
  ctx,
  id,
  periods,
  period,
}: {
  ctx: PageContext;
  id: string;
  periods: string[];
  period: string;
}) {
  return (
    <Field id={id} label={ctx.t('mon.period')}>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={id} name="zeitraum">
          {periods.map((p) => (
            <option value={p} selected={p === period}>
              {formatPeriod(p)}
            </option>
          ))}
        </select>
      </div>
    </Field>
  );
}
