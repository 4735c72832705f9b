// The admins' list of barrier reports, newest first.
import { renderPage } from '../../ui/layout.tsx';
import { Breadcrumb } from '../../ui/components.tsx';
import type { PageContext } from '../../ui/page.ts';
import type { MessageKey } from '../../ui/i18n/index.ts';

interface Report {
  id: number;
  pageUrl: string;
  message: string;
  contact: string | null;
  status: string;
  createdAt: Date;
}

/** Report states as stored; an unknown one is shown as stored. */
const statusKeys = new Map<string, MessageKey>([['neu', 'staff.barriers.status.neu']]);

export function barrierReportsPage(ctx: PageContext, reports: Report[]): string {
  const { t } = ctx;
  const status = (s: string) => {
    const key = statusKeys.get(s);
    return key ? t(key) : s;
  };
  const time = new Intl.DateTimeFormat(ctx.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });
  return renderPage({
    ctx,
    title: t('staff.barriers.title'),
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[
            { href: '/verwaltung', label: t('staff.admin.title') },
            { label: t('staff.barriers.title') },
          ]}
        />
        <h1 class="kern-heading-large">{t('staff.barriers.title')}</h1>
        {reports.length === 0 ? <p class="kern-body">{t('staff.barriers.empty')}</p> : null}
        <ol class="kern-list report-list">
          {reports.map((r) => (
            <li>
              <p class="kern-body kern-body--bold">{`${time.format(r.createdAt)} · ${status(r.status)}${r.pageUrl ? ` · ${r.pageUrl}` : ''}`}</p>
              <p class="kern-body kern-preline">{r.message}</p>
              {r.contact ? (
                <p class="kern-body kern-body--small">
                  {t('staff.barriers.contact', { contact: r.contact })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </>
    ),
  });
}
