// The admins' list of barrier reports, newest first.
import { renderPage } from '../../ui/layout.tsx';
import { Breadcrumb } from '../../ui/components.tsx';
import type { PageContext } from '../../ui/page.ts';

interface Report {
  id: number;
  pageUrl: string;
  message: string;
  contact: string | null;
  status: string;
  createdAt: Date;
}

export function barrierReportsPage(ctx: PageContext, reports: Report[]): string {
  const time = new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });
  return renderPage({
    ctx,
    title: 'Barriere-Meldungen',
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[{ href: '/verwaltung', label: 'Verwaltung' }, { label: 'Barriere-Meldungen' }]}
        />
        <h1 class="kern-heading-large">Barriere-Meldungen</h1>
        {reports.length === 0 ? <p class="kern-body">Es liegen keine Meldungen vor.</p> : null}
        <ol class="kern-list report-list">
          {reports.map((r) => (
            <li>
              <p class="kern-body kern-body--bold">{`${time.format(r.createdAt)} · ${r.status}${r.pageUrl ? ` · ${r.pageUrl}` : ''}`}</p>
              <p class="kern-body kern-preline">{r.message}</p>
              {r.contact ? (
                <p class="kern-body kern-body--small">{`Kontakt: ${r.contact}`}</p>
              ) : null}
            </li>
          ))}
        </ol>
      </>
    ),
  });
}
