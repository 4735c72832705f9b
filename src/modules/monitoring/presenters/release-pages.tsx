// Staff pages for data releases: the list, the import form with its row-numbered errors, one release.
import { renderPage } from '../../../ui/layout.tsx';
import { Alert, Breadcrumb, CsrfField, Field } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { ErrorDetail } from '../../../core/errors.ts';
import type { ReleaseView } from '../view-releases.ts';
import type { ImportValuesSummary } from '../import-values.ts';
import { formatDateTime } from './format.ts';

function TextField(p: { id: string; label: string; hint?: string; value: string }) {
  return (
    <Field id={p.id} label={p.label} {...(p.hint ? { hint: p.hint } : {})}>
      <input
        class="kern-form-input__input"
        id={p.id}
        name={p.id}
        type="text"
        value={p.value}
        {...(p.hint ? { 'aria-describedby': `${p.id}-hint` } : {})}
      />
    </Field>
  );
}

const crumbs = (ctx: PageContext, last?: { label: string }) => [
  { href: '/verwaltung/daten', label: ctx.t('mon.releases.title') },
  ...(last ? [last] : []),
];

function StatusBadge({ ctx, r }: { ctx: PageContext; r: ReleaseView }) {
  const embargoed = r.status === 'published' && r.embargoUntil && r.embargoUntil > new Date();
  const kind =
    r.status === 'published'
      ? embargoed
        ? 'warning'
        : 'success'
      : r.status === 'draft'
        ? 'info'
        : 'danger';
  const label = embargoed
    ? ctx.t('mon.release.embargoed', { date: formatDateTime(ctx, r.embargoUntil!) })
    : ctx.t(`mon.release.status.${r.status}` as 'mon.release.status.draft');
  return <span class={`kern-badge kern-badge--${kind}`}>{label}</span>;
}

