// Shared pieces of the monitoring pages: one value cell as text, the data notice (example, preview,
// internal), the sources of the shown values, and the rating of a value against its reference.
import type { PageContext } from '../../../ui/page.ts';
import { Alert } from '../../../ui/components.tsx';
import type { DataNotice, IndicatorInfo, Rating, ValueCell } from '../view-model.ts';
import { formatDate, formatNumber } from './format.ts';

/** "." for a withheld value, "–" for none (the statistics offices' marks). */
export function cellText(ctx: PageContext, cell: ValueCell | null, precision: number): string {
  if (!cell) return '–';
  if (cell.state === 'suppressed') return '.';
  if (cell.value === null) return '–';
  return formatNumber(ctx, cell.value, precision);
}

/** A value with its unit for tables: the mark, and the reason as text for screen readers and print. */
export function CellValue({
  ctx,
  cell,
  indicator,
}: {
  ctx: PageContext;
  cell: ValueCell | null;
  indicator: Pick<IndicatorInfo, 'precision'>;
}) {
  const text = cellText(ctx, cell, indicator.precision);
  if (!cell || (cell.state === 'ok' && !cell.internal)) return <>{text}</>;
  return (
    <>
      {text}
      {cell.internal ? (
        <span class="kern-badge kern-badge--warning cell-internal">
          {ctx.t('mon.cell.internal')}
        </span>
      ) : null}
      {cell.reason ? <span class="cell-reason">{` (${cell.reason})`}</span> : null}
    </>
  );
}

/** Example data, preview of a draft and staff-only values are said at the top of every page. */
export function DataNoticeBanner({ ctx, notice }: { ctx: PageContext; notice: DataNotice }) {
  return (
    <>
      {notice.example ? (
        <Alert kind="warning" title={ctx.t('example.badge')}>
          <p class="kern-body">{ctx.t('mon.notice.example')}</p>
        </Alert>
      ) : null}
      {notice.preview ? (
        <Alert
          kind="info"
          title={ctx.t('mon.notice.previewTitle', { title: notice.preview.title })}
        >
          <p class="kern-body">{ctx.t('mon.notice.preview')}</p>
        </Alert>
      ) : null}
      {notice.internal ? (
        <Alert kind="warning" title={ctx.t('mon.notice.internalTitle')}>
          <p class="kern-body">{ctx.t('mon.notice.internal')}</p>
        </Alert>
      ) : null}
    </>
  );
}

/** Where the shown values come from: each release with source, licence and date. */
export function Sources({ ctx, notice }: { ctx: PageContext; notice: DataNotice }) {
  if (notice.releases.length === 0) return null;
  return (
    <section class="sources" aria-labelledby="quellen">
      <h2 class="kern-heading-small" id="quellen">
        {ctx.t('mon.sources')}
      </h2>
      <ul class="kern-list">
        {notice.releases.map((r) => (
          <li>
            {`${r.title}${r.publishedAt ? ` (${ctx.t('mon.sources.published')} ${formatDate(ctx, r.publishedAt)})` : ''}. `}
            {r.source ? `${ctx.t('mon.release.source')}: ${r.source}. ` : ''}
            {r.licence ? `${ctx.t('mon.release.licence')}: ${r.licence}.` : ''}
            {r.isExample ? ` ${ctx.t('example.badge')}.` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The rating as a word and a symbol, never colour alone. */
export function RatingText({ ctx, rating }: { ctx: PageContext; rating: Rating }) {
  if (rating === 'none') return <>–</>;
  const symbol: Record<Exclude<Rating, 'none'>, string> = {
    better: '▲',
    worse: '▼',
    similar: '●',
    higher: '↑',
    lower: '↓',
  };
  return (
    <span class={`rating rating--${rating}`}>
      <span aria-hidden="true">{`${symbol[rating]} `}</span>
      {ctx.t(`mon.rating.${rating}` as 'mon.rating.better')}
    </span>
  );
}
