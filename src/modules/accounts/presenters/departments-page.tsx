// Admin page: the departments of the organising team, and a form to add or rename one.
import { renderPage } from '../../../ui/layout.tsx';
import { Breadcrumb, CsrfField, ErrorSummary, Field } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { ErrorDetail } from '../../../core/errors.ts';

export function departmentsPage(
  ctx: PageContext,
  v: { departments: { id: string; name: string }[]; errors: ErrorDetail[] },
): string {
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t('staff.departments.title'),
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[
            { href: '/verwaltung', label: t('staff.admin.title') },
            { label: t('staff.departments.title') },
          ]}
        />
        <h1 class="kern-heading-large">{t('staff.departments.heading')}</h1>
        <div
          class="kern-table-responsive"
          tabindex={0}
          role="region"
          aria-label={t('staff.departments.title')}
        >
          <table class="kern-table kern-table--striped">
            <caption class="kern-sr-only">{t('staff.departments.title')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t('staff.departments.col.name')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t('staff.departments.col.id')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {v.departments.map((d) => (
                <tr class="kern-table__row">
                  <th scope="row" class="kern-table__cell">
                    {d.name}
                  </th>
                  <td class="kern-table__cell">{d.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2 class="kern-heading-medium">{t('staff.departments.formTitle')}</h2>
        <ErrorSummary ctx={ctx} errors={v.errors} />
        <form method="post" action="/verwaltung/fachbereiche" class="narrow-form">
          <CsrfField ctx={ctx} />
          <Field
            id="id"
            label={t('staff.departments.id')}
            error={v.errors.find((e) => e.field === 'id')?.message}
          >
            <input class="kern-form-input__input" id="id" name="id" type="text" required />
          </Field>
          <Field
            id="name"
            label={t('staff.departments.name')}
            error={v.errors.find((e) => e.field === 'name')?.message}
          >
            <input class="kern-form-input__input" id="name" name="name" type="text" required />
          </Field>
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t('staff.departments.submit')}</span>
          </button>
        </form>
      </>
    ),
  });
}