export function releasesPage(ctx: PageContext, releases: ReleaseView[], notice?: string): string {
  return renderPage({
    ctx,
    title: ctx.t('mon.releases.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{ctx.t('mon.releases.title')}</h1>
        {notice ? <Alert kind="success" title={notice} /> : null}
        <p class="kern-body">{ctx.t('mon.releases.intro')}</p>
        <p>
          <a class="kern-btn kern-btn--primary" href="/verwaltung/daten/import">
            <span class="kern-label">{ctx.t('mon.releases.new')}</span>
          </a>
        </p>
        {releases.length === 0 ? (
          <p class="kern-body">{ctx.t('mon.releases.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="kern-table">
              <caption class="kern-table__caption">{ctx.t('mon.releases.caption')}</caption>
              <thead class="kern-table__head">
                <tr class="kern-table__row">
                  <th class="kern-table__header" scope="col">
                    {ctx.t('mon.release.number')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {ctx.t('mon.release.titleField')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {ctx.t('mon.release.system')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {ctx.t('mon.release.status')}
                  </th>
                  <th class="kern-table__header kern-table__header--numeric" scope="col">
                    {ctx.t('mon.release.values')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {ctx.t('mon.release.created')}
                  </th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {releases.map((r) => (
                  <tr class="kern-table__row">
                    <td class="kern-table__cell">{r.id}</td>
                    <td class="kern-table__cell">
                      <a class="kern-link" href={`/verwaltung/daten/${r.id}`}>
                        {r.title}
                      </a>
                    </td>
                    <td class="kern-table__cell">{r.systemName}</td>
                    <td class="kern-table__cell">
                      <StatusBadge ctx={ctx} r={r} />
                    </td>
                    <td class="kern-table__cell kern-table__cell--numeric">
                      {r.valueCount.toLocaleString(ctx.locale)}
                    </td>
                    <td class="kern-table__cell">
                      {`${formatDateTime(ctx, r.createdAt)}, ${r.createdByLabel}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>
    ),
  });
}

export interface ImportFormValues {
  systemId: string;
  title: string;
  format: string;
  areaColumn: string;
  period: string;
  columns: string;
  source: string;
  licence: string;
  example: boolean;
}

export function importPage(
  ctx: PageContext,
  v: {
    systems: { id: string; name: string }[];
    values: ImportFormValues;
    errors: ErrorDetail[];
    message?: string | undefined;
    dryRun?: ImportValuesSummary | undefined;
    /** The mapping fields hold the mapping of the last wide import into this system. */
    remembered?: boolean;
  },
): string {
  const t = ctx.t;
  return renderPage({
    ctx,
    title: t('mon.import.title'),
    children: (
      <>
        <Breadcrumb ctx={ctx} items={crumbs(ctx, { label: t('mon.import.title') })} />
        <h1 class="kern-heading-large">{t('mon.import.title')}</h1>
        {v.errors.length > 0 || v.message ? (
          <div class="kern-alert kern-alert--danger" role="alert" tabindex={-1} id="fehler">
            <div class="kern-alert__header">
              <span class="kern-title">{v.message ?? t('form.errors')}</span>
            </div>
            {v.errors.length > 0 ? (
              <div class="kern-alert__body table-scroll">
                <table class="kern-table">
                  <caption class="kern-table__caption">{t('mon.import.errorsCaption')}</caption>
                  <thead class="kern-table__head">
                    <tr class="kern-table__row">
                      <th class="kern-table__header" scope="col">
                        {t('mon.import.row')}
                      </th>
                      <th class="kern-table__header" scope="col">
                        {t('mon.import.column')}
                      </th>
                      <th class="kern-table__header" scope="col">
                        {t('mon.import.reason')}
                      </th>
                    </tr>
                  </thead>
                  <tbody class="kern-table__body">
                    {v.errors.map((e) => (
                      <tr class="kern-table__row">
                        <td class="kern-table__cell">{e.row ?? '–'}</td>
                        <td class="kern-table__cell">{e.field ?? '–'}</td>
                        <td class="kern-table__cell">{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </div>
        ) : null}
        {v.dryRun ? (
          <Alert kind="info" title={t('mon.import.dryRunTitle')}>
            <p class="kern-body">
              {t('mon.import.dryRunSummary', {
                values: v.dryRun.valueCount.toLocaleString(ctx.locale),
                areas: v.dryRun.areaCount,
                indicators: v.dryRun.indicators.join(', '),
                periods: v.dryRun.periods.join(', '),
              })}
            </p>
          </Alert>
        ) : null}
        <p class="kern-body">{t('mon.import.intro')}</p>
        {v.remembered ? <Alert kind="info" title={t('mon.import.remembered')} /> : null}
        <form
          method="post"
          action="/verwaltung/daten/import"
          enctype="multipart/form-data"
          class="form-flow"
          novalidate
        >
          <CsrfField ctx={ctx} />
          <Field id="systemId" label={t('mon.import.system')}>
            <div class="kern-form-input__select-wrapper">
              <select class="kern-form-input__select" id="systemId" name="systemId">
                {v.systems.map((s) => (
                  <option value={s.id} selected={s.id === v.values.systemId}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          </Field>
          <TextField id="title" label={t('mon.release.titleField')} value={v.values.title} />
          <Field id="file" label={t('mon.import.file')} hint={t('mon.import.fileHint')}>
            <input
              class="kern-form-input__input"
              id="file"
              name="file"
              type="file"
              required
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="file-hint"
            />
          </Field>
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{t('mon.import.format')}</legend>
            {(['', 'long', 'wide'] as const).map((f) => (
              <div class="kern-form-check">
                <input
                  class="kern-form-check__radio"
                  type="radio"
                  id={`format-${f || 'auto'}`}
                  name="format"
                  value={f}
                  checked={v.values.format === f}
                />
                <label class="kern-label" for={`format-${f || 'auto'}`}>
                  {t(`mon.import.format.${f || 'auto'}` as 'mon.import.format.auto')}
                </label>
              </div>
            ))}
          </fieldset>
          <TextField
            id="areaColumn"
            label={t('mon.import.areaColumn')}
            hint={t('mon.import.wideOnly')}
            value={v.values.areaColumn}
          />
          <TextField
            id="period"
            label={t('mon.import.period')}
            hint={t('mon.import.periodHint')}
            value={v.values.period}
          />
          <Field id="columns" label={t('mon.import.columns')} hint={t('mon.import.columnsHint')}>
            <textarea
              class="kern-form-input__input"
              id="columns"
              name="columns"
              rows={5}
              aria-describedby="columns-hint"
            >
              {v.values.columns}
            </textarea>
          </Field>
          <TextField id="source" label={t('mon.release.source')} value={v.values.source} />
          <TextField id="licence" label={t('mon.release.licence')} value={v.values.licence} />
          <div class="kern-form-check">
            <input
              class="kern-form-check__checkbox"
              type="checkbox"
              id="example"
              name="example"
              value="1"
              checked={v.values.example}
            />
            <label class="kern-label" for="example">
              {t('mon.import.example')}
            </label>
          </div>
          <div class="button-row">
            <button class="kern-btn kern-btn--secondary" type="submit" name="action" value="check">
              <span class="kern-label">{t('mon.import.check')}</span>
            </button>
            <button class="kern-btn kern-btn--primary" type="submit" name="action" value="import">
              <span class="kern-label">{t('mon.import.submit')}</span>
            </button>
          </div>
        </form>
      </>
    ),
  });
}

export function releasePage(
  ctx: PageContext,
  r: ReleaseView,
  v: { previewLinks: { href: string; label: string }[]; notice?: string | undefined },
): string {
  const t = ctx.t;
  return renderPage({
    ctx,
    title: r.title,
    children: (
      <>
        <Breadcrumb ctx={ctx} items={crumbs(ctx, { label: r.title })} />
        <h1 class="kern-heading-large">{r.title}</h1>
        {v.notice ? <Alert kind="success" title={v.notice} /> : null}
        <p>
          <StatusBadge ctx={ctx} r={r} />
        </p>
        <dl class="facts">
          <dt>{t('mon.release.number')}</dt>
          <dd>{r.id}</dd>
          <dt>{t('mon.release.system')}</dt>
          <dd>{r.systemName}</dd>
          <dt>{t('mon.release.file')}</dt>
          <dd>{r.fileName ?? '–'}</dd>
          <dt>{t('mon.release.created')}</dt>
          <dd>{`${formatDateTime(ctx, r.createdAt)}, ${r.createdByLabel}`}</dd>
          {r.publishedAt ? (
            <>
              <dt>{t('mon.release.published')}</dt>
              <dd>{`${formatDateTime(ctx, r.publishedAt)}, ${r.publishedByLabel}`}</dd>
            </>
          ) : null}
          {r.withdrawnAt ? (
            <>
              <dt>{t('mon.release.withdrawn')}</dt>
              <dd>{`${formatDateTime(ctx, r.withdrawnAt)}, ${r.withdrawnByLabel}`}</dd>
            </>
          ) : null}
          <dt>{t('mon.release.source')}</dt>
          <dd>{r.source || '–'}</dd>
          <dt>{t('mon.release.licence')}</dt>
          <dd>{r.licence || '–'}</dd>
        </dl>
        {r.isExample ? <Alert kind="warning" title={t('example.badge')} /> : null}
        <h2 class="kern-heading-medium">{t('mon.release.contents')}</h2>
        <div class="table-scroll">
          <table class="kern-table">
            <caption class="kern-table__caption">{t('mon.release.contentsCaption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  {t('mon.indicator')}
                </th>
                <th class="kern-table__header" scope="col">
                  {t('mon.period')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('mon.release.values')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {r.contents.map((c) => (
                <tr class="kern-table__row">
                  <td class="kern-table__cell">{`${c.indicatorName} (${c.indicatorCode})`}</td>
                  <td class="kern-table__cell">{c.period}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {v.previewLinks.length > 0 ? (
          <>
            <h2 class="kern-heading-medium">{t('mon.release.preview')}</h2>
            <ul class="kern-list">
              {v.previewLinks.map((l) => (
                <li>
                  <a class="kern-link" href={l.href}>
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2 class="kern-heading-medium">{t('mon.release.actions')}</h2>
        {r.status !== 'published' ? (
          <form
            method="post"
            action={`/verwaltung/daten/${r.id}/veroeffentlichen`}
            class="form-flow"
          >
            <CsrfField ctx={ctx} />
            <Field
              id="embargo"
              label={t('mon.release.embargo')}
              hint={t('mon.release.embargoHint')}
            >
              <input
                class="kern-form-input__input"
                id="embargo"
                name="embargo"
                type="date"
                aria-describedby="embargo-hint"
              />
            </Field>
            <button class="kern-btn kern-btn--primary" type="submit">
              <span class="kern-label">{t('mon.release.publish')}</span>
            </button>
          </form>
        ) : (
          <form method="post" action={`/verwaltung/daten/${r.id}/zurueckziehen`}>
            <CsrfField ctx={ctx} />
            <button class="kern-btn kern-btn--secondary" type="submit">
              <span class="kern-label">{t('mon.release.withdraw')}</span>
            </button>
          </form>
        )}
        {r.status !== 'published' ? (
          <form method="post" action={`/verwaltung/daten/${r.id}/loeschen`} class="form-flow">
            <CsrfField ctx={ctx} />
            <div class="kern-form-check">
              <input
                class="kern-form-check__checkbox"
                type="checkbox"
                id="confirm"
                name="confirm"
                value="1"
                required
              />
              <label class="kern-label" for="confirm">
                {t('mon.release.deleteConfirm', { n: r.valueCount })}
              </label>
            </div>
            <button class="kern-btn kern-btn--secondary" type="submit">
              <span class="kern-label">{t('mon.release.delete')}</span>
            </button>
          </form>
        ) : null}
      </>
    ),
  });
}
